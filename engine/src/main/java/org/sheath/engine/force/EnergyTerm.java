package org.sheath.engine.force;

/**
 * Energy terms, reported under GROMACS's names so users can compare with {@code gmx energy} line by line.
 */
public enum EnergyTerm {
    BOND("Bond"),
    ANGLE("Angle"),
    UREY_BRADLEY("U-B"),
    PROPER_DIH("Proper Dih."),
    RYCKAERT_BELL("Ryckaert-Bell."),
    FOURIER_DIH("Fourier Dih."),
    PERIODIC_IMPROPER("Per. Imp. Dih."),
    IMPROPER_DIH("Improper Dih."),
    LJ_14("LJ-14"),
    COULOMB_14("Coulomb-14"),
    LJ_SR("LJ (SR)"),
    DISPER_CORR("Disper. corr."),
    COULOMB_SR("Coulomb (SR)"),
    COUL_RECIP("Coul. recip.");

    private final String gromacsName;

    EnergyTerm(String gromacsName) {
        this.gromacsName = gromacsName;
    }

    public String gromacsName() {
        return gromacsName;
    }
}
