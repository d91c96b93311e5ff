package org.sheath.engine.force.bonded;

import org.sheath.engine.force.EnergyTerm;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.TermKind;

/**
 * OPLS Fourier torsion ({@code [ dihedrals ]} 5): V = ½[C1(1+cos φ) + C2(1−cos 2φ) + C3(1+cos 3φ) +
 * C4(1−cos 4φ)], params {C1..C4 kJ/mol}. Converted once to Ryckaert–Bellemans coefficients with
 * {@link TermKind#fourierToRyckaertBellemans} and evaluated as RB (as GROMACS does), but reported as
 * "Fourier Dih.".
 */
public final class Fourier extends RyckaertBellemans {
    public Fourier(FlatTopology.Terms terms) {
        super(terms, TermKind.FOURIER, EnergyTerm.FOURIER_DIH, convert(terms));
    }

    private static double[] convert(FlatTopology.Terms terms) {
        double[] f = terms.params();
        double[] rb = new double[6 * terms.count()];
        for (int t = 0; t < terms.count(); t++) {
            if (4 * t + 3 >= f.length) break; // length mismatch is reported by the base class
            double[] c = TermKind.fourierToRyckaertBellemans(f[4 * t], f[4 * t + 1], f[4 * t + 2], f[4 * t + 3]);
            System.arraycopy(c, 0, rb, 6 * t, 6);
        }
        return rb;
    }
}
