package org.sheath.engine.force.ewald;

import org.sheath.engine.system.Box;

/**
 * Constants and the closed-form Ewald pieces that do not depend on positions.
 *
 * <p>Sign conventions: energies in kJ/mol, virial W = Σ r ⊗ f (see ForceAccumulator).
 */
public final class EwaldTerms {
    private EwaldTerms() {}

    /**
     * Coulomb constant 1/(4πε0) in kJ mol⁻¹ nm e⁻² = 138.93545764438196, computed as GROMACS (2021 and
     * later, {@code gmx::c_one4PiEps0} in units.h) does from CODATA 2018 ε0, e and N_A. (GROMACS ≤ 2020
     * used 138.935458, 2.6e-9 larger.)
     */
    public static final double ONE_4PI_EPS0 =
            1.0 / (4.0 * Math.PI * (8.8541878128e-12 * 1e-9 * 1e3 / (1.602176634e-19 * 1.602176634e-19 * 6.02214076e23)));

    static final double SQRT_PI = Math.sqrt(Math.PI);
    static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    /** Ewald self energy −f·β/√π·Σq². */
    public static double selfEnergy(double beta, double sumQ2) {
        return -ONE_4PI_EPS0 * beta / SQRT_PI * sumQ2;
    }

    /**
     * Energy of the uniform neutralising background for a box with net charge Q (the m = 0 term that
     * Ewald sums drop): −f·π·Q²/(2·V·β²). Proportional to 1/V, so its virial is W_αα = +E (added by
     * {@link #addBackgroundVirial}). Zero for a neutral box.
     */
    public static double backgroundEnergy(double beta, double netCharge, double volume) {
        return -ONE_4PI_EPS0 * Math.PI * netCharge * netCharge / (2.0 * volume * beta * beta);
    }

    /** Adds the virial of the background term (W = E·I, from E ∝ 1/V). */
    public static void addBackgroundVirial(double energy, double[] virial) {
        virial[0] += energy;
        virial[4] += energy;
        virial[8] += energy;
    }

    public static double sum(double[] q) {
        double s = 0;
        for (double v : q) s += v;
        return s;
    }

    public static double sumOfSquares(double[] q) {
        double s = 0;
        for (double v : q) s += v * v;
        return s;
    }

    /**
     * The inverse of the box matrix (rows a, b, c), lower triangular, as {r00, r10, r11, r20, r21, r22}.
     * Its columns are the reciprocal vectors a* = (r00, r10, r20), b* = (0, r11, r21), c* = (0, 0, r22)
     * (a·a* = 1, without 2π). Fractional coordinates: s_a = x·r00 + y·r10 + z·r20, s_b = y·r11 + z·r21,
     * s_c = z·r22.
     */
    public static void reciprocalBox(Box box, double[] r) {
        double ax = box.ax(), bx = box.bx(), by = box.by(), cx = box.cx(), cy = box.cy(), cz = box.cz();
        r[0] = 1.0 / ax;
        r[1] = -bx / (ax * by);
        r[2] = 1.0 / by;
        r[3] = (bx * cy - by * cx) / (ax * by * cz);
        r[4] = -cy / (by * cz);
        r[5] = 1.0 / cz;
    }

    /** Checks the CSR exclusion arrays: offsets of length n+1, for atom i sorted atoms j &gt; i. */
    static void checkExclusions(int n, int[] offsets, int[] atoms) {
        if (offsets == null && atoms == null) return;
        if (offsets == null || atoms == null || offsets.length != n + 1 || offsets[0] != 0 || offsets[n] != atoms.length) {
            throw new IllegalArgumentException("exclusions must be CSR: offsets[n+1] with offsets[n] == atoms.length");
        }
        for (int i = 0; i < n; i++) {
            int prev = i;
            for (int k = offsets[i]; k < offsets[i + 1]; k++) {
                if (atoms[k] <= prev || atoms[k] >= n) {
                    throw new IllegalArgumentException("excluded atoms of " + i + " must be sorted, > i and < n");
                }
                prev = atoms[k];
            }
        }
    }

    /** Whether pair (i, j), i &lt; j, is in the CSR exclusion list. */
    static boolean isExcluded(int[] offsets, int[] atoms, int i, int j) {
        if (offsets == null) return false;
        int lo = offsets[i], hi = offsets[i + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int v = atoms[mid];
            if (v < j) lo = mid + 1;
            else if (v > j) hi = mid - 1;
            else return true;
        }
        return false;
    }
}
