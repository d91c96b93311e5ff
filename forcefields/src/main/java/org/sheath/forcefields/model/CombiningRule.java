package org.sheath.forcefields.model;

/**
 * GROMACS combining rules ({@code [ defaults ] comb-rule}). Rule 1 reads atom-type LJ parameters as
 * C6/C12 and combines both geometrically; rules 2 and 3 read σ/ε: rule 2 is Lorentz–Berthelot
 * (arithmetic σ, geometric ε, AMBER/CHARMM), rule 3 geometric σ and ε (OPLS).
 */
public enum CombiningRule {
    GEOMETRIC_C6_C12(1),
    LORENTZ_BERTHELOT(2),
    GEOMETRIC(3);

    private final int gromacsNumber;

    CombiningRule(int gromacsNumber) {
        this.gromacsNumber = gromacsNumber;
    }

    public int gromacsNumber() {
        return gromacsNumber;
    }

    public static CombiningRule fromGromacs(int n) {
        for (CombiningRule r : values()) {
            if (r.gromacsNumber == n) return r;
        }
        throw new IllegalArgumentException("comb-rule must be 1, 2 or 3, not " + n);
    }

    /** Whether atom-type parameters (V, W) are σ and ε (rules 2, 3) rather than C6 and C12 (rule 1). */
    public boolean usesSigmaEpsilon() {
        return this != GEOMETRIC_C6_C12;
    }

    /**
     * Combines two atom types' (V, W) into the pair's (C6, C12), kJ/mol·nm⁶ and kJ/mol·nm¹².
     */
    public LennardJones combine(double vi, double wi, double vj, double wj) {
        switch (this) {
            case GEOMETRIC_C6_C12:
                return new LennardJones(Math.sqrt(vi * vj), Math.sqrt(wi * wj));
            case LORENTZ_BERTHELOT:
                return LennardJones.fromSigmaEpsilon(0.5 * (vi + vj), Math.sqrt(wi * wj));
            default:
                return LennardJones.fromSigmaEpsilon(Math.sqrt(vi * vj), Math.sqrt(wi * wj));
        }
    }

    /** Interprets an explicit pair's (V, W), as in {@code [ nonbond_params ]} or {@code [ pairtypes ]}. */
    public LennardJones pairParameters(double v, double w) {
        return usesSigmaEpsilon() ? LennardJones.fromSigmaEpsilon(v, w) : new LennardJones(v, w);
    }
}
