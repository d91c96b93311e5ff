package org.sheath.forcefields.model;

/**
 * A non-bonded atom type. {@code v}/{@code w} are σ (nm)/ε (kJ/mol) under combining rules 2 and 3,
 * C6/C12 under rule 1. {@code bondType} names the type used to look up bonded parameters (GROMACS's
 * bond_type column; equal to {@code name} when absent). {@code atomicNumber} is −1 when unknown.
 */
public record AtomType(String name, String bondType, int atomicNumber, double mass, double charge, String ptype,
                       double v, double w, Source source) {
}
