package org.sheath.engine.force.nonbonded;

import java.util.Locale;

/**
 * Which short-range pair kernel computes LJ and real-space Ewald: the double-precision reference
 * ({@link NonbondedForce}, atom pair list, what comparisons with double-precision GROMACS use) or the
 * single-precision cluster kernel ({@link org.sheath.engine.force.nonbonded.cluster.ClusterNonbondedForce},
 * as GROMACS's mdrun computes it, several times faster). A box or type table the cluster kernel cannot
 * handle (triclinic; LJ pair overrides) falls back to the reference with a warning.
 */
public enum NonbondedKernel {
    REFERENCE("reference"),
    CLUSTER("cluster");

    public final String deckName;

    NonbondedKernel(String deckName) {
        this.deckName = deckName;
    }

    /** "reference" (or "double"), "cluster" (or "fast", "single"). */
    public static NonbondedKernel parse(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "reference":
            case "double":
                return REFERENCE;
            case "cluster":
            case "fast":
            case "single":
                return CLUSTER;
            default:
                throw new IllegalArgumentException("unknown non-bonded kernel '" + s + "': use reference (double precision) "
                        + "or cluster (single precision, fast)");
        }
    }
}
