package org.sheath.engine.integrate.constraint;

/** Dense n×n solves for the coupled constraints of one molecule (n ≤ a few dozen): Gaussian elimination. */
final class SmallLinearSystem {
    private SmallLinearSystem() {}

    /**
     * Solves A·x = b in place with partial pivoting: A row-major n×n at a[0 …] (destroyed), b at a[rhs …]
     * (becomes x). False when a pivot is zero or the solution not finite (singular: the caller falls back).
     */
    static boolean solve(double[] a, int n, int rhs) {
        for (int c = 0; c < n; c++) {
            int p = c;
            double best = Math.abs(a[c * n + c]);
            for (int r = c + 1; r < n; r++) {
                double v = Math.abs(a[r * n + c]);
                if (v > best) {
                    best = v;
                    p = r;
                }
            }
            if (!(best > 1e-300)) return false;
            if (p != c) {
                for (int k = c; k < n; k++) {
                    double t = a[c * n + k];
                    a[c * n + k] = a[p * n + k];
                    a[p * n + k] = t;
                }
                double t = a[rhs + c];
                a[rhs + c] = a[rhs + p];
                a[rhs + p] = t;
            }
            double inv = 1.0 / a[c * n + c];
            for (int r = c + 1; r < n; r++) {
                double f = a[r * n + c] * inv;
                if (f == 0) continue;
                for (int k = c + 1; k < n; k++) a[r * n + k] -= f * a[c * n + k];
                a[rhs + r] -= f * a[rhs + c];
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double sum = a[rhs + r];
            for (int k = r + 1; k < n; k++) sum -= a[r * n + k] * a[rhs + k];
            a[rhs + r] = sum / a[r * n + r];
        }
        for (int r = 0; r < n; r++) if (!Double.isFinite(a[rhs + r])) return false;
        return true;
    }
}
