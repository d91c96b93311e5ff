package org.sheath.forcefields.model;

/**
 * The {@code [ defaults ]} of a topology: non-bonded function (1 = Lennard-Jones), combining rule,
 * whether missing 1-4 pair parameters are generated from the atom types, and the global 1-4 scale
 * factors (which a molecule type may override, see {@link MoleculeType#fudgeLJ()}).
 */
public record Defaults(int nbfunc, CombiningRule combiningRule, boolean generatePairs, double fudgeLJ, double fudgeQQ) {
    /** GROMACS's values when a topology has no {@code [ defaults ]}. */
    public static final Defaults GROMACS = new Defaults(1, CombiningRule.GEOMETRIC_C6_C12, false, 1.0, 1.0);
}
