#!/usr/bin/env python3
"""Regenerates gmx_angles.tsv: bond angles and dihedrals of the bundled DMF and PVDF templates as
GROMACS itself measures them (gmx_d angle), for AngleConventionOracleTest.

gmx mdrun cannot run on the machine this was made on (no rdtscp), so there is no energy oracle; but
gmx angle applies GROMACS's own angle and dihedral-sign conventions, which is what this checks.
Run from the repository root:  python3 engine/src/test/resources/org/sheath/engine/force/bonded/make_gmx_angles.py
"""
import os, re, subprocess, tempfile

LIB = "forcefields/src/main/resources/org/sheath/forcefields/library/electrolyte.ff"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gmx_angles.tsv")


def terms(itp):
    """(section, funct, atoms) of [ angles ] and [ dihedrals ] lines."""
    out, sec = [], None
    for line in open(itp):
        line = line.split(";")[0].strip()
        if not line or line.startswith("#"):
            continue
        m = re.match(r"\[\s*(\w+)\s*\]", line)
        if m:
            sec = m.group(1)
            continue
        f = line.split()
        if sec == "angles":
            out.append(("angle", [int(x) for x in f[:3]]))
        elif sec == "dihedrals":
            out.append(("dihedral", [int(x) for x in f[:4]]))
    return out


def measure(gro, kind, groups, tmp):
    ndx = os.path.join(tmp, "g.ndx")
    with open(ndx, "w") as w:
        w.write("[ g ]\n")
        for g in groups:
            w.write(" ".join(map(str, g)) + "\n")
    ov = os.path.join(tmp, "ov.xvg")
    subprocess.run(["gmx_d", "-quiet", "angle", "-f", gro, "-n", ndx, "-type", kind, "-all",
                    "-od", os.path.join(tmp, "od.xvg"), "-ov", ov],
                   check=True, cwd=tmp, input=b"0\n", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rows = [l.split() for l in open(ov) if not l.startswith(("#", "@"))]
    values = rows[0][2:]  # time, average, then one column per group
    assert len(values) == len(groups), (len(values), len(groups))
    return values


with tempfile.TemporaryDirectory() as tmp, open(OUT, "w") as out:
    ver = subprocess.run(["gmx_d", "--version"], capture_output=True, text=True).stdout
    ver = next(l for l in ver.splitlines() if "GROMACS version" in l).split(":")[1].strip()
    out.write(f"# gmx_d angle (GROMACS {ver}, double) on the bundled templates; made by make_gmx_angles.py\n")
    out.write("# molecule\tkind\tatoms (1-based, comma-separated)\tvalue (degrees, as printed by gmx angle)\n")
    for mol in ("dmf", "pvdf"):
        gro = os.path.abspath(os.path.join(LIB, mol + ".gro"))
        t = terms(os.path.join(LIB, mol + ".itp"))
        for kind in ("angle", "dihedral"):
            groups = []
            for k, a in t:
                if k == kind and a not in groups:
                    groups.append(a)
            for g, v in zip(groups, measure(gro, kind, groups, tmp)):
                out.write(f"{mol}\t{kind}\t{','.join(map(str, g))}\t{v}\n")
