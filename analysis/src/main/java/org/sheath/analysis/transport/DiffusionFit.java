package org.sheath.analysis.transport;

import java.util.Locale;
import org.sheath.forcefields.InputException;

/**
 * Self-diffusion coefficient from the MSD: D = slope / 6 of a least-squares line MSD = a + 6 D t over
 * a window [t_start, t_end] of lag times (3-D; Einstein relation).
 *
 * <p>Automatic window: only lags up to a quarter of the run are considered (longer lags have fewer
 * independent time origins and make the end noisy: on a random walk of 900 1-D walkers × 1000
 * frames, windows reaching half the run scatter by ~3 % in D, a quarter by ~2 %). On a logarithmic grid of lags (10 per decade) every window [t_a, t_b] with
 * t_b ≥ 3 t_a (half a decade) is scored by |β − 1|, β the slope of ln MSD against ln t over the grid
 * points in it (β = 2 ballistic, &lt; 1 caged/sub-diffusive, 1 diffusive). The window with the
 * smallest |β − 1| wins; windows within 0.01 of the best count as equal and then the widest one
 * (largest t_b / t_a) is taken. Error estimate as gmx msd: |D(first half of the window) − D(second half)|.
 */
public final class DiffusionFit {
    private DiffusionFit() {
    }

    /**
     * @param start first lag index of the window
     * @param end last lag index (inclusive)
     * @param d diffusion coefficient, nm²/ps
     * @param dError |D₁ − D₂| of the two halves of the window
     * @param beta log-log slope over the window
     * @param intercept intercept of the line, nm²
     * @param automatic whether the window was chosen automatically
     */
    public record Fit(int start, int end, double tStart, double tEnd, double d, double dError, double beta,
                      double intercept, boolean automatic) {
        /** Log-log slopes within this band count as diffusive (Einstein's MSD = 6 D t needs 1). */
        public static final double MIN_DIFFUSIVE = 0.9, MAX_DIFFUSIVE = 1.1;

        /** Whether the MSD grows linearly over the window: otherwise D (and a Nernst–Einstein σ) is not converged. */
        public boolean diffusive() {
            return beta >= MIN_DIFFUSIVE && beta <= MAX_DIFFUSIVE;
        }

        private static String shortNumber(double v) {
            return new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
        }

        /** The warning for a fit that is not diffusive, naming the species; empty if it is. */
        public String warning(String species) {
            if (diffusive()) return "";
            return String.format(java.util.Locale.ROOT, "%s: the MSD's log-log slope over %s-%s ps is %.2f, not %.1f-%.1f: "
                    + "the motion is not diffusive there yet (sub-diffusive cage or ballistic regime), so D is not "
                    + "converged; run longer or fit a later window with --fit-start/--fit-end", species, shortNumber(tStart),
                    shortNumber(tEnd), beta,
                    MIN_DIFFUSIVE, MAX_DIFFUSIVE);
        }
    }

    static final double MIN_RATIO = 3.0, TIE = 0.01;

    /** The fit over a given window of lag times (ps); NaN for the automatic choice. */
    public static Fit fit(double[] msd, double dt, double tStart, double tEnd, String species) {
        int maxLag = msd.length - 1;
        if (Double.isNaN(tStart) && Double.isNaN(tEnd)) return auto(msd, dt, species);
        if (!Double.isNaN(tStart) && !(tStart > 0 && Double.isFinite(tStart))) {
            throw new InputException(String.format(Locale.ROOT, "--fit-start %.4g ps must be a positive lag time (the MSD at lag 0 is 0; "
                    + "frames are %.4g ps apart)", tStart, dt));
        }
        if (!Double.isNaN(tEnd) && !(Double.isFinite(tEnd) && tEnd > (Double.isNaN(tStart) ? 0 : tStart))) {
            throw new InputException(String.format(Locale.ROOT, "--fit-end %.4g ps must be a lag time after --fit-start%s", tEnd,
                    Double.isNaN(tStart) ? "" : String.format(Locale.ROOT, " (%.4g ps)", tStart)));
        }
        int a = Double.isNaN(tStart) ? 1 : (int) Math.ceil(tStart / dt - 1e-9);
        int b = Double.isNaN(tEnd) ? maxLag / 4 : (int) Math.floor(tEnd / dt + 1e-9);
        a = Math.max(a, 0);
        b = Math.min(b, maxLag);
        if (b - a + 1 < 3) {
            throw new InputException(String.format(Locale.ROOT, "too few frames for the fit window of %s: lags %.4g–%.4g ps "
                    + "hold %d MSD points (frames every %.4g ps, longest lag %.4g ps); need at least 3",
                    species, tStart, tEnd, Math.max(0, b - a + 1), dt, maxLag * dt));
        }
        return line(msd, dt, a, b, false);
    }

    /** The automatic window (see the class comment). */
    public static Fit auto(double[] msd, double dt, String species) {
        int maxLag = (msd.length - 1) / 4;
        if (maxLag < MIN_RATIO) {
            throw new InputException(String.format(Locale.ROOT, "too few frames for an automatic MSD fit window of %s: %d frames "
                    + "give lags up to %d frames in the first quarter; need at least 13 frames, or give --fit-start/--fit-end",
                    species, msd.length, maxLag));
        }
        int[] grid = logGrid(maxLag);
        double best = Double.POSITIVE_INFINITY;
        int ba = -1, bb = -1;
        double[] lt = new double[grid.length], lm = new double[grid.length];
        for (int k = 0; k < grid.length; k++) {
            lt[k] = Math.log(grid[k] * dt);
            lm[k] = msd[grid[k]] > 0 ? Math.log(msd[grid[k]]) : Double.NaN;
        }
        double[] score = new double[grid.length * grid.length];
        for (int i = 0; i < grid.length; i++) {
            for (int j = i + 1; j < grid.length; j++) {
                double s = Double.POSITIVE_INFINITY;
                if (grid[j] >= MIN_RATIO * grid[i]) {
                    double beta = slope(lt, lm, i, j);
                    if (!Double.isNaN(beta)) s = Math.abs(beta - 1);
                }
                score[i * grid.length + j] = s;
                if (s < best) best = s;
            }
        }
        if (Double.isInfinite(best)) {
            throw new InputException("no MSD fit window found for " + species + " (MSD not positive); give --fit-start/--fit-end");
        }
        double widest = -1;
        for (int i = 0; i < grid.length; i++) {
            for (int j = i + 1; j < grid.length; j++) {
                double s = score[i * grid.length + j];
                if (s <= best + TIE) {
                    double ratio = grid[j] / (double) grid[i];
                    if (ratio > widest) {
                        widest = ratio;
                        ba = grid[i];
                        bb = grid[j];
                    }
                }
            }
        }
        return line(msd, dt, ba, bb, true);
    }

    static int[] logGrid(int maxLag) {
        java.util.TreeSet<Integer> s = new java.util.TreeSet<>();
        for (int k = 0; ; k++) {
            int g = (int) Math.round(Math.pow(10, k / 10.0));
            if (g > maxLag) break;
            s.add(g);
        }
        s.add(maxLag);
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double slope(double[] x, double[] y, int i, int j) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int k = i; k <= j; k++) {
            if (Double.isNaN(y[k])) return Double.NaN;
            sx += x[k];
            sy += y[k];
            sxx += x[k] * x[k];
            sxy += x[k] * y[k];
            n++;
        }
        double den = n * sxx - sx * sx;
        return (n * sxy - sx * sy) / den;
    }

    static Fit line(double[] msd, double dt, int a, int b, boolean auto) {
        double[] ab = ls(msd, dt, a, b);
        int mid = (a + b) / 2;
        double d1 = mid - a >= 1 ? ls(msd, dt, a, mid)[1] / 6 : Double.NaN;
        double d2 = b - mid >= 1 ? ls(msd, dt, mid, b)[1] / 6 : Double.NaN;
        double beta = a > 0 && msd[a] > 0 && msd[b] > 0 ? Math.log(msd[b] / msd[a]) / Math.log(b / (double) a) : Double.NaN;
        return new Fit(a, b, a * dt, b * dt, ab[1] / 6, Math.abs(d1 - d2), beta, ab[0], auto);
    }

    /** Intercept and slope of the least-squares line through (m dt, msd[m]), m = a … b. */
    static double[] ls(double[] msd, double dt, int a, int b) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = b - a + 1;
        for (int m = a; m <= b; m++) {
            double t = m * dt;
            sx += t;
            sy += msd[m];
            sxx += t * t;
            sxy += t * msd[m];
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return new double[] {(sy - slope * sx) / n, slope};
    }
}
