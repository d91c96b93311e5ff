package org.sheath.engine.integrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheath.engine.context.Context;
import org.sheath.engine.context.ForceSet;
import org.sheath.engine.force.Force;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.force.nonbonded.DispCorrMode;
import org.sheath.engine.force.nonbonded.NonbondedOptions;
import org.sheath.engine.integrate.barostat.Barostats;
import org.sheath.engine.integrate.barostat.Coupling;
import org.sheath.engine.integrate.thermostat.NoseHoover;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;

/** Box changes: the kept pair list stays exact, and semi-isotropic coupling moves xy and z apart. */
class BoxScalingTest {
    @TempDir Path dir;

    @Test
    void pairListKeptAcrossABoxScalingGivesTheForcesOfAFreshList() throws IOException {
        MdSystem sys = new MdSystem(MdTestSystems.tip3p(dir, 216));
        State s = MdTestSystems.waterLattice(6, 0.31);
        NonbondedOptions o = MdTestSystems.options(0.7, 0.15, DispCorrMode.ENER_PRES);
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < s.natoms; i++) {
            s.x[i] += 0.02 * rnd.nextGaussian(); s.y[i] += 0.02 * rnd.nextGaussian(); s.z[i] += 0.02 * rnd.nextGaussian();
        }
        try (Context c = MdTestSystems.context(sys, s, o, null, 1)) {
            c.computeForces(Force.ALL);
            long builds = c.pairSearch().listBuilds();
            // shrink x by 1 %, z by 0.5 %, and jiggle the atoms a little: the kept list must still be exact
            double mx = 0.99, mz = 0.995;
            for (int i = 0; i < s.natoms; i++) {
                s.x[i] = s.x[i] * mx + 0.003 * rnd.nextGaussian();
                s.z[i] = s.z[i] * mz + 0.003 * rnd.nextGaussian();
            }
            Box b = s.box;
            c.setBox(Box.rectangular(b.ax() * mx, b.by(), b.cz() * mz));
            ForceAccumulator kept = c.computeForces(Force.ALL);
            assertThat(c.pairSearch().listBuilds()).as("no rebuild needed").isEqualTo(builds);
            double[] fx = kept.fx.clone();
            double e = kept.potentialEnergy();
            try (Context fresh = new Context(sys, s, ForceSet.builder(sys, o, s.box).addDefaults().build(), 1)) {
                ForceAccumulator f = fresh.computeForces(Force.ALL);
                assertThat(f.potentialEnergy()).isCloseTo(e, within(1e-9 * Math.abs(e)));
                for (int i = 0; i < s.natoms; i++) assertThat(fx[i]).isCloseTo(f.fx[i], within(1e-8 * (1 + Math.abs(f.fx[i]))));
            }
            // a second shrink: 0.99 × 0.95 along x leaves σ·rlist − rc ≈ 0.1 nm of buffer: still exact
            for (int i = 0; i < s.natoms; i++) s.x[i] *= 0.95;
            c.setBox(Box.rectangular(s.box.ax() * 0.95, s.box.by(), s.box.cz()));
            ForceAccumulator kept2 = c.computeForces(Force.ALL);
            double e2 = kept2.potentialEnergy();
            try (Context fresh = new Context(sys, s, ForceSet.builder(sys, o, s.box).addDefaults().build(), 1)) {
                assertThat(fresh.computeForces(Force.ALL).potentialEnergy()).isCloseTo(e2, within(1e-9 * Math.abs(e2)));
            }
            // moving the atoms by more than that buffer allows forces a rebuild
            for (int i = 0; i < s.natoms; i++) s.y[i] += 0.06 * (i % 2 == 0 ? 1 : -1);
            c.computeForces(Force.ALL);
            assertThat(c.pairSearch().listBuilds()).isGreaterThan(builds);
        }
    }

    @Test
    void semiIsotropicCouplingKeepsXEqualToYAndMovesZOnItsOwn() throws IOException {
        for (String name : new String[] {"mtk", "c-rescale"}) {
            MdSystem sys = new MdSystem(MdTestSystems.topology(dir, String.join("\n", "[ defaults ]", "1 2 yes 0.5 0.8333",
                    "[ atomtypes ]", "AR AR 18 39.948 0 A 0.34 0.996", "[ moleculetype ]", "AR 1", "[ atoms ]",
                    "1 AR 1 AR AR 1 0 39.948", "[ system ]", "argon", "[ molecules ]", "AR 343", "")));
            State s = ThermostatBarostatTest.lattice(7, 0.40);
            for (int i = 0; i < s.natoms; i++) s.z[i] *= 0.95; // anisotropic start: z already denser
            s.box = Box.rectangular(2.8, 2.8, 2.66);
            try (Context c = MdTestSystems.context(sys, s, MdTestSystems.options(1.0, 0.2, DispCorrMode.ENER_PRES), null, 2)) {
                Dynamics d = new Dynamics(c, null, true, 100, 3);
                Velocities.maxwell(d, 100, 5);
                var b = Barostats.create(name, new Barostats.Settings(1.0, 2e-4, 1.0, 0.2, 3, 10, Coupling.SEMI_ISOTROPIC));
                new VelocityVerlet(d, 0.005, new NoseHoover(0.2, 3), b, null, 10).run(1500);
                assertThat(s.box.ax()).as(name).isEqualTo(s.box.by());
                assertThat(s.box.ax() / 2.8).as(name).isNotCloseTo(s.box.cz() / 2.66, within(1e-6));
                assertThat(s.box.volume()).as(name).isLessThan(2.8 * 2.8 * 2.66);
            }
        }
    }
}
