package org.sheath.engine.integrate.minimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheath.engine.context.Context;
import org.sheath.engine.context.ForceSet;
import org.sheath.engine.force.Force;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.force.nonbonded.DispCorrMode;
import org.sheath.engine.force.nonbonded.NonbondedOptions;
import org.sheath.engine.integrate.constraint.ConstraintMode;
import org.sheath.engine.integrate.constraint.ConstraintSet;
import org.sheath.engine.integrate.constraint.Constraints;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;
import org.sheath.forcefields.TopologyFiles;
import org.sheath.forcefields.coords.Structure;
import org.sheath.forcefields.coords.StructureFiles;
import org.sheath.forcefields.gromacs.GromacsTopologyReader;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.TermKind;

class MinimizerTest {
    static final Path BOX_TOP = Path.of("../inputs/litfsi-zn-dmf/system.top");
    static final Path BOX_GRO = Path.of("../inputs/litfsi-zn-dmf/conf.gro");
    /**
     * A shorter cut-off than the default 1.2 nm and a pair-list buffer keep the box tests quick: with a
     * zero buffer the list is rebuilt at every evaluation (2–3x the cost of one); the forces are the same.
     */
    static final NonbondedOptions BOX_OPTIONS = NonbondedOptions.DEFAULTS.withCutoff(0.9).withListBuffer(0.1);
    static final NonbondedOptions SMALL_OPTIONS = NonbondedOptions.DEFAULTS.withDispCorr(DispCorrMode.NO);
    static final double SIGMA = 0.30, EPS = 0.5;
    @TempDir Path dir;

    // ---------------------------------------------------------------- systems

    static MdSystem box() {
        return new MdSystem(FlatTopology.of(TopologyFiles.read(BOX_TOP, GromacsTopologyReader.Options.DEFAULT)));
    }

    /** The bundled box with every atom moved by {@code amount} nm in a random direction (seeded): unminimised. */
    static State disturbedBox(MdSystem sys, long seed, double amount) {
        Structure conf = StructureFiles.read(BOX_GRO);
        State s = sys.newState(conf, "conf.gro");
        Random rnd = new Random(seed);
        for (int i = 0; i < s.natoms; i++) {
            double dx = rnd.nextGaussian(), dy = rnd.nextGaussian(), dz = rnd.nextGaussian();
            double f = amount / Math.sqrt(dx * dx + dy * dy + dz * dz);
            s.x[i] += f * dx;
            s.y[i] += f * dy;
            s.z[i] += f * dz;
        }
        return s;
    }

    MdSystem small(String name, String... lines) throws IOException {
        Path top = dir.resolve(name + ".top");
        Files.writeString(top, String.join("\n", lines) + "\n");
        return new MdSystem(FlatTopology.of(TopologyFiles.read(top, GromacsTopologyReader.Options.DEFAULT)));
    }

    /** Two Lennard-Jones atoms (σ 0.3 nm, ε 0.5 kJ/mol), no charges. */
    MdSystem ljPair() throws IOException {
        return small("lj", "[ defaults ]", "1 2 yes 0.5 0.8333", "[ atomtypes ]", "A A 18 39.948 0 A " + SIGMA + " " + EPS,
                "[ moleculetype ]", "AR 1", "[ atoms ]", "1 A 1 AR AR 1 0 39.948",
                "[ system ]", "two atoms", "[ molecules ]", "AR 2");
    }

    /** A bent triatomic, all pairs excluded: bonds 0.153 nm, angle 109.5°, minimum energy 0. */
    MdSystem triatomic() throws IOException {
        return small("tri", "[ defaults ]", "1 2 yes 0.5 0.8333", "[ atomtypes ]", "C C 6 12.011 0 A 0.34 0.36",
                "[ moleculetype ]", "TRI 2", "[ atoms ]",
                "1 C 1 TRI C1 1 0 12.011", "2 C 1 TRI C2 1 0 1.008", "3 C 1 TRI C3 1 0 15.999",
                "[ bonds ]", "1 2 1 0.153 250000", "2 3 1 0.153 250000",
                "[ angles ]", "1 2 3 1 109.5 500",
                "[ system ]", "triatomic", "[ molecules ]", "TRI 1");
    }

    static State place(int n, double[]... pos) {
        State s = new State(n, Box.rectangular(4, 4, 4));
        for (int i = 0; i < n; i++) {
            s.x[i] = pos[i][0];
            s.y[i] = pos[i][1];
            s.z[i] = pos[i][2];
        }
        return s;
    }

    static double dist(State s, int i, int j) {
        double[] d = {s.x[j] - s.x[i], s.y[j] - s.y[i], s.z[j] - s.z[i]};
        s.box.minimumImage(d);
        return Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
    }

    /** Records what the listener hears. */
    static final class Trace implements MinimizationListener {
        final List<Long> steps = new ArrayList<>();
        final List<Double> energies = new ArrayList<>();
        final List<Double> fmax = new ArrayList<>();

        @Override
        public void accepted(long step, double energy, double f) {
            steps.add(step);
            energies.add(energy);
            fmax.add(f);
        }
    }

    // ---------------------------------------------------------------- analytic minima

    @Test
    void twoLennardJonesAtomsEndAtTwoToTheSixthSigma() throws IOException {
        MdSystem sys = ljPair();
        double rStar = Math.pow(2, 1.0 / 6) * SIGMA;
        double rc = SMALL_OPTIONS.cutoff();
        double shift = 4 * EPS * (Math.pow(SIGMA / rc, 12) - Math.pow(SIGMA / rc, 6));
        for (String name : Minimizers.names()) {
            State s = place(2, new double[] {1, 1, 1}, new double[] {1.30, 1.25, 1.10}); // r = 0.406 nm
            try (Context c = new Context(sys, s, ForceSet.create(sys, SMALL_OPTIONS, s.box), 1)) {
                Trace t = new Trace();
                MinimizationResult r = Minimizers.create(name).minimize(c, Constraints.NONE,
                        MinimizationOptions.DEFAULTS.withEmtol(1e-4), t);
                System.out.printf("LJ pair, %s: %s; r %.9f nm (2^1/6 σ = %.9f)%n", name, r.summary(), dist(s, 0, 1), rStar);
                assertThat(r.converged()).as(name).isTrue();
                assertThat(r.fmax()).isLessThan(1e-4);
                assertThat(dist(s, 0, 1)).as(name).isCloseTo(rStar, within(1e-6));
                assertThat(r.potentialEnergy()).isCloseTo(-EPS - shift, within(1e-10));
                assertThat(r.steps()).isEqualTo(t.steps.get(t.steps.size() - 1) + 1);
            }
        }
    }

    @Test
    void triatomicEndsAtItsBondLengthsAndAngle() throws IOException {
        MdSystem sys = triatomic();
        for (String name : Minimizers.names()) {
            State s = place(3, new double[] {1.00, 1.00, 1.00}, new double[] {1.17, 1.02, 1.00}, new double[] {1.20, 1.16, 1.05});
            try (Context c = new Context(sys, s, ForceSet.create(sys, SMALL_OPTIONS, s.box), 1)) {
                MinimizationResult r = Minimizers.create(name).minimize(c, MinimizationOptions.DEFAULTS.withEmtol(1e-3));
                double a = dist(s, 0, 1), b = dist(s, 1, 2), d = dist(s, 0, 2);
                double theta = Math.toDegrees(Math.acos((a * a + b * b - d * d) / (2 * a * b)));
                System.out.printf("triatomic, %s: %s; bonds %.9f %.9f nm, angle %.6f°%n", name, r.summary(), a, b, theta);
                assertThat(r.converged()).as(name).isTrue();
                assertThat(a).isCloseTo(0.153, within(1e-7));
                assertThat(b).isCloseTo(0.153, within(1e-7));
                assertThat(theta).isCloseTo(109.5, within(1e-4));
                assertThat(r.potentialEnergy()).isCloseTo(0, within(1e-9));
            }
        }
    }

    @Test
    void steepestDescentStopsAtMachinePrecisionWhenEmtolIsZero() throws IOException {
        MdSystem sys = ljPair();
        State s = place(2, new double[] {1, 1, 1}, new double[] {1.30, 1.25, 1.10});
        try (Context c = new Context(sys, s, ForceSet.create(sys, SMALL_OPTIONS, s.box), 1)) {
            MinimizationResult r = Minimizers.create("steep").minimize(c, MinimizationOptions.DEFAULTS.withEmtol(0));
            System.out.println("LJ pair, emtol 0: " + r.summary());
            assertThat(r.stop()).isEqualTo(MinimizationResult.Stop.MACHINE_PRECISION);
            assertThat(r.converged()).isFalse();
            assertThat(r.steps()).isLessThan(MinimizationOptions.DEFAULTS.nsteps());
            assertThat(r.summary()).startsWith("Steepest Descents converged to machine precision in " + r.steps()
                    + " steps, but did not reach the requested Fmax < 0; Potential Energy = ");
            assertThat(dist(s, 0, 1)).isCloseTo(Math.pow(2, 1.0 / 6) * SIGMA, within(1e-7));
        }
    }

    @Test
    void stepLimitIsReportedAsNotConverged() throws IOException {
        MdSystem sys = ljPair();
        for (String name : Minimizers.names()) {
            State s = place(2, new double[] {1, 1, 1}, new double[] {1.30, 1.25, 1.10});
            try (Context c = new Context(sys, s, ForceSet.create(sys, SMALL_OPTIONS, s.box), 1)) {
                MinimizationResult r = Minimizers.create(name).minimize(c, MinimizationOptions.DEFAULTS.withEmtol(1e-6).withNsteps(3));
                assertThat(r.stop()).isEqualTo(MinimizationResult.Stop.MAX_STEPS);
                assertThat(r.steps()).isEqualTo(4); // steps 0..3, as GROMACS counts them
                assertThat(r.summary()).contains(" did not converge to Fmax < 1e-06 in 4 steps; Potential Energy = ")
                        .endsWith(" on atom " + (r.fmaxAtom() + 1) + " (AR, residue " + (r.fmaxAtom() + 1) + " AR)");
            }
        }
    }

    // ---------------------------------------------------------------- the bundled box

    @Test
    void steepestDescentRelaxesADisturbedBoxWithFallingEnergy() {
        relaxWithFallingEnergy("steep");
    }

    @Test
    void lbfgsRelaxesADisturbedBoxWithFallingEnergy() {
        relaxWithFallingEnergy("lbfgs");
    }

    /** To Fmax < 100 from the disturbed box; every accepted step lowers the energy. */
    static void relaxWithFallingEnergy(String name) {
        MdSystem sys = box();
        State s = disturbedBox(sys, 42, 0.02);
        try (Context c = new Context(sys, s, ForceSet.create(sys, BOX_OPTIONS, s.box), 2)) {
            c.checkOverlaps(); // unminimised, but nothing closer than 0.05 nm
            Trace t = new Trace();
            long t0 = System.nanoTime();
            MinimizationResult r = Minimizers.create(name).minimize(c, Constraints.NONE,
                    MinimizationOptions.DEFAULTS.withEmtol(100).withNsteps(2000), t);
            double sec = (System.nanoTime() - t0) * 1e-9;
            System.out.printf("%s, box: %s; %d evaluations, %d accepted, %.1f s; start E %.5e, Fmax %.4e%n", name,
                    r.summary(), r.forceEvaluations(), t.steps.size(), sec, t.energies.get(0), t.fmax.get(0));
            assertThat(r.converged()).isTrue();
            assertThat(r.fmax()).isLessThanOrEqualTo(100);
            assertThat(t.steps.get(0)).isZero();
            for (int k = 1; k < t.energies.size(); k++) {
                assertThat(t.steps.get(k)).isGreaterThan(t.steps.get(k - 1));
                assertThat(t.energies.get(k)).as("energy at step %d", t.steps.get(k)).isLessThan(t.energies.get(k - 1));
            }
            assertThat(r.potentialEnergy()).isEqualTo(t.energies.get(t.energies.size() - 1));
            assertThat(r.potentialEnergy()).isLessThan(t.energies.get(0));
            assertThat(r.fmaxAtomDescription()).isEqualTo(sys.describeAtom(r.fmaxAtom()));
        }
    }

    @Test
    void fireRelaxesADisturbedBox() {
        MdSystem sys = box();
        State s = disturbedBox(sys, 42, 0.025);
        try (Context c = new Context(sys, s, ForceSet.create(sys, BOX_OPTIONS, s.box), 2)) {
            Trace t = new Trace();
            long t0 = System.nanoTime();
            MinimizationResult r = Minimizers.create("fire").minimize(c, Constraints.NONE,
                    MinimizationOptions.DEFAULTS.withEmtol(100).withNsteps(2000), t);
            double sec = (System.nanoTime() - t0) * 1e-9;
            System.out.printf("fire, box: %s; %d evaluations, %.1f s; start E %.5e%n", r.summary(), r.forceEvaluations(),
                    sec, t.energies.get(0));
            assertThat(r.converged()).isTrue();
            assertThat(r.fmax()).isLessThanOrEqualTo(100);
            assertThat(r.potentialEnergy()).isLessThan(t.energies.get(0));
        }
    }

    @Test
    void hBondConstraintsHoldThroughMinimization() {
        MdSystem sys = box();
        ConstraintSet cs = ConstraintSet.of(sys, ConstraintMode.H_BONDS);
        boolean[] replaced = cs.replacedBonds();
        FlatTopology.Terms bonds = sys.topology.terms(TermKind.HARMONIC_BOND);
        assertThat(cs.pairCount()).isGreaterThan(0);
        for (String name : List.of("steep", "fire")) {
            State s = disturbedBox(sys, 7, 0.025);
            ForceSet set = ForceSet.builder(sys, BOX_OPTIONS, s.box).constrainedBonds(replaced).addDefaults().build();
            try (Context c = new Context(sys, s, set, 2)) {
                assertThat(cs.maxRelativeDeviation(s)).isGreaterThan(1e-3); // the displacement broke them
                long t0 = System.nanoTime();
                // 40 steps: enough to move every atom a long way from where it started (not to converge)
                MinimizationResult r = Minimizers.create(name).minimize(c, cs,
                        MinimizationOptions.DEFAULTS.withEmtol(100).withNsteps(40), MinimizationListener.NONE);
                double sec = (System.nanoTime() - t0) * 1e-9;
                double dev = cs.maxRelativeDeviation(s);
                // the reported forces have no component along the constraints: (f_b/m_b − f_a/m_a)·r̂ = 0
                double along = largestRelativeAccelerationAlong(sys, s, c.forces(), bonds, replaced);
                double rawAlong = largestRelativeAccelerationAlong(sys, s, c.computeForces(Force.ENERGY), bonds, replaced);
                System.out.printf("%s, box, %d h-bond constraints: %s; %.1f s; max relative deviation %.2e; "
                        + "largest relative acceleration along a constraint %.2e (unprojected %.2e)%n", name,
                        cs.pairCount(), r.summary(), sec, dev, along, rawAlong);
                assertThat(r.potentialEnergy()).as(name).isLessThan(0);
                assertThat(dev).as(name).isLessThanOrEqualTo(1e-8);
                assertThat(along).as(name).isLessThan(1e-6);
                assertThat(rawAlong).as("the projection removes real forces").isGreaterThan(1);
            }
        }
    }

    @Test
    void lbfgsRefusesConstraints() {
        MdSystem sys = box();
        ConstraintSet cs = ConstraintSet.of(sys, ConstraintMode.H_BONDS);
        State s = sys.newState(StructureFiles.read(BOX_GRO), "conf.gro");
        ForceSet set = ForceSet.builder(sys, BOX_OPTIONS, s.box).constrainedBonds(cs.replacedBonds()).addDefaults().build();
        try (Context c = new Context(sys, s, set, 1)) {
            assertThatThrownBy(() -> Minimizers.create("lbfgs").minimize(c, cs, MinimizationOptions.DEFAULTS, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not support constraints");
        }
    }

    /** max over the constrained bonds of |(f_b/m_b − f_a/m_a)·r̂_ab|, kJ/mol/nm/amu. */
    static double largestRelativeAccelerationAlong(MdSystem sys, State s, ForceAccumulator f, FlatTopology.Terms bonds,
                                                   boolean[] replaced) {
        double along = 0;
        for (int k = 0; k < replaced.length; k++) {
            if (!replaced[k]) continue;
            int a = bonds.atoms()[2 * k], b = bonds.atoms()[2 * k + 1];
            double[] d = {s.x[b] - s.x[a], s.y[b] - s.y[a], s.z[b] - s.z[a]};
            s.box.minimumImage(d);
            double len = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            double ma = sys.masses[a], mb = sys.masses[b];
            double rel = ((f.fx[b] / mb - f.fx[a] / ma) * d[0] + (f.fy[b] / mb - f.fy[a] / ma) * d[1]
                    + (f.fz[b] / mb - f.fz[a] / ma) * d[2]) / len;
            along = Math.max(along, Math.abs(rel));
        }
        return along;
    }

    // ---------------------------------------------------------------- options and registry

    @Test
    void badOptionsAreRejectedWithAClearMessage() {
        assertThatThrownBy(() -> MinimizationOptions.DEFAULTS.withEmtol(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("emtol must be a finite force >= 0 kJ/mol/nm (e.g. 10 or 100), got -1.0");
        assertThatThrownBy(() -> MinimizationOptions.DEFAULTS.withEmtol(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("emtol must be");
        assertThatThrownBy(() -> MinimizationOptions.DEFAULTS.withNsteps(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nsteps must be at least 1, got 0");
        assertThatThrownBy(() -> new MinimizationOptions(10, -5, 0.01)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nsteps must be at least 1, got -5");
        assertThatThrownBy(() -> MinimizationOptions.DEFAULTS.withEmstep(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("emstep must be a positive finite length in nm (e.g. 0.01), got 0.0");
        assertThatThrownBy(() -> new Fire(new Fire.Parameters(0.001, 0.0005, 0.0001, 20, 1.1, 0.5, 0.25, 0.99, 2000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dtMin <= dt <= dtMax");
        assertThatThrownBy(() -> new Lbfgs(0, 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("L-BFGS memory must be at least 1, got 0");
    }

    @Test
    void minimizersAreFoundByName() {
        assertThat(Minimizers.names()).containsExactly("steep", "fire", "lbfgs");
        assertThat(Minimizers.create("steep")).isInstanceOf(SteepestDescent.class);
        assertThat(Minimizers.create(" FIRE ")).isInstanceOf(Fire.class);
        assertThat(Minimizers.create("lbfgs")).isInstanceOf(Lbfgs.class);
        for (String n : Minimizers.names()) assertThat(Minimizers.create(n).name()).isEqualTo(n);
        assertThatThrownBy(() -> Minimizers.create("cg")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown minimizer 'cg'; known: steep, fire, lbfgs");
    }

    @Test
    void summaryReadsLikeGromacs() {
        MinimizationResult r = new MinimizationResult("Steepest Descents", MinimizationResult.Stop.CONVERGED, 1234, 100,
                -1.23456e4, 98.7654, 122, "atom 123 (O1, residue 4 TFSI)", 12.5, 1234);
        assertThat(r.summary()).isEqualTo("Steepest Descents converged to Fmax < 100 in 1234 steps; Potential Energy = "
                + "-1.23456e+04; Maximum force = 9.87654e+01 on atom 123 (O1, residue 4 TFSI)");
        assertThat(MinimizationResult.formatG(0.5)).isEqualTo("0.5");
        assertThat(MinimizationResult.formatG(10)).isEqualTo("10");
        assertThat(MinimizationResult.formatG(1e-7)).isEqualTo("1e-07");
        assertThat(MinimizationResult.formatG(2.5e6)).isEqualTo("2.5e+06");
    }
}
