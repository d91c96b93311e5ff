package org.sheath.forcefields.model;

/**
 * 12-6 Lennard-Jones parameters of one pair as V(r) = C12/r¹² − C6/r⁶ (kJ/mol, nm). C6/C12 is the
 * form the kernels use; σ/ε are derived (undefined when C6 = 0).
 */
public record LennardJones(double c6, double c12) {
    public static final LennardJones ZERO = new LennardJones(0, 0);

    public static LennardJones fromSigmaEpsilon(double sigma, double epsilon) {
        double s6 = Math.pow(sigma, 6);
        return new LennardJones(4 * epsilon * s6, 4 * epsilon * s6 * s6);
    }

    public double sigma() {
        return c6 > 0 ? Math.pow(c12 / c6, 1.0 / 6.0) : 0;
    }

    public double epsilon() {
        return c12 > 0 ? c6 * c6 / (4 * c12) : 0;
    }

    public LennardJones scaled(double factor) {
        return new LennardJones(c6 * factor, c12 * factor);
    }
}
