package org.sheath.engine.integrate.thermostat;

/**
 * One Nosé–Hoover chain of length M acting on a set of N_f degrees of freedom with kinetic energy K
 * (Martyna, Klein &amp; Tuckerman, J. Chem. Phys. 97, 2635 (1992)), integrated with the Suzuki–Yoshida
 * factorisation of Martyna, Tuckerman, Tobias &amp; Klein (Mol. Phys. 87, 1117 (1996)). Masses from the
 * period τ of the thermostat oscillation (as GROMACS's tau-t): Q₁ = N_f·k_B·T·τ²/(4π²), Q_j = k_B·T·τ²/(4π²).
 * Used by {@link NoseHoover} for the particles and by the MTK barostat for its own degrees of freedom.
 */
public final class NhcChain {
    private static final double[] SY3 = {1 / (2 - Math.cbrt(2)), -Math.cbrt(2) / (2 - Math.cbrt(2)), 1 / (2 - Math.cbrt(2))};
    private static final double SY5_W = 1 / (4 - Math.pow(4, 1.0 / 3));
    private static final double[] SY5 = {SY5_W, SY5_W, 1 - 4 * SY5_W, SY5_W, SY5_W};

    private final int m;
    private final double nf, tau;
    private final int nresp;
    private final double[] weights;
    private final double[] xi, vxi, q, g;

    /**
     * @param length chain length M (≥ 1)
     * @param nf     degrees of freedom of the coupled set
     * @param tau    oscillation period, ps
     * @param nresp  multiple time steps per half step (1 is usual)
     * @param sy     Suzuki–Yoshida order: 1, 3 or 5
     */
    public NhcChain(int length, double nf, double tau, int nresp, int sy) {
        if (length < 1) throw new IllegalArgumentException("Nose-Hoover chain length must be >= 1: " + length);
        if (!(tau > 0)) throw new IllegalArgumentException("tau-t must be > 0 ps: " + tau);
        this.m = length;
        this.nf = nf;
        this.tau = tau;
        this.nresp = nresp;
        this.weights = sy == 1 ? new double[] {1} : sy == 3 ? SY3 : SY5;
        this.xi = new double[m];
        this.vxi = new double[m];
        this.q = new double[m];
        this.g = new double[m];
    }

    private void masses(double kt) {
        double f = kt * tau * tau / (4 * Math.PI * Math.PI);
        q[0] = nf * f;
        for (int j = 1; j < m; j++) q[j] = f;
    }

    /**
     * Propagates the chain over dt/2 for the current kinetic energy (kJ/mol) and bath k_B·T, and returns
     * the factor by which the velocities of the coupled set must be scaled.
     */
    public double halfStep(double kinetic, double kt, double dt) {
        masses(kt);
        double scale = 1;
        double twoK = 2 * kinetic;
        for (int r = 0; r < nresp; r++) {
            for (double w : weights) {
                double d = w * dt / nresp;
                g[0] = (twoK * scale * scale - nf * kt) / q[0];
                for (int j = 1; j < m; j++) g[j] = (q[j - 1] * vxi[j - 1] * vxi[j - 1] - kt) / q[j];
                vxi[m - 1] += 0.25 * d * g[m - 1];
                for (int j = m - 2; j >= 0; j--) {
                    double e = Math.exp(-0.125 * d * vxi[j + 1]);
                    vxi[j] = (vxi[j] * e + 0.25 * d * g[j]) * e;
                }
                scale *= Math.exp(-0.5 * d * vxi[0]);
                for (int j = 0; j < m; j++) xi[j] += 0.5 * d * vxi[j];
                g[0] = (twoK * scale * scale - nf * kt) / q[0];
                for (int j = 0; j < m - 1; j++) {
                    double e = Math.exp(-0.125 * d * vxi[j + 1]);
                    vxi[j] = (vxi[j] * e + 0.25 * d * g[j]) * e;
                    g[j + 1] = (q[j] * vxi[j] * vxi[j] - kt) / q[j + 1];
                }
                vxi[m - 1] += 0.25 * d * g[m - 1];
            }
        }
        return scale;
    }

    /** Σ Q_j·v_j²/2 + N_f·k_B·T·ξ₁ + k_B·T·Σ_{j≥2} ξ_j, kJ/mol. */
    public double energy(double kt) {
        masses(kt);
        double e = nf * kt * xi[0];
        for (int j = 0; j < m; j++) {
            e += 0.5 * q[j] * vxi[j] * vxi[j];
            if (j > 0) e += kt * xi[j];
        }
        return e;
    }

    public double[] saveState() {
        double[] s = new double[2 * m];
        System.arraycopy(xi, 0, s, 0, m);
        System.arraycopy(vxi, 0, s, m, m);
        return s;
    }

    public void restore(double[] s) {
        if (s.length != 2 * m) throw new IllegalArgumentException("chain state of length " + s.length + ", expected " + 2 * m);
        System.arraycopy(s, 0, xi, 0, m);
        System.arraycopy(s, m, vxi, 0, m);
    }
}
