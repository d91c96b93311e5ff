package org.sheath.engine.integrate.constraint;

import org.sheath.engine.system.State;

/**
 * Holonomic distance constraints (bond lengths, rigid water), applied by the integrator after each
 * position update (SHAKE stage) and after each velocity update (RATTLE stage). Implementations are
 * allocation-free per call.
 */
public interface Constraints {
    /** Runs on the pool's threads where the implementation can (default: on the calling thread). */
    default void attach(org.sheath.engine.parallel.WorkerPool pool) {
    }

    /** Number of independent constrained distances (a rigid water counts 3): removed from the degrees of freedom. */
    int count();

    /**
     * Moves the atoms of the state so that every constraint holds, keeping each correction along the
     * constraint directions of the reference positions (xr, yr, zr: the constrained positions before the
     * unconstrained update). With {@code dt > 0} the velocities get the same correction divided by dt
     * (the constraint impulse of the drift).
     *
     * @throws ConstraintFailureException if the iteration does not converge (naming the atoms)
     */
    void constrainPositions(State state, double[] xr, double[] yr, double[] zr, double dt);

    /**
     * Removes the velocity components along the constraints (RATTLE's second stage). The constraint
     * forces F = m·Δv/impulseTime (impulseTime = dt/2 after a half kick) are added to the virial
     * W = Σ r_ij ⊗ F_ij (row-major 3×3) unless {@code virial} is null.
     */
    default void constrainVelocities(State state, double impulseTime, double[] virial) {
        constrainVelocities(state, impulseTime, virial, null);
    }

    /**
     * As {@link #constrainVelocities(State, double, double[])} under an MTK barostat whose strain rates
     * v_a (1/ps per dimension, or null) also move the atoms (dr/dt = v + v_a·r_a): the condition that keeps
     * the constrained lengths fixed is then r_ij·v_ij = −Σ_a v_a·r_ij,a².
     */
    void constrainVelocities(State state, double impulseTime, double[] virial, double[] strainRates);

    /** The constraints as they are now: the largest relative deviation |r − d|/d over all constraints. */
    double maxRelativeDeviation(State state);

    /** No constraints. */
    Constraints NONE = new Constraints() {
        @Override
        public int count() {
            return 0;
        }

        @Override
        public void constrainPositions(State state, double[] xr, double[] yr, double[] zr, double dt) {
        }

        @Override
        public void constrainVelocities(State state, double impulseTime, double[] virial, double[] strainRates) {
        }

        @Override
        public double maxRelativeDeviation(State state) {
            return 0;
        }
    };
}
