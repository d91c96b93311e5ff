package org.sheath.engine.force;

import java.util.Set;
import org.sheath.engine.parallel.WorkerPool;
import org.sheath.engine.system.State;

/**
 * One contribution to the potential energy (OpenMM's Force; LAMMPS's pair/bond styles). A force adds
 * its forces, energies and virial to the accumulator; it never clears it. Implementations keep their
 * scratch buffers between calls so that a step allocates nothing.
 *
 * <p>What to compute is a bit set, as LAMMPS's {@code eflag/vflag}: forces always; energies when
 * {@link #ENERGY} is set, the virial when {@link #VIRIAL} is set. MD asks for energies and the virial
 * only on the steps that report them or couple a barostat; a force may add them anyway where they cost
 * nothing extra, so a caller must not rely on them being zero without the flag.
 */
public interface Force {
    /** Forces only. */
    int FORCES = 0;
    /** Also the energies per term. */
    int ENERGY = 1;
    /** Also the virial W = Σ r⊗f (and the dispersion-correction virial). */
    int VIRIAL = 2;
    /** Forces, energies and virial. */
    int ALL = ENERGY | VIRIAL;

    /** Short name for logs and timers, e.g. "pme", "bonded". */
    String name();

    /** Adds forces, and energies/virial as the flags ask. */
    void compute(State state, ForceAccumulator out, int flags);

    /** Forces, energies and virial. */
    default void compute(State state, ForceAccumulator out) {
        compute(state, out, ALL);
    }

    /** The energy terms this force writes, for reports (GROMACS names). */
    default Set<EnergyTerm> energyTerms() {
        return Set.of();
    }

    /** Called by the context that owns the force: its worker threads (the pool stays the context's). */
    default void attach(WorkerPool pool) {
    }

    /**
     * The box of the state changed (a barostat scaled it together with the positions). Forces that
     * cache box-dependent data update it here; nobody polls for box changes.
     */
    default void boxChanged(State state) {
    }
}
