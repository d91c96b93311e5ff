package org.sheath.analysis.rdf;

/**
 * Finds the first solvation shell on g(r): smooth, then the first peak and the first minimum after it.
 *
 * <p>Smoothing: a Gaussian of standard deviation σ (default 0.01 nm) truncated at 4σ and
 * renormalised at the ends of the range. First peak: the first bin where the smoothed g is the
 * largest within ±2σ, at least 1 and at least 30 % of the global maximum of the smoothed g (so noise
 * at small r never counts). First minimum: walking out from the peak, the lowest smoothed value
 * g_min seen before the curve climbs back above g_min + 0.05 + 0.05·g_min; none if it never climbs
 * back (the curve flattens out: give {@code --shell-radius}). A flat bottom (bins within 0.001 of
 * g_min, e.g. g = 0 between the Li–O shells or in a crystal) gives its middle bin. The peak's position and height are those of the
 * raw g at its largest bin within ±2σ of the smoothed peak.
 */
public final class ShellFinder {
    private ShellFinder() {
    }

    public static double[] smooth(double[] g, double dr, double sigma) {
        int n = g.length;
        if (!(sigma > 0)) return g.clone();
        int w = Math.max(1, (int) Math.ceil(4 * sigma / dr));
        double[] kern = new double[w + 1];
        for (int k = 0; k <= w; k++) kern[k] = Math.exp(-0.5 * (k * dr / sigma) * (k * dr / sigma));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0, ws = 0;
            for (int k = -w; k <= w; k++) {
                int j = i + k;
                if (j < 0 || j >= n) continue;
                double c = kern[Math.abs(k)];
                s += c * g[j];
                ws += c;
            }
            out[i] = s / ws;
        }
        return out;
    }

    /** Index of the first peak of smoothed g, or −1. */
    static int firstPeak(double[] gs, double dr, double sigma) {
        int w = Math.max(1, (int) Math.round(2 * sigma / dr));
        double max = 0;
        for (double v : gs) max = Math.max(max, v);
        double floor = Math.max(1.0, 0.3 * max);
        for (int i = 0; i < gs.length; i++) {
            if (gs[i] < floor) continue;
            boolean top = true;
            for (int k = Math.max(0, i - w); k <= Math.min(gs.length - 1, i + w) && top; k++) {
                if (gs[k] > gs[i]) top = false;
            }
            if (top && i + 1 < gs.length) return i;
        }
        return -1;
    }

    /** Index of the first minimum after the peak, or −1. */
    static int firstMinimum(double[] gs, int peak) {
        if (peak < 0) return -1;
        int km = peak;
        for (int i = peak + 1; i < gs.length; i++) {
            if (gs[i] < gs[km]) km = i;
            if (gs[i] > gs[km] + RISE_ABS + RISE_REL * gs[km]) {
                // a flat bottom (e.g. g = 0 between the shells of Li–O or a crystal): take its middle
                int a = km, b = km;
                while (a - 1 > peak && gs[a - 1] <= gs[km] + FLAT) a--;
                while (b + 1 < i && gs[b + 1] <= gs[km] + FLAT) b++;
                return (a + b) / 2;
            }
        }
        return -1;
    }

    static final double RISE_ABS = 0.05, RISE_REL = 0.05, FLAT = 1e-3;

    /**
     * The shell of g (bins dr wide from 0) with running coordination numbers {@code cn} at the upper
     * bin edges; {@code radius} NaN to use the first minimum.
     */
    static RdfResult.Shell find(double[] g, double[] cn, double dr, double sigma, double radius) {
        double[] gs = smooth(g, dr, sigma);
        int p = firstPeak(gs, dr, sigma);
        double peakR = Double.NaN, peakG = Double.NaN;
        if (p >= 0) {
            int w = Math.max(1, (int) Math.round(2 * sigma / dr));
            int best = p;
            for (int k = Math.max(0, p - w); k <= Math.min(g.length - 1, p + w); k++) if (g[k] > g[best]) best = k;
            peakR = (best + 0.5) * dr;
            peakG = g[best];
        }
        int m = firstMinimum(gs, p);
        double minR = m >= 0 ? (m + 0.5) * dr : Double.NaN;
        double minG = m >= 0 ? gs[m] : Double.NaN;
        boolean auto = Double.isNaN(radius);
        double rad = auto ? minR : radius;
        double c = Double.isNaN(rad) ? Double.NaN : cumulativeAt(cn, dr, rad);
        return new RdfResult.Shell(peakR, peakG, minR, minG, rad, c, auto);
    }

    /** Linear interpolation of a cumulative quantity given at the upper bin edges (value 0 at r = 0). */
    static double cumulativeAt(double[] cum, double dr, double x) {
        double u = x / dr;
        if (u <= 0) return 0;
        if (u >= cum.length) return cum[cum.length - 1];
        int k = (int) Math.floor(u);
        double lo = k == 0 ? 0 : cum[k - 1];
        return lo + (u - k) * (cum[k] - lo);
    }
}
