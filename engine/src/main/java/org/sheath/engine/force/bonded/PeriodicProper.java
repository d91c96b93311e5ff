package org.sheath.engine.force.bonded;

import org.sheath.engine.force.EnergyTerm;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.TermKind;

/**
 * V = k (1 + cos(nφ − φs)) ({@code [ dihedrals ]} 1 and 9, one entry per term); params
 * {φs degrees, k kJ/mol, n}; reported as "Proper Dih.". φ in the convention of {@link DihedralForce}.
 */
public final class PeriodicProper extends DihedralForce {
    private final double[] params;

    public PeriodicProper(FlatTopology.Terms terms) {
        this(terms, TermKind.PERIODIC_PROPER, EnergyTerm.PROPER_DIH);
    }

    PeriodicProper(FlatTopology.Terms terms, TermKind kind, EnergyTerm term) {
        super(terms, kind, term);
        this.params = toRadians(terms.params(), 3, 0);
    }

    @Override
    protected double energy(int t, double phi, double cosPhi, double sinPhi) {
        final int p = 3 * t;
        return params[p + 1] * (1 + Math.cos(params[p + 2] * phi - params[p]));
    }

    @Override
    protected double derivative(int t, double phi, double cosPhi, double sinPhi) {
        final int p = 3 * t;
        final double n = params[p + 2];
        return -params[p + 1] * n * Math.sin(n * phi - params[p]);
    }
}
