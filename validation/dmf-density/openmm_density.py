#!/usr/bin/python3
"""Independent-engine (OpenMM) reference for the NPT density of neat DMF with electrolyte.ff.

Reads Sheath's self-contained export topol_export.top (./sheath topology --export-gromacs)
and conf.gro with OpenMM's GromacsTopFile and runs NPT MD at GROMACS/Sheath default settings:
PME (ewaldErrorTolerance 1e-5), 1.2 nm cut-off, homogeneous LJ dispersion correction
(energy and pressure, = GROMACS DispCorr EnerPres), HBonds constraints, 2 fs,
LangevinMiddleIntegrator 298.15 K / 1 ps^-1, MonteCarloBarostat every 25 steps.

OpenMM 7.7's GromacsTopFile cannot read two things the export uses: [ pairs ] of function 2
and [ nonbond_params ] with comb-rule 1. The export is therefore rewritten, losslessly and with
checks, into an equivalent comb-rule-2 file before OpenMM reads it (see openmm_readable()):
  * atom types: C6, C12 -> sigma = (C12/C6)^(1/6), epsilon = C6^2/(4 C12);
  * [ nonbond_params ]: every listed pair must equal Lorentz-Berthelot of those sigma/epsilon
    (relative difference < 1e-9, else the script stops); then the section is dropped;
  * [ pairs ] function 2 (fudgeQQ qi qj C6 C12) -> function 1 with explicit sigma/epsilon; qi, qj
    must equal the atoms' charges and fudgeQQ must be one value, which goes into [ defaults ].
`--check` also builds the system from system.top through the bundled library (OpenMM's own
comb-rule-2/gen-pairs path) and compares single-point energies of the two systems.

Usage (from the repository root, OpenMM = Debian python3-simtk):
  nice -n 5 /usr/bin/python3 validation/dmf-density/openmm_density.py check
  nice -n 5 /usr/bin/python3 validation/dmf-density/openmm_density.py run --pressure 1 \
        --equil-ps 100 --prod-ps 500 --out /tmp/dmf_1bar
  /usr/bin/python3 validation/dmf-density/openmm_density.py analyze --run1 /tmp/dmf_1bar \
        --run2 /tmp/dmf_1000bar --blocks 10 --json validation/dmf-density/reference.json
`run` writes OUT.csv (time, volume, density every 0.1 ps; potential energy and temperature
every 1 ps), OUT.log, OUT_equil.xml (state after equilibration), OUT_final.gro and, with
--dcd, a sparse trajectory. Nothing of that belongs in git.
"""
import argparse
import json
import math
import os
import re
import shutil
import sys
import tempfile
import time

import openmm as mm
import openmm.app as app
import openmm.unit as u

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
LIB = os.path.join(ROOT, "forcefields/src/main/resources/org/sheath/forcefields/library")

TEMPERATURE_K = 298.15
CUTOFF_NM = 1.2
EWALD_TOL = 1e-5
# Sheath's (= GROMACS's) PME defaults for this box: erfc(beta*rc) = 1e-5 at rc = 1.2 nm, grid spacing
# <= 0.12 nm (3.72 nm -> 32 points). Used by default instead of OpenMM's own choice from
# ewaldErrorTolerance (alpha 2.74 nm^-1, grid 68^3): Debian's OpenMM 7.7 has no CPU PME plugin
# (libOpenMMPME), so reciprocal space runs in the serial double-precision Reference code and the
# 68^3 grid costs ~3x the time. OpenMM's PME order is fixed at 5 (Sheath's default is 4).
SHEATH_BETA = 2.602844      # nm^-1, printed by `sheath energy` for this box
SHEATH_FOURIER_SPACING = 0.12
DT_PS = 0.002
FRICTION_PER_PS = 1.0
BAROSTAT_EVERY = 25
SAMPLE_EVERY = 50          # steps between volume samples (0.1 ps)
ENERGY_EVERY = 500         # steps between energy/temperature samples (1 ps)
AMU_NM3_TO_KG_M3 = 1.66053906660    # 1 amu/nm^3 = 1.66053906660 kg/m^3
KB_J_K = 1.380649e-23


# ---------------------------------------------------------------- topology rewrite

def _sections(text):
    """Yields (section name or None, line) for every line of a .top."""
    sec = None
    for line in text.splitlines():
        m = re.match(r"\s*\[\s*(\w+)\s*\]", line)
        if m:
            sec = m.group(1).lower()
        yield sec, line


def openmm_readable(export_text, allow_mixed_fudge=False):
    """Rewrites Sheath's export (comb-rule 1, explicit pairs) into an equivalent comb-rule-2 .top
    that OpenMM 7.7's GromacsTopFile reads. Returns (text, report dict). With allow_mixed_fudge, molecules
    with different fudgeQQ are accepted: the file gets the smallest, and the caller must rescale the 1-4
    exceptions per molecule (report["fudgeQQ_by_molecule"])."""
    lines = list(_sections(export_text))
    defaults = None
    c6c12 = {}
    for sec, line in lines:
        body = line.split(";")[0].split()
        if not body or body[0].startswith("["):
            continue
        if sec == "defaults":
            defaults = body
        elif sec == "atomtypes":
            # name at.num mass charge ptype c6 c12
            c6c12[body[0]] = (float(body[5]), float(body[6]))
    if defaults is None or defaults[0] != "1" or defaults[1] != "1":
        raise SystemExit("expected [ defaults ] nbfunc 1 comb-rule 1 in the export, got %s" % defaults)
    sig_eps = {}
    for t, (c6, c12) in c6c12.items():
        if c6 > 0 and c12 > 0:
            sig_eps[t] = ((c12 / c6) ** (1 / 6), c6 * c6 / (4 * c12))
        elif c6 == 0 and c12 == 0:
            sig_eps[t] = (0.0, 0.0)
        else:
            raise SystemExit("atom type %s: C6 %g C12 %g cannot be written as sigma/epsilon" % (t, c6, c12))

    def lb(a, b):
        (si, ei), (sj, ej) = sig_eps[a], sig_eps[b]
        s, e = 0.5 * (si + sj), math.sqrt(ei * ej)
        return 4 * e * s ** 6, 4 * e * s ** 12

    def rel(x, y):
        return abs(x - y) / max(abs(x), abs(y), 1e-300)

    charges = {}     # (molecule, atom nr) -> charge
    mol = None
    worst_nb, worst_pair = 0.0, 0.0
    fudge_qq = set()
    fudge_by_mol = {}
    n_nb, n_pairs = 0, 0
    out = []
    for sec, line in lines:
        body = line.split(";")[0].split()
        head = bool(body) and body[0].startswith("[")
        if sec == "nonbond_params":
            if body and not head:
                c6, c12 = float(body[3]), float(body[4])
                l6, l12 = lb(body[0], body[1])
                worst_nb = max(worst_nb, rel(c6, l6), rel(c12, l12))
                n_nb += 1
            continue          # section dropped: OpenMM mixes LB itself
        if not body or head:
            out.append(line)
            continue
        if sec == "defaults":
            out.append("  1 2 no 1.0 @FUDGEQQ@")
        elif sec == "atomtypes":
            s, e = sig_eps[body[0]]
            out.append("  %s %s %s %s %s %.17g %.17g" % (body[0], body[1], body[2], body[3], body[4], s, e))
        elif sec == "moleculetype":
            mol = body[0]
            out.append(line)
        elif sec == "atoms":
            charges[(mol, int(body[0]))] = float(body[6])
            out.append(line)
        elif sec == "pairs":
            if body[2] != "2":
                raise SystemExit("unexpected [ pairs ] function %s: %s" % (body[2], line))
            i, j = int(body[0]), int(body[1])
            fqq, qi, qj, c6, c12 = (float(x) for x in body[3:8])
            if rel(qi, charges[(mol, i)]) > 1e-12 or rel(qj, charges[(mol, j)]) > 1e-12:
                raise SystemExit("pair charges differ from the atoms' charges: " + line)
            fudge_qq.add(fqq)
            fudge_by_mol[mol] = fqq
            if c6 > 0 and c12 > 0:
                s, e = (c12 / c6) ** (1 / 6), c6 * c6 / (4 * c12)
                worst_pair = max(worst_pair, rel(4 * e * s ** 6, c6), rel(4 * e * s ** 12, c12))
            elif c6 == 0 and c12 == 0:
                s, e = 1.0, 0.0
            else:
                raise SystemExit("pair C6/C12 not representable as sigma/epsilon: " + line)
            out.append("  %d %d 1 %.17g %.17g" % (i, j, s, e))
            n_pairs += 1
        else:
            out.append(line)
    if len(fudge_qq) > 1 and not allow_mixed_fudge:
        raise SystemExit("pairs with different fudgeQQ %s: OpenMM takes one global value" % sorted(fudge_qq))
    if worst_nb > 1e-9:
        raise SystemExit("[ nonbond_params ] are not Lorentz-Berthelot of the atom types (rel. diff %.3g)" % worst_nb)
    fq = min(fudge_qq) if fudge_qq else 1.0
    text = "\n".join(out).replace("@FUDGEQQ@", "%.17g" % fq) + "\n"
    return text, {"nonbond_params_checked": n_nb, "nonbond_params_max_rel_diff_from_LB": worst_nb,
                  "pairs_converted": n_pairs, "pairs_max_rel_roundtrip": worst_pair, "fudgeQQ": fq,
                  "fudgeQQ_by_molecule": fudge_by_mol}


# ---------------------------------------------------------------- system set-up

def read_gro_box(path):
    lines = open(path).read().splitlines()
    n = int(lines[1])
    return [float(v) for v in lines[2 + n].split()[:3]]


def sheath_grid(box_nm):
    """GROMACS's grid choice: smallest n >= L/spacing with only factors 2, 3, 5, 7."""
    out = []
    for L in box_nm:
        n = math.ceil(L / SHEATH_FOURIER_SPACING - 1e-9)
        while True:
            m = n
            for f in (2, 3, 5, 7):
                while m % f == 0:
                    m //= f
            if m == 1:
                break
            n += 1
        out.append(n)
    return out


def set_pme(system, mode, box_nm):
    nb = [f for f in system.getForces() if isinstance(f, mm.NonbondedForce)][0]
    if mode == "sheath":
        nb.setPMEParameters(SHEATH_BETA, *sheath_grid(box_nm))
    elif mode != "tolerance":
        raise SystemExit("--pme sheath or tolerance")


def load(top_path, gro_path, include_dir=None, constraints=app.HBonds):
    box = read_gro_box(gro_path)
    gro = app.GromacsGroFile(gro_path)
    vecs = [mm.Vec3(box[0], 0, 0), mm.Vec3(0, box[1], 0), mm.Vec3(0, 0, box[2])] * u.nanometer
    kw = {"includeDir": include_dir} if include_dir else {}
    top = app.GromacsTopFile(top_path, periodicBoxVectors=vecs, **kw)
    system = top.createSystem(nonbondedMethod=app.PME, nonbondedCutoff=CUTOFF_NM * u.nanometer,
                              constraints=constraints, ewaldErrorTolerance=EWALD_TOL)
    for f in system.getForces():
        if isinstance(f, mm.NonbondedForce):
            f.setUseDispersionCorrection(True)
            f.setUseSwitchingFunction(False)
        elif isinstance(f, mm.CustomNonbondedForce):
            raise SystemExit("unexpected CustomNonbondedForce: the rewrite should give a plain NonbondedForce")
    return top, gro, system


def export_system(constraints=app.HBonds, pme="sheath"):
    """System from topol_export.top (rewritten for OpenMM) + conf.gro; pme: "sheath" (beta, grid of
    Sheath's defaults, fixed at the start; the barostat scales the box, the grid stays) or
    "tolerance" (OpenMM's choice from ewaldErrorTolerance 1e-5)."""
    text, rep = openmm_readable(open(os.path.join(HERE, "topol_export.top")).read())
    tmp = tempfile.mkdtemp()
    p = os.path.join(tmp, "topol_openmm.top")
    open(p, "w").write(text)
    top, gro, system = load(p, os.path.join(HERE, "conf.gro"), constraints=constraints)
    shutil.rmtree(tmp)
    set_pme(system, pme, read_gro_box(os.path.join(HERE, "conf.gro")))
    return top, gro, system, rep


def platform(threads):
    plat = mm.Platform.getPlatformByName("CPU")
    return plat, {"Threads": str(threads)}


def total_mass_amu(system):
    return sum(system.getParticleMass(i).value_in_unit(u.dalton) for i in range(system.getNumParticles()))


# ---------------------------------------------------------------- check

def energies(system, positions, threads, groups=True):
    s = mm.XmlSerializer.deserialize(mm.XmlSerializer.serialize(system))
    for i, f in enumerate(s.getForces()):
        f.setForceGroup(i)
    plat, props = platform(threads)
    ctx = mm.Context(s, mm.VerletIntegrator(0.001), plat, props)
    ctx.setPositions(positions)
    res = {}
    for i, f in enumerate(s.getForces()):
        e = ctx.getState(getEnergy=True, groups={i}).getPotentialEnergy().value_in_unit(u.kilojoule_per_mole)
        res[f.__class__.__name__] = res.get(f.__class__.__name__, 0.0) + e
    res["total"] = ctx.getState(getEnergy=True).getPotentialEnergy().value_in_unit(u.kilojoule_per_mole)
    return res


def lj_only(system):
    """Copy of system with all charges zero: NonbondedForce then gives LJ (SR + 1-4 + disp. corr.)."""
    s = mm.XmlSerializer.deserialize(mm.XmlSerializer.serialize(system))
    for f in s.getForces():
        if isinstance(f, mm.NonbondedForce):
            for i in range(f.getNumParticles()):
                q, sg, ep = f.getParticleParameters(i)
                f.setParticleParameters(i, 0.0, sg, ep)
            for k in range(f.getNumExceptions()):
                a, b, qq, sg, ep = f.getExceptionParameters(k)
                f.setExceptionParameters(k, a, b, 0.0, sg, ep)
    return s


def cmd_check(args):
    t0 = time.time()
    top, gro, sys_exp, rep = export_system(constraints=None, pme=args.pme)
    print("export rewrite:", json.dumps(rep))
    other = "tolerance" if args.pme == "sheath" else "sheath"
    _, _, sys_other, _ = export_system(constraints=None, pme=other)
    tmp = tempfile.mkdtemp()
    os.symlink(os.path.join(LIB, "electrolyte.ff"), os.path.join(tmp, "electrolyte.ff"))
    shutil.copy(os.path.join(HERE, "system.top"), tmp)
    _, _, sys_lib = load(os.path.join(tmp, "system.top"), os.path.join(HERE, "conf.gro"), constraints=None)
    set_pme(sys_lib, args.pme, read_gro_box(os.path.join(HERE, "conf.gro")))
    shutil.rmtree(tmp)
    pos = gro.getPositions()
    ee = energies(sys_exp, pos, args.threads)
    el = energies(sys_lib, pos, args.threads)
    print("%-24s %18s %18s %12s" % ("force (kJ/mol)", "topol_export.top", "system.top+lib", "diff"))
    for k in ee:
        print("%-24s %18.6f %18.6f %12.3g" % (k, ee[k], el.get(k, float("nan")), ee[k] - el.get(k, float("nan"))))
    eo = energies(sys_other, pos, args.threads)
    print("NonbondedForce with --pme %s: %.6f kJ/mol (diff %.3g)" % (other, eo["NonbondedForce"],
                                                                   eo["NonbondedForce"] - ee["NonbondedForce"]))
    lj = energies(lj_only(sys_exp), pos, args.threads)["NonbondedForce"]
    nb = [f for f in sys_exp.getForces() if isinstance(f, mm.NonbondedForce)][0]
    alpha, nx, ny, nz = nb.getPMEParametersInContext(
        mm.Context(sys_exp, mm.VerletIntegrator(0.001), *platform(args.threads)))
    print("LJ only (SR + 1-4 + dispersion correction, no potential shift): %.6f kJ/mol" % lj)
    print("Coulomb (PME real + recip + 1-4): %.6f kJ/mol" % (ee["NonbondedForce"] - lj))
    print("PME (--pme %s): alpha %.6f nm^-1, grid %dx%dx%d, order 5 (fixed in OpenMM)" % (args.pme, alpha, nx, ny, nz))
    print("mass %.4f amu; density of conf.gro %.3f kg/m3" % (
        total_mass_amu(sys_exp), total_mass_amu(sys_exp) * AMU_NM3_TO_KG_M3 / math.prod(read_gro_box(
            os.path.join(HERE, "conf.gro")))))
    print("check wall time %.1f s" % (time.time() - t0))


# ---------------------------------------------------------------- run

def cmd_run(args):
    t_start = time.time()
    log = open(args.out + ".log", "a")

    def say(msg):
        print(msg)
        log.write(msg + "\n")
        log.flush()

    top, gro, system, rep = export_system(pme=args.pme)
    say("OpenMM %s; export rewrite %s" % (mm.Platform.getOpenMMVersion(), json.dumps(rep)))
    system.addForce(mm.MonteCarloBarostat(args.pressure * u.bar, TEMPERATURE_K * u.kelvin, BAROSTAT_EVERY))
    integ = mm.LangevinMiddleIntegrator(TEMPERATURE_K * u.kelvin, FRICTION_PER_PS / u.picosecond,
                                        DT_PS * u.picosecond)
    integ.setRandomNumberSeed(args.seed)
    plat, props = platform(args.threads)
    sim = app.Simulation(top.topology, system, integ, plat, props)
    mass = total_mass_amu(system)
    nb = [f for f in system.getForces() if isinstance(f, mm.NonbondedForce)][0]
    if args.start:
        with open(args.start) as f:
            sim.context.setState(mm.XmlSerializer.deserialize(f.read()))
        say("start: state %s" % args.start)
    else:
        sim.context.setPositions(gro.getPositions())
        sim.context.setVelocitiesToTemperature(TEMPERATURE_K * u.kelvin, args.seed)
        say("start: conf.gro, velocities at %.2f K (seed %d)" % (TEMPERATURE_K, args.seed))
    alpha, nx, ny, nz = nb.getPMEParametersInContext(sim.context)
    say("settings: P %.1f bar, T %.2f K, Langevin middle friction %.1f/ps, dt %.3f ps, barostat every %d, "
        "PME %s (alpha %.4f nm^-1, grid %dx%dx%d), cutoff %.2f nm, dispersion correction %s, "
        "constraints HBonds (%d), threads %s, dof %d"
        % (args.pressure, TEMPERATURE_K, FRICTION_PER_PS, DT_PS, BAROSTAT_EVERY, args.pme, alpha, nx, ny, nz,
           CUTOFF_NM, nb.getUseDispersionCorrection(), system.getNumConstraints(), props["Threads"],
           3 * system.getNumParticles() - system.getNumConstraints() - 3))
    dof = 3 * system.getNumParticles() - system.getNumConstraints() - 3
    kb = u.MOLAR_GAS_CONSTANT_R.value_in_unit(u.kilojoule_per_mole / u.kelvin)
    if args.dcd:
        sim.reporters.append(app.DCDReporter(args.dcd, int(round(args.dcd_ps / DT_PS))))

    n_eq = int(round(args.equil_ps / DT_PS))
    n_pr = int(round(args.prod_ps / DT_PS))
    csv = open(args.out + ".csv", "w")
    csv.write("phase,time_ps,volume_nm3,density_kg_m3,potential_kJ_mol,temperature_K\n")
    step = 0
    t_phase = time.time()
    for phase, n in (("equil", n_eq), ("prod", n_pr)):
        done = 0
        t_phase = time.time()
        while done < n:
            sim.step(SAMPLE_EVERY)
            done += SAMPLE_EVERY
            step += SAMPLE_EVERY
            want_e = done % ENERGY_EVERY == 0
            st = sim.context.getState(getEnergy=want_e)
            a, b, c = st.getPeriodicBoxVectors(asNumpy=True).value_in_unit(u.nanometer)
            vol = a[0] * b[1] * c[2]
            if want_e:
                pe = st.getPotentialEnergy().value_in_unit(u.kilojoule_per_mole)
                temp = 2 * st.getKineticEnergy().value_in_unit(u.kilojoule_per_mole) / (dof * kb)
                csv.write("%s,%.3f,%.6f,%.4f,%.4f,%.3f\n" % (phase, step * DT_PS, vol, mass * AMU_NM3_TO_KG_M3 / vol,
                                                             pe, temp))
            else:
                csv.write("%s,%.3f,%.6f,%.4f,,\n" % (phase, step * DT_PS, vol, mass * AMU_NM3_TO_KG_M3 / vol))
            if done % (10 * ENERGY_EVERY) == 0 or done == n:
                csv.flush()
                el = time.time() - t_phase
                say("%s %.0f/%.0f ps  V %.4f nm3  rho %.2f kg/m3  %.2f ns/day  (wall %.0f s)"
                    % (phase, done * DT_PS, n * DT_PS, vol, mass * AMU_NM3_TO_KG_M3 / vol,
                       done * DT_PS / 1000 / (el / 86400), time.time() - t_start))
        wall = time.time() - t_phase
        say("%s done: %.0f ps in %.0f s wall = %.2f ns/day" % (phase, n * DT_PS, wall,
                                                               n * DT_PS / 1000 / (wall / 86400)))
        if phase == "equil":
            with open(args.out + "_equil.xml", "w") as f:
                f.write(mm.XmlSerializer.serialize(sim.context.getState(getPositions=True, getVelocities=True,
                                                                        enforcePeriodicBox=True)))
    csv.close()
    st = sim.context.getState(getPositions=True, enforcePeriodicBox=True)
    with open(args.out + "_final.gro", "w") as f:
        pos = st.getPositions(asNumpy=True).value_in_unit(u.nanometer)
        a, b, c = st.getPeriodicBoxVectors(asNumpy=True).value_in_unit(u.nanometer)
        src = open(os.path.join(HERE, "conf.gro")).read().splitlines()
        f.write("Neat DMF after OpenMM NPT %.0f bar\n%5d\n" % (args.pressure, len(pos)))
        for line, p in zip(src[2:2 + len(pos)], pos):
            f.write(line[:20] + "%8.3f%8.3f%8.3f\n" % tuple(p))
        f.write("%10.5f%10.5f%10.5f\n" % (a[0], b[1], c[2]))
    say("total wall %.0f s" % (time.time() - t_start))


# ---------------------------------------------------------------- analysis

def read_csv(prefix, phase="prod"):
    t, v, rho = [], [], []
    for line in open(prefix + ".csv").read().splitlines()[1:]:
        f = line.split(",")
        if f[0] != phase or len(f) < 6:
            continue
        t.append(float(f[1]))
        v.append(float(f[2]))
        rho.append(float(f[3]))
    return t, v, rho


def mean(x):
    return sum(x) / len(x)


def block_stats(x, nblocks):
    """Mean, standard error from nblocks equal contiguous blocks (tail samples that do not fill a block
    are dropped from the blocks, not from the mean), and the block length in samples."""
    m = len(x) // nblocks
    bm = [mean(x[i * m:(i + 1) * m]) for i in range(nblocks)]
    mb = mean(bm)
    se = math.sqrt(sum((b - mb) ** 2 for b in bm) / (nblocks - 1) / nblocks)
    return mean(x), se, m, bm


def autocorr_time(x, dt):
    """Integrated autocorrelation time (ps) of x: tau = dt*(1/2 + sum_k rho_k), summed until rho_k <= 0."""
    n, m = len(x), mean(x)
    d = [a - m for a in x]
    c0 = sum(a * a for a in d) / n
    tau = 0.5
    for k in range(1, n // 2):
        ck = sum(d[i] * d[i + k] for i in range(n - k)) / (n - k) / c0
        if ck <= 0:
            break
        tau += ck
    return tau * dt


def kappa_fluct(v, temp):
    mv = mean(v)
    var = sum((x - mv) ** 2 for x in v) / (len(v) - 1)
    return var * 1e-54 / (KB_J_K * temp * mv * 1e-27) * 1e5     # 1/Pa -> 1/bar


def analyze_one(prefix, nblocks):
    t, v, rho = read_csv(prefix)
    dt = t[1] - t[0]
    prod_ps = len(t) * dt
    rm, rse, m, bm = block_stats(rho, nblocks)
    vm, vse, _, _ = block_stats(v, nblocks)
    out = {"production_ps": round(prod_ps, 3), "samples": len(t), "sample_ps": round(dt, 3),
           "blocks": nblocks, "block_ps": round(m * dt, 3), "density_kg_m3": rm, "density_se": rse,
           "block_means_kg_m3": [round(b, 3) for b in bm], "volume_nm3": vm, "volume_se": vse}
    # consistency of the SE with other block counts
    out["density_se_other_blocks"] = {str(k): block_stats(rho, k)[1] for k in (4, 5, 8, 10, 20) if len(rho) // k > 1}
    tau = autocorr_time(rho, dt)
    var = sum((r - rm) ** 2 for r in rho) / (len(rho) - 1)
    out["density_autocorr_ps"] = tau
    out["density_se_from_autocorr"] = math.sqrt(var * 2 * tau / prod_ps)
    out["density_sd"] = math.sqrt(var)
    te, _, re_ = read_csv(prefix, "equil")
    out["equil_ps"] = round(len(te) * dt, 3)
    out["equil_10ps_means_kg_m3"] = [round(mean(re_[i:i + int(round(10 / dt))]), 2)
                                     for i in range(0, len(re_), int(round(10 / dt)))]
    kb = [kappa_fluct(v[i * m:(i + 1) * m], TEMPERATURE_K) for i in range(nblocks)]
    out["kappa_fluct_per_bar"] = kappa_fluct(v, TEMPERATURE_K)
    out["kappa_fluct_block_mean_per_bar"] = mean(kb)
    out["kappa_fluct_se"] = math.sqrt(sum((k - mean(kb)) ** 2 for k in kb) / (nblocks - 1) / nblocks)
    return out


def cmd_analyze(args):
    r1 = analyze_one(args.run1, args.blocks)
    res = {"engine": "OpenMM %s" % mm.Platform.getOpenMMVersion(), "temperature_K": TEMPERATURE_K,
           "pressure_bar": args.p1}
    res.update({k: r1[k] for k in ("density_kg_m3", "density_se", "block_ps", "blocks", "production_ps",
                                   "volume_nm3", "volume_se", "kappa_fluct_per_bar", "kappa_fluct_se")})
    for k in ("density_se_other_blocks", "density_autocorr_ps", "density_se_from_autocorr", "density_sd",
              "equil_ps", "equil_10ps_means_kg_m3"):
        res[k] = r1[k]
    res["block_means_kg_m3"] = r1["block_means_kg_m3"]
    if args.run2:
        r2 = analyze_one(args.run2, args.blocks2 or args.blocks)
        res.update({"pressure2_bar": args.p2, "density_1000bar_kg_m3": r2["density_kg_m3"],
                    "density_1000bar_se": r2["density_se"], "block_1000bar_ps": r2["block_ps"],
                    "blocks_1000bar": r2["blocks"], "production_1000bar_ps": r2["production_ps"],
                    "volume_1000bar_nm3": r2["volume_nm3"],
                    "kappa_fluct_1000bar_per_bar": r2["kappa_fluct_per_bar"],
                    "block_means_1000bar_kg_m3": r2["block_means_kg_m3"],
                    "density_1000bar_se_other_blocks": r2["density_se_other_blocks"],
                    "density_1000bar_autocorr_ps": r2["density_autocorr_ps"],
                    "density_1000bar_se_from_autocorr": r2["density_se_from_autocorr"],
                    "equil_1000bar_ps": r2["equil_ps"],
                    "equil_1000bar_10ps_means_kg_m3": r2["equil_10ps_means_kg_m3"]})
        d1, d2, s1, s2 = r1["density_kg_m3"], r2["density_kg_m3"], r1["density_se"], r2["density_se"]
        k = math.log(d2 / d1) / (args.p2 - args.p1)
        res["kappa_two_pressures_per_bar"] = k
        res["kappa_two_pressures_se"] = math.sqrt((s1 / d1) ** 2 + (s2 / d2) ** 2) / (args.p2 - args.p1)
        res["kappa_two_pressures_definition"] = "ln(rho(P2)/rho(P1))/(P2-P1): secant over 1-1000 bar, " \
                                                "below kappa_T at 1 bar because kappa falls with P"
    res["settings"] = {
        "topology": "validation/dmf-density/topol_export.top (Sheath --export-gromacs of system.top), "
                    "rewritten to comb-rule 2 for OpenMM 7.7 GromacsTopFile (checked lossless)",
        "coordinates": "validation/dmf-density/conf.gro", "molecules": "DMF 400", "atoms": 4800,
        "nonbondedMethod": "PME", "cutoff_nm": CUTOFF_NM,
        "ewaldErrorTolerance": "%g passed to createSystem, overridden by the explicit PME parameters below "
                               "(run --pme sheath, the default)" % EWALD_TOL,
        "lj_modifier": "none (plain cut-off, no potential shift)", "dispersion_correction":
            "NonbondedForce.setUseDispersionCorrection(True): homogeneous long-range correction to energy "
            "and pressure (GROMACS DispCorr EnerPres equivalent)",
        "constraints": "HBonds", "timestep_ps": DT_PS, "integrator": "LangevinMiddleIntegrator",
        "friction_per_ps": FRICTION_PER_PS, "barostat": "MonteCarloBarostat (isotropic)",
        "barostat_interval_steps": BAROSTAT_EVERY, "volume_sample_ps": SAMPLE_EVERY * DT_PS,
        "pme": "alpha 2.602844 nm^-1, grid 32^3, order 5 (Sheath's defaults: ewald-rtol 1e-5, spacing 0.12 nm; "
               "OpenMM's ewaldErrorTolerance 1e-5 would give alpha 2.741 nm^-1, grid 68^3)",
        "platform": "CPU (Debian OpenMM 7.7, no CPU PME plugin: reciprocal space in Reference code), "
                    "two runs side by side, 1 thread each"}
    if args.extra:
        res.update(json.load(open(args.extra)))
    txt = json.dumps(res, indent=2)
    print(txt)
    if args.json:
        open(args.json, "w").write(txt + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sp = ap.add_subparsers(dest="cmd", required=True)
    c = sp.add_parser("check")
    c.add_argument("--threads", type=int, default=2)
    c.add_argument("--pme", default="sheath", help="sheath (default) or tolerance")
    r = sp.add_parser("run")
    r.add_argument("--pressure", type=float, default=1.0)
    r.add_argument("--equil-ps", type=float, default=100)
    r.add_argument("--prod-ps", type=float, default=500)
    r.add_argument("--out", required=True)
    r.add_argument("--start", help="state XML to start from (else conf.gro)")
    r.add_argument("--seed", type=int, default=2024)
    r.add_argument("--threads", type=int, default=2)
    r.add_argument("--pme", default="sheath", help="sheath (default) or tolerance")
    r.add_argument("--dcd")
    r.add_argument("--dcd-ps", type=float, default=10)
    a = sp.add_parser("analyze")
    a.add_argument("--run1", required=True)
    a.add_argument("--p1", type=float, default=1.0)
    a.add_argument("--run2")
    a.add_argument("--p2", type=float, default=1000.0)
    a.add_argument("--blocks", type=int, default=10)
    a.add_argument("--blocks2", type=int)
    a.add_argument("--extra", help="JSON file with more keys (wall times) to merge")
    a.add_argument("--json")
    args = ap.parse_args()
    {"check": cmd_check, "run": cmd_run, "analyze": cmd_analyze}[args.cmd](args)


if __name__ == "__main__":
    main()
