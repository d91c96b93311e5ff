package org.sheath.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Prints the build time of the example compositions (no timed assertion: the machine is shared). The
 * 100k-atom case is in bench/BuildBench.java.
 */
class BuildTimingTest {
    @ParameterizedTest(name = "{0} at {1} g/cm3")
    @CsvSource({"LI=20;ZN=4;TFSI=28;DMF=250, 0.95", "LI=130;ZN=30;TFSI=190;DMF=1700, 0.95", "LI=10;TFSI=10;EC=600, 1.32"})
    void printsTheBuildTime(String composition, double density) {
        long t0 = System.nanoTime();
        BuiltSystem s = SystemBuilder.of(Composition.parse(composition.replace(';', ','))).density(density).seed(7).build();
        double seconds = (System.nanoTime() - t0) * 1e-9;
        System.out.printf("build %s at %.2f g/cm3: %d atoms in %.2f s (packing %.2f s: %d attempts, %d relaxation steps, "
                        + "%d re-insertions), min distance %.4f nm%n", composition.replace(';', ','), density, s.atomCount(),
                seconds, s.packing().seconds(), s.packing().attempts(), s.packing().relaxSteps(), s.packing().reinserted(),
                s.minDistance());
        assertThat(s.minDistance()).isGreaterThanOrEqualTo(0.2 + SystemBuilder.GRO_ROUNDING_MARGIN);
    }
}
