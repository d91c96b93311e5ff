package org.sheath.engine.force.nonbonded.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sheath.engine.force.ewald.EwaldParameters;
import org.sheath.engine.math.Erfc;

/**
 * The rational E and G of the cluster kernels against erf and exp in double, on a sample finer than the
 * fit's, for cut-offs and ewald-rtol values users set (1e-3 … 1e-7), and through the real-space terms they
 * stand for: erfc(βr)/r and its force.
 */
class EwaldPolynomialsTest {
    @Test
    void eAndGAreWithinTheirTolerancesForEveryUsualRtolAndCutoff() {
        for (double rc : new double[] {0.8, 1.0, 1.2, 1.6}) {
            for (double rtol : new double[] {1e-3, 1e-4, 1e-5, 1e-6, 1e-7}) {
                double beta = EwaldParameters.ewaldCoefficient(rc, rtol);
                EwaldPolynomials p = new EwaldPolynomials(beta, rc);
                double worstE = 0, worstG = 0, worstForce = 0, worstPot = 0;
                for (int i = 1; i <= 20000; i++) {
                    double r = rc * i / 20000, s = beta * beta * r * r;
                    worstE = Math.max(worstE, Math.abs(p.e((float) s) / EwaldPolynomials.e(s) - 1));
                    worstG = Math.max(worstG, Math.abs(p.g((float) s) / EwaldPolynomials.g(s) - 1));
                    // the real-space terms, relative to the bare Coulomb ones (what float rounding of 1/r is compared with)
                    double erfc = Erfc.erfc(beta * r) / r;
                    double force = (erfc + 2 * beta / Math.sqrt(Math.PI) * Math.exp(-s)) / (r * r);
                    worstPot = Math.max(worstPot, Math.abs(1 / r - beta * p.e((float) s) - erfc) * r);
                    worstForce = Math.max(worstForce, Math.abs(1 / (r * r * r) - beta * beta * beta * p.g((float) s) - force) * r * r * r);
                }
                assertThat(worstE).as("E, rc %s, rtol %s", rc, rtol).isLessThanOrEqualTo(1.05 * EwaldPolynomials.TOLERANCE_E);
                assertThat(worstG).as("G, rc %s, rtol %s", rc, rtol).isLessThanOrEqualTo(1.05 * EwaldPolynomials.TOLERANCE_G);
                assertThat(worstPot).as("potential").isLessThan(1e-6);
                assertThat(worstForce).as("force").isLessThan(3e-6);
                assertThat(p.degreesG()[0]).isLessThanOrEqualTo(EwaldPolynomials.TERMS - 1);
            }
        }
        int[] g = new EwaldPolynomials(EwaldParameters.ewaldCoefficient(1.2, 1e-5), 1.2).degreesG();
        System.out.printf("rtol 1e-5: G = P/Q of degrees %d/%d%n", g[0], g[1]);
    }
}
