package org.sheath.forcefields.model;

/**
 * The bonded functional forms Sheath knows, with the atoms each takes, the layout of its parameter
 * array (GROMACS units: nm, degrees, kJ/mol) and the GROMACS directive/function it comes from.
 */
public enum TermKind {
    /** V = ½ kb (r − b0)²; params {b0, kb}. {@code [ bonds ]} 1. */
    HARMONIC_BOND(2, 2, true),
    /** Chemical bond without energy, for exclusions only; no params. {@code [ bonds ]} 5. */
    CONNECTION(2, 0, true),
    /** V = ½ kθ (θ − θ0)²; params {θ0, kθ}. {@code [ angles ]} 1. */
    HARMONIC_ANGLE(3, 2, false),
    /** Harmonic angle plus harmonic 1-3 distance; params {θ0, kθ, r13, kUB}. {@code [ angles ]} 5. */
    UREY_BRADLEY(3, 4, false),
    /** V = k (1 + cos(nφ − φs)); params {φs, k, n}. {@code [ dihedrals ]} 1 and 9 (one entry per term). */
    PERIODIC_PROPER(4, 3, false),
    /** V = Σ Cn cosⁿψ, ψ = φ − 180°; params {C0..C5}. {@code [ dihedrals ]} 3. */
    RYCKAERT_BELLEMANS(4, 6, false),
    /** OPLS Fourier V = ½[C1(1+cosφ) + C2(1−cos2φ) + C3(1+cos3φ) + C4(1−cos4φ)]; params {C1..C4}. {@code [ dihedrals ]} 5. */
    FOURIER(4, 4, false),
    /** V = ½ k (ξ − ξ0)²; params {ξ0, k}. {@code [ dihedrals ]} 2. */
    HARMONIC_IMPROPER(4, 2, false),
    /** V = k (1 + cos(nφ − φs)); params {φs, k, n}. {@code [ dihedrals ]} 4. */
    PERIODIC_IMPROPER(4, 3, false),
    /** Fixed distance; params {b0}. {@code [ constraints ]} 1 (counts as a chemical bond). */
    CONSTRAINT(2, 1, true),
    /** Fixed distance that is not a chemical bond; params {b0}. {@code [ constraints ]} 2. */
    CONSTRAINT_NO_CONNECTION(2, 1, false),
    /** Rigid water O, H, H; params {dOH, dHH}. {@code [ settles ]}. */
    SETTLE(3, 2, true);

    private final int atoms;
    private final int params;
    private final boolean chemicalBond;

    TermKind(int atoms, int params, boolean chemicalBond) {
        this.atoms = atoms;
        this.params = params;
        this.chemicalBond = chemicalBond;
    }

    public int atomCount() {
        return atoms;
    }

    public int paramCount() {
        return params;
    }

    /** Whether the term is a chemical bond for exclusion generation (nrexcl). */
    public boolean isChemicalBond() {
        return chemicalBond;
    }

    /**
     * Ryckaert–Bellemans coefficients C0..C5 of an OPLS Fourier torsion {C1..C4}, the conversion GROMACS
     * applies to {@code [ dihedrals ]} 5.
     */
    public static double[] fourierToRyckaertBellemans(double f1, double f2, double f3, double f4) {
        return new double[] {
            f2 + 0.5 * (f1 + f3),
            0.5 * (-f1 + 3 * f3),
            -f2 + 4 * f4,
            -2 * f3,
            -4 * f4,
            0
        };
    }
}
