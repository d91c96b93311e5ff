package org.sheath.engine.integrate.barostat;

import org.sheath.engine.integrate.Dynamics;

/**
 * Couples the box to a pressure bath. Two families hook into the velocity-Verlet step differently:
 * <ul>
 *   <li>extended-system barostats (MTK) have a box momentum updated in the outer Trotter slots
 *       ({@link #halfStepStart}, {@link #halfStepEnd}) and give the integrator the strain rates
 *       ({@link #strainRates}) that enter its kick and drift;</li>
 *   <li>rescaling barostats (C-rescale, Berendsen) compute scaling factors at the end of every
 *       {@code nstpcouple}-th step ({@link #endOfStep}) and scale box, positions and velocities at the start
 *       of the next step ({@link #halfStepStart}), recomputing the forces.</li>
 * </ul>
 * Box changes go through {@link org.sheath.engine.context.Context#setBox}. A new barostat is one class
 * registered in {@link Barostats}.
 */
public interface Barostat {
    String name();

    /** Called once before the first step. */
    default void init(Dynamics d) {
    }

    /** Whether the force evaluation at this step must compute the virial (the pressure is used after it). */
    boolean needsVirial(long step);

    /** Whether the force evaluation at this step must compute the potential energy. */
    default boolean needsEnergy(long step) {
        return false;
    }

    /** Before the first half kick (box momentum update with the current pressure). */
    default void halfStepStart(Dynamics d, double dt) {
    }

    /** After the second half kick and the velocity constraints. */
    default void halfStepEnd(Dynamics d, double dt) {
    }

    /** Per-dimension strain rates v_a (1/ps) for the kick and drift, or null when the barostat is not an extended system. */
    default double[] strainRates() {
        return null;
    }

    /** After the step is complete (rescaling barostats compute their factors here). {@code step} is the step just completed. */
    default void endOfStep(Dynamics d, long step, double dt) {
    }

    /** What the barostat adds to the conserved quantity (P₀V, box kinetic energy, work done), kJ/mol. */
    double conservedEnergy(Dynamics d);

    /** One line on what the barostat did over the stage so far (logged at the stage's end), or null. */
    default String statistics(Dynamics d) {
        return null;
    }

    double[] saveState();

    void restore(double[] state);
}
