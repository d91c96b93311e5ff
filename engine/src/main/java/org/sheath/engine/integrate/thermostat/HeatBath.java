package org.sheath.engine.integrate.thermostat;

import org.sheath.engine.integrate.Dynamics;

/**
 * What the stochastic thermostats share: τ_t and the kinetic energy they put in so far ("heat"), which
 * the conserved quantity subtracts (GROMACS's "Conserved En." for v-rescale and sd); checkpoints hold it.
 */
abstract class HeatBath implements Thermostat {
    protected final double tau;
    /** Kinetic energy the bath put into the system so far, kJ/mol. */
    protected double heat;

    HeatBath(double tau) {
        this.tau = tau;
    }

    @Override
    public double conservedEnergy(Dynamics d) {
        return -heat;
    }

    @Override
    public double tau() {
        return tau;
    }

    @Override
    public double[] saveState() {
        return new double[] {heat};
    }

    @Override
    public void restore(double[] state) {
        heat = state[0];
    }
}
