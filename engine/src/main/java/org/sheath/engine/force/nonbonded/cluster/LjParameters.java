package org.sheath.engine.force.nonbonded.cluster;

/**
 * Per-atom Lennard-Jones parameters from which the cluster kernels rebuild C6 and C12 of any pair
 * without a table lookup (a gather per lane costs more than the arithmetic): found by checking that the
 * topology's type table obeys one combination rule.
 * <ul>
 *   <li>Lorentz–Berthelot: a = σ/2, b = 2√ε; σ_ij = a_i + a_j, 4ε_ij = b_i·b_j.</li>
 *   <li>geometric C6 and C12 (GROMACS comb-rule 1 and 3): a = √C6, b = √C12; C6_ij = a_i·a_j.</li>
 * </ul>
 * A table that follows neither (NBFIX-style overrides) has no per-atom form: {@link #of} returns null.
 */
final class LjParameters {
    final boolean lorentzBerthelot;
    final double[] a, b;

    private LjParameters(boolean lb, double[] a, double[] b) {
        this.lorentzBerthelot = lb;
        this.a = a;
        this.b = b;
    }

    static final double TOLERANCE = 1e-9;

    /** The per-atom form of the table c6/c12 (ntypes², row-major) for atoms of the given types, or null. */
    static LjParameters of(int[] type, int ntypes, double[] c6, double[] c12) {
        double[] sig = new double[ntypes], eps = new double[ntypes];
        boolean lb = true;
        for (int t = 0; t < ntypes; t++) {
            double a6 = c6[t * ntypes + t], a12 = c12[t * ntypes + t];
            if (a6 == 0 && a12 == 0) continue;
            if (!(a6 > 0 && a12 > 0)) {
                lb = false;
                break;
            }
            sig[t] = Math.pow(a12 / a6, 1.0 / 6);
            eps[t] = a6 * a6 / (4 * a12);
        }
        if (lb) {
            for (int p = 0; p < ntypes && lb; p++) {
                for (int q = 0; q < ntypes; q++) {
                    double s = 0.5 * (sig[p] + sig[q]), e = Math.sqrt(eps[p] * eps[q]);
                    double s6 = s * s * s * s * s * s;
                    if (!close(c6[p * ntypes + q], 4 * e * s6) || !close(c12[p * ntypes + q], 4 * e * s6 * s6)) {
                        lb = false;
                        break;
                    }
                }
            }
        }
        if (lb) {
            double[] a = new double[type.length], b = new double[type.length];
            for (int i = 0; i < type.length; i++) {
                a[i] = 0.5 * sig[type[i]];
                b[i] = 2 * Math.sqrt(eps[type[i]]);
            }
            return new LjParameters(true, a, b);
        }
        for (int p = 0; p < ntypes; p++) {
            for (int q = 0; q < ntypes; q++) {
                double g6 = Math.sqrt(c6[p * ntypes + p] * c6[q * ntypes + q]);
                double g12 = Math.sqrt(c12[p * ntypes + p] * c12[q * ntypes + q]);
                if (!close(c6[p * ntypes + q], g6) || !close(c12[p * ntypes + q], g12)) return null;
            }
        }
        double[] a = new double[type.length], b = new double[type.length];
        for (int i = 0; i < type.length; i++) {
            a[i] = Math.sqrt(c6[type[i] * ntypes + type[i]]);
            b[i] = Math.sqrt(c12[type[i] * ntypes + type[i]]);
        }
        return new LjParameters(false, a, b);
    }

    private static boolean close(double table, double rule) {
        return Math.abs(table - rule) <= TOLERANCE * Math.max(Math.abs(table), Math.abs(rule)) + 1e-300;
    }
}
