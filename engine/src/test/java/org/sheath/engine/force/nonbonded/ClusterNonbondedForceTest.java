package org.sheath.engine.force.nonbonded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.force.ewald.EwaldParameters;
import org.sheath.engine.force.nonbonded.cluster.ClusterNonbondedForce;
import org.sheath.engine.parallel.WorkerPool;
import org.sheath.engine.system.State;
import org.sheath.forcefields.model.FlatTopology;

/**
 * The single-precision cluster kernel against the double-precision reference kernel: forces within 1e-5
 * relative RMS, energies and virial within float accuracy, on the bundled example box as it is, with
 * atoms moved to other periodic images, with a buffer after the atoms moved, with a geometric LJ table,
 * and across threads.
 */
class ClusterNonbondedForceTest {
    static final double RC = 1.2;
    static final double BETA = EwaldParameters.ewaldCoefficient(RC, 1e-5);

    record Result(ForceAccumulator acc, double rms, double de, double dw) {}

    static double relativeRms(ForceAccumulator a, ForceAccumulator ref) {
        double num = 0, den = 0;
        for (int i = 0; i < ref.natoms; i++) {
            double dx = a.fx[i] - ref.fx[i], dy = a.fy[i] - ref.fy[i], dz = a.fz[i] - ref.fz[i];
            num += dx * dx + dy * dy + dz * dz;
            den += ref.fx[i] * ref.fx[i] + ref.fy[i] * ref.fy[i] + ref.fz[i] * ref.fz[i];
        }
        return Math.sqrt(num / den);
    }

    static ForceAccumulator compute(org.sheath.engine.force.Force f, State s) {
        ForceAccumulator acc = new ForceAccumulator(s.x.length);
        f.compute(s, acc);
        return acc;
    }

    private static void compare(String what, FlatTopology top, double[] c6, double[] c12, State s, Modifier mod) {
        compare(what, top, c6, c12, s, mod, false);
    }

    /** With {@code exclusions} the cluster kernel's Ewald exclusion correction against the separate double one. */
    private static void compare(String what, FlatTopology top, double[] c6, double[] c12, State s, Modifier mod, boolean exclusions) {
        NonbondedForce ref = new NonbondedForce(top.charge, top.type, top.ntypes, c6, c12, top.exclOffsets, top.exclAtoms,
                RC, 0.0, BETA, mod, mod);
        ClusterNonbondedForce fast = new ClusterNonbondedForce(top.charge, top.type, top.ntypes, c6, c12, top.exclOffsets,
                top.exclAtoms, RC, 0.0, BETA, mod, mod, exclusions);
        ForceAccumulator r = compute(ref, s), f = compute(fast, s);
        if (exclusions) {
            double ec = r.energy(EnergyTerm.COULOMB_SR);
            new org.sheath.engine.force.ewald.EwaldExclusionCorrection(top.charge, top.exclOffsets, top.exclAtoms, BETA).compute(s, r);
            System.out.printf("exclusion correction %.1f kJ/mol on Coulomb (SR) %.1f%n", r.energy(EnergyTerm.COULOMB_SR) - ec, ec);
            assertThat(Math.abs(r.energy(EnergyTerm.COULOMB_SR) - ec)).as("the correction is not negligible").isGreaterThan(1e-3 * Math.abs(ec));
        }
        double rms = relativeRms(f, r);
        double elj = r.energy(EnergyTerm.LJ_SR), ec = r.energy(EnergyTerm.COULOMB_SR);
        double dlj = Math.abs(f.energy(EnergyTerm.LJ_SR) - elj) / Math.abs(elj);
        double dc = Math.abs(f.energy(EnergyTerm.COULOMB_SR) - ec) / Math.abs(ec);
        double wmax = NonbondedForceTest.maxAbs(r.virial);
        double dw = NonbondedForceTest.virialDiff(f, r) / wmax;
        System.out.printf("cluster kernel %s (%s): force rel. RMS %.2e, dE_LJ/E %.1e, dE_C/E %.1e, max|dW|/max|W| %.1e; "
                        + "%d cluster pairs, %d atom pairs in the list vs %d within rc%n", fast.kernelName(), what, rms, dlj, dc, dw,
                fast.clusterList().size(), fast.pairCount(), ref.pairCount());
        assertThat(rms).as("force relative RMS").isLessThan(1e-5);
        assertThat(dlj).as("LJ energy").isLessThan(2e-6);
        assertThat(dc).as("Coulomb energy").isLessThan(2e-6);
        assertThat(dw).as("virial").isLessThan(1e-5);
    }

    @Test
    void matchesTheDoubleKernelOnTheExampleBox() {
        FlatTopology top = Example.topology();
        compare("example, potential-shift", top, top.c6, top.c12, Example.state(), Modifier.POTENTIAL_SHIFT);
        compare("example, no modifier", top, top.c6, top.c12, Example.state(), Modifier.NONE);
    }

    /** GROMACS's split: the kernel also subtracts erf(βr)/r of the excluded pairs, PME does not. */
    @Test
    void theKernelsEwaldExclusionCorrectionMatchesTheSeparateOne() {
        FlatTopology top = Example.topology();
        compare("example, with the exclusion correction", top, top.c6, top.c12, Example.state(), Modifier.POTENTIAL_SHIFT, true);
        State s = Example.state();
        Random rnd = new Random(9);
        double l = s.box.ax();
        for (int i = 0; i < s.x.length; i++) s.x[i] += l * (rnd.nextInt(3) - 1);
        compare("exclusion correction, atoms scattered over images", top, top.c6, top.c12, s, Modifier.NONE, true);
    }

    @Test
    void theScalarFallbackCorrectsTheExclusionsAsTheVectorKernelDoes() {
        FlatTopology top = Example.topology();
        State s = Example.state();
        ClusterNonbondedForce best = ClusterNonbondedForce.of(top, RC, 0.0, BETA, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT, true);
        ClusterNonbondedForce scalar;
        System.setProperty("sheath.scalar", "true");
        try {
            scalar = ClusterNonbondedForce.of(top, RC, 0.0, BETA, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT, true);
        } finally {
            System.clearProperty("sheath.scalar");
        }
        ForceAccumulator a = compute(best, s), b = compute(scalar, s);
        assertThat(relativeRms(a, b)).isLessThan(5e-7);
        assertThat(Math.abs(a.energy(EnergyTerm.COULOMB_SR) / b.energy(EnergyTerm.COULOMB_SR) - 1)).isLessThan(1e-6);
        double dw = NonbondedForceTest.virialDiff(a, b) / NonbondedForceTest.maxAbs(b.virial);
        System.out.printf("vector vs scalar with the exclusion correction: force rel. RMS %.2e, max|dW|/max|W| %.1e%n", relativeRms(a, b), dw);
        assertThat(dw).isLessThan(1e-5); // as against the double kernel: Σ x⊗F cancels, float rounding shows
    }

    /** The force set with the cluster kernel: the kernel corrects the exclusions, PME leaves them out; same total as the reference set. */
    @Test
    void theClusterForceSetCountsTheExclusionCorrectionOnce() {
        org.sheath.engine.system.MdSystem sys = Example.system();
        State s = Example.state();
        var fast = org.sheath.engine.context.ForceSet.builder(sys, NonbondedOptions.DEFAULTS.withKernel(NonbondedKernel.CLUSTER), s.box)
                .addDefaults().build();
        var ref = org.sheath.engine.context.ForceSet.builder(sys, NonbondedOptions.DEFAULTS.withKernel(NonbondedKernel.REFERENCE), s.box)
                .addDefaults().build();
        assertThat(fast.find(ClusterNonbondedForce.class).correctsEwaldExclusions()).isTrue();
        ForceAccumulator a = new ForceAccumulator(s.x.length), b = new ForceAccumulator(s.x.length);
        for (var f : fast.forces()) f.compute(s, a);
        for (var f : ref.forces()) f.compute(s, b);
        double ea = 0, eb = 0;
        for (EnergyTerm t : EnergyTerm.values()) {
            ea += a.energy(t);
            eb += b.energy(t);
        }
        System.out.printf("force set total: cluster %.4f, reference %.4f kJ/mol; force rel. RMS %.2e%n", ea, eb, relativeRms(a, b));
        assertThat(Math.abs(ea - eb)).isLessThan(2e-6 * Math.abs(b.energy(EnergyTerm.COULOMB_SR)));
        assertThat(Math.abs(a.energy(EnergyTerm.COULOMB_SR) - b.energy(EnergyTerm.COULOMB_SR)))
                .isLessThan(2e-6 * Math.abs(b.energy(EnergyTerm.COULOMB_SR)));
        assertThat(relativeRms(a, b)).isLessThan(1e-5);
    }

    /**
     * A few molecules in a small box: one x–y column spans the box, so a cluster is wider than L − rlist and
     * interacts with its own periodic image (those pairs were once skipped: 13 % force error on GROMACS's
     * 23-atom alanine-dipeptide box).
     */
    @Test
    void aClusterInteractsWithItsOwnImageInASmallBox(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        FlatTopology top = org.sheath.engine.integrate.MdTestSystems.tip3p(dir, 8);
        State s = org.sheath.engine.integrate.MdTestSystems.waterLattice(2, 1.1);
        Random rnd = new Random(2);
        for (int i = 0; i < s.x.length; i++) {
            s.x[i] += 0.05 * rnd.nextGaussian();
            s.y[i] += 0.05 * rnd.nextGaussian();
            s.z[i] += 0.05 * rnd.nextGaussian();
        }
        double rc = 0.99, beta = EwaldParameters.ewaldCoefficient(rc, 1e-5);
        NonbondedForce ref = NonbondedForce.of(top, rc, 0.0, beta, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT);
        ClusterNonbondedForce fast = ClusterNonbondedForce.of(top, rc, 0.0, beta, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT, true);
        ForceAccumulator r = compute(ref, s), f = compute(fast, s);
        new org.sheath.engine.force.ewald.EwaldExclusionCorrection(top.charge, top.exclOffsets, top.exclAtoms, beta).compute(s, r);
        double rms = relativeRms(f, r);
        System.out.printf("8 waters in a 2.2 nm box: force rel. RMS %.2e, %d clusters%n", rms, fast.clusterList().clusters());
        assertThat(rms).isLessThan(1e-5);
        assertThat(Math.abs(f.energy(EnergyTerm.COULOMB_SR) - r.energy(EnergyTerm.COULOMB_SR)))
                .isLessThan(2e-6 * Math.abs(r.energy(EnergyTerm.COULOMB_SR)) + 1e-4);
        assertThat(Math.abs(f.energy(EnergyTerm.LJ_SR) - r.energy(EnergyTerm.LJ_SR))).isLessThan(1e-4);
    }

    @Test
    void atomsInOtherPeriodicImagesGiveTheSameForces() {
        FlatTopology top = Example.topology();
        State s = Example.state();
        Random rnd = new Random(5);
        double l = s.box.ax();
        for (int i = 0; i < s.x.length; i++) {
            s.x[i] += l * (rnd.nextInt(5) - 2);
            s.y[i] += l * (rnd.nextInt(5) - 2);
            s.z[i] += l * (rnd.nextInt(5) - 2);
        }
        compare("atoms scattered over images", top, top.c6, top.c12, s, Modifier.POTENTIAL_SHIFT);
    }

    @Test
    void aGeometricTableIsRecognisedAndMatches() {
        FlatTopology top = Example.topology();
        int nt = top.ntypes;
        double[] c6 = new double[nt * nt], c12 = new double[nt * nt];
        for (int a = 0; a < nt; a++) {
            for (int b = 0; b < nt; b++) {
                c6[a * nt + b] = Math.sqrt(top.c6[a * nt + a] * top.c6[b * nt + b]);
                c12[a * nt + b] = Math.sqrt(top.c12[a * nt + a] * top.c12[b * nt + b]);
            }
        }
        compare("geometric C6/C12", top, c6, c12, Example.state(), Modifier.POTENTIAL_SHIFT);
    }

    @Test
    void aTableWithAnOverrideIsRefused() {
        FlatTopology top = Example.topology();
        double[] c6 = top.c6.clone();
        c6[1] *= 1.1;
        c6[top.ntypes] *= 1.1;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ClusterNonbondedForce(top.charge, top.type, top.ntypes,
                c6, top.c12, top.exclOffsets, top.exclAtoms, RC, 0.0, BETA, Modifier.NONE, Modifier.NONE))
                .hasMessageContaining("combination rule");
    }

    @Test
    void aBufferedListStaysRightAfterTheAtomsMove() {
        FlatTopology top = Example.topology();
        State s = Example.state();
        ClusterNonbondedForce fast = ClusterNonbondedForce.of(top, RC, 0.1, BETA, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT);
        NonbondedForce ref = NonbondedForce.of(top, RC, 0.0, BETA, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT);
        compute(fast, s);
        Random rnd = new Random(3);
        for (int i = 0; i < s.x.length; i++) { // below buffer/2 = 0.05 nm in every direction
            s.x[i] += 0.028 * (2 * rnd.nextDouble() - 1);
            s.y[i] += 0.028 * (2 * rnd.nextDouble() - 1);
            s.z[i] += 0.028 * (2 * rnd.nextDouble() - 1);
        }
        ForceAccumulator f = compute(fast, s), r = compute(ref, s);
        assertThat(fast.listBuilds()).isEqualTo(1);
        double rms = relativeRms(f, r);
        System.out.printf("cluster kernel after moves within the buffer: force rel. RMS %.2e%n", rms);
        assertThat(rms).isLessThan(1e-5);
    }

    @Test
    void twoThreadsAgreeWithOneAndWithThemselves() {
        FlatTopology top = Example.topology();
        State s = Example.state();
        ClusterNonbondedForce one = ClusterNonbondedForce.of(top, RC, 0.0, BETA, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT);
        ForceAccumulator f1 = compute(one, s);
        try (WorkerPool pool = new WorkerPool(2)) {
            ClusterNonbondedForce two = ClusterNonbondedForce.of(top, RC, 0.0, BETA, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT);
            two.attach(pool);
            ForceAccumulator a = compute(two, s), b = compute(two, s);
            // the list searched on two threads is the one searched on one
            assertThat(two.clusterList().size()).isEqualTo(one.clusterList().size());
            assertThat(two.pairCount()).isEqualTo(one.pairCount());
            assertThat(two.closestPair()).isEqualTo(one.closestPair());
            assertThat(two.closestDistance()).isEqualTo(one.closestDistance());
            assertThat(a.fx).isEqualTo(b.fx);
            assertThat(a.virial).isEqualTo(b.virial);
            assertThat(relativeRms(a, f1)).isLessThan(1e-6);
            assertThat(Math.abs(a.energy(EnergyTerm.COULOMB_SR) / f1.energy(EnergyTerm.COULOMB_SR) - 1)).isLessThan(1e-6);
        }
    }

    @Test
    void theScalarFallbackComputesWhatTheVectorKernelDoes() {
        FlatTopology top = Example.topology();
        State s = Example.state();
        ClusterNonbondedForce best = ClusterNonbondedForce.of(top, RC, 0.0, BETA, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT);
        ClusterNonbondedForce scalar;
        System.setProperty("sheath.scalar", "true");
        try {
            scalar = ClusterNonbondedForce.of(top, RC, 0.0, BETA, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT);
        } finally {
            System.clearProperty("sheath.scalar");
        }
        assertThat(scalar.kernelName()).contains("scalar");
        ForceAccumulator a = compute(best, s), b = compute(scalar, s);
        double rms = relativeRms(a, b);
        System.out.printf("%s vs %s: force rel. RMS %.2e%n", best.kernelName(), scalar.kernelName(), rms);
        assertThat(rms).isLessThan(5e-7);
        assertThat(Math.abs(a.energy(EnergyTerm.LJ_SR) / b.energy(EnergyTerm.LJ_SR) - 1)).isLessThan(1e-6);
        assertThat(Math.abs(a.energy(EnergyTerm.COULOMB_SR) / b.energy(EnergyTerm.COULOMB_SR) - 1)).isLessThan(1e-6);
    }

    /** sheath energy checks overlaps and then computes forces on the same positions: one list build, not two. */
    @Test
    void aZeroBufferListIsBuiltOncePerConfiguration() {
        FlatTopology top = Example.topology();
        State s = Example.state();
        ClusterNonbondedForce fast = ClusterNonbondedForce.of(top, RC, 0.0, BETA, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT);
        NonbondedForce ref = NonbondedForce.of(top, RC, 0.0, BETA, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT);
        for (org.sheath.engine.force.PairSearch p : new org.sheath.engine.force.PairSearch[] {fast, ref}) {
            p.updatePairList(s);
            compute((org.sheath.engine.force.Force) p, s);
            compute((org.sheath.engine.force.Force) p, s);
            assertThat(p.listBuilds()).isEqualTo(1);
            s.x[7] += 1e-9; // any change rebuilds
            compute((org.sheath.engine.force.Force) p, s);
            assertThat(p.listBuilds()).isEqualTo(2);
            s.x[7] -= 1e-9;
        }
    }

    /** The cluster kernel where it can run; the reference kernel with a warning in a triclinic box. */
    @Test
    void theForceSetFallsBackToTheReferenceKernelInATriclinicBox() {
        org.sheath.engine.system.MdSystem sys = Example.system();
        NonbondedOptions o = NonbondedOptions.DEFAULTS.withKernel(NonbondedKernel.CLUSTER);
        var cubic = org.sheath.engine.context.ForceSet.builder(sys, o, Example.state().box).addDefaults().build();
        assertThat(cubic.find(ClusterNonbondedForce.class)).isNotNull();
        assertThat(cubic.warnings()).noneMatch(w -> w.contains("cluster kernel"));
        var tric = org.sheath.engine.context.ForceSet.builder(sys, o, Example.triclinicState().box).addDefaults().build();
        assertThat(tric.find(ClusterNonbondedForce.class)).isNull();
        assertThat(tric.find(NonbondedForce.class)).isNotNull();
        assertThat(tric.warnings()).anyMatch(w -> w.contains("triclinic") && w.contains("reference kernel"));
    }
}
