package org.sheath.forcefields.model;

/**
 * Conversions from AMBER/CHARMM/OPLS literature units to Sheath's GROMACS units (nm, kJ/mol, degrees).
 * AMBER writes harmonic terms without the ½ (E = K(r − r0)²), GROMACS with it (E = ½k(r − r0)²).
 */
public final class Units {
    public static final double KCAL_TO_KJ = 4.184;
    /** 2^(1/6): Rmin = 2^(1/6) σ. */
    private static final double TWO_SIXTH = Math.pow(2, 1.0 / 6.0);
    /** AMBER charge unit: q(e) = q(prmtop) / 18.2223. */
    public static final double AMBER_CHARGE_UNIT = 18.2223;

    private Units() {
    }

    /** σ (nm) from AMBER's Rmin/2 (Å): σ = 2·(Rmin/2)/2^(1/6)/10. */
    public static double sigmaFromRminHalf(double rminHalfAngstrom) {
        return 2 * rminHalfAngstrom / TWO_SIXTH / 10;
    }

    /** AMBER's Rmin/2 (Å) from σ (nm). */
    public static double rminHalfFromSigma(double sigmaNm) {
        return sigmaNm * 10 * TWO_SIXTH / 2;
    }

    public static double kcalToKj(double kcal) {
        return kcal * KCAL_TO_KJ;
    }

    public static double kjToKcal(double kj) {
        return kj / KCAL_TO_KJ;
    }

    /** GROMACS bond k (kJ/mol/nm²) from AMBER K (kcal/mol/Å²): k = 2·K·4.184·100 = 836.8·K. */
    public static double bondKFromAmber(double kAmber) {
        return 2 * kAmber * KCAL_TO_KJ * 100;
    }

    public static double bondKToAmber(double kGromacs) {
        return kGromacs / (2 * KCAL_TO_KJ * 100);
    }

    /** GROMACS angle k (kJ/mol/rad²) from AMBER K (kcal/mol/rad²): k = 2·K·4.184 = 8.368·K. */
    public static double angleKFromAmber(double kAmber) {
        return 2 * kAmber * KCAL_TO_KJ;
    }

    public static double angleKToAmber(double kGromacs) {
        return kGromacs / (2 * KCAL_TO_KJ);
    }

    /** GROMACS periodic torsion k (kJ/mol) from AMBER PK/IDIVF (kcal/mol). */
    public static double torsionKFromAmber(double pk, double idivf) {
        return pk / idivf * KCAL_TO_KJ;
    }
}
