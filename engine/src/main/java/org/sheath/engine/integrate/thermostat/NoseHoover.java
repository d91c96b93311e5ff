package org.sheath.engine.integrate.thermostat;

import org.sheath.engine.integrate.Dynamics;

/** Nosé–Hoover chain thermostat on all particles (one chain, default length 3, Suzuki–Yoshida order 5). */
public final class NoseHoover implements Thermostat {
    private final double tau;
    private final int length;
    private NhcChain chain;

    public NoseHoover(double tau, int chainLength) {
        if (!(tau > 0)) throw new IllegalArgumentException("tau_t must be > 0 ps for nose-hoover: " + tau);
        this.tau = tau;
        this.length = chainLength;
        new NhcChain(chainLength, 1, tau, 1, 5); // validates the arguments now
    }

    @Override
    public String name() {
        return "nose-hoover";
    }

    @Override
    public void init(Dynamics d) {
        if (chain == null) chain = new NhcChain(length, d.degreesOfFreedom(), tau, 1, 5);
    }

    @Override
    public void halfStep(Dynamics d, double dt) {
        double kt = Dynamics.KB * d.referenceTemperature();
        double s = chain.halfStep(d.kineticEnergy(), kt, dt);
        d.scaleVelocities(s);
    }

    @Override
    public double conservedEnergy(Dynamics d) {
        return chain.energy(Dynamics.KB * d.referenceTemperature());
    }

    @Override
    public double tau() {
        return tau;
    }

    @Override
    public double[] saveState() {
        return chain.saveState();
    }

    @Override
    public void restore(double[] state) {
        chain.restore(state);
    }
}
