package org.sheath.engine.integrate;

/** Advances the state of a context by n steps (OpenMM's Integrator). */
public interface Integrator {
    /** Time step, ps. */
    double timeStep();

    /** Advances n steps. */
    void run(long steps);
}
