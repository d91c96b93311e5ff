import subprocess, re, itertools
lines=open('conf.gro').read().splitlines()
head, atoms = lines[:2], lines[2:-1]
mdp=open('run.mdp').read().replace('rcoulomb = 1.2','rcoulomb = 0.45').replace('rvdw = 1.2','rvdw = 0.45').replace('rlist = 1.2','rlist = 0.45')
cases=[]
for L in (1.0, 2.05, 2.4, 3.0, 3.33, 4.5, 5.3, 6.0, 7.77, 10.1, 12.0, 15.5, 21.0):
    for sp, order in ((0.12,4),(0.16,4),(0.1,6),(0.06,8)):
        cases.append(((L,0,0, 0,L*1.03,0, 0,0,L*0.97), sp, order))
# triclinic: rhombic dodecahedron (xy-square) and truncated octahedron shapes
for d in (2.5, 4.0, 6.3, 9.0):
    cases.append(((d,0,0, 0,d,0, d/2,d/2,d*2**0.5/2), 0.12, 4))
    cases.append(((d,0,0, d/3,2*2**0.5*d/3,0, -d/3,2**0.5*d/3,6**0.5*d/3), 0.12, 4))
    cases.append(((d,0,0, d/2,d*3**0.5/2,0, d/2,d*3**0.5/6,d*(2/3)**0.5), 0.1, 5))
out=open('grid_reference.csv','w')
out.write('# ax,ay,az,bx,by,bz,cx,cy,cz,fourierspacing,pme_order,nkx,nky,nkz  (from gmx grompp 2022.5, mixed precision)\n')
for box, sp, order in cases:
    ax,ay,az,bx,by,bz,cx,cy,cz = box
    # .gro last line: v1(x) v2(y) v3(z) v1(y) v1(z) v2(x) v2(z) v3(x) v3(y)
    boxline='%10.5f%10.5f%10.5f%10.5f%10.5f%10.5f%10.5f%10.5f%10.5f'%(ax,by,cz,ay,az,bx,bz,cx,cy)
    open('g.gro','w').write('\n'.join(head+atoms+[boxline])+'\n')
    open('g.mdp','w').write(mdp.replace('fourierspacing = 0.12','fourierspacing = %g'%sp).replace('pme-order = 4','pme-order = %d'%order))
    r=subprocess.run(['gmx','grompp','-f','g.mdp','-c','g.gro','-p','topol.top','-o','g.tpr','-maxwarn','10'],capture_output=True,text=True)
    m=re.search(r'Using a fourier grid of (\d+)x(\d+)x(\d+)', r.stdout+r.stderr)
    if not m:
        print('FAIL', box, (r.stdout+r.stderr)[-600:]); continue
    # read back the box as grompp stored it (5 decimals)
    vals=[float(boxline[i*10:(i+1)*10]) for i in range(9)]
    b=(vals[0],vals[3],vals[4], vals[5],vals[1],vals[6], vals[7],vals[8],vals[2])
    out.write(','.join('%.5f'%v for v in b)+',%g,%d,%s,%s,%s\n'%((sp,order)+m.groups()))
    print(b[0],b[4],b[8],sp,order,m.groups())
