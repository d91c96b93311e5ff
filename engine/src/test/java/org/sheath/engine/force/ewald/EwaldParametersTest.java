package org.sheath.engine.force.ewald;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sheath.engine.math.Erfc;
import org.sheath.engine.system.Box;

class EwaldParametersTest {

    @Test
    void ewaldCoefficientLikeGromacs() {
        // mpmath root of erfc(beta) = 1e-5: 3.12341327434087503; GROMACS logs "Gaussian width (1/beta) of 0.320163 nm"
        assertThat(EwaldParameters.ewaldCoefficient(1.0, 1e-5)).isCloseTo(3.12341327434087503, within(1e-12));
        assertThat(1 / EwaldParameters.ewaldCoefficient(1.2, 1e-5)).isCloseTo(0.384195, within(5e-7));
        for (double rc : new double[] {0.8, 1.0, 1.2, 1.4}) {
            for (double tol : new double[] {1e-4, 1e-5, 1e-6, 1e-12}) {
                double b = EwaldParameters.ewaldCoefficient(rc, tol);
                assertThat(Erfc.erfc(b * rc)).isCloseTo(tol, within(1e-12 * tol));
            }
        }
    }

    /** Grid sizes picked by `gmx grompp` (GROMACS 2022.5) for rectangular and triclinic boxes. */
    @Test
    void gridSizesMatchGmxGrompp() throws IOException {
        int cases = 0;
        try (var in = getClass().getResourceAsStream("gromacs_grid_reference.csv");
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] p = line.split(",");
                double[] m = new double[9];
                for (int k = 0; k < 9; k++) m[k] = Double.parseDouble(p[k]);
                double spacing = Double.parseDouble(p[9]);
                int order = Integer.parseInt(p[10]);
                int[] expected = {Integer.parseInt(p[11]), Integer.parseInt(p[12]), Integer.parseInt(p[13])};
                assertThat(EwaldParameters.pmeGridSize(Box.fromMatrix(m), spacing, order)).as(line).containsExactly(expected);
                cases++;
            }
        }
        assertThat(cases).isGreaterThan(60);
    }

    @Test
    void gridSizeRuleDetails() {
        assertThat(EwaldParameters.minimalPmeGridSize(4)).isEqualTo(6);
        assertThat(EwaldParameters.fftGridSize(0.3, 0.12, 6)).isEqualTo(6);
        assertThat(EwaldParameters.fftGridSize(0.3, 0.12, 14)).isEqualTo(14);
        assertThat(EwaldParameters.fftGridSize(5.4, 0.12, 6)).isEqualTo(48); // nmin 45: 45 is never chosen
        assertThat(EwaldParameters.fftGridSize(10.0, 0.12, 6)).isEqualTo(84); // nmin 84
        assertThat(EwaldParameters.fftGridSize(10.1, 0.12, 6)).isEqualTo(96); // nmin 85: 90 is unreachable, 2*48
        assertThat(EwaldParameters.fftGridSize(16.2, 0.12, 6)).isEqualTo(144); // nmin 135 -> 2*72 (140 excluded)
        EwaldParameters p = EwaldParameters.fromMdp(Box.rectangular(3.0, 3.1, 2.9), 1.2, 1e-5, 0.12, 4);
        assertThat(new int[] {p.nx(), p.ny(), p.nz()}).containsExactly(25, 28, 25);
    }
}
