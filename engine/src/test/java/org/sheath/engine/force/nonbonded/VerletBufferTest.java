package org.sheath.engine.force.nonbonded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sheath.engine.force.ewald.EwaldParameters;
import org.sheath.engine.system.State;
import org.sheath.forcefields.model.FlatTopology;

/**
 * The drift estimate behind the tolerance-sized buffer: it falls with the buffer and grows with the list
 * lifetime and the temperature, and the buffer found meets the tolerance while a 10 % smaller one does not.
 * Whether the estimate holds in MD is measured by the NVE validation (ValidationNveTest with
 * -Dsheath.kernel=cluster -Dsheath.verlet=tolerance).
 */
class VerletBufferTest {
    static final double RC = 1.2;

    private static VerletBuffer example() {
        FlatTopology top = Example.topology();
        State s = Example.state();
        return new VerletBuffer(top, s.box.volume(), RC, EwaldParameters.ewaldCoefficient(RC, 1e-5), Modifier.POTENTIAL_SHIFT,
                Modifier.POTENTIAL_SHIFT);
    }

    @Test
    void driftFallsWithTheBufferAndGrowsWithLifetimeAndTemperature() {
        VerletBuffer vb = example();
        assertThat(vb.drift(0.05, 20, 0.002, 300)).isLessThan(vb.drift(0.0, 20, 0.002, 300));
        assertThat(vb.drift(0.1, 20, 0.002, 300)).isLessThan(vb.drift(0.05, 20, 0.002, 300));
        assertThat(vb.drift(0.05, 40, 0.002, 300)).isGreaterThan(vb.drift(0.05, 20, 0.002, 300));
        assertThat(vb.drift(0.05, 20, 0.002, 600)).isGreaterThan(vb.drift(0.05, 20, 0.002, 300));
    }

    @Test
    void theBufferFoundIsTheSmallestThatMeetsTheTolerance() {
        VerletBuffer vb = example();
        for (int n : new int[] {20, 40}) {
            double b = vb.bufferFor(0.005, n, 0.002, 300);
            System.out.printf("example box, 300 K, 2 fs, nstlist %d: buffer %.4f nm%n", n, b);
            assertThat(b).isGreaterThan(0);
            assertThat(vb.drift(b, n, 0.002, 300)).isLessThanOrEqualTo(0.005);
            assertThat(vb.drift(0.9 * b, n, 0.002, 300)).isGreaterThan(0.005);
        }
        assertThat(vb.bufferFor(0.005, 40, 0.002, 300)).isGreaterThan(vb.bufferFor(0.005, 20, 0.002, 300));
        int best = vb.bestNstlist(0.005, 0.002, 300, 5);
        assertThat(best).isBetween(10, 100);
    }

    /**
     * Hydrogens held by h-bond constraints move less than free atoms of their mass (their pair's centre of mass
     * plus a bounded rotation), more than atoms of the pair's whole mass would: the buffer lies between the two.
     */
    @Test
    void constrainedHydrogensNeedLessBufferThanFreeOnes() {
        FlatTopology top = Example.topology();
        State s = Example.state();
        double beta = EwaldParameters.ewaldCoefficient(RC, 1e-5);
        org.sheath.engine.system.MdSystem sys = new org.sheath.engine.system.MdSystem(top);
        var cs = org.sheath.engine.integrate.constraint.ConstraintSet.of(sys, org.sheath.engine.integrate.constraint.ConstraintMode.H_BONDS);
        var cp = cs.pairs();
        assertThat(cp.i().length).isPositive();
        VerletBuffer free = example();
        VerletBuffer held = new VerletBuffer(top, s.box.volume(), RC, beta, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT,
                cp.i(), cp.j(), cp.length());
        // the bound: every hydrogen given the mass of its constrained pair (translation only)
        double[] saved = top.mass.clone();
        int[] ci = cp.i(), cj = cp.j();
        VerletBuffer bound;
        try { // the bound's classes are made at construction: masses changed for it only
            for (int k = 0; k < ci.length; k++) {
                int h = saved[ci[k]] < saved[cj[k]] ? ci[k] : cj[k];
                top.mass[h] = saved[ci[k]] + saved[cj[k]];
            }
            bound = new VerletBuffer(top, s.box.volume(), RC, beta, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT);
        } finally {
            System.arraycopy(saved, 0, top.mass, 0, saved.length);
        }
        for (int n : new int[] {25, 50, 100}) {
            double bf = free.bufferFor(0.005, n, 0.002, 300), bh = held.bufferFor(0.005, n, 0.002, 300),
                    bb = bound.bufferFor(0.005, n, 0.002, 300);
            System.out.printf("nstlist %d at 2 fs: buffer free H %.4f, constrained H %.4f, H with the pair's mass %.4f nm%n", n, bf, bh, bb);
            assertThat(bh).isLessThan(bf).isGreaterThanOrEqualTo(bb);
        }
    }

    /** A time step too long for any buffer that fits the box: no lifetime (the run falls back to the exact rule). */
    @Test
    void aTimeStepTooLongForAnyBufferGivesNone() {
        VerletBuffer vb = example();
        assertThat(vb.drift(0.0, 1, 0.002, 300)).isZero(); // rebuilt every step
        assertThat(vb.bufferFor(0.005, 20, 0.02, 300, 0.2)).isNaN();
        assertThat(vb.bestNstlist(0.005, 0.02, 300, 5, 0.2)).isZero(); // nstlist 10 would need 0.35 nm
    }
}
