package org.sheath.analysis.transport;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Time correlations by FFT (Wiener–Khinchin): the unnormalised autocorrelation
 * A(m) = Σ_{k=0}^{N−1−m} x(k) x(k+m) of a series, zero-padded to a power of two ≥ 2N so the circular
 * correlation equals the linear one.
 */
public final class Correlation {
    private Correlation() {
    }

    /** A(m) for m = 0 … N−1. */
    public static double[] autocorrelation(double[] x) {
        int n = x.length;
        if (n == 0) return new double[0];
        if (n < 32) return direct(x);
        int len = Integer.highestOneBit(2 * n - 1) << 1;
        double[] a = new double[2 * len];
        for (int k = 0; k < n; k++) a[2 * k] = x[k];
        DoubleFFT_1D fft = fft(len);
        fft.complexForward(a);
        for (int k = 0; k < len; k++) {
            double re = a[2 * k], im = a[2 * k + 1];
            a[2 * k] = re * re + im * im;
            a[2 * k + 1] = 0;
        }
        fft.complexInverse(a, true);
        double[] out = new double[n];
        for (int m = 0; m < n; m++) out[m] = a[2 * m];
        return out;
    }

    /** Direct O(N²) sum, for short series and tests. */
    public static double[] direct(double[] x) {
        int n = x.length;
        double[] out = new double[n];
        for (int m = 0; m < n; m++) {
            double s = 0;
            for (int k = 0; k + m < n; k++) s += x[k] * x[k + m];
            out[m] = s;
        }
        return out;
    }

    private static final ThreadLocal<java.util.Map<Integer, DoubleFFT_1D>> PLANS =
            ThreadLocal.withInitial(java.util.HashMap::new);

    private static DoubleFFT_1D fft(int len) {
        return PLANS.get().computeIfAbsent(len, DoubleFFT_1D::new);
    }
}
