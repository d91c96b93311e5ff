package org.sheath.engine.force.pme;

/**
 * Cardinal B-splines M_p (Essmann et al. 1995) for PME interpolation.
 *
 * <p>For a scaled fractional coordinate u with w = u − ⌊u⌋, a charge spreads onto the grid points
 * ⌊u⌋ − j, j = 0 … p−1, with weights θ_j = M_p(w + j) and derivatives dθ_j/du = M_{p−1}(w + j) −
 * M_{p−1}(w + j − 1). The recursion is M_n(x) = [x·M_{n−1}(x) + (n − x)·M_{n−1}(x − 1)]/(n − 1),
 * started from M_2(w) = w, M_2(w + 1) = 1 − w.
 */
public final class BSpline {
    private BSpline() {}

    /**
     * θ_j = M_p(w + j) into theta[off … off+p−1], dθ_j/dw into dtheta (may be null). w in [0, 1].
     */
    public static void weights(int p, double w, double[] theta, double[] dtheta, int off) {
        if (p == 4) { // the default order in closed form (the recursion below gives the same to rounding)
            double v = 1 - w, w2 = w * w;
            theta[off] = w2 * w * (1.0 / 6);
            theta[off + 1] = ((-3 * w + 3) * w2 + 3 * w + 1) * (1.0 / 6);
            theta[off + 2] = ((3 * w - 6) * w2 + 4) * (1.0 / 6);
            theta[off + 3] = v * v * v * (1.0 / 6);
            if (dtheta != null) {
                dtheta[off] = 0.5 * w2;
                dtheta[off + 1] = 0.5 * ((-3 * w + 2) * w + 1);
                dtheta[off + 2] = 0.5 * (3 * w - 4) * w;
                dtheta[off + 3] = -0.5 * v * v;
            }
            return;
        }
        byRecursion(p, w, theta, dtheta, off);
    }

    /** {@link #weights} by the recursion, for every order (the tests compare the closed form of order 4 with it). */
    static void byRecursion(int p, double w, double[] theta, double[] dtheta, int off) {
        // order 2
        theta[off] = w;
        theta[off + 1] = 1.0 - w;
        for (int n = 3; n <= p; n++) {
            if (n == p && dtheta != null) {
                // derivative of M_p from M_{p-1}: M_{p-1}(w+j) - M_{p-1}(w+j-1)
                dtheta[off] = theta[off];
                for (int j = 1; j < p - 1; j++) dtheta[off + j] = theta[off + j] - theta[off + j - 1];
                dtheta[off + p - 1] = -theta[off + p - 2];
            }
            double inv = 1.0 / (n - 1);
            // M_n(w+j) = [(w+j) M_{n-1}(w+j) + (n-w-j) M_{n-1}(w+j-1)]/(n-1), j = n-1 .. 0
            theta[off + n - 1] = (n - w - (n - 1)) * theta[off + n - 2] * inv;
            for (int j = n - 2; j >= 1; j--) {
                theta[off + j] = ((w + j) * theta[off + j] + (n - w - j) * theta[off + j - 1]) * inv;
            }
            theta[off] = w * theta[off] * inv;
        }
        if (p == 2 && dtheta != null) {
            dtheta[off] = 1.0;
            dtheta[off + 1] = -1.0;
        }
    }

    /**
     * The squared B-spline moduli |b(k)|² = 1/|Σ_{j=0}^{p−2} M_p(j+1)·exp(2πi·k·j/n)|², k = 0 … n−1.
     * Where the denominator vanishes (odd p, k = n/2) it is replaced by the mean of its neighbours,
     * as GROMACS does.
     */
    public static double[] moduli(int p, int n) {
        double[] m = new double[p];
        weights(p, 0.0, m, null, 0); // m[j] = M_p(j)
        double[] den = new double[n];
        for (int k = 0; k < n; k++) {
            double re = 0, im = 0;
            for (int j = 0; j <= p - 2; j++) {
                double arg = 2 * Math.PI * (double) k * j / n;
                re += m[j + 1] * Math.cos(arg);
                im += m[j + 1] * Math.sin(arg);
            }
            den[k] = re * re + im * im;
        }
        for (int k = 0; k < n; k++) {
            if (den[k] < 1e-7) den[k] = 0.5 * (den[(k - 1 + n) % n] + den[(k + 1) % n]);
        }
        double[] mod = new double[n];
        for (int k = 0; k < n; k++) mod[k] = 1.0 / den[k];
        return mod;
    }
}
