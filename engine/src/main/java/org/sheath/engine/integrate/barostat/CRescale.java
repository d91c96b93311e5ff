package org.sheath.engine.integrate.barostat;

import org.sheath.engine.integrate.Dynamics;

/**
 * Stochastic cell rescaling (Bernetti &amp; Bussi, J. Chem. Phys. 153, 114107 (2020)), isotropic,
 * semi-isotropic or anisotropic. For each coupling group g of n_g dimensions, u_g = Σ_{a∈g} ln L_a
 * (ln V when isotropic) follows
 * <pre>
 *   du_g = −(κ_g/τ_p)·(P₀ − P̄_g − k_BT/V)·Δt + √(2·k_BT·κ_g·Δt/(V·τ_p))·R,     κ_g = κ·n_g/3
 * </pre>
 * (P̄_g the mean pressure-tensor diagonal over the group, R standard normal), then L_a, positions scale by
 * μ_a = exp(du_g/n_g) and velocities by 1/μ_a. The isotropic case is the paper's equation; the group form is
 * the same first-order dynamics with the compliance of ln(area) or ln(L_z) of an isotropic liquid.
 */
public final class CRescale extends RescalingBarostat {
    private final double[] pg = new double[3], du = new double[3];
    /** Σ of the noise terms of group 0 and of their variances, over the coupling events so far (diagnostics). */
    private double noiseSum, noiseVariance;

    public CRescale(double pressure, double compressibility, double tauP, int nstpcouple, Coupling coupling) {
        this(pressure, pressure, compressibility, compressibility, tauP, nstpcouple, coupling);
    }

    /** With P₀ and κ along z apart from x and y (semi-isotropic, anisotropic). */
    public CRescale(double pressure, double pressureZ, double compressibility, double compressibilityZ, double tauP,
              int nstpcouple, Coupling coupling) {
        super(pressure, pressureZ, compressibility, compressibilityZ, tauP, nstpcouple, coupling);
    }

    @Override
    public String name() {
        return "c-rescale";
    }

    /**
     * The realised noise of group 0 so far in units of its standard deviation, Σ noise / √Σ σ². Over a
     * stationary run the mean pressure the barostat sees is P₀ − k_BT/V − τ_p·Σ noise/(κ·t): a z of ±2 moves
     * ⟨P⟩ by two of its standard errors, whatever the dynamics does.
     */
    public double noiseZ() {
        return noiseVariance > 0 ? noiseSum / Math.sqrt(noiseVariance) : 0;
    }

    /** Σ noise of group 0 (in ln V, or the group's Σ ln L) since construction or {@link #resetNoise}. */
    public double noiseSum() {
        return noiseSum;
    }

    public void resetNoise() {
        noiseSum = 0;
        noiseVariance = 0;
    }

    @Override
    public double[] saveState() {
        double[] s = super.saveState();
        double[] out = java.util.Arrays.copyOf(s, s.length + 2);
        out[s.length] = noiseSum;
        out[s.length + 1] = noiseVariance;
        return out;
    }

    @Override
    public void restore(double[] state) {
        super.restore(state);
        if (state.length >= 12) {
            noiseSum = state[10];
            noiseVariance = state[11];
        }
    }

    @Override
    protected String extraStatistics() {
        // a z of ±2 moves the mean pressure by two of its standard errors, whatever the dynamics does
        return String.format(java.util.Locale.ROOT, "; noise %.2f standard deviations", noiseZ());
    }

    @Override
    protected boolean scalesVelocities() {
        return true;
    }

    @Override
    protected void factors(Dynamics d, double[] pDiag, double volume, double interval, double[] mu) {
        groupPressure(pDiag, pg);
        double kt = Dynamics.KB * d.referenceTemperature();
        for (int gi = 0; gi < coupling.groups; gi++) {
            double kg = kappa[gi] * coupling.size(gi) / 3.0;
            double sd = Math.sqrt(2 * kt * kg * interval / (volume * tauP)), noise = sd * d.gaussian();
            du[gi] = -(kg / tauP) * (pRef[gi] - pg[gi] - kt / volume) * interval + noise;
            if (gi == 0) {
                noiseSum += noise;
                noiseVariance += sd * sd;
            }
        }
        for (int a = 0; a < 3; a++) {
            int gi = coupling.group[a];
            mu[a] = Math.exp(du[gi] / coupling.size(gi));
        }
    }
}
