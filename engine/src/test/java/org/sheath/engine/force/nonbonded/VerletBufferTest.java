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

    /** A time step too long for any buffer that fits the box: no lifetime (the run falls back to the exact rule). */
    @Test
    void aTimeStepTooLongForAnyBufferGivesNone() {
        VerletBuffer vb = example();
        assertThat(vb.drift(0.0, 1, 0.002, 300)).isZero(); // rebuilt every step
        assertThat(vb.bufferFor(0.005, 20, 0.02, 300, 0.2)).isNaN();
        assertThat(vb.bestNstlist(0.005, 0.02, 300, 5, 0.2)).isZero(); // nstlist 10 would need 0.35 nm
    }
}
