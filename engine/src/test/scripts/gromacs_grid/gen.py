import random, math
random.seed(3)
L=(3.0,3.1,2.9)
atoms=[]  # (resname, name, x,y,z)
mols=[]
def ok(p):
    for a in atoms:
        d=[p[k]-a[2+k] for k in range(3)]
        d=[d[k]-L[k]*round(d[k]/L[k]) for k in range(3)]
        if sum(v*v for v in d)<0.22**2: return False
    return True
def place(n, kind):
    c=0
    while c<n:
        p=[random.random()*L[k] for k in range(3)]
        if kind=='MOL':
            u=[random.gauss(0,1) for _ in range(3)]; nu=math.sqrt(sum(v*v for v in u)); u=[v/nu for v in u]
            v=[random.gauss(0,1) for _ in range(3)]; dd=sum(u[k]*v[k] for k in range(3)); v=[v[k]-dd*u[k] for k in range(3)]; nv=math.sqrt(sum(x*x for x in v)); v=[x/nv for x in v]
            h=math.radians(109.47/2)
            s=[p,[p[k]+0.1*(math.cos(h)*u[k]+math.sin(h)*v[k]) for k in range(3)],[p[k]+0.1*(math.cos(h)*u[k]-math.sin(h)*v[k]) for k in range(3)]]
            if all(ok(q) for q in s):
                for nm,q in zip(('OW','HW1','HW2'),s): atoms.append(('MOL',nm)+tuple(q))
                c+=1
        else:
            if ok(p):
                atoms.append((kind,kind)+tuple(p)); c+=1
place(30,'LI'); place(10,'ZN'); place(50,'AN'); place(40,'MOL')
with open('conf.gro','w') as f:
    f.write('test\n%d\n'%len(atoms))
    res=0; prev=None
    for i,a in enumerate(atoms):
        if a[1] in ('LI','ZN','AN','OW'): res+=1
        f.write('%5d%-5s%5s%5d%8.3f%8.3f%8.3f\n'%(res,a[0],a[1],i+1,a[2],a[3],a[4]))
    f.write('%10.5f%10.5f%10.5f\n'%L)
top='''[ defaults ]
1 1 no 1.0 1.0
[ atomtypes ]
LI 6.94 0 A 0 0
ZN 65.4 0 A 0 0
AN 35.0 0 A 0 0
OW 16.0 0 A 0 0
HW 1.008 0 A 0 0
[ moleculetype ]
LI 3
[ atoms ]
1 LI 1 LI LI 1 1.0
[ moleculetype ]
ZN 3
[ atoms ]
1 ZN 1 ZN ZN 1 2.0
[ moleculetype ]
AN 3
[ atoms ]
1 AN 1 AN AN 1 -1.0
[ moleculetype ]
MOL 3
[ atoms ]
1 OW 1 MOL OW 1 -0.8
2 HW 1 MOL HW1 1 0.4
3 HW 1 MOL HW2 1 0.4
[ bonds ]
1 2 1 0.1 0.0
1 3 1 0.1 0.0
[ system ]
test
[ molecules ]
LI 30
ZN 10
AN 50
MOL 40
'''
open('topol.top','w').write(top)
