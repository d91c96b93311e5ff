package org.sheath.engine.force.pme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;

/** The row-batched FFT against JTransforms (an independent implementation) for every length 1–72 and some primes. */
class RowFftTest {
    /** The vector passes (radix 2, 4, 3, 5, 7) give the scalar passes' result bit for bit, tail columns included. */
    @Test
    void vectorPassesEqualTheScalarOnesBitForBit() {
        Random rnd = new Random(5);
        int[] extra = {96, 98, 105, 112, 120, 126, 140, 143};
        int vectorUsed = 0;
        for (int n = 1; n <= 72 + extra.length; n++) {
            int len = n <= 72 ? n : extra[n - 73];
            RowFft vec = new RowFft(len), sca = new RowFft(len);
            sca.useScalarPasses();
            if (vec.vectorPasses()) vectorUsed++;
            for (int width : new int[] {8, 13, 16, 29, 116}) {
                int stride = width + 3;
                for (boolean forward : new boolean[] {true, false}) {
                    double[] re = new double[len * stride + 2], im = new double[re.length];
                    for (int k = 0; k < re.length; k++) {
                        re[k] = rnd.nextGaussian();
                        im[k] = rnd.nextGaussian();
                    }
                    double[] re2 = re.clone(), im2 = im.clone();
                    vec.transform(re, im, 2, stride, width, forward, new double[vec.scratchSize(width)], new double[vec.scratchSize(width)]);
                    sca.transform(re2, im2, 2, stride, width, forward, new double[sca.scratchSize(width)], new double[sca.scratchSize(width)]);
                    assertThat(re).as("re, n %d width %d", len, width).isEqualTo(re2);
                    assertThat(im).as("im, n %d width %d", len, width).isEqualTo(im2);
                }
            }
        }
        // the module is on the test JVM's path (engine/pom.xml), so the vector passes ran
        assertThat(vectorUsed).isEqualTo(72 + extra.length);
    }

    @Test
    void everyRowMatchesJTransformsForwardAndInverse() {
        Random rnd = new Random(4);
        int width = 3, stride = 5; // rows with a gap: the stride is honoured
        int[] extra = {97, 121, 125, 128, 143, 169, 210};
        int[] lengths = new int[72 + extra.length];
        for (int n = 1; n <= 72; n++) lengths[n - 1] = n;
        System.arraycopy(extra, 0, lengths, 72, extra.length);
        for (int n : lengths) {
            RowFft f = new RowFft(n);
            for (boolean forward : new boolean[] {true, false}) {
                double[] re = new double[n * stride + 2], im = new double[re.length];
                for (int k = 0; k < re.length; k++) {
                    re[k] = rnd.nextGaussian();
                    im[k] = rnd.nextGaussian();
                }
                double[][] expect = new double[width][2 * n];
                for (int i = 0; i < width; i++) {
                    for (int e = 0; e < n; e++) {
                        expect[i][2 * e] = re[2 + e * stride + i];
                        expect[i][2 * e + 1] = im[2 + e * stride + i];
                    }
                    if (forward) new DoubleFFT_1D(n).complexForward(expect[i]);
                    else new DoubleFFT_1D(n).complexInverse(expect[i], false);
                }
                double gapRe = re[2 + width], gapIm = im[2 + width];
                f.transform(re, im, 2, stride, width, forward, new double[f.scratchSize(width)], new double[f.scratchSize(width)]);
                double worst = 0, scale = Math.sqrt(n);
                for (int i = 0; i < width; i++) {
                    for (int e = 0; e < n; e++) {
                        worst = Math.max(worst, Math.abs(re[2 + e * stride + i] - expect[i][2 * e]));
                        worst = Math.max(worst, Math.abs(im[2 + e * stride + i] - expect[i][2 * e + 1]));
                    }
                }
                assertThat(worst / scale).as("n = %d (radices %s), forward %s", n, java.util.Arrays.toString(RowFft.factor(n)), forward)
                        .isLessThan(1e-13);
                if (n > 1) {
                    assertThat(re[2 + width]).as("values between rows untouched").isEqualTo(gapRe);
                    assertThat(im[2 + width]).isEqualTo(gapIm);
                }
            }
        }
    }
}
