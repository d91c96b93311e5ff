package org.sheath.engine.force.bonded;

import org.sheath.engine.force.EnergyTerm;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.TermKind;

/**
 * Periodic improper ({@code [ dihedrals ]} 4): the formula of {@link PeriodicProper},
 * V = k (1 + cos(nφ − φs)), params {φs degrees, k kJ/mol, n}, reported as "Per. Imp. Dih.".
 */
public final class PeriodicImproper extends DihedralForce {
    private final PeriodicProper formula;

    public PeriodicImproper(FlatTopology.Terms terms) {
        super(terms, TermKind.PERIODIC_IMPROPER, EnergyTerm.PERIODIC_IMPROPER);
        this.formula = new PeriodicProper(terms, TermKind.PERIODIC_IMPROPER, EnergyTerm.PERIODIC_IMPROPER);
    }

    @Override
    protected boolean usesAngle() {
        return formula.usesAngle();
    }

    @Override
    protected double energy(int t, double phi, double cosPhi, double sinPhi) {
        return formula.energy(t, phi, cosPhi, sinPhi);
    }

    @Override
    protected double derivative(int t, double phi, double cosPhi, double sinPhi) {
        return formula.derivative(t, phi, cosPhi, sinPhi);
    }
}
