package org.sheath.engine.force.nonbonded.cluster;

import org.sheath.engine.math.Erfc;

/**
 * The real-space Ewald terms of the single-precision kernel as rational functions of s = (βr)², so that a
 * pair costs no erfc and no exp (GROMACS's "analytical Ewald correction", pmecorrF/pmecorrV, does the same
 * with its own fits). With x = βr,
 * <pre>
 *   erfc(βr)/r               = 1/r − β·E(s),            E(s) = erf(x)/x
 *   −(d/dr)[erfc(βr)/r] / r  = 1/r³ − β³·G(s),          G(s) = erf(x)/x³ − (2/√π)·e^{−s}/s
 * </pre>
 * E and G are smooth on 0 ≤ s ≤ s_max = (β·rc)² (s_max depends on ewald-rtol only: 9.8 at 1e-5). Each is
 * P(u)/Q(u) in u = s/s_max ∈ [0, 1] (Horner, Q(0) = 1), numerator and denominator of degree at most 5: for G,
 * which every pair of every step needs, ten multiply-adds and a division (the degree-12 Chebyshev series it
 * replaced took 36 operations). The coefficients are fitted at construction (any β and rc) by linearised least
 * squares in relative error, reweighted by the previous denominator (Sanathanan–Koerner iteration), on
 * Chebyshev-spaced samples; of the degree pairs tried the one with the smallest float error, evaluated as the
 * kernels do it, is kept (3e-7 for G and 2e-7 for E at ewald-rtol 1e-5) and must be within {@link #TOLERANCE_E}
 * and {@link #TOLERANCE_G}.
 */
public final class EwaldPolynomials {
    /**
     * Largest relative error of E and of G accepted (float evaluation, sampled). G falls to 1/23 of G(0)
     * at s_max = 9.8 (rc 1.2 nm, ewald-rtol 1e-5), where G ≈ s^−3/2: 1.5e-6 of G there is 1.5e-6 of the
     * bare Coulomb force, about the float rounding of 1/r³ itself.
     */
    static final double TOLERANCE_E = 4e-7, TOLERANCE_G = 1.5e-6;
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    /** E(s) = P(u)/Q(u) and G(s) likewise, u = s/s_max: coefficients of u^0, u^1, … padded with zeros to {@link #TERMS}. */
    final float[] eNum, eDen, gNum, gDen;
    /** Coefficients per polynomial in the kernels (degree 5, enough for ewald-rtol 1e-2 … 1e-8; unused top ones are zero). */
    static final int TERMS = 6;
    /** u = s·uScale. */
    final float uScale;
    final double sMax;
    private final int[] degreesE, degreesG;

    public EwaldPolynomials(double beta, double cutoff) {
        if (!(beta > 0) || !(cutoff > 0)) throw new IllegalArgumentException("need beta > 0 and cut-off > 0");
        this.sMax = beta * beta * cutoff * cutoff;
        this.uScale = (float) (1 / sMax);
        float[][] re = fitRational(EwaldPolynomials::e, sMax, uScale, TOLERANCE_E);
        float[][] rg = fitRational(EwaldPolynomials::g, sMax, uScale, TOLERANCE_G);
        this.eNum = padded(re[0], TERMS);
        this.eDen = padded(re[1], TERMS);
        this.gNum = padded(rg[0], TERMS);
        this.gDen = padded(rg[1], TERMS);
        this.degreesE = new int[] {re[0].length - 1, re[1].length - 1};
        this.degreesG = new int[] {rg[0].length - 1, rg[1].length - 1};
    }

    /** E(s) = erf(√s)/√s. */
    static double e(double s) {
        if (s < 1e-6) return TWO_OVER_SQRT_PI * (1 - s / 3 + s * s / 10);
        double x = Math.sqrt(s);
        return Erfc.erf(x) / x;
    }

    /** G(s) = erf(√s)/s^{3/2} − (2/√π)·e^{−s}/s, by its series near 0 where the two terms cancel. */
    static double g(double s) {
        if (s < 0.05) {
            // (2/√π)·Σ_n (−s)^n·[1/(n!(2n+3)) ... ] written out: 2/3 − 2s/5 + s²/7 − s³/27 + s⁴/132
            return TWO_OVER_SQRT_PI * (2.0 / 3 - 2.0 * s / 5 + s * s / 7 - s * s * s / 27 + s * s * s * s / 132);
        }
        double x = Math.sqrt(s);
        return Erfc.erf(x) / (s * x) - TWO_OVER_SQRT_PI * Math.exp(-s) / s;
    }

    /**
     * P and Q (Q(0) = 1) with the smallest float error among numerator degrees up to TERMS − 1 and denominator
     * degrees up to the numerator's (the kernels evaluate the full padded degree anyway, so the most accurate
     * fit costs nothing more); an error if even that misses the tolerance.
     */
    private static float[][] fitRational(java.util.function.DoubleUnaryOperator f, double sMax, float uScale, double tolerance) {
        float[][] best = null;
        double bestErr = Double.POSITIVE_INFINITY;
        for (int m = 2; m < TERMS; m++) {
            for (int n = Math.max(1, m - 1); n <= m; n++) {
                double[][] pq = rationalLeastSquares(f, sMax, m, n);
                if (pq == null) continue;
                float[] p = toFloat(pq[0]), q = toFloat(pq[1]);
                double err = maxRelativeError(f, p, q, sMax, uScale);
                if (err < bestErr) {
                    bestErr = err;
                    best = new float[][] {p, q};
                }
            }
        }
        if (best == null || bestErr > tolerance) {
            throw new IllegalStateException("no rational function of degree <= " + (TERMS - 1) + " reaches " + tolerance
                    + " for (beta*rc)^2 = " + sMax + " (best " + bestErr + ")");
        }
        return best;
    }

    /**
     * Minimises Σ_i [(P(u_i) − f_i·Q(u_i)) / (f_i·Q_prev(u_i))]² over p_0…p_m, q_1…q_n (q_0 = 1) by Householder
     * least squares, reweighted six times; null if a denominator comes out with a zero on [0, 1].
     */
    private static double[][] rationalLeastSquares(java.util.function.DoubleUnaryOperator f, double sMax, int m, int n) {
        int samples = 400, cols = m + 1 + n;
        double[] u = new double[samples], fv = new double[samples], qPrev = new double[samples];
        for (int i = 0; i < samples; i++) {
            u[i] = 0.5 * (1 - Math.cos(Math.PI * (i + 0.5) / samples));
            fv[i] = f.applyAsDouble(u[i] * sMax);
            qPrev[i] = 1;
        }
        double[] p = null, q = null;
        for (int iter = 0; iter < 6; iter++) {
            double[][] a = new double[samples][cols];
            double[] b = new double[samples];
            for (int i = 0; i < samples; i++) {
                double w = 1 / (fv[i] * qPrev[i]), uk = 1;
                for (int k = 0; k <= m; k++, uk *= u[i]) a[i][k] = uk * w;
                uk = u[i];
                for (int k = 1; k <= n; k++, uk *= u[i]) a[i][m + k] = -fv[i] * uk * w;
                b[i] = fv[i] * w;
            }
            double[] x = householderSolve(a, b);
            p = java.util.Arrays.copyOf(x, m + 1);
            q = new double[n + 1];
            q[0] = 1;
            System.arraycopy(x, m + 1, q, 1, n);
            for (int i = 0; i < samples; i++) {
                qPrev[i] = horner(q, u[i]);
                if (!(qPrev[i] > 0)) return null;
            }
        }
        return new double[][] {p, q};
    }

    /** Least-squares solution of a·x ≈ b (a and b are overwritten). */
    private static double[] householderSolve(double[][] a, double[] b) {
        int rows = a.length, cols = a[0].length;
        double[] v = new double[rows];
        for (int k = 0; k < cols; k++) {
            double norm = 0;
            for (int i = k; i < rows; i++) norm += a[i][k] * a[i][k];
            norm = Math.sqrt(norm);
            double alpha = a[k][k] > 0 ? -norm : norm;
            for (int i = k; i < rows; i++) v[i] = a[i][k];
            v[k] -= alpha;
            double vv = 0;
            for (int i = k; i < rows; i++) vv += v[i] * v[i];
            if (vv == 0) continue;
            for (int j = k; j < cols; j++) {
                double dot = 0;
                for (int i = k; i < rows; i++) dot += v[i] * a[i][j];
                double c = 2 * dot / vv;
                for (int i = k; i < rows; i++) a[i][j] -= c * v[i];
            }
            double dot = 0;
            for (int i = k; i < rows; i++) dot += v[i] * b[i];
            double c = 2 * dot / vv;
            for (int i = k; i < rows; i++) b[i] -= c * v[i];
        }
        double[] x = new double[cols];
        for (int k = cols - 1; k >= 0; k--) {
            double sum = b[k];
            for (int j = k + 1; j < cols; j++) sum -= a[k][j] * x[j];
            x[k] = sum / a[k][k];
        }
        return x;
    }

    private static double horner(double[] c, double u) {
        double r = 0;
        for (int k = c.length - 1; k >= 0; k--) r = r * u + c[k];
        return r;
    }

    private static float[] toFloat(double[] c) {
        float[] r = new float[c.length];
        for (int k = 0; k < c.length; k++) r[k] = (float) c[k];
        return r;
    }

    private static double maxRelativeError(java.util.function.DoubleUnaryOperator f, float[] p, float[] q, double sMax, float uScale) {
        double worst = 0;
        int samples = 4000;
        for (int i = 0; i <= samples; i++) {
            double s = sMax * i / samples;
            worst = Math.max(worst, Math.abs(rational(p, q, (float) s * uScale) / f.applyAsDouble(s) - 1));
        }
        return worst;
    }

    /** P(u)/Q(u) in float by Horner with fma, as the kernels evaluate it. */
    static float rational(float[] p, float[] q, float u) {
        float a = 0, b = 0;
        for (int k = p.length - 1; k >= 0; k--) a = Math.fma(a, u, p[k]);
        for (int k = q.length - 1; k >= 0; k--) b = Math.fma(b, u, q[k]);
        return a / b;
    }

    /** E(s) in float, as the kernels evaluate it. */
    public float e(float s) {
        return rational(eNum, eDen, s * uScale);
    }

    /** G(s) in float, as the kernels evaluate it. */
    public float g(float s) {
        return rational(gNum, gDen, s * uScale);
    }

    /** The coefficients padded with zeros to length n (the vector kernel's fixed degree), or an error if longer. */
    private static float[] padded(float[] c, int n) {
        if (c.length > n) throw new IllegalStateException("degree " + (c.length - 1) + " exceeds the kernel's " + (n - 1));
        return java.util.Arrays.copyOf(c, n);
    }

    /** Degrees of the numerator and denominator of E. */
    public int[] degreesE() {
        return degreesE.clone();
    }

    /** Degrees of the numerator and denominator of G. */
    public int[] degreesG() {
        return degreesG.clone();
    }
}
