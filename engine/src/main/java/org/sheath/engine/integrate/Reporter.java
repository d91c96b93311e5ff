package org.sheath.engine.integrate;

/**
 * Observes the dynamics every {@link #interval()} steps (OpenMM's reporters): energies, trajectory
 * frames, progress, checkpoints. The loop does not know what a reporter writes; it only computes the
 * energies on the steps where some reporter {@link #needsEnergies() needs} them. The {@link StepReport}
 * passed is reused: copy what you keep.
 */
public interface Reporter {
    /** Report every this many steps (counted on the global step number); 0: never. */
    long interval();

    /** Whether {@link StepReport}'s energies and pressure must be valid at the reported steps. */
    default boolean needsEnergies() {
        return true;
    }

    void report(StepReport r);

    /** At the end of {@link VelocityVerlet#run}, with the last step's report. */
    default void finish(StepReport last) {
    }
}
