package org.sheath.forcefields.model;

import java.util.Arrays;

/**
 * One bonded term of a molecule type: its form, its atoms (0-based indices within the molecule) and
 * its parameters in the layout of {@link TermKind}.
 */
public record Interaction(TermKind kind, int[] atoms, double[] params) {
    public Interaction {
        if (atoms.length != kind.atomCount() || params.length != kind.paramCount()) {
            throw new IllegalArgumentException(kind + " takes " + kind.atomCount() + " atoms and "
                    + kind.paramCount() + " parameters");
        }
    }

    @Override
    public String toString() {
        return kind + Arrays.toString(atoms) + Arrays.toString(params);
    }
}
