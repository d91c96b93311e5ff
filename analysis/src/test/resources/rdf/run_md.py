"""Short NVT MD of inputs/litfsi-zn-dmf with OpenMM, writing md.dcd (one frame per 2 ps, 4 fs steps with hydrogen mass repartitioning).

Run with the Debian python (/usr/bin/python3) from the repository root:
    /usr/bin/python3 analysis/src/test/resources/rdf/run_md.py OUTDIR [production_ps]
Used only to make the RDF test fixtures (see make_fixtures.sh); not run by the tests.
"""
import sys, os, time
from openmm import app, unit, LangevinMiddleIntegrator, Platform
import openmm

out = sys.argv[1]
prod_ps = float(sys.argv[2]) if len(sys.argv) > 2 else 200.0
root = os.path.abspath(os.path.join(os.path.dirname(__file__), *[".."] * 5))
inp = os.path.join(root, "inputs", "litfsi-zn-dmf")
lib = os.path.join(root, "forcefields/src/main/resources/org/sheath/forcefields/library")
gro = app.GromacsGroFile(os.path.join(inp, "conf.gro"))
# cubic box of 3789/1024 nm (conf.gro has 3.7): a multiple of 1/1024 nm is exact in float32 and
# double, in nm and in Angstrom, so the reference and Sheath see bit-identical boxes
L = 3789 / 1024
box = [openmm.Vec3(L, 0, 0), openmm.Vec3(0, L, 0), openmm.Vec3(0, 0, L)] * unit.nanometer
top = app.GromacsTopFile(os.path.join(inp, "system.top"), periodicBoxVectors=box, includeDir=lib)
system = top.createSystem(nonbondedMethod=app.PME, nonbondedCutoff=1.0 * unit.nanometer,
                          constraints=app.HBonds, hydrogenMass=3 * unit.amu,
                          ewaldErrorTolerance=5e-4)
integ = LangevinMiddleIntegrator(300 * unit.kelvin, 1.0 / unit.picosecond, 0.004 * unit.picoseconds)  # hydrogen mass repartitioning
integ.setRandomNumberSeed(20240601)
plat = Platform.getPlatformByName("CPU")
sim = app.Simulation(top.topology, system, integ, plat, {"Threads": "2"})
sim.context.setPositions(gro.positions)
sim.minimizeEnergy(maxIterations=500)
sim.context.setVelocitiesToTemperature(300 * unit.kelvin, 20240601)
t0 = time.time()
sim.step(2500)  # 10 ps equilibration
print("equil 10 ps in %.0f s" % (time.time() - t0), flush=True)
sim.reporters.append(app.DCDReporter(os.path.join(out, "md.dcd"), 500))
sim.reporters.append(app.StateDataReporter(sys.stdout, 2500, step=True, temperature=True,
                                           potentialEnergy=True, speed=True))
sim.step(int(prod_ps / 0.004))
print("done in %.0f s" % (time.time() - t0), flush=True)
