package org.sheath.engine.force.nonbonded.cluster;

import org.sheath.engine.math.Erfc;

/**
 * The real-space Ewald terms of the single-precision kernel as polynomials in s = (βr)², so that a pair
 * costs no erfc and no exp (GROMACS's "analytical Ewald correction" does the same with its own fits).
 * With x = βr,
 * <pre>
 *   erfc(βr)/r               = 1/r − β·E(s),            E(s) = erf(x)/x
 *   −(d/dr)[erfc(βr)/r] / r  = 1/r³ − β³·G(s),          G(s) = erf(x)/x³ − (2/√π)·e^{−s}/s
 * </pre>
 * E and G are entire functions of s, so a Chebyshev series of modest degree in t = 2s/s_max − 1 reaches
 * float accuracy on 0 ≤ s ≤ s_max = (β·rc)². The coefficients come from Chebyshev interpolation in double
 * at construction (any β and rc); the degree is the smallest whose float evaluation stays within
 * {@link #TOLERANCE_E} and {@link #TOLERANCE_G} relative error on a fine sample. The series is summed by Clenshaw's recurrence
 * (one fma and one subtraction per degree): converted to powers of t, the same polynomial has
 * coefficients in the thousands that cancel, and float Horner evaluation of it lost three digits.
 */
public final class EwaldPolynomials {
    /**
     * Largest relative error of E and of G accepted (float evaluation, sampled). G falls to 1/23 of G(0)
     * at s_max = 9.8 (rc 1.2 nm, ewald-rtol 1e-5), where float rounding of the coefficients leaves a floor
     * of 8e-7 relative to G; there G ≈ s^−3/2, so that is 8e-7 of the bare Coulomb force, the order of
     * float rounding of 1/r³ itself.
     */
    static final double TOLERANCE_E = 4e-7, TOLERANCE_G = 1.5e-6;
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    /** Chebyshev coefficients in t, c_0 first. */
    final float[] e, g;
    /** The same padded with zeros to {@link #KERNEL_TERMS} (the vector kernel's fixed degree 15). */
    final float[] ePadded, gPadded;
    static final int KERNEL_TERMS = 16;
    /** t = s·tScale + tOffset. */
    final float tScale, tOffset;
    final double sMax;

    public EwaldPolynomials(double beta, double cutoff) {
        if (!(beta > 0) || !(cutoff > 0)) throw new IllegalArgumentException("need beta > 0 and cut-off > 0");
        this.sMax = beta * beta * cutoff * cutoff;
        this.tScale = (float) (2.0 / sMax);
        this.tOffset = -1f;
        this.e = fit(EwaldPolynomials::e, sMax, tScale, TOLERANCE_E);
        this.g = fit(EwaldPolynomials::g, sMax, tScale, TOLERANCE_G);
        this.ePadded = padded(e, KERNEL_TERMS);
        this.gPadded = padded(g, KERNEL_TERMS);
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

    private static float[] fit(java.util.function.DoubleUnaryOperator f, double sMax, float tScale, double tolerance) {
        for (int degree = 4; degree <= 24; degree++) {
            double[] cd = chebyshev(f, sMax, degree);
            float[] c = new float[cd.length];
            for (int k = 0; k < c.length; k++) c[k] = (float) cd[k];
            double err = maxRelativeError(f, c, sMax, tScale);
            if (err <= tolerance) return c;
        }
        throw new IllegalStateException("no polynomial of degree <= 24 reaches " + tolerance + " for (beta*rc)^2 = " + sMax);
    }

    /** Chebyshev coefficients of f(s(t)) on t ∈ [−1, 1], s = (t + 1)·sMax/2, interpolating at the n+1 Chebyshev nodes. */
    private static double[] chebyshev(java.util.function.DoubleUnaryOperator f, double sMax, int n) {
        int m = n + 1;
        double[] fv = new double[m];
        for (int k = 0; k < m; k++) {
            double t = Math.cos(Math.PI * (k + 0.5) / m);
            fv[k] = f.applyAsDouble((t + 1) * sMax / 2);
        }
        double[] c = new double[m];
        for (int j = 0; j < m; j++) {
            double sum = 0;
            for (int k = 0; k < m; k++) sum += fv[k] * Math.cos(Math.PI * j * (k + 0.5) / m);
            c[j] = 2.0 * sum / m;
        }
        c[0] /= 2;
        return c;
    }

    private static double maxRelativeError(java.util.function.DoubleUnaryOperator f, float[] c, double sMax, float tScale) {
        double worst = 0;
        int samples = 4000;
        for (int i = 0; i <= samples; i++) {
            double s = sMax * i / samples;
            double exact = f.applyAsDouble(s);
            float t = (float) s * tScale - 1f;
            worst = Math.max(worst, Math.abs(clenshaw(c, t) / exact - 1));
        }
        return worst;
    }

    /** Σ c_j·T_j(t) in float by Clenshaw's recurrence, as the kernels evaluate it. */
    static float clenshaw(float[] c, float t) {
        float t2 = t + t, b1 = 0, b2 = 0;
        for (int k = c.length - 1; k >= 1; k--) {
            float b0 = Math.fma(t2, b1, c[k] - b2); // as the vector kernel: one fma, one subtraction
            b2 = b1;
            b1 = b0;
        }
        return t * b1 - b2 + c[0];
    }

    /** E(s) in float, as the kernels evaluate it. */
    public float e(float s) {
        return clenshaw(e, s * tScale + tOffset);
    }

    /** G(s) in float, as the kernels evaluate it. */
    public float g(float s) {
        return clenshaw(g, s * tScale + tOffset);
    }

    /** The coefficients padded with zeros to length n (the vector kernel's fixed degree), or an error if longer. */
    private static float[] padded(float[] c, int n) {
        if (c.length > n) throw new IllegalStateException("degree " + (c.length - 1) + " exceeds the kernel's " + (n - 1));
        return java.util.Arrays.copyOf(c, n);
    }

    public int degreeE() {
        return e.length - 1;
    }

    public int degreeG() {
        return g.length - 1;
    }
}
