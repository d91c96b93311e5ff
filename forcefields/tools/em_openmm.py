#!/usr/bin/python3
"""Energy-minimise a GROMACS topology + .gro with OpenMM (own code).

Why not gmx mdrun: the GROMACS 2022.5 build on the development machines was
compiled with GMX_USE_RDTSCP=ON and the (virtual) CPU has no rdtscp, so every
`gmx mdrun` stops with a fatal error. grompp, insert-molecules, editconf and
dump work and are still used for building and checking; OpenMM (Debian package
python3-simtk, OpenMM 7.7; libopenmm-plugins adds the
faster CPU platform) reads the very same .top through its GromacsTopFile
parser for the minimisation.

Usage:
  em_openmm.py vacuum TOP GRO OUT.gro      single molecule, no cut-off (exact gas phase)
  em_openmm.py pme    TOP GRO OUT.gro      periodic box, PME, 1.2 nm cut-offs

Include files are searched in the directory of TOP (put a symlink
electrolyte.ff -> the library there).

In vacuum mode the global 1-4 factors of [ defaults ] are replaced by the
molecule's own [ sheath_fudge ] values (read from its .itp), so the minimum is
the one Sheath sees; the combining rule stays Lorentz-Berthelot.
Minimisation: OpenMM's L-BFGS (LocalEnergyMinimizer), repeated until the energy
change is below 1e-6 kJ/mol. Prints energy and max |force| before and after.
"""
import os
import re
import shutil
import sys
import tempfile

import openmm as mm
import openmm.app as app
import openmm.unit as u


def read_gro(path):
    lines = open(path).read().splitlines()
    n = int(lines[1])
    atoms = lines[2:2 + n]
    xyz = [[float(l[20 + 8 * d:28 + 8 * d]) for d in range(3)] for l in atoms]
    box = [float(v) for v in lines[2 + n].split()[:3]]
    return lines[0], atoms, xyz, box


def write_gro(path, title, atoms, xyz, box):
    with open(path, "w") as f:
        f.write(title + "\n%5d\n" % len(atoms))
        for l, x in zip(atoms, xyz):
            f.write(l[:20] + "".join("%8.3f" % v for v in x) + "\n")
        f.write("%10.5f%10.5f%10.5f\n" % tuple(box))


def sheath_fudge(top):
    """fudgeLJ, fudgeQQ of the (single) molecule included by TOP, or None."""
    base = os.path.dirname(os.path.abspath(top))
    for inc in re.findall(r'#include\s+"([^"]+)"', open(top).read()):
        p = os.path.join(base, inc)
        if inc.endswith("forcefield.itp") or not os.path.exists(p):
            continue
        m = re.search(r"\[\s*sheath_fudge\s*\][^\n]*\n(?:\s*;[^\n]*\n)*\s*([0-9.]+)\s+([0-9.]+)", open(p).read())
        if m:
            return m.group(1), m.group(2)
    return None


def energy_force(sim):
    st = sim.context.getState(getEnergy=True, getForces=True)
    e = st.getPotentialEnergy().value_in_unit(u.kilojoule_per_mole)
    f = st.getForces(asNumpy=True).value_in_unit(u.kilojoule_per_mole / u.nanometer)
    fmax = max((v[0] ** 2 + v[1] ** 2 + v[2] ** 2) ** 0.5 for v in f)
    return e, fmax


def main():
    mode, top, gro, out = sys.argv[1:5]
    title, atoms, xyz, box = read_gro(gro)
    topdir = os.path.dirname(os.path.abspath(top))
    tmp = None
    incdir = topdir
    if mode == "vacuum":
        fud = sheath_fudge(top)
        if fud:
            # private copy of the include tree with the molecule's own 1-4 factors in [ defaults ]
            tmp = tempfile.mkdtemp()
            ffsrc = os.path.realpath(os.path.join(topdir, "electrolyte.ff"))
            ffdst = os.path.join(tmp, "electrolyte.ff")
            shutil.copytree(ffsrc, ffdst)
            p = os.path.join(ffdst, "forcefield.itp")
            s = open(p).read()
            s = re.sub(r"(\[ defaults \][^\n]*\n(?:;[^\n]*\n)*\s*1\s+2\s+yes\s+)\S+\s+\S+",
                       lambda m_: m_.group(1) + f"{fud[0]}      {fud[1]}", s)
            open(p, "w").write(s)
            incdir = tmp
            print(f"1-4 factors from [ sheath_fudge ]: fudgeLJ {fud[0]} fudgeQQ {fud[1]}")
    t = app.GromacsTopFile(top, periodicBoxVectors=[mm.Vec3(box[0], 0, 0), mm.Vec3(0, box[1], 0),
                                                    mm.Vec3(0, 0, box[2])] * u.nanometer,
                           includeDir=incdir)
    if mode == "vacuum":
        system = t.createSystem(nonbondedMethod=app.NoCutoff)
    else:
        system = t.createSystem(nonbondedMethod=app.PME, nonbondedCutoff=1.2 * u.nanometer)
    integ = mm.VerletIntegrator(0.001)
    names = [mm.Platform.getPlatform(i).getName() for i in range(mm.Platform.getNumPlatforms())]
    plat = mm.Platform.getPlatformByName("CPU" if len(atoms) >= 200 and "CPU" in names else "Reference")
    sim = app.Simulation(t.topology, system, integ, plat)
    sim.context.setPositions([mm.Vec3(*x) for x in xyz] * u.nanometer)
    e0, f0 = energy_force(sim)
    prev = e0
    for _ in range(50):
        sim.minimizeEnergy(tolerance=0.001 * u.kilojoule_per_mole / u.nanometer, maxIterations=20000)
        e, f = energy_force(sim)
        if abs(prev - e) < 1e-6:
            break
        prev = e
    pos = sim.context.getState(getPositions=True).getPositions(asNumpy=True).value_in_unit(u.nanometer)
    write_gro(out, title, atoms, [list(p) for p in pos], box)
    print(f"E {e0:.4f} -> {e:.4f} kJ/mol; max|F| {f0:.3g} -> {f:.3g} kJ/mol/nm")
    if tmp:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
