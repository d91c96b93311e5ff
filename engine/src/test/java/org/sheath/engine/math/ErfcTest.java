package org.sheath.engine.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErfcTest {

    /** Reference values from mpmath (50 digits), see engine/src/test/scripts/gen_erfc.py. */
    private static List<double[]> reference() throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (var in = ErfcTest.class.getResourceAsStream("erfc_reference.csv");
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] p = line.split(",");
                rows.add(new double[] {Double.parseDouble(p[0]),
                        new BigDecimal(p[1]).doubleValue(), new BigDecimal(p[2]).doubleValue()});
            }
        }
        return rows;
    }

    private static double relErr(double got, double ref) {
        if (ref == 0) return Math.abs(got);
        return Math.abs(got - ref) / Math.abs(ref);
    }

    @Test
    void matchesMpmathToBetterThan1e14() throws IOException {
        List<double[]> rows = reference();
        assertThat(rows).hasSizeGreaterThan(2500);
        double worstErf = 0, worstErfc = 0;
        for (double[] row : rows) {
            double x = row[0];
            double eErf = relErr(Erfc.erf(x), row[1]);
            assertThat(eErf).as("erf(%s)", x).isLessThan(1e-14);
            worstErf = Math.max(worstErf, eErf);
            if (Math.abs(row[2]) > Double.MIN_NORMAL) {
                double eErfc = relErr(Erfc.erfc(x), row[2]);
                assertThat(eErfc).as("erfc(%s)", x).isLessThan(1e-14);
                worstErfc = Math.max(worstErfc, eErfc);
            }
        }
        System.out.printf("Erfc: worst relative error erf %.2e, erfc %.2e over %d points%n",
                worstErf, worstErfc, rows.size());
    }

    @Test
    void specialValues() {
        assertThat(Erfc.erfc(0.0)).isEqualTo(1.0);
        assertThat(Erfc.erf(0.0)).isEqualTo(0.0);
        assertThat(Erfc.erfc(40.0)).isEqualTo(0.0);
        assertThat(Erfc.erfc(-40.0)).isEqualTo(2.0);
        assertThat(Erfc.erf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Erfc.erf(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(Erfc.erfc(Double.NaN)).isNaN();
    }
}
