package org.sheath.engine.integrate.minimize;

/**
 * Progress of a minimisation (progress bars, logs): called after every accepted step with the step
 * number, the potential energy (kJ/mol) and the largest force (kJ/mol/nm) there. Step 0 is the
 * starting point. Steepest descent and L-BFGS report accepted steps only, so the energies fall
 * strictly; FIRE reports every step (its energy may rise on the way down).
 */
@FunctionalInterface
public interface MinimizationListener {
    void accepted(long step, double energy, double fmax);

    MinimizationListener NONE = (step, energy, fmax) -> {
    };
}
