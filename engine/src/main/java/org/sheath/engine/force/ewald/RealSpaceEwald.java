package org.sheath.engine.force.ewald;

import static org.sheath.engine.force.ewald.EwaldTerms.ONE_4PI_EPS0;
import static org.sheath.engine.force.ewald.EwaldTerms.TWO_OVER_SQRT_PI;

import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.Force;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.math.Erfc;
import org.sheath.engine.system.State;

/**
 * Reference O(N²) Ewald real-space sum with a cut-off, for testing the fast pair kernel: over all
 * non-excluded pairs i&lt;j with minimum-image distance r &lt; rc,
 * V = f·q_i·q_j·(erfc(β·r)/r − s), s = erfc(β·rc)/rc with GROMACS's coulomb-modifier = Potential-shift
 * (the default) and s = 0 without. Excluded pairs are skipped entirely (their reciprocal-space
 * interaction is removed by {@link EwaldExclusionCorrection}). Reported in "Coulomb (SR)".
 *
 * <p>Requires rc ≤ half the shortest box height (single image).
 */
public final class RealSpaceEwald implements Force {
    private final double[] q;
    private final int[] exclOffsets, exclAtoms;
    private final double beta, rc;
    private final double shift;
    private final double[] d = new double[3];

    public RealSpaceEwald(double[] charges, int[] exclOffsets, int[] exclAtoms, double beta, double rc, boolean potentialShift) {
        EwaldTerms.checkExclusions(charges.length, exclOffsets, exclAtoms);
        this.q = charges.clone();
        this.exclOffsets = exclOffsets == null ? null : exclOffsets.clone();
        this.exclAtoms = exclAtoms == null ? null : exclAtoms.clone();
        this.beta = beta;
        this.rc = rc;
        this.shift = potentialShift ? Erfc.erfc(beta * rc) / rc : 0.0;
    }

    @Override
    public String name() {
        return "ewald-real-reference";
    }

    @Override
    public void compute(State state, ForceAccumulator out, int flags) {
        out.addEnergy(EnergyTerm.COULOMB_SR, accumulate(state, out.fx, out.fy, out.fz, out.virial));
    }

    /** Adds forces and virial, returns the energy (kJ/mol). */
    public double accumulate(State state, double[] fx, double[] fy, double[] fz, double[] virial) {
        if (2 * rc > state.box.minHeight() * (1 + 1e-12)) {
            throw new IllegalStateException("cut-off " + rc + " longer than half the box height");
        }
        double rc2 = rc * rc, b2 = beta * beta;
        double e = 0;
        double w00 = 0, w01 = 0, w02 = 0, w11 = 0, w12 = 0, w22 = 0;
        int n = q.length;
        for (int i = 0; i < n; i++) {
            double qi = ONE_4PI_EPS0 * q[i];
            if (qi == 0) continue;
            double xi = state.x[i], yi = state.y[i], zi = state.z[i];
            double fxi = 0, fyi = 0, fzi = 0;
            for (int j = i + 1; j < n; j++) {
                double qq = qi * q[j];
                if (qq == 0) continue;
                d[0] = xi - state.x[j];
                d[1] = yi - state.y[j];
                d[2] = zi - state.z[j];
                state.box.minimumImage(d);
                double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
                if (r2 >= rc2) continue;
                if (EwaldTerms.isExcluded(exclOffsets, exclAtoms, i, j)) continue;
                double r = Math.sqrt(r2), rinv = 1.0 / r;
                double erfcTerm = Erfc.erfc(beta * r) * rinv;
                e += qq * (erfcTerm - shift);
                double fscal = qq * (erfcTerm + TWO_OVER_SQRT_PI * beta * Math.exp(-b2 * r2)) * rinv * rinv;
                double fxij = fscal * d[0], fyij = fscal * d[1], fzij = fscal * d[2];
                fxi += fxij; fyi += fyij; fzi += fzij;
                fx[j] -= fxij; fy[j] -= fyij; fz[j] -= fzij;
                w00 += d[0] * fxij; w01 += d[0] * fyij; w02 += d[0] * fzij;
                w11 += d[1] * fyij; w12 += d[1] * fzij; w22 += d[2] * fzij;
            }
            fx[i] += fxi; fy[i] += fyi; fz[i] += fzi;
        }
        virial[0] += w00; virial[1] += w01; virial[2] += w02;
        virial[3] += w01; virial[4] += w11; virial[5] += w12;
        virial[6] += w02; virial[7] += w12; virial[8] += w22;
        return e;
    }
}
