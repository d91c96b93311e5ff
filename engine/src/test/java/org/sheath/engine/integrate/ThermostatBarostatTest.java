package org.sheath.engine.integrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheath.engine.context.Context;
import org.sheath.engine.force.Force;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.force.nonbonded.DispCorrMode;
import org.sheath.engine.integrate.barostat.Barostat;
import org.sheath.engine.integrate.barostat.Barostats;
import org.sheath.engine.integrate.barostat.CRescale;
import org.sheath.engine.integrate.barostat.Coupling;
import org.sheath.engine.integrate.barostat.Mtk;
import org.sheath.engine.integrate.constraint.ConstraintMode;
import org.sheath.engine.integrate.constraint.ConstraintSet;
import org.sheath.engine.integrate.thermostat.Langevin;
import org.sheath.engine.integrate.thermostat.NoseHoover;
import org.sheath.engine.integrate.thermostat.Thermostat;
import org.sheath.engine.integrate.thermostat.Thermostats;
import org.sheath.engine.integrate.thermostat.VRescale;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;

/** Short checks of thermostats and barostats on a Lennard-Jones liquid (argon); the long statistics are in the validation suite. */
class ThermostatBarostatTest {
    @TempDir Path dir;

    MdSystem argon(int n) throws IOException {
        return new MdSystem(MdTestSystems.topology(dir, String.join("\n", "[ defaults ]", "1 2 yes 0.5 0.8333",
                "[ atomtypes ]", "AR AR 18 39.948 0 A 0.34 0.996", "[ moleculetype ]", "AR 1", "[ atoms ]",
                "1 AR 1 AR AR 1 0 39.948", "[ system ]", "argon", "[ molecules ]", "AR " + n, "")));
    }

    static State lattice(int k, double a) {
        State s = new State(k * k * k, Box.rectangular(k * a, k * a, k * a));
        int n = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                for (int l = 0; l < k; l++) {
                    s.x[n] = (i + 0.5) * a;
                    s.y[n] = (j + 0.5) * a;
                    s.z[n] = (l + 0.5) * a;
                    n++;
                }
            }
        }
        return s;
    }

    /** Mean temperature over a run after equilibration, and the drift per atom. */
    private double[] nvt(Thermostat th, double target) throws IOException {
        MdSystem sys = argon(343);
        State s = lattice(7, 0.38);
        try (Context c = MdTestSystems.context(sys, s, MdTestSystems.options(1.0, 0.2, DispCorrMode.ENER_PRES), null, 2)) {
            Dynamics d = new Dynamics(c, null, true, target, 11);
            Velocities.maxwell(d, 2 * target, 5);
            VelocityVerlet vv = new VelocityVerlet(d, 0.005, th, null, null, 10);
            vv.run(1000);
            double[] sum = {0, 0};
            vv.addReporter(new Reporter() {
                public long interval() {
                    return 10;
                }

                public void report(StepReport r) {
                    sum[0] += r.temperature;
                    sum[1]++;
                }
            });
            vv.drift().reset();
            vv.run(3000);
            return new double[] {sum[0] / sum[1], vv.driftPerAtom()};
        }
    }

    @Test
    void everyThermostatBringsTheTemperatureToTheTarget() throws IOException {
        for (String name : Thermostats.names()) {
            double[] r = nvt(Thermostats.create(name, name.equals("langevin") ? 0.5 : 0.2, 3), 100);
            // 343 atoms: σ_T/T ≈ √(2/1026) ≈ 4.4 %; 300 correlated samples over 15 ps leave a few K of noise
            assertThat(r[0]).as(name).isCloseTo(100, within(6.0));
            assertThat(Math.abs(r[1])).as(name + " conserved drift").isLessThan(1e-4);
        }
    }

    @Test
    void maxwellVelocitiesHaveTheExactTemperatureAndNoMomentum() throws IOException {
        MdSystem sys = argon(343);
        State s = lattice(7, 0.38);
        try (Context c = MdTestSystems.context(sys, s, MdTestSystems.options(1.0, 0.2, DispCorrMode.ENER_PRES), null, 1)) {
            Dynamics d = new Dynamics(c, null, true, 300, 1);
            Velocities.maxwell(d, 300, 99);
            assertThat(d.temperature(d.kineticEnergy())).isCloseTo(300, within(1e-9));
            double px = 0;
            for (int i = 0; i < s.natoms; i++) px += sys.masses[i] * s.vx[i];
            assertThat(px).isCloseTo(0, within(1e-9));
            double[] v1 = s.vx.clone();
            Velocities.maxwell(d, 300, 99);
            assertThat(s.vx).isEqualTo(v1);
            Velocities.maxwell(d, 300, 100);
            assertThat(s.vx).isNotEqualTo(v1);
        }
    }

    @Test
    void annealingFollowsTheSchedule() throws IOException {
        MdSystem sys = argon(343);
        State s = lattice(7, 0.38);
        try (Context c = MdTestSystems.context(sys, s, MdTestSystems.options(1.0, 0.2, DispCorrMode.ENER_PRES), null, 2)) {
            TemperatureSchedule sch = new TemperatureSchedule(new double[] {0, 20}, new double[] {150, 90});
            assertThat(sch.at(10)).isCloseTo(120, within(1e-12));
            assertThat(sch.at(-1)).isEqualTo(150);
            assertThat(sch.at(25)).isEqualTo(90);
            Dynamics d = new Dynamics(c, null, true, 150, 11);
            Velocities.maxwell(d, 150, 5);
            VelocityVerlet vv = new VelocityVerlet(d, 0.005, new VRescale(0.1), null, sch, 10);
            double[] dev = {0};
            vv.addReporter(new Reporter() {
                public long interval() {
                    return 10;
                }

                public void report(StepReport r) {
                    assertThat(r.referenceTemperature).isCloseTo(sch.at(r.time), within(1e-9));
                }
            });
            vv.run(4000);
            assertThat(d.referenceTemperature()).isEqualTo(90);
        }
    }

    @Test
    void barostatsMoveTheVolumeTowardsThePressure() throws IOException {
        for (String name : Barostats.names()) {
            MdSystem sys = argon(343);
            State s = lattice(7, 0.40); // expanded: the liquid pulls the box in at 1 bar
            try (Context c = MdTestSystems.context(sys, s, MdTestSystems.options(1.0, 0.2, DispCorrMode.ENER_PRES), null, 2)) {
                Dynamics d = new Dynamics(c, null, true, 100, 3);
                Velocities.maxwell(d, 100, 5);
                Barostat b = Barostats.create(name, new Barostats.Settings(1.0, 2e-4, 1.0, 0.2, 3, 10, Coupling.ISOTROPIC));
                VelocityVerlet vv = new VelocityVerlet(d, 0.005, new NoseHoover(0.2, 3), b, null, 10);
                double v0 = s.box.volume();
                vv.run(2000);
                assertThat(s.box.volume()).as(name).isLessThan(0.97 * v0);
                assertThat(s.box.isRectangular()).isTrue();
            }
        }
    }

    /**
     * The rescaling barostats' statistics line: the mean pressure they acted on is the mean of the pressures
     * reported at the coupling steps (one pressure, not two estimates), and their scalings are the whole ln V
     * change. On a 343-atom argon box, 1000 steps, coupling every 10.
     */
    @Test
    void rescalingBarostatsReportWhatTheyActedOn() throws IOException {
        for (String name : new String[] {"c-rescale", "berendsen"}) {
            MdSystem sys = argon(343);
            State s = lattice(7, 0.38);
            try (Context c = MdTestSystems.context(sys, s, MdTestSystems.options(1.0, 0.2, DispCorrMode.ENER_PRES), null, 2)) {
                Dynamics d = new Dynamics(c, null, true, 100, 3);
                Velocities.maxwell(d, 100, 5);
                Barostat b = Barostats.create(name, new Barostats.Settings(1.0, 2e-4, 1.0, 0.2, 3, 10, Coupling.ISOTROPIC));
                VelocityVerlet vv = new VelocityVerlet(d, 0.005, new VRescale(0.1), b, null, 10);
                double[] sum = {0, 0};
                vv.addReporter(new Reporter() {
                    public long interval() {
                        return 10;
                    }

                    public void report(StepReport r) {
                        if (r.step == 0) return; // the start, before any coupling
                        sum[0] += r.pressure;
                        sum[1]++;
                    }
                });
                double v0 = s.box.volume();
                vv.run(1000);
                String line = b.statistics(d);
                System.out.println(line);
                var m = java.util.regex.Pattern.compile("(\\d+) couplings, mean pressure seen (-?[0-9.]+) bar.*ln V ([-+][0-9.]+), of which the scalings ([-+][0-9.]+)")
                        .matcher(line);
                assertThat(m.find()).as(line).isTrue();
                assertThat(Long.parseLong(m.group(1))).isEqualTo(100);
                assertThat(Double.parseDouble(m.group(2))).isCloseTo(sum[0] / sum[1], within(0.051));
                double lnV = Math.log(s.box.volume() / v0);
                assertThat(Math.abs(lnV)).isGreaterThan(1e-3); // the box did move
                assertThat(Double.parseDouble(m.group(3))).isCloseTo(lnV, within(1e-5));
                assertThat(Double.parseDouble(m.group(4))).isCloseTo(lnV, within(1e-5));
                if (name.equals("c-rescale")) assertThat(line).containsPattern("noise -?[0-9.]+ standard deviations");
            }
        }
    }

    /**
     * Semi-isotropic coupling with a higher reference pressure along z: a liquid cannot hold the difference,
     * so z shrinks against x and y (the same barostats with one pressure keep the box near cubic), and MTK
     * still conserves its energy with the external work of the pressure difference counted.
     */
    @Test
    void semiIsotropicCouplingTakesADifferentPressureAlongZ() throws IOException {
        for (String name : new String[] {"c-rescale", "mtk", "berendsen"}) {
            double[] ratio = new double[2];
            double drift = 0;
            for (int run = 0; run < 2; run++) {
                MdSystem sys = argon(343);
                State s = lattice(7, 0.40);
                try (Context c = MdTestSystems.context(sys, s, MdTestSystems.options(0.9, 0.1, DispCorrMode.ENER_PRES), null, 2)) {
                    Dynamics d = new Dynamics(c, null, true, 100, 3);
                    Velocities.maxwell(d, 100, 5);
                    double pz = run == 0 ? 1.0 : 500.0;
                    Barostat b = Barostats.create(name, new Barostats.Settings(1.0, 2e-4, 1.0, 0.2, 3, 10,
                            Coupling.SEMI_ISOTROPIC, pz, 2e-4));
                    VelocityVerlet vv = new VelocityVerlet(d, 0.005, new NoseHoover(0.2, 3), b, null, 10);
                    vv.run(600);
                    double[] m = s.box.toMatrix();
                    ratio[run] = m[8] / m[0];
                    if (run == 1) drift = vv.driftPerAtom();
                }
            }
            // measured L_z/L_x after 3 ps, one pressure / 500 bar along z: c-rescale 1.010 / 0.918, mtk 0.955 / 0.748,
            // berendsen 1.003 / 0.905; mtk drift -1.8e-4 (without the work term it would be ~0.1 kJ/mol/ps/atom)
            assertThat(ratio[1]).as(name + " L_z/L_x").isLessThan(ratio[0] - 0.05);
            if (name.equals("mtk")) assertThat(Math.abs(drift)).as("mtk conserved drift").isLessThan(1e-3);
        }
    }

    /**
     * Rigid water (SETTLE) under each barostat: the conserved quantity (with the barostat's measured work or
     * its extended energy) must not drift by more than short-run noise. Before the rescaling barostats measured their work, C-rescale and
     * Berendsen drifted here by 0.07 kJ/mol/ps per atom.
     */
    @Test
    void barostatsConserveTheirEnergyOnRigidWater() throws IOException {
        MdSystem sys = new MdSystem(MdTestSystems.tip3p(dir, 216));
        for (String name : new String[] {"berendsen", "c-rescale", "mtk"}) {
            State s = MdTestSystems.waterLattice(6, 0.31);
            ConstraintSet con = ConstraintSet.of(sys, ConstraintMode.NONE);
            try (Context c = MdTestSystems.context(sys, s, MdTestSystems.options(0.8, 0.1, DispCorrMode.ENER_PRES), con, 2)) {
                Dynamics d = new Dynamics(c, con, true, 300, 3);
                Velocities.maxwell(d, 300, 5);
                new VelocityVerlet(d, 0.001, new Langevin(0.1), null, null, 100).run(1000);
                Barostat b = Barostats.create(name, new Barostats.Settings(1.0, 4.5e-5, 1.0, 0.5, 3, 10, Coupling.ISOTROPIC));
                VelocityVerlet vv = new VelocityVerlet(d, 0.002, new NoseHoover(0.5, 3), b, null, 10);
                vv.run(1000);
                // 2 ps from a barely melted lattice: about 3e-4-6e-4 for all three (the 100 ps validation runs
                // measure it properly); the bookkeeping bug this guards against gave 7e-2
                assertThat(Math.abs(vv.driftPerAtom())).as(name + " conserved drift").isLessThan(2e-3);
            }
        }
    }

    @Test
    void blowUpStopsWithTheAtomAndRestoresTheLastGoodState() throws IOException {
        MdSystem sys = argon(2);
        State s = new State(2, Box.rectangular(3, 3, 3));
        s.x[0] = 1; s.y[0] = 1; s.z[0] = 1;
        s.x[1] = 1.2; s.y[1] = 1; s.z[1] = 1; // 0.2 nm: repulsion of ~1e5 kJ/mol/nm
        try (Context c = MdTestSystems.context(sys, s, MdTestSystems.options(1.0, 0.2, DispCorrMode.NO), null, 1)) {
            Dynamics d = new Dynamics(c, null, false, 0, 1);
            VelocityVerlet vv = new VelocityVerlet(d, 0.02, null, null, null, 1);
            assertThatThrownBy(() -> vv.run(10)).isInstanceOf(BlowUpException.class)
                    .hasMessageContaining("step 1: atom")
                    .hasMessageContaining("(AR, residue")
                    .hasMessageContaining("blowing up; minimize first, use a shorter dt");
            assertThat(s.step).isZero();
            assertThat(s.x[1]).isEqualTo(1.2);
        }
    }

    @Test
    void forcesOnlyEvaluationGivesTheSameForces() throws IOException {
        MdSystem sys = new MdSystem(MdTestSystems.tip3p(dir, 216));
        State s = MdTestSystems.waterLattice(6, 0.31);
        try (Context c = MdTestSystems.context(sys, s, MdTestSystems.options(0.8, 0.1, DispCorrMode.ENER_PRES), null, 2)) {
            ForceAccumulator all = c.computeForces(Force.ALL);
            double[] fx = all.fx.clone();
            double e = all.potentialEnergy();
            ForceAccumulator only = c.computeForces(Force.FORCES);
            assertThat(only.fx).isEqualTo(fx);
            assertThat(e).isNotZero();
        }
    }

    @Test
    void hBondConstraintsOnTheStudyBoxRemoveTheirBondsAndDegreesOfFreedom() {
        MdSystem sys = MdTestSystems.studySystem();
        ConstraintSet cs = ConstraintSet.of(sys, ConstraintMode.H_BONDS);
        // DMF has 7 H (all bonded to C), 250 DMF; ions and TFSI have none
        assertThat(cs.count()).isEqualTo(7 * 250);
        int replaced = 0;
        for (boolean b : cs.replacedBonds()) if (b) replaced++;
        assertThat(replaced).isEqualTo(7 * 250);
        assertThat(ConstraintSet.of(sys, ConstraintMode.ALL_BONDS).count()).isEqualTo(sys.topology.terms(
                org.sheath.forcefields.model.TermKind.HARMONIC_BOND).count());
    }

    @Test
    void badSettingsAreRejected() {
        assertThatThrownBy(() -> new NoseHoover(0, 3)).hasMessageContaining("tau_t must be > 0");
        assertThatThrownBy(() -> new Langevin(-1)).hasMessageContaining("tau_t");
        assertThatThrownBy(() -> Thermostats.create("berendsen", 0.1, 3)).hasMessageContaining("unknown thermostat 'berendsen'");
        assertThatThrownBy(() -> new Mtk(1, 0, 1, 1, 3, Coupling.ISOTROPIC)).hasMessageContaining("compressibility");
        assertThatThrownBy(() -> new CRescale(1, 4.5e-5, 0, 10, Coupling.ISOTROPIC)).hasMessageContaining("tau_p");
        assertThatThrownBy(() -> Coupling.parse("tilted")).hasMessageContaining("isotropic, semi-isotropic");
        assertThatThrownBy(() -> new TemperatureSchedule(new double[] {0, 0}, new double[] {300, 200})).hasMessageContaining("increase");
    }
}
