#!/usr/bin/python3
"""Reference numbers for Sheath's AMBER prmtop reader, from independent tools.

Reads tf2n_AC.prmtop/.inpcrd (TFSI-, GAFF + RESP) with ParmEd, then
  1. records counts (atoms, bonds, angles, proper/improper dihedral terms, 1-4 pairs), charge, mass;
  2. energies per force in vacuum with OpenMM (NoCutoff; nonbonded includes 1-4 terms);
  3. converts to a GROMACS .top/.gro with ParmEd and runs gmx_d grompp + mdrun -rerun,
     recording the per-term energies (kJ/mol). The molecule is alone in a 10 nm box with
     rc = 4.0 nm and reaction-field eps_rf = 1 (GROMACS's plain cut-off): Bond, Angle,
     Proper Dih., LJ-14 and Coulomb-14 are cutoff-independent; LJ (SR) uses vdw-modifier None
     (plain 1/r^12-1/r^6 of non-excluded pairs); Coulomb (SR) includes GROMACS's reaction-field
     shift (-1/rc for every pair incl. excluded ones) and is recorded for completeness only.

Run from the project root:  /usr/bin/python3 forcefields/src/test/resources/reference/amber/make_reference.py
Writes tf2n_reference.properties and ParmEd's GROMACS export tf2n_parmed.top next to this script.
"""
import os
import subprocess
import sys
import tempfile

import parmed

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(os.getcwd(), '..', 'shared', 'reference', 'forcefield-sources', 'tfsi-gaff-resp-matsumoto')
PRMTOP = os.path.join(SRC, 'tf2n_AC.prmtop')
INPCRD = os.path.join(SRC, 'tf2n_AC.inpcrd')

out = {}
s = parmed.load_file(PRMTOP, INPCRD)
out['parmed.version'] = parmed.__version__
out['atoms'] = len(s.atoms)
out['bonds'] = len(s.bonds)
out['angles'] = len(s.angles)
out['dihedrals.proper'] = sum(1 for d in s.dihedrals if not d.improper)
out['dihedrals.improper'] = sum(1 for d in s.dihedrals if d.improper)
out['dihedrals.ignore_end'] = sum(1 for d in s.dihedrals if d.ignore_end)
pairs = set()
for d in s.dihedrals:
    if not d.ignore_end:
        pairs.add(tuple(sorted((d.atom1.idx, d.atom4.idx))))
out['pairs14'] = len(pairs)
out['charge.total'] = repr(sum(a.charge for a in s.atoms))
out['mass.total'] = repr(sum(a.mass for a in s.atoms))

# OpenMM, vacuum, no cutoff
import openmm
import openmm.app as app
import openmm.unit as u
system = s.createSystem(nonbondedMethod=app.NoCutoff, constraints=None, rigidWater=False)
platform = openmm.Platform.getPlatformByName('Reference')


def energy(sys_):
    ctx = openmm.Context(sys_, openmm.VerletIntegrator(0.001), platform)
    ctx.setPositions(s.positions)
    return ctx.getState(getEnergy=True).getPotentialEnergy().value_in_unit(u.kilojoule_per_mole)


def only(kind, keep_particles, keep_exceptions, keep_q, keep_lj):
    """Copy of the system with only forces of class `kind`, nonbonded parts selectively zeroed."""
    sys_ = openmm.XmlSerializer.deserialize(openmm.XmlSerializer.serialize(system))
    for i in reversed(range(sys_.getNumForces())):
        if sys_.getForce(i).__class__.__name__ != kind:
            sys_.removeForce(i)
    for f in sys_.getForces():
        if isinstance(f, openmm.NonbondedForce):
            for i in range(f.getNumParticles()):
                q, sig, eps = f.getParticleParameters(i)
                f.setParticleParameters(i, q if keep_particles and keep_q else 0 * q, sig,
                                        eps if keep_particles and keep_lj else 0 * eps)
            for k in range(f.getNumExceptions()):
                i, j, qq, sig, eps = f.getExceptionParameters(k)
                f.setExceptionParameters(k, i, j, qq if keep_exceptions and keep_q else 0 * qq, sig,
                                         eps if keep_exceptions and keep_lj else 0 * eps)
    return sys_


for name in ('HarmonicBondForce', 'HarmonicAngleForce', 'PeriodicTorsionForce', 'NonbondedForce'):
    out['openmm.' + name] = repr(energy(only(name, True, True, True, True)))
out['openmm.nonbonded.coulomb14'] = repr(energy(only('NonbondedForce', False, True, True, False)))
out['openmm.nonbonded.lj14'] = repr(energy(only('NonbondedForce', False, True, False, True)))
out['openmm.nonbonded.coulomb'] = repr(energy(only('NonbondedForce', True, False, True, False)))
out['openmm.nonbonded.lj'] = repr(energy(only('NonbondedForce', True, False, False, True)))
out['openmm.version'] = openmm.__version__

# GROMACS rerun (mdrun needs the rdtscp CPU instruction in the Debian build; skipped where it fails)
try:
    with tempfile.TemporaryDirectory() as tmp:
        s.box = [100.0, 100.0, 100.0, 90.0, 90.0, 90.0]
        s.save(os.path.join(tmp, 'tf2n.top'), format='gromacs')
        s.save(os.path.join(HERE, 'tf2n_parmed.top'), format='gromacs', overwrite=True)
        with open(os.path.join(HERE, 'tf2n_parmed.top')) as f:  # drop the host/date header
            text = f.read()
        with open(os.path.join(HERE, 'tf2n_parmed.top'), 'w') as f:
            f.write('; tf2n_AC.prmtop converted by ParmEd %s (make_reference.py)\n\n' % parmed.__version__)
            f.write(text[text.index('[ defaults ]'):])
        s.save(os.path.join(tmp, 'tf2n.gro'), format='gro')
        with open(os.path.join(tmp, 'rerun.mdp'), 'w') as f:
            f.write("""integrator = md
    nsteps = 0
    cutoff-scheme = Verlet
    pbc = xyz
    rlist = 4.0
    coulombtype = Reaction-field
    epsilon-rf = 1
    rcoulomb = 4.0
    vdwtype = Cut-off
    vdw-modifier = None
    rvdw = 4.0
    DispCorr = no
    verlet-buffer-tolerance = -1
    constraints = none
    """)
        def run(*args):
            r = subprocess.run(args, cwd=tmp, capture_output=True, text=True)
            if r.returncode != 0:
                sys.stderr.write(r.stdout + r.stderr)
                raise SystemExit('failed: ' + ' '.join(args))
            return r
        run('gmx_d', 'grompp', '-f', 'rerun.mdp', '-c', 'tf2n.gro', '-p', 'tf2n.top', '-o', 'rerun.tpr', '-maxwarn', '5')
        run('gmx_d', 'mdrun', '-s', 'rerun.tpr', '-rerun', 'tf2n.gro', '-e', 'rerun.edr', '-g', 'rerun.log', '-nt', '1')
        terms = ['Bond', 'Angle', 'Proper-Dih.', 'Per.-Imp.-Dih.', 'LJ-14', 'Coulomb-14', 'LJ-(SR)', 'Coulomb-(SR)', 'Potential']
        r = subprocess.run(['gmx_d', 'energy', '-f', 'rerun.edr', '-o', 'e.xvg'], cwd=tmp, input='\n'.join(terms) + '\n\n',
                           capture_output=True, text=True)
        legends, vals = [], None
        for line in open(os.path.join(tmp, 'e.xvg')):
            if line.startswith('@ s') and 'legend' in line:
                legends.append(line.split('"')[1])
            elif not line.startswith(('#', '@')) and line.strip():
                vals = [float(v) for v in line.split()[1:]]
        for name, v in zip(legends, vals):
            out['gromacs.' + name.replace(' ', '_')] = repr(v)
        out['gromacs.version'] = 'GROMACS 2022.5 (double)'
except SystemExit as e:
    out['gromacs.unavailable'] = str(e)

with open(os.path.join(HERE, 'tf2n_reference.properties'), 'w') as f:
    f.write('# written by make_reference.py (ParmEd/OpenMM/GROMACS); energies in kJ/mol at tf2n_AC.inpcrd\n')
    for k, v in out.items():
        f.write('%s=%s\n' % (k, v))
print(open(os.path.join(HERE, 'tf2n_reference.properties')).read())
