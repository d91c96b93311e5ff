package org.sheath.engine.integrate.thermostat;

import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.sheath.engine.integrate.Dynamics;

/**
 * Stochastic velocity rescaling (Bussi, Donadio &amp; Parrinello, J. Chem. Phys. 126, 014101 (2007)):
 * the kinetic energy follows the exact solution of dK = (K₀ − K)dt/τ + 2√(K·K₀/N_f)·dW/√τ over each half
 * step, and all velocities are scaled to it. Conserved quantity: H minus the kinetic energy the
 * thermostat added (GROMACS's "Conserved En." for v-rescale).
 */
public final class VRescale extends HeatBath {
    private org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler gamma;
    private double gammaN = Double.NaN;

    public VRescale(double tau) {
        super(tau);
        if (!(tau >= 0)) throw new IllegalArgumentException("tau_t must be >= 0 ps for v-rescale: " + tau);
    }

    @Override
    public String name() {
        return "v-rescale";
    }

    @Override
    public void halfStep(Dynamics d, double dt) {
        double k = d.kineticEnergy();
        if (k <= 0) return;
        double nf = d.degreesOfFreedom();
        double k0 = 0.5 * nf * Dynamics.KB * d.referenceTemperature();
        double kNew = resample(d, k, k0, nf, 0.5 * dt);
        d.scaleVelocities(Math.sqrt(kNew / k));
        heat += kNew - k;
    }

    /** Bussi's resamplekin: the new kinetic energy after time h. */
    private double resample(Dynamics d, double k, double k0, double nf, double h) {
        double c = tau > 0 ? Math.exp(-h / tau) : 0;
        double r1 = d.gaussian();
        double sum = sumOfSquaredGaussians(d, nf - 1);
        double kNew = k + (1 - c) * (k0 * (sum + r1 * r1) / nf - k) + 2 * r1 * Math.sqrt(k * k0 / nf * (1 - c) * c);
        return Math.max(kNew, 0);
    }

    /** Σ of n squared standard normals = 2·Gamma(n/2, 1) (n need not be an integer); the sampler is made once. */
    private double sumOfSquaredGaussians(Dynamics d, double n) {
        if (n <= 0) return 0;
        if (gamma == null || n != gammaN) {
            gamma = AhrensDieterMarsagliaTsangGammaSampler.of(d.random(), 0.5 * n, 1.0);
            gammaN = n;
        }
        return 2 * gamma.sample();
    }
}
