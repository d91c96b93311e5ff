package org.sheath.engine.force.pme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RealFft3dTest {

    @Test
    void matchesNaiveDftForMixedRadixSizesAndInverts() {
        // radix 4, 2 and direct prime passes (3, 5, 7, 11, 13) in both strided dimensions
        int[][] sizes = {{6, 5, 7}, {8, 9, 10}, {7, 6, 14}, {5, 5, 5}, {12, 1, 9}, {16, 11, 4}, {13, 28, 6}, {1, 24, 3}};
        Random rnd = new Random(1);
        for (int[] s : sizes) {
            int nx = s[0], ny = s[1], nz = s[2];
            RealFft3d fft = new RealFft3d(nx, ny, nz);
            double[] r = new double[fft.realSize()];
            for (int i = 0; i < r.length; i++) r[i] = rnd.nextGaussian();
            double[] cr = new double[fft.complexSize()], ci = new double[fft.complexSize()];
            fft.forward(r, cr, ci);
            int nzh = nz / 2 + 1;
            double worst = 0;
            for (int kx = 0; kx < nx; kx++)
                for (int ky = 0; ky < ny; ky++)
                    for (int kz = 0; kz < nzh; kz++) {
                        double re = 0, im = 0;
                        for (int ix = 0; ix < nx; ix++)
                            for (int iy = 0; iy < ny; iy++)
                                for (int iz = 0; iz < nz; iz++) {
                                    double ph = -2 * Math.PI * ((double) kx * ix / nx + (double) ky * iy / ny + (double) kz * iz / nz);
                                    double v = r[(ix * ny + iy) * nz + iz];
                                    re += v * Math.cos(ph);
                                    im += v * Math.sin(ph);
                                }
                        int k = (kx * ny + ky) * nzh + kz;
                        worst = Math.max(worst, Math.hypot(cr[k] - re, ci[k] - im));
                    }
            assertThat(worst).as("forward %dx%dx%d", nx, ny, nz).isLessThan(1e-11);
            double[] back = new double[r.length];
            fft.backward(cr, ci, back);
            double n = (double) nx * ny * nz;
            for (int i = 0; i < r.length; i++) assertThat(Math.abs(back[i] / n - r[i])).isLessThan(1e-12);
        }
    }

    @Test
    void threadsGiveTheSameBitsAsOneThread() {
        Random rnd = new Random(2);
        for (int[] s : new int[][] {{7, 6, 14}, {9, 5, 8}, {3, 2, 5}}) {
            RealFft3d one = new RealFft3d(s[0], s[1], s[2]), three = new RealFft3d(s[0], s[1], s[2]);
            try (org.sheath.engine.parallel.WorkerPool pool = new org.sheath.engine.parallel.WorkerPool(3)) {
                three.setPool(pool);
                double[] r = new double[one.realSize()];
                for (int i = 0; i < r.length; i++) r[i] = rnd.nextGaussian();
                int n = one.complexSize();
                double[] c1 = new double[n], d1 = new double[n], c3 = new double[n], d3 = new double[n];
                one.forward(r, c1, d1);
                three.forward(r, c3, d3);
                assertThat(c3).isEqualTo(c1);
                assertThat(d3).isEqualTo(d1);
                double[] b1 = new double[r.length], b3 = new double[r.length];
                one.backward(c1, d1, b1);
                three.backward(c3, d3, b3);
                assertThat(b3).isEqualTo(b1);
            }
        }
    }
}
