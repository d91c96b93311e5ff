package org.sheath.engine.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sheath.engine.force.ewald.EwaldTerms;

/**
 * The unit constants are GROMACS 2022's (units.h, CODATA 2018), which the GROMACS energy oracle
 * showed: with GROMACS ≤ 2020's 138.935458 and 16.6054, every Coulomb term was 2.6e-9 and every
 * pressure 5.6e-7 (relative) larger than gmx_d 2022.5's.
 */
class GromacsUnitsTest {
    @Test
    void constantsAreGromacs2022Values() {
        assertThat(EwaldTerms.ONE_4PI_EPS0).isCloseTo(138.93545764438196, within(1e-12));
        assertThat(EnergyReport.PRESFAC).isCloseTo(16.605390666, within(1e-12));
    }

    /** GROMACS's own pressure and virial (zero kinetic energy): P_ab = −2·Ξ_ab/V · PRESFAC. */
    @Test
    void presfacIsTheRatioOfGromacsPressureToVirial() throws IOException {
        Map<String, Double> g = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/reference/gromacs-energies/litfsi-zn-dmf/default.tsv"))) {
            if (!line.startsWith("#")) g.put(line.split("\t")[0], Double.parseDouble(line.split("\t")[1]));
        }
        double volume = 3.7 * 3.7 * 3.7;
        for (String ab : new String[] {"XX", "YY", "ZZ", "XY"}) {
            double presfac = -g.get("Pres-" + ab) * volume / (2 * g.get("Vir-" + ab));
            assertThat(presfac).as(ab).isCloseTo(EnergyReport.PRESFAC, within(1e-10 * EnergyReport.PRESFAC));
        }
    }
}
