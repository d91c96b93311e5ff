package org.sheath.engine.force.pme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sheath.engine.system.Box;

/** The Vector API spreading/gathering of order 4 against PmeReciprocal's scalar loops. */
class PmeGridKernelTest {

    @Test
    void vectorKernelEqualsScalarLoopsInATriclinicBoxWithAtomsOnTheGridEdges() {
        assumeTrue(new PmeReciprocal(1, 8, 8, 8, 4).vectorGridKernel(), "jdk.incubator.vector not present");
        Box box = Box.fromMatrix(new double[] {2.1, 0, 0, 0.4, 2.3, 0, -0.3, 0.5, 2.2});
        int n = 400, nx = 21, ny = 24, nz = 22;
        Random rnd = new Random(7);
        double[] x = new double[n], y = new double[n], z = new double[n], q = new double[n];
        double[] h = box.toMatrix();
        for (int i = 0; i < n; i++) {
            // fractional coordinates, some exactly on or just inside the upper edge, some outside the box
            double a = rnd.nextDouble() * 1.4 - 0.2, b = rnd.nextDouble(), c = i % 10 == 0 ? 1 - 1e-12 : i % 10 == 1 ? 0 : rnd.nextDouble();
            x[i] = a * h[0] + b * h[3] + c * h[6];
            y[i] = b * h[4] + c * h[7];
            z[i] = c * h[8];
            q[i] = i % 7 == 3 ? 0 : rnd.nextGaussian();
        }
        double beta = 3.1;
        double[][] vec = forces(new PmeReciprocal(n, nx, ny, nz, 4), x, y, z, q, box, beta);
        PmeReciprocal scalar = new PmeReciprocal(n, nx, ny, nz, 4);
        scalar.useScalarLoops();
        double[][] ref = forces(scalar, x, y, z, q, box, beta);
        assertThat(vec[3][0]).isCloseTo(ref[3][0], org.assertj.core.data.Offset.offset(1e-11 * Math.abs(ref[3][0])));
        double worst = 0, scale = 0;
        for (int d = 0; d < 3; d++) {
            for (int i = 0; i < n; i++) {
                worst = Math.max(worst, Math.abs(vec[d][i] - ref[d][i]));
                scale = Math.max(scale, Math.abs(ref[d][i]));
            }
        }
        assertThat(scale).isGreaterThan(1);
        assertThat(worst / scale).isLessThan(1e-11);
        for (int i = 0; i < n; i++) if (q[i] == 0) assertThat(vec[0][i]).isZero();
    }

    private static double[][] forces(PmeReciprocal p, double[] x, double[] y, double[] z, double[] q, Box box, double beta) {
        int n = x.length;
        double[] fx = new double[n], fy = new double[n], fz = new double[n];
        double e = p.compute(x, y, z, q, box, beta, fx, fy, fz, new double[9], false);
        return new double[][] {fx, fy, fz, {e}};
    }
}
