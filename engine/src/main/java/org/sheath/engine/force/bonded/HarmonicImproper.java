package org.sheath.engine.force.bonded;

import org.sheath.engine.force.EnergyTerm;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.TermKind;

/**
 * Harmonic improper ({@code [ dihedrals ]} 2): V = ½ k (ξ − ξ0)² with ξ the dihedral i-j-k-l of
 * {@link DihedralForce} and ξ − ξ0 wrapped to [−180°, 180°); params {ξ0 degrees, k kJ/mol/rad²};
 * reported as "Improper Dih.".
 */
public final class HarmonicImproper extends DihedralForce {
    private static final double TWO_PI = 2 * Math.PI;
    private final double[] params;

    public HarmonicImproper(FlatTopology.Terms terms) {
        super(terms, TermKind.HARMONIC_IMPROPER, EnergyTerm.IMPROPER_DIH);
        this.params = toRadians(terms.params(), 2, 0);
    }

    private static double wrap(double d) {
        return d - TWO_PI * Math.floor((d + Math.PI) / TWO_PI);
    }

    @Override
    protected double energy(int t, double phi, double cosPhi, double sinPhi) {
        final double d = wrap(phi - params[2 * t]);
        return 0.5 * params[2 * t + 1] * d * d;
    }

    @Override
    protected double derivative(int t, double phi, double cosPhi, double sinPhi) {
        return params[2 * t + 1] * wrap(phi - params[2 * t]);
    }
}
