package org.sheath.engine.force.pme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BSplineTest {
    @Test
    void partitionOfUnityDerivativeAndKnownValues() {
        for (int p = 3; p <= 8; p++) {
            double[] th = new double[p], dth = new double[p], thp = new double[p], thm = new double[p];
            for (double w : new double[] {0.0, 0.123, 0.5, 0.77, 0.999}) {
                BSpline.weights(p, w, th, dth, 0);
                double sum = 0;
                for (double v : th) sum += v;
                assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-14));
                double h = 1e-6;
                BSpline.weights(p, w + h, thp, null, 0);
                BSpline.weights(p, w - h, thm, null, 0);
                for (int j = 0; j < p; j++) {
                    assertThat(dth[j]).isCloseTo((thp[j] - thm[j]) / (2 * h), org.assertj.core.data.Offset.offset(1e-8));
                }
            }
        }
        // cubic (order 4) B-spline at integers: M4(1) = 1/6, M4(2) = 2/3, M4(3) = 1/6
        double[] th = new double[4];
        BSpline.weights(4, 0.0, th, null, 0);
        assertThat(th[1]).isCloseTo(1.0 / 6, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(th[2]).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(th[3]).isCloseTo(1.0 / 6, org.assertj.core.data.Offset.offset(1e-15));
        // the closed form of order 4 is the recursion
        double[] a = new double[4], da = new double[4], b = new double[4], db = new double[4];
        java.util.Random rnd = new java.util.Random(8);
        for (int k = 0; k < 1000; k++) {
            double w = k == 0 ? 0 : k == 1 ? 1 : rnd.nextDouble();
            BSpline.weights(4, w, a, da, 0);
            BSpline.byRecursion(4, w, b, db, 0);
            for (int j = 0; j < 4; j++) {
                assertThat(a[j]).isCloseTo(b[j], org.assertj.core.data.Offset.offset(3e-16));
                assertThat(da[j]).isCloseTo(db[j], org.assertj.core.data.Offset.offset(5e-16));
            }
        }
        // odd order at the Nyquist index: finite moduli
        for (double v : BSpline.moduli(5, 16)) assertThat(Double.isFinite(v)).isTrue();
    }
}
