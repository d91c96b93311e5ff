package org.sheath.engine.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sheath.engine.context.Context;
import org.sheath.engine.context.ForceSet;
import org.sheath.engine.force.nonbonded.NonbondedOptions;
import org.sheath.engine.integrate.Dynamics;
import org.sheath.engine.integrate.MdTestSystems;
import org.sheath.engine.integrate.VelocityVerlet;
import org.sheath.engine.integrate.Velocities;
import org.sheath.engine.integrate.constraint.ConstraintMode;
import org.sheath.engine.integrate.constraint.ConstraintSet;
import org.sheath.engine.integrate.thermostat.Langevin;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;

/**
 * A rigid TIP3P water box (SETTLE) for the ensemble checks: k³ waters from a lattice, melted with 5 ps
 * of Langevin dynamics at 300 K. rc 0.9 nm, PME rtol 1e-5, 0.12 nm spacing, EnerPres, buffer 0.1 nm.
 */
final class WaterBox implements AutoCloseable {
    final MdSystem system;
    final State state;
    final ConstraintSet constraints;
    final Context context;

    WaterBox(int k, int threads) throws IOException {
        Path dir = Files.createTempDirectory("sheath-water");
        system = new MdSystem(MdTestSystems.tip3p(dir, k * k * k));
        state = MdTestSystems.waterLattice(k, 0.31);
        constraints = ConstraintSet.of(system, ConstraintMode.NONE);
        // -Dsheath.kernel=cluster: the single-precision kernel (exact list rule, as with the reference kernel)
        NonbondedOptions o = NonbondedOptions.DEFAULTS.withCutoff(0.9).withListBuffer(0.1).withKernel(
                org.sheath.engine.force.nonbonded.NonbondedKernel.parse(System.getProperty("sheath.kernel", "reference")));
        context = new Context(system, state, ForceSet.builder(system, o, state.box).addDefaults().build(), threads);
        Dynamics d = new Dynamics(context, constraints, true, 300, 1);
        Velocities.maxwell(d, 300, 1);
        new VelocityVerlet(d, 0.001, new Langevin(0.1), null, null, 100).run(5000);
        state.step = 0;
        state.time = 0;
    }

    Dynamics dynamics(double t, long seed) {
        return new Dynamics(context, constraints, true, t, seed);
    }

    @Override
    public void close() {
        context.close();
    }
}
