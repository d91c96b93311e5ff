package org.sheath.engine.integrate.thermostat;

import org.sheath.engine.integrate.Dynamics;

/**
 * Couples the particles to a heat bath at {@link Dynamics#referenceTemperature()}. The velocity-Verlet
 * step calls {@link #halfStep} at its start and end (the outer slots of the Trotter splitting: Nosé–Hoover
 * chains, stochastic velocity rescaling), and, for thermostats that {@link #splitsDrift()}, {@link #midStep}
 * between two half drifts (Langevin BAOAB). A new thermostat is one class registered in {@link Thermostats}.
 */
public interface Thermostat {
    String name();

    /** Called once before the first step, after the velocities are set. */
    default void init(Dynamics d) {
    }

    /** exp(iL_T·dt/2): acts on the velocities for half the step dt. */
    default void halfStep(Dynamics d, double dt) {
    }

    /** Whether the drift is split in two with {@link #midStep} between (BAOAB). */
    default boolean splitsDrift() {
        return false;
    }

    /** The full-step velocity update between the two half drifts. */
    default void midStep(Dynamics d, double dt) {
    }

    /**
     * The kinetic-energy tensor (½Σm v⊗v, row-major) that temperature and pressure should be reported from,
     * when the full-step velocities are a biased sample of the ensemble (BAOAB: the kinetic energy of a mode
     * of frequency ω comes out low by (ω·dt)²/4 at full steps, exact at the O step); null to use the
     * full-step velocities. The conserved quantity always uses the full-step kinetic energy.
     */
    default double[] reportedKineticTensor() {
        return null;
    }

    /**
     * What the thermostat adds to the conserved quantity: the energy of its own variables (Nosé–Hoover),
     * or minus the kinetic energy it put into the system so far (stochastic thermostats), kJ/mol.
     */
    double conservedEnergy(Dynamics d);

    /** τ_t, ps (the barostat's own chain uses it too). */
    double tau();

    /** The thermostat's variables, for checkpoints (with {@link #restore}). */
    double[] saveState();

    void restore(double[] state);
}
