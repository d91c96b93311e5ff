package org.sheath.engine.integrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheath.engine.context.Context;
import org.sheath.engine.force.nonbonded.DispCorrMode;
import org.sheath.engine.integrate.barostat.Barostat;
import org.sheath.engine.integrate.barostat.CRescale;
import org.sheath.engine.integrate.barostat.Coupling;
import org.sheath.engine.integrate.barostat.Mtk;
import org.sheath.engine.integrate.constraint.ConstraintMode;
import org.sheath.engine.integrate.constraint.ConstraintSet;
import org.sheath.engine.integrate.thermostat.NoseHoover;
import org.sheath.engine.integrate.thermostat.Thermostat;
import org.sheath.engine.integrate.thermostat.VRescale;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;

/** Same inputs and seed → same trajectory bit for bit, also across a checkpoint and a resume in fresh objects. */
class CheckpointResumeTest {
    @TempDir Path dir;

    private record Run(State state, DynamicsCheckpoint mid) {
    }

    private Run run(int k, long steps, long checkpointAt, DynamicsCheckpoint resumeFrom, Function<Double, Thermostat> th,
                    Function<Double, Barostat> baro) throws IOException {
        MdSystem sys = new MdSystem(MdTestSystems.tip3p(dir, k * k * k));
        State s = MdTestSystems.waterLattice(k, 0.31);
        ConstraintSet cs = ConstraintSet.of(sys, ConstraintMode.NONE);
        try (Context c = MdTestSystems.context(sys, s, MdTestSystems.options(0.7, 0.1, DispCorrMode.ENER_PRES), cs, 2)) {
            Dynamics d = new Dynamics(c, cs, true, 300, 42);
            VelocityVerlet vv = new VelocityVerlet(d, 0.001, th.apply(0.1), baro.apply(1.0), null, 5);
            DynamicsCheckpoint mid = null;
            if (resumeFrom != null) {
                vv.resume(resumeFrom);
                vv.run(steps + 300 - resumeFrom.step());
            } else {
                Velocities.maxwell(d, 300, 3);
                // melt the lattice first (its pressure is thousands of bar)
                new VelocityVerlet(d, 0.001, new org.sheath.engine.integrate.thermostat.Langevin(0.1), null, null, 10).run(300);
                vv = new VelocityVerlet(d, 0.001, th.apply(0.1), baro.apply(1.0), null, 5);
                vv.run(checkpointAt);
                mid = vv.checkpoint();
                vv.run(steps - checkpointAt);
            }
            return new Run(s, mid);
        }
    }

    private void assertSame(State a, State b) {
        assertThat(b.step).isEqualTo(a.step);
        assertThat(b.box.toMatrix()).isEqualTo(a.box.toMatrix());
        assertThat(differing(a.x, b.x) + differing(a.y, b.y) + differing(a.z, b.z)).as("positions differing").isZero();
        assertThat(differing(a.vx, b.vx) + differing(a.vy, b.vy) + differing(a.vz, b.vz)).as("velocities differing").isZero();
    }

    private static int differing(double[] a, double[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) if (Double.doubleToLongBits(a[i]) != Double.doubleToLongBits(b[i])) n++;
        return n;
    }

    @Test
    void stochasticThermostatAndBarostatContinueExactly() throws IOException {
        Function<Double, Thermostat> th = VRescale::new;
        Function<Double, Barostat> baro = tau -> new CRescale(1.0, 4.5e-5, tau, 5, Coupling.ISOTROPIC);
        Run a = run(6, 300, 130, null, th, baro);
        Run again = run(6, 300, 130, null, th, baro);
        assertThat(again.mid().x()).as("same inputs, same checkpoint").isEqualTo(a.mid().x());
        assertSame(a.state(), again.state());
        Run b = run(6, 300, 0, a.mid(), th, baro);
        assertSame(a.state(), b.state());
    }

    @Test
    void noseHooverMtkContinueExactly() throws IOException {
        Function<Double, Thermostat> th = tau -> new NoseHoover(tau, 3);
        Function<Double, Barostat> baro = tau -> new Mtk(1.0, 4.5e-5, tau, 0.1, 3, Coupling.ISOTROPIC);
        Run a = run(6, 200, 77, null, th, baro);
        Run b = run(6, 200, 0, a.mid(), th, baro);
        assertSame(a.state(), b.state());
        assertThat(a.state().box.volume()).isNotEqualTo(MdTestSystems.waterLattice(6, 0.31).box.volume());
    }
}
