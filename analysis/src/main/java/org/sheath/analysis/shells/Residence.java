package org.sheath.analysis.shells;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sheath.analysis.transport.Correlation;

/**
 * Residence times from the occupancy autocorrelation of (ref site, molecule) pairs.
 *
 * <p>h_p(t) = 1 when molecule p's partner is in the ref site's shell at frame t, else 0. Over all pairs
 * p and all time origins t the (intermittent) autocorrelation is
 *
 * <pre>  C(τ) = Σ_p Σ_{t=0}^{F−1−τ} h_p(t) h_p(t+τ)  /  Σ_p Σ_{t=0}^{F−1−τ} h_p(t)  </pre>
 *
 * the probability that a pair in contact at t is in contact at t + τ (C(0) = 1; leaving and coming
 * back counts as staying). Three residence times from it, for lags up to half the frames:
 * <ul>
 *   <li>{@code tauIntegral} = ∫ C dτ (trapezoid) from 0 to where C first reaches 0, else to the last lag;</li>
 *   <li>{@code tauCutoff}: where C first drops below 1/e (linear interpolation; the solvation_analysis
 *   "cutoff" definition); NaN if it never does;</li>
 *   <li>{@code tauFit}: least-squares fit of ln C = −τ/τ_fit over the lags before C first drops below
 *   e⁻²; NaN when C never drops below 1/e (an exponential fitted to the top of a curve says nothing
 *   about how long it takes to decay).</li>
 * </ul>
 * When C stays above 1/e over all lags the residence time is longer than the run can tell: {@link
 * Result#atLeast()} is the longest lag, and that lower bound is what the reports give.
 * For exponential decay all three agree. A pair that stays exactly L frames and never returns gives
 * C(τ) = 1 − τ/L, so tauIntegral = L/2 frames and tauCutoff = (1 − 1/e) L.
 */
public final class Residence {
    private Residence() {
    }

    /**
     * @param acf C(τ) for τ = 0 … maxLag
     * @param decayed whether C fell below 1/e within the lags
     * @param pairs number of pairs ever in contact
     */
    public record Result(double[] acf, double dt, double tauIntegral, double tauCutoff, double tauFit, boolean decayed,
                         int pairs) {
        /** The longest lag, ps: a lower bound of the residence time when C has not {@link #decayed}. */
        public double atLeast() {
            return (acf.length - 1) * dt;
        }
    }

    /**
     * @param pairsPerFrame for each frame in time order, the keys of the pairs in contact
     * @param dt time between frames, ps
     */
    public static Result compute(List<int[]> pairsPerFrame, double dt) {
        int nf = pairsPerFrame.size();
        int maxLag = Math.max(1, nf / 2);
        if (nf < 2) return new Result(new double[] {1}, dt, Double.NaN, Double.NaN, Double.NaN, false, 0);
        Map<Integer, double[]> series = new HashMap<>();
        for (int t = 0; t < nf; t++) {
            for (int key : pairsPerFrame.get(t)) series.computeIfAbsent(key, k -> new double[nf])[t] = 1;
        }
        double[] num = new double[nf], den = new double[nf];
        for (double[] h : series.values()) {
            double[] a = Correlation.autocorrelation(h);
            double[] prefix = new double[nf];
            double s = 0;
            for (int t = 0; t < nf; t++) {
                s += h[t];
                prefix[t] = s;
            }
            for (int m = 0; m < nf; m++) {
                num[m] += Math.rint(a[m]); // h is 0/1: the products are integers
                den[m] += prefix[nf - 1 - m];
            }
        }
        int lags = Math.min(maxLag, nf - 1) + 1;
        double[] c = new double[lags];
        for (int m = 0; m < lags; m++) c[m] = den[m] > 0 ? num[m] / den[m] : 0;
        if (series.isEmpty()) return new Result(c, dt, Double.NaN, Double.NaN, Double.NaN, false, 0);
        // integral to the first zero
        double integral = 0;
        for (int m = 1; m < lags; m++) {
            integral += 0.5 * (c[m - 1] + c[m]) * dt;
            if (c[m] <= 0) break;
        }
        double inv = Math.exp(-1);
        double cutoff = Double.NaN;
        for (int m = 1; m < lags; m++) {
            if (c[m] < inv) {
                cutoff = (m - 1 + (c[m - 1] - inv) / (c[m - 1] - c[m])) * dt;
                break;
            }
        }
        double sxx = 0, sxy = 0, floor = Math.exp(-2);
        for (int m = 1; m < lags && c[m] >= floor; m++) {
            double tau = m * dt;
            sxx += tau * tau;
            sxy += tau * Math.log(c[m]);
        }
        double fit = sxy < 0 && !Double.isNaN(cutoff) ? -sxx / sxy : Double.NaN;
        return new Result(c, dt, integral, cutoff, fit, !Double.isNaN(cutoff), series.size());
    }

    static int[] sorted(int[] a, int n) {
        int[] out = Arrays.copyOf(a, n);
        Arrays.sort(out);
        return out;
    }
}
