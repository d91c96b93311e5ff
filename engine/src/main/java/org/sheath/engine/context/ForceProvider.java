package org.sheath.engine.context;

/**
 * Adds one named kind of force to a {@link ForceSet} under construction (a LAMMPS style): reads what it
 * needs from the builder (system, options, box, bonds replaced by constraints) and adds its forces,
 * energy terms and warnings. Registered by name in {@link ForceProviders}.
 */
public interface ForceProvider {
    /** The name a force set refers to it by, e.g. "pme". */
    String name();

    void addTo(ForceSet.Builder builder);
}
