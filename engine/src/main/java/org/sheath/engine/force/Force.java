package org.sheath.engine.force;

import org.sheath.engine.system.State;

/**
 * One contribution to the potential energy (OpenMM's Force; LAMMPS's pair/bond styles). A force adds
 * its forces, energies and virial to the accumulator; it never clears it. Implementations keep their
 * scratch buffers between calls so that a step allocates nothing.
 */
public interface Force {
    /** Short name for logs and timers, e.g. "pme", "bonded". */
    String name();

    void compute(State state, ForceAccumulator out);
}
