package org.sheath.engine.integrate.barostat;

import org.sheath.engine.integrate.Dynamics;

/**
 * Berendsen weak coupling (J. Chem. Phys. 81, 3684 (1984)): μ_a = 1 − (κ_g·Δt/(n_g·τ_p))·(P₀ − P̄_g).
 * It relaxes the pressure but does not sample the NPT ensemble (volume fluctuations are wrong): an
 * equilibration option only; the factory warns.
 */
public final class Berendsen extends RescalingBarostat {
    private final double[] pg = new double[3];

    public Berendsen(double pressure, double compressibility, double tauP, int nstpcouple, Coupling coupling) {
        this(pressure, pressure, compressibility, compressibility, tauP, nstpcouple, coupling);
    }

    /** With P₀ and κ along z apart from x and y (semi-isotropic, anisotropic). */
    public Berendsen(double pressure, double pressureZ, double compressibility, double compressibilityZ, double tauP,
              int nstpcouple, Coupling coupling) {
        super(pressure, pressureZ, compressibility, compressibilityZ, tauP, nstpcouple, coupling);
    }

    @Override
    public String name() {
        return "berendsen";
    }

    @Override
    protected boolean scalesVelocities() {
        return false;
    }

    @Override
    protected void factors(Dynamics d, double[] pDiag, double volume, double interval, double[] mu) {
        groupPressure(pDiag, pg);
        for (int a = 0; a < 3; a++) {
            int gi = coupling.group[a];
            double kg = kappa[gi] * coupling.size(gi) / 3.0;
            mu[a] = 1 - kg * interval / (coupling.size(gi) * tauP) * (pRef[gi] - pg[gi]);
        }
    }
}
