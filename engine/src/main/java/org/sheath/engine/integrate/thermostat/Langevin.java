package org.sheath.engine.integrate.thermostat;

import org.sheath.engine.integrate.Dynamics;
import org.sheath.engine.system.State;

/**
 * Langevin dynamics with the BAOAB splitting (Leimkuhler &amp; Matthews, Appl. Math. Res. Express 2013, 34):
 * half kick, half drift, the exact Ornstein–Uhlenbeck velocity update v ← c·v + √((1 − c²)k_BT/m)·R with
 * c = exp(−dt/τ) (friction γ = 1/τ), half drift, half kick; velocities are re-constrained after the O step.
 * Conserved quantity: H minus the kinetic energy the bath put in.
 */
public final class Langevin extends HeatBath {

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
        heat += d.kineticEnergy() - k0;
    }
}
