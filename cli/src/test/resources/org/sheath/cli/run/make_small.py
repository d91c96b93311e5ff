#!/usr/bin/env python3
"""Packs the small test box small.gro (2 LiTFSI + 40 DMF, 2.10 nm cube, about 0.63 g/cm3) from the
bundled templates: random positions and orientations, at least 0.2 nm between atoms of different
molecules (periodic), seeded. Run from this folder: python3 make_small.py"""
import numpy as np

LIB = "../../../../../../../../forcefields/src/main/resources/org/sheath/forcefields/library/electrolyte.ff/"
L = 2.10
SPECIES = [("TFSI", "tfsi", 2), ("LI", "li", 2), ("DMF", "dmf", 40)]
rng = np.random.default_rng(14)


def template(name):
    lines = open(LIB + name + ".gro").read().splitlines()
    n = int(lines[1])
    atoms = [(l[5:10].strip(), l[10:15].strip(), [float(l[20:28]), float(l[28:36]), float(l[36:44])]) for l in lines[2:2 + n]]
    xyz = np.array([a[2] for a in atoms])
    return [(a[0], a[1]) for a in atoms], xyz - xyz.mean(axis=0)


def rotation():
    q = rng.normal(size=4)
    a, b, c, d = q / np.linalg.norm(q)
    return np.array([[a*a+b*b-c*c-d*d, 2*(b*c-a*d), 2*(b*d+a*c)],
                     [2*(b*c+a*d), a*a-b*b+c*c-d*d, 2*(c*d-a*b)],
                     [2*(b*d-a*c), 2*(c*d+a*b), a*a-b*b-c*c+d*d]])


placed = []   # arrays of coordinates
names = []
for res, tpl, count in SPECIES:
    labels, xyz = template(tpl)
    for k in range(count):
        for attempt in range(20000):
            trial = xyz @ rotation().T + rng.uniform(0, L, size=3)
            ok = True
            for other in placed:
                d = trial[:, None, :] - other[None, :, :]
                d -= L * np.round(d / L)
                if (np.einsum("ijk,ijk->ij", d, d) < 0.2 ** 2).any():
                    ok = False
                    break
            if ok:
                break
        else:
            raise SystemExit("cannot place " + res)
        placed.append(trial)
        names.append((res, labels))

order = {"LI": 0, "TFSI": 1, "DMF": 2}   # [ molecules ] order of small.top
mols = sorted(zip(names, placed), key=lambda m: order[m[0][0]])
out = ["small test box: 2 LiTFSI + 40 DMF (make_small.py)"]
body = []
i = 0
for r, ((res, labels), xyz) in enumerate(mols, start=1):
    for (_, atom), p in zip(labels, xyz):
        i += 1
        body.append("%5d%-5s%5s%5d%8.3f%8.3f%8.3f" % (r, res, atom, i, p[0], p[1], p[2]))
out.append("%5d" % i)
out += body
out.append("%10.5f%10.5f%10.5f" % (L, L, L))
open("small.gro", "w").write("\n".join(out) + "\n")
print(i, "atoms")
