package org.sheath.engine.protocol;

/**
 * Mean of a time series and its standard error from block averaging: the series is cut into
 * {@link #BLOCKS} equal consecutive blocks (the first n mod B samples left out) and the standard error
 * is that of the block means, SE = sqrt(Σ(m_b − m̄)² / (B(B − 1))). Blocks longer than
 * the correlation time make the block means independent, so this is honest for correlated samples as
 * long as each block spans several correlation times (GROMACS {@code gmx energy} estimates its error
 * the same way). Fewer than 2 samples per block: the error is NaN.
 */
public record BlockAverage(double mean, double error, int samples, int blocks) {
    public static final int BLOCKS = 5;

    public static BlockAverage of(double[] a) {
        int n = a.length;
        if (n == 0) return new BlockAverage(Double.NaN, Double.NaN, 0, 0);
        double m = 0;
        for (double v : a) m += v;
        m /= n;
        int len = n / BLOCKS;
        if (len < 2) return new BlockAverage(m, Double.NaN, n, 0);
        // blocks of equal length taken from the end (the start is the least equilibrated; it is dropped first)
        int off = n - BLOCKS * len;
        double mm = 0;
        double[] bm = new double[BLOCKS];
        for (int b = 0; b < BLOCKS; b++) {
            double s = 0;
            for (int i = 0; i < len; i++) s += a[off + b * len + i];
            bm[b] = s / len;
            mm += bm[b];
        }
        mm /= BLOCKS;
        double ss = 0;
        for (double v : bm) ss += (v - mm) * (v - mm);
        return new BlockAverage(m, Math.sqrt(ss / (BLOCKS * (BLOCKS - 1.0))), n, BLOCKS);
    }
}
