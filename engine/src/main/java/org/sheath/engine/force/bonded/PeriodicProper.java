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
    /** cos φs, sin φs per term. */
    private final double[] cosPhase, sinPhase;
    /** Every multiplicity a whole number from 0 to 12: cos(nφ) and sin(nφ) by the angle-addition recurrence, no atan2. */
    private final boolean integerMultiplicities;

    public PeriodicProper(FlatTopology.Terms terms) {
        this(terms, TermKind.PERIODIC_PROPER, EnergyTerm.PROPER_DIH);
    }

    PeriodicProper(FlatTopology.Terms terms, TermKind kind, EnergyTerm term) {
        super(terms, kind, term);
        this.params = toRadians(terms.params(), 3, 0);
        int count = params.length / 3;
        cosPhase = new double[count];
        sinPhase = new double[count];
        boolean integers = true;
        for (int t = 0; t < count; t++) {
            cosPhase[t] = Math.cos(params[3 * t]);
            sinPhase[t] = Math.sin(params[3 * t]);
            double n = params[3 * t + 2];
            integers &= n == Math.rint(n) && n >= 0 && n <= 12;
        }
        this.integerMultiplicities = integers;
    }

    @Override
    protected boolean usesAngle() {
        return !integerMultiplicities;
    }

    @Override
    protected double energy(int t, double phi, double cosPhi, double sinPhi) {
        final int p = 3 * t;
        if (!integerMultiplicities) return params[p + 1] * (1 + Math.cos(params[p + 2] * phi - params[p]));
        // cos(nφ − φs) = cos nφ cos φs + sin nφ sin φs
        double c = 1, s = 0;
        for (int k = (int) params[p + 2]; k > 0; k--) {
            double c1 = c * cosPhi - s * sinPhi;
            s = s * cosPhi + c * sinPhi;
            c = c1;
        }
        return params[p + 1] * (1 + c * cosPhase[t] + s * sinPhase[t]);
    }

    @Override
    protected double derivative(int t, double phi, double cosPhi, double sinPhi) {
        final int p = 3 * t;
        final double n = params[p + 2];
        if (!integerMultiplicities) return -params[p + 1] * n * Math.sin(n * phi - params[p]);
        // sin(nφ − φs) = sin nφ cos φs − cos nφ sin φs
        double c = 1, s = 0;
        for (int k = (int) n; k > 0; k--) {
            double c1 = c * cosPhi - s * sinPhi;
            s = s * cosPhi + c * sinPhi;
            c = c1;
        }
        return -params[p + 1] * n * (s * cosPhase[t] - c * sinPhase[t]);
    }
}
