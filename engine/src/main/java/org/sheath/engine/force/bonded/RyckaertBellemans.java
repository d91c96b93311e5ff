package org.sheath.engine.force.bonded;

import org.sheath.engine.force.EnergyTerm;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.TermKind;

/**
 * Ryckaert–Bellemans ({@code [ dihedrals ]} 3): V = Σ_{n=0..5} Cn cosⁿψ with the polymer angle
 * ψ = φ − 180° (so cos ψ = −cos φ; trans is ψ = 0); params {C0..C5 kJ/mol}; reported as "Ryckaert-Bell.".
 * No trigonometric calls: cos φ and sin φ come from the geometry.
 */
public class RyckaertBellemans extends DihedralForce {
    private final double[] c;

    public RyckaertBellemans(FlatTopology.Terms terms) {
        this(terms, TermKind.RYCKAERT_BELLEMANS, EnergyTerm.RYCKAERT_BELL, terms.params().clone());
    }

    /** For forms that are converted to RB coefficients (6 per term) at construction. */
    RyckaertBellemans(FlatTopology.Terms terms, TermKind kind, EnergyTerm term, double[] rbCoefficients) {
        super(terms, kind, term);
        if (rbCoefficients.length != 6 * terms.count()) throw new IllegalArgumentException("need 6 RB coefficients per term");
        this.c = rbCoefficients;
    }

    /** V depends on cos ψ = −cos φ only. */
    @Override
    protected final boolean usesAngle() {
        return false;
    }

    @Override
    protected final double energy(int t, double phi, double cosPhi, double sinPhi) {
        final int p = 6 * t;
        final double u = -cosPhi; // cos ψ
        return c[p] + u * (c[p + 1] + u * (c[p + 2] + u * (c[p + 3] + u * (c[p + 4] + u * c[p + 5]))));
    }

    @Override
    protected final double derivative(int t, double phi, double cosPhi, double sinPhi) {
        // dV/dφ = dV/dψ = −sin ψ Σ n Cn cosⁿ⁻¹ψ, and sin ψ = −sin φ
        final int p = 6 * t;
        final double u = -cosPhi;
        final double dvdu = c[p + 1] + u * (2 * c[p + 2] + u * (3 * c[p + 3] + u * (4 * c[p + 4] + u * 5 * c[p + 5])));
        return sinPhi * dvdu;
    }
}
