package org.sheath.engine.force.nonbonded;

import java.util.Locale;

/**
 * GROMACS's {@code vdw-modifier} / {@code coulomb-modifier} for the Verlet cut-off scheme, the two
 * that Sheath supports: {@link #POTENTIAL_SHIFT} (GROMACS's default: V(r) − V(rc) inside rc, so the
 * energy is continuous at the cut-off; forces unchanged) and {@link #NONE} (plain truncation).
 */
public enum Modifier {
    POTENTIAL_SHIFT("potential-shift"),
    NONE("none");

    private final String mdpName;

    Modifier(String mdpName) {
        this.mdpName = mdpName;
    }

    public String mdpName() {
        return mdpName;
    }

    /** Parses the .mdp spelling, case-insensitive, '-' and '_' alike ("Potential-shift", "None"). */
    public static Modifier parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Modifier m : values()) if (m.mdpName.equals(k)) return m;
        throw new IllegalArgumentException("unknown modifier '" + s + "': use potential-shift or none");
    }
}
