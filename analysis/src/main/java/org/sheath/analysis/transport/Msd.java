package org.sheath.analysis.transport;

/**
 * Mean squared displacement of one coordinate series over all time origins,
 * MSD(m) = 1/(N−m) Σ_{k=0}^{N−1−m} (x(k+m) − x(k))², by the FFT algorithm (Calandrini et al., "nMoldyn",
 * École thématique de la Société Française de la Neutronique 12, 201 (2011)): with D(k) = x(k)²,
 * S1(m) = 1/(N−m) Σ_{k=0}^{N−1−m} (D(k) + D(k+m)) computed recursively and S2(m) the autocorrelation
 * divided by N − m, MSD(m) = S1(m) − 2 S2(m). O(N log N) instead of O(N²).
 */
public final class Msd {
    private Msd() {
    }

    /** Adds the MSD of series x (lags 0 … N−1) to {@code acc}. The series' mean is removed first (for precision). */
    public static void addFft(double[] x, double[] acc) {
        int n = x.length;
        double mean = 0;
        for (double v : x) mean += v;
        mean /= n;
        double[] y = new double[n];
        for (int k = 0; k < n; k++) y[k] = x[k] - mean;
        double[] s2 = Correlation.autocorrelation(y);
        double q = 0;
        for (double v : y) q += 2 * v * v;
        for (int m = 0; m < n; m++) {
            if (m > 0) q -= y[m - 1] * y[m - 1] + y[n - m] * y[n - m];
            acc[m] += (q - 2 * s2[m]) / (n - m);
        }
    }

    /** Direct O(N²) windowed MSD (for tests). */
    public static double[] direct(double[] x) {
        int n = x.length;
        double[] out = new double[n];
        for (int m = 0; m < n; m++) {
            double s = 0;
            for (int k = 0; k + m < n; k++) {
                double d = x[k + m] - x[k];
                s += d * d;
            }
            out[m] = s / (n - m);
        }
        return out;
    }
}
