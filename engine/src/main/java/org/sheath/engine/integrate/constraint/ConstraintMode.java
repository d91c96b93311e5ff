package org.sheath.engine.integrate.constraint;

import java.util.Locale;

/** Which bonds become constraints (GROMACS's {@code constraints}); [ settles ] and [ constraints ] always hold. */
public enum ConstraintMode {
    NONE("none"),
    H_BONDS("h-bonds"),
    ALL_BONDS("all-bonds");

    private final String name;

    ConstraintMode(String name) {
        this.name = name;
    }

    public String deckName() {
        return name;
    }

    public static ConstraintMode parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ConstraintMode m : values()) if (m.name.equals(k)) return m;
        throw new IllegalArgumentException("unknown constraints '" + s + "'; use none, h-bonds or all-bonds");
    }
}
