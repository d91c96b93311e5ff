"""OpenMM side of bench/md_bench.sh: time NVT MD of a Sheath run directory's system.

Reads DIR/topol.top (Sheath writes it for built boxes: self-contained, comb-rule 1, pairs function 2),
rewrites it for OpenMM 7.7's GromacsTopFile with validation/dmf-density/openmm_density.py's checked,
lossless rewrite, and the coordinates GRO. Same settings as the Sheath deck: PME with Sheath's beta
(erfc(beta*rc) = 1e-5) and grid (spacing <= 0.12 nm), 1.2 nm plain cut-off, dispersion correction,
HBonds constraints, 2 fs, Nose-Hoover chain 300 K (collision frequency 1/tau_t), CPU platform.
Prints one line: "openmm: N steps, S s, X ns/day".
"""
import argparse
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "validation", "dmf-density"))
import openmm_density as od  # noqa: E402  (the rewrite and the PME grid choice)
import openmm as mm  # noqa: E402
import openmm.unit as u  # noqa: E402


def rescale_14(system, export, rep):
    """OpenMM 7.7 reads one global fudgeQQ: give each molecule's 1-4 Coulomb pairs its own (exact)."""
    by_mol = rep["fudgeQQ_by_molecule"]
    if len(set(by_mol.values())) <= 1:
        return
    natoms, order, sec, mol = {}, [], None, None
    for line in export.splitlines():
        body = line.split(";")[0].split()
        if not body:
            continue
        if body[0].startswith("["):
            sec = body[1] if len(body) > 1 else body[0].strip("[]")
            continue
        if sec == "moleculetype":
            mol = body[0]
            natoms[mol] = 0
        elif sec == "atoms":
            natoms[mol] += 1
        elif sec == "molecules":
            order.append((body[0], int(body[1])))
    fudge = []
    for name, count in order:
        fudge += [by_mol.get(name, rep["fudgeQQ"])] * (natoms[name] * count)
    nb = [f for f in system.getForces() if isinstance(f, mm.NonbondedForce)][0]
    glob = rep["fudgeQQ"]
    for k in range(nb.getNumExceptions()):
        i, j, qq, sig, eps = nb.getExceptionParameters(k)
        if qq.value_in_unit(u.elementary_charge ** 2) != 0:
            nb.setExceptionParameters(k, i, j, qq * (fudge[i] / glob), sig, eps)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--top", required=True)
    ap.add_argument("--gro", required=True)
    ap.add_argument("--steps", type=int, default=500)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--tau-t", type=float, default=0.5)
    a = ap.parse_args()
    export = open(a.top).read()
    text, rep = od.openmm_readable(export, allow_mixed_fudge=True)
    tmp = tempfile.mkdtemp()
    p = os.path.join(tmp, "topol_openmm.top")
    open(p, "w").write(text)
    _, gro, system = od.load(p, a.gro)
    od.set_pme(system, "sheath", od.read_gro_box(a.gro))
    rescale_14(system, export, rep)
    integ = mm.NoseHooverIntegrator(300 * u.kelvin, (1.0 / a.tau_t) / u.picosecond, 0.002 * u.picoseconds)
    plat, props = od.platform(a.threads)
    sim_ctx = mm.Context(system, integ, plat, props)
    sim_ctx.setPositions(gro.getPositions())
    sim_ctx.setVelocitiesToTemperature(300 * u.kelvin, 1)
    integ.step(10)  # warm-up: kernels compiled, neighbour list built
    sim_ctx.getState(getEnergy=True)
    t0 = time.perf_counter()
    integ.step(a.steps)
    sim_ctx.getState(getEnergy=True)
    wall = time.perf_counter() - t0
    nsday = a.steps * 0.002e-3 / (wall / 86400)
    print("openmm: %d steps, %.1f s, %.3f ns/day (%d atoms, %d thread(s))" % (a.steps, wall, nsday, system.getNumParticles(), a.threads))


if __name__ == "__main__":
    main()
