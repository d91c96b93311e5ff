package org.sheath.forcefields.model;

/**
 * A 1-4 pair (or any explicitly listed pair): Lennard-Jones with its own parameters and Coulomb scaled
 * by {@code fudgeQQ}. The charges are the atoms' own unless the pair carries explicit ones (GROMACS
 * {@code [ pairs ]} function 2), in which case {@code qi}/{@code qj} are set; otherwise they are NaN.
 */
public record Pair(int i, int j, LennardJones lj, double fudgeQQ, double qi, double qj) {
    public static Pair withAtomCharges(int i, int j, LennardJones lj, double fudgeQQ) {
        return new Pair(i, j, lj, fudgeQQ, Double.NaN, Double.NaN);
    }

    public boolean hasExplicitCharges() {
        return !Double.isNaN(qi);
    }

    /** fudgeQQ·qi·qj in e², using the molecule's atom charges unless explicit ones were given. */
    public double chargeProduct(java.util.List<Atom> atoms) {
        double a = hasExplicitCharges() ? qi : atoms.get(i).charge();
        double b = hasExplicitCharges() ? qj : atoms.get(j).charge();
        return fudgeQQ * a * b;
    }
}
