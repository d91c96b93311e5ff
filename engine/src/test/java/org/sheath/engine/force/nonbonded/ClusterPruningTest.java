package org.sheath.engine.force.nonbonded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.force.nonbonded.cluster.ClusterNonbondedForce;
import org.sheath.engine.system.State;
import org.sheath.forcefields.model.FlatTopology;

/**
 * Dynamic pruning of the cluster list (dual list): the pruned list gives the whole list's forces bit for bit
 * where it was pruned, stays right while atoms move less than half its buffer, is pruned on schedule, and a
 * list restored from a {@code listReference} carries the same inner list (checkpoints resume bit for bit).
 */
class ClusterPruningTest {
    static final double RC = ClusterNonbondedForceTest.RC, BETA = ClusterNonbondedForceTest.BETA;
    static final double OUTER = 0.15, INNER = 0.04;

    static ClusterNonbondedForce force(FlatTopology top, boolean prune) {
        return force(top, prune, true);
    }

    static ClusterNonbondedForce force(FlatTopology top, boolean prune, boolean ewaldExclusions) {
        ClusterNonbondedForce f = ClusterNonbondedForce.of(top, RC, OUTER, BETA, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT,
                ewaldExclusions);
        f.setListLifetime(100);
        if (prune) f.setPruning(4, INNER);
        return f;
    }

    static void move(State s, double amplitude, long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < s.x.length; i++) {
            s.x[i] += amplitude * (2 * rnd.nextDouble() - 1);
            s.y[i] += amplitude * (2 * rnd.nextDouble() - 1);
            s.z[i] += amplitude * (2 * rnd.nextDouble() - 1);
        }
        s.step++;
    }

    static void assertSame(ForceAccumulator a, ForceAccumulator b) {
        assertThat(a.fx).isEqualTo(b.fx);
        assertThat(a.fy).isEqualTo(b.fy);
        assertThat(a.fz).isEqualTo(b.fz);
        assertThat(a.energy(org.sheath.engine.force.EnergyTerm.LJ_SR)).isEqualTo(b.energy(org.sheath.engine.force.EnergyTerm.LJ_SR));
        assertThat(a.energy(org.sheath.engine.force.EnergyTerm.COULOMB_SR)).isEqualTo(b.energy(org.sheath.engine.force.EnergyTerm.COULOMB_SR));
        assertThat(a.virial).isEqualTo(b.virial);
    }

    @Test
    void thePrunedListGivesTheWholeListsForcesWhereItWasPruned() {
        FlatTopology top = Example.topology();
        State s = Example.state();
        s.step = 0;
        ClusterNonbondedForce pruned = force(top, true), whole = force(top, false);
        ForceAccumulator a = ClusterNonbondedForceTest.compute(pruned, s), b = ClusterNonbondedForceTest.compute(whole, s);
        System.out.printf("pruning: %d of %d cluster pairs kept (rc + %.2f of rc + %.2f)%n", pruned.kernelPairs(),
                pruned.clusterList().size(), INNER, OUTER);
        assertThat(pruned.prunes()).isEqualTo(1);
        assertThat(pruned.kernelPairs()).isLessThan(pruned.clusterList().size() * 9 / 10);
        assertThat(whole.kernelPairs()).isEqualTo(whole.clusterList().size());
        assertSame(a, b);
    }

    @Test
    void itStaysRightWithinHalfItsBufferAndIsPrunedOnSchedule() {
        FlatTopology top = Example.topology();
        State s = Example.state();
        s.step = 0;
        ClusterNonbondedForce pruned = force(top, true, false); // the reference kernel has no exclusion correction
        NonbondedForce ref = NonbondedForce.of(top, RC, 0.0, BETA, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT);
        ClusterNonbondedForceTest.compute(pruned, s);
        for (int k = 1; k <= 9; k++) {
            move(s, 0.006, k); // ≤ 0.006·√3 per step, within INNER/2 over the 3 steps between prunings
            ForceAccumulator f = ClusterNonbondedForceTest.compute(pruned, s), r = ClusterNonbondedForceTest.compute(ref, s);
            double rms = ClusterNonbondedForceTest.relativeRms(f, r);
            assertThat(rms).as("step %d", k).isLessThan(1e-5);
        }
        assertThat(pruned.listBuilds()).isEqualTo(1);
        assertThat(pruned.prunes()).as("steps 0, 4, 8").isEqualTo(3);
    }

    @Test
    void aRestoredListCarriesTheSameInnerList() {
        FlatTopology top = Example.topology();
        State s = Example.state();
        s.step = 0;
        ClusterNonbondedForce a = force(top, true);
        for (int k = 0; k < 6; k++) { // built and pruned at 0, pruned at 4; state after step 5
            ClusterNonbondedForceTest.compute(a, s);
            move(s, 0.012, 10 + k);
        }
        double[][] saved = a.listReference();
        assertThat(saved.length).isEqualTo(10);
        move(s, 0.012, 99);
        s.step = 6;
        ForceAccumulator fa = ClusterNonbondedForceTest.compute(a, s);

        ClusterNonbondedForce b = force(top, true);
        b.rebuildList(saved);
        ForceAccumulator fb = ClusterNonbondedForceTest.compute(b, s);
        assertThat(b.kernelPairs()).isEqualTo(a.kernelPairs());
        assertSame(fb, fa);

        // without the pruning part of the reference the inner list is cut at step 6 instead: another list
        ClusterNonbondedForce c = force(top, true);
        c.rebuildList(java.util.Arrays.copyOf(saved, 5));
        ClusterNonbondedForceTest.compute(c, s);
        assertThat(c.kernelPairs()).isNotEqualTo(a.kernelPairs());
    }

    @Test
    void theDualListMeetsTheToleranceWithEachOfItsLists() {
        FlatTopology top = Example.topology();
        State s = Example.state();
        VerletBuffer vb = new VerletBuffer(top, s.box.volume(), RC, BETA, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT);
        double tol = VerletBuffer.DEFAULT_TOLERANCE, dt = 0.002, t = 300;
        VerletBuffer.DualList d = vb.bestDualList(null, tol, dt, t, 5, 0.15, 0.2, 1.0);
        System.out.println("dual list at 2 fs, 300 K: " + d);
        assertThat(d.nstlist() % d.nstprune()).isZero();
        assertThat(d.nstprune()).isGreaterThan(1).isLessThan(d.nstlist());
        assertThat(d.innerBuffer()).isLessThan(d.outerBuffer());
        assertThat(vb.drift(d.outerBuffer(), d.nstlist(), dt, t)).isLessThanOrEqualTo(tol * 1.0001);
        assertThat(vb.drift(d.innerBuffer(), d.nstprune(), dt, t)).isLessThanOrEqualTo(tol * 1.0001);
        // a list that may not outlive 10 steps is pruned within them
        VerletBuffer.DualList ten = vb.bestDualList(new int[] {10}, tol, dt, t, 5, 0.15, 0.2, 1.0);
        assertThat(ten.nstlist()).isEqualTo(10);
        assertThat(10 % ten.nstprune()).isZero();
    }
}
