package org.sheath.engine.integrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheath.engine.context.Context;
import org.sheath.engine.force.nonbonded.DispCorrMode;
import org.sheath.engine.integrate.constraint.ConstraintMode;
import org.sheath.engine.integrate.constraint.ConstraintSet;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;
import org.sheath.forcefields.model.FlatTopology;

/** Velocity Verlet against cases with known answers: harmonic oscillator, rigid rotor, rigid water. */
class AnalyticDynamicsTest {
    @TempDir Path dir;

    static final double MA = 12.011, MB = 15.9994, B0 = 0.12, KB = 5.0e5;

    /** Runs a stretched harmonic dimer in NVE; returns {max |E − E0|, bond length at the end, time}. */
    private double[] oscillator(double dt, long steps, double stretch) throws IOException {
        FlatTopology top = MdTestSystems.dimers(dir, 1, MA, MB, B0, KB, false);
        MdSystem sys = new MdSystem(top);
        State s = new State(2, Box.rectangular(4, 4, 4));
        s.x[0] = 2; s.y[0] = 2; s.z[0] = 2;
        s.x[1] = 2 + B0 + stretch; s.y[1] = 2; s.z[1] = 2;
        try (Context c = MdTestSystems.context(sys, s, MdTestSystems.options(1.0, 0.1, DispCorrMode.NO), null, 1)) {
            Dynamics d = new Dynamics(c, null, false, 0, 1);
            VelocityVerlet vv = new VelocityVerlet(d, dt, null, null, null, 1);
            double[] e0 = {Double.NaN}, maxDev = {0};
            vv.addReporter(new Reporter() {
                public long interval() {
                    return 1;
                }

                public void report(StepReport r) {
                    if (Double.isNaN(e0[0])) e0[0] = r.total;
                    maxDev[0] = Math.max(maxDev[0], Math.abs(r.total - e0[0]));
                }
            });
            vv.run(steps);
            return new double[] {maxDev[0], s.x[1] - s.x[0], s.time};
        }
    }

    @Test
    void harmonicOscillatorFollowsTheAnalyticSolutionAndItsEnergyErrorScalesWithDtSquared() throws IOException {
        double mu = MA * MB / (MA + MB);
        double omega = Math.sqrt(KB / mu);
        double period = 2 * Math.PI / omega;
        double a = 0.002;
        long steps = 2000;
        double dt = period / 100;
        double[] r1 = oscillator(dt, steps, a);
        // VV's phase error: the numerical frequency is 2/dt·asin(ω·dt/2)
        double omegaNum = 2 / dt * Math.asin(omega * dt / 2);
        assertThat(r1[1]).isCloseTo(B0 + a * Math.cos(omegaNum * r1[2]), within(1e-6 * a));
        assertThat(r1[1]).isCloseTo(B0 + a * Math.cos(omega * r1[2]), within(0.2 * a)); // 20 periods: close to the exact one too
        double[] r2 = oscillator(dt / 2, 2 * steps, a);
        double ratio = r1[0] / r2[0];
        assertThat(ratio).isCloseTo(4.0, within(0.2));
        double e = 0.5 * KB * a * a;
        assertThat(r1[0] / e).isCloseTo((omega * dt) * (omega * dt) / 4, within(0.1 * (omega * dt) * (omega * dt) / 4));
    }

    @Test
    void constrainedRotorKeepsItsLengthAndEnergy() throws IOException {
        FlatTopology top = MdTestSystems.dimers(dir, 1, MA, MB, B0, 0, true);
        MdSystem sys = new MdSystem(top);
        State s = new State(2, Box.rectangular(4, 4, 4));
        s.x[0] = 2; s.y[0] = 2; s.z[0] = 2;
        s.x[1] = 2 + B0; s.y[1] = 2; s.z[1] = 2;
        s.vy[0] = -3 * MB / (MA + MB); s.vy[1] = 3 * MA / (MA + MB); // spinning about the centre of mass, ω = 25/ps
        ConstraintSet cs = ConstraintSet.of(sys, ConstraintMode.NONE);
        assertThat(cs.count()).isEqualTo(1);
        try (Context c = MdTestSystems.context(sys, s, MdTestSystems.options(1.0, 0.1, DispCorrMode.NO), cs, 1)) {
            Dynamics d = new Dynamics(c, cs, false, 0, 1);
            assertThat(d.degreesOfFreedom()).isEqualTo(5);
            double k0 = d.kineticEnergy();
            VelocityVerlet vv = new VelocityVerlet(d, 0.002, null, null, null, 1);
            double[] worst = {0};
            vv.addReporter(new Reporter() {
                public long interval() {
                    return 1;
                }

                public void report(StepReport r) {
                    worst[0] = Math.max(worst[0], cs.maxRelativeDeviation(s));
                    assertThat(r.kinetic).isCloseTo(k0, within(1e-8 * k0));
                }
            });
            vv.run(5000); // 10 ps: about 40 turns
            assertThat(worst[0]).isLessThan(1e-10);
            double ang = Math.atan2(s.y[1] - s.y[0], s.x[1] - s.x[0]);
            assertThat(Math.abs(ang)).isGreaterThan(0); // it turned
        }
    }

    @Test
    void settleKeepsWaterRigidAndNveConservesEnergy() throws IOException {
        int k = 6;
        FlatTopology top = MdTestSystems.tip3p(dir, k * k * k);
        MdSystem sys = new MdSystem(top);
        State s = MdTestSystems.waterLattice(k, 0.31);
        ConstraintSet cs = ConstraintSet.of(sys, ConstraintMode.H_BONDS);
        assertThat(cs.settleCount()).isEqualTo(k * k * k);
        try (Context c = MdTestSystems.context(sys, s, MdTestSystems.options(0.8, 0.1, DispCorrMode.ENER_PRES), cs, 2)) {
            Dynamics d = new Dynamics(c, cs, true, 300, 5);
            assertThat(d.degreesOfFreedom()).isEqualTo(6 * k * k * k - 3);
            Velocities.maxwell(d, 300, 11);
            // melt the lattice with Langevin dynamics, then switch to NVE
            new VelocityVerlet(d, 0.001, new org.sheath.engine.integrate.thermostat.Langevin(0.1), null, null, 10).run(1500);
            assertThat(cs.maxRelativeDeviation(s)).isLessThan(1e-10);
            VelocityVerlet nve = new VelocityVerlet(d, 0.002, null, null, null, 10);
            assertThat(nve.driftLine()).contains("not measured").doesNotContain("NaN"); // no sample yet
            double[] worst = {0};
            nve.addReporter(new Reporter() {
                public long interval() {
                    return 10;
                }

                public void report(StepReport r) {
                    worst[0] = Math.max(worst[0], cs.maxRelativeDeviation(s));
                }
            });
            nve.run(1500);
            assertThat(worst[0]).isLessThan(1e-10);
            double perAtom = Math.abs(nve.driftPerAtom());
            System.out.println("SETTLE water NVE (648 atoms, 3 ps at 2 fs, rc 0.8): " + nve.driftLine());
            assertThat(nve.driftLine()).contains("fluctuation sigma").doesNotContain("NaN");
            assertThat(perAtom).isLessThan(2e-3);
            assertThat(nve.drift().residualSd() / s.natoms).isLessThan(2e-3);
        }
    }
    /**
     * BAOAB Langevin on stiff free oscillators (ω·dt = 0.8): the kinetic energy at full steps is low by
     * (ω·dt)²/4 = 16 % in the bond vibration (1 of 6 degrees of freedom per dimer: the temperature by
     * 2.7 %, 8 K), while the velocities at the O step sample the bath exactly — and those are reported.
     */
    @Test
    void langevinReportsTheBathTemperatureAlsoForFastModes() throws IOException {
        double m = 10, mu = m / 2, omega = 400, k = mu * omega * omega, dt = 0.002;
        int side = 8, n = side * side * 4;
        FlatTopology top = MdTestSystems.dimers(dir, n, m, m, 0.1, k, false);
        MdSystem sys = new MdSystem(top);
        State s = new State(2 * n, Box.rectangular(10, 10, 5));
        for (int a = 0; a < n; a++) {
            double x = 1.25 * (a % side) + 0.5, y = 1.25 * ((a / side) % side) + 0.5, z = 1.25 * (a / (side * side)) + 0.5;
            s.x[2 * a] = x; s.y[2 * a] = y; s.z[2 * a] = z;
            s.x[2 * a + 1] = x + 0.1; s.y[2 * a + 1] = y; s.z[2 * a + 1] = z;
        }
        try (Context c = MdTestSystems.context(sys, s, MdTestSystems.options(1.0, 0.1, DispCorrMode.NO), null, 1)) {
            Dynamics d = new Dynamics(c, null, true, 300, 7);
            Velocities.maxwell(d, 300, 7);
            var th = new org.sheath.engine.integrate.thermostat.Langevin(0.1);
            new VelocityVerlet(d, dt, th, null, null, 10).run(2000);
            VelocityVerlet vv = new VelocityVerlet(d, dt, th, null, null, 10);
            double[] sum = new double[3];
            vv.addReporter(new Reporter() {
                public long interval() {
                    return 10;
                }

                public void report(StepReport r) {
                    sum[0] += r.temperature;
                    sum[1] += d.temperature(d.kineticEnergy()); // full-step velocities
                    sum[2]++;
                }
            });
            vv.run(30000);
            double reported = sum[0] / sum[2], fullStep = sum[1] / sum[2];
            // 1533 degrees of freedom, ~600 independent samples: standard error about 0.45 K
            assertThat(reported).isCloseTo(300, within(1.5));
            assertThat(fullStep).isCloseTo(300 * (1 - 0.16 / 6), within(1.5));
        }
    }
}
