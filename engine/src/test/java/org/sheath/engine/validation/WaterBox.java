package org.sheath.engine.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sheath.engine.context.Context;
import org.sheath.engine.context.ForceSet;
import org.sheath.engine.force.nonbonded.NonbondedOptions;
import org.sheath.engine.integrate.Dynamics;
import org.sheath.engine.integrate.VelocityVerlet;
import org.sheath.engine.integrate.Velocities;
import org.sheath.engine.integrate.constraint.ConstraintMode;
import org.sheath.engine.integrate.constraint.ConstraintSet;
import org.sheath.engine.integrate.thermostat.Langevin;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;
import org.sheath.forcefields.TopologyFiles;
import org.sheath.forcefields.gromacs.GromacsTopologyReader;
import org.sheath.forcefields.model.FlatTopology;

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
        Path top = dir.resolve("water.top");
        Files.writeString(top, String.join("\n",
                "[ defaults ]", "1 2 yes 0.5 0.8333", "[ atomtypes ]",
                "OW OW 8 15.9994 0 A 0.315061 0.636386", "HW HW 1 1.008 0 A 0 0",
                "[ moleculetype ]", "SOL 2", "[ atoms ]",
                "1 OW 1 SOL OW 1 -0.834 15.9994", "2 HW 1 SOL HW1 1 0.417 1.008", "3 HW 1 SOL HW2 1 0.417 1.008",
                "[ settles ]", "1 1 0.09572 0.15139", "[ exclusions ]", "1 2 3", "2 1 3", "3 1 2",
                "[ system ]", "water", "[ molecules ]", "SOL " + (k * k * k), ""));
        system = new MdSystem(FlatTopology.of(TopologyFiles.read(top, GromacsTopologyReader.Options.DEFAULT)));
        state = lattice(k, 0.31);
        constraints = ConstraintSet.of(system, ConstraintMode.NONE);
        NonbondedOptions o = NonbondedOptions.DEFAULTS.withCutoff(0.9).withListBuffer(0.1);
        context = new Context(system, state, ForceSet.builder(system, o, state.box).addDefaults().build(), threads);
        Dynamics d = new Dynamics(context, constraints, true, 300, 1);
        Velocities.maxwell(d, 300, 1);
        new VelocityVerlet(d, 0.001, new Langevin(0.1), null, null, 100).run(5000);
        state.step = 0;
        state.time = 0;
    }

    static State lattice(int k, double a) {
        int n = k * k * k;
        State s = new State(3 * n, Box.rectangular(k * a, k * a, k * a));
        double dOH = 0.09572, half = Math.toRadians(104.52) / 2;
        int w = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                for (int l = 0; l < k; l++) {
                    double x = (i + 0.5) * a, y = (j + 0.5) * a, z = (l + 0.5) * a;
                    s.x[3 * w] = x; s.y[3 * w] = y; s.z[3 * w] = z;
                    s.x[3 * w + 1] = x + dOH * Math.sin(half); s.y[3 * w + 1] = y + dOH * Math.cos(half); s.z[3 * w + 1] = z;
                    s.x[3 * w + 2] = x - dOH * Math.sin(half); s.y[3 * w + 2] = y + dOH * Math.cos(half); s.z[3 * w + 2] = z;
                    w++;
                }
            }
        }
        return s;
    }

    Dynamics dynamics(double t, long seed) {
        return new Dynamics(context, constraints, true, t, seed);
    }

    @Override
    public void close() {
        context.close();
    }
}
