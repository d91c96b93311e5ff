package org.sheath.engine.force.ewald;

import static org.sheath.engine.force.ewald.EwaldTerms.ONE_4PI_EPS0;
import static org.sheath.engine.force.ewald.EwaldTerms.TWO_OVER_SQRT_PI;

import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.Force;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.math.Erfc;
import org.sheath.engine.system.State;

/**
 * Removes from an Ewald/PME reciprocal sum the interaction of excluded pairs (bonded neighbours, 1-4
 * pairs included as with GROMACS nrexcl=3): for every excluded pair i&lt;j at minimum-image distance r,
 * V = −f·q_i·q_j·erf(β·r)/r, with its forces and virial.
 *
 * <p>GROMACS (Verlet scheme) computes this inside the nonbonded kernel for excluded pairs in the pair
 * list and reports it in "Coulomb (SR)", not in "Coul. recip."; the default term here is therefore
 * {@link EnergyTerm#COULOMB_SR}. GROMACS only corrects pairs closer than the cut-off; this class corrects
 * all excluded pairs (they are always much closer than the cut-off for real molecules). No potential
 * shift is applied to excluded pairs (as in GROMACS). The minimum image is {@link
 * org.sheath.engine.system.Box#minimumImage}.
 */
public final class EwaldExclusionCorrection implements Force {
    private final double[] q;
    private final int[] exclOffsets, exclAtoms;
    private final double beta;
    private final EnergyTerm term;

    /** Reports to "Coulomb (SR)" like GROMACS. */
    public EwaldExclusionCorrection(double[] charges, int[] exclOffsets, int[] exclAtoms, double beta) {
        this(charges, exclOffsets, exclAtoms, beta, EnergyTerm.COULOMB_SR);
    }

    public EwaldExclusionCorrection(double[] charges, int[] exclOffsets, int[] exclAtoms, double beta, EnergyTerm term) {
        EwaldTerms.checkExclusions(charges.length, exclOffsets, exclAtoms);
        this.q = charges.clone();
        this.exclOffsets = exclOffsets == null ? new int[charges.length + 1] : exclOffsets.clone();
        this.exclAtoms = exclAtoms == null ? new int[0] : exclAtoms.clone();
        this.beta = beta;
        this.term = term;
        this.parallel = new org.sheath.engine.force.RangeParallel(this.exclOffsets[q.length],
                (s, out, from, to) -> out.addEnergy(term, accumulate(s, out.fx, out.fy, out.fz, out.virial, firstAtom(from), firstAtom(to))));
    }

    @Override
    public String name() {
        return "ewald-excl";
    }

    private final org.sheath.engine.force.RangeParallel parallel;

    /** The first atom whose exclusions start at or after index k of the CSR (ranges of about equal pair counts). */
    private int firstAtom(int k) {
        int lo = 0, hi = q.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (exclOffsets[mid] < k) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    @Override
    public void attach(org.sheath.engine.parallel.WorkerPool pool) {
        parallel.attach(pool);
    }

    @Override
    public void compute(State state, ForceAccumulator out, int flags) {
        parallel.compute(state, out);
    }

    /** Adds forces and virial, returns the energy (kJ/mol). */
    public double accumulate(State state, double[] fx, double[] fy, double[] fz, double[] virial) {
        return accumulate(state, fx, fy, fz, virial, 0, q.length);
    }

    /** As {@link #accumulate(State, double[], double[], double[], double[])} for the exclusions of atoms [from, to). */
    double accumulate(State state, double[] fx, double[] fy, double[] fz, double[] virial, int from, int to) {
        double[] d = new double[3];
        double e = 0;
        double b2 = beta * beta;
        double w00 = 0, w01 = 0, w02 = 0, w11 = 0, w12 = 0, w22 = 0;
        for (int i = from; i < to; i++) {
            double qi = ONE_4PI_EPS0 * q[i];
            if (qi == 0) continue;
            for (int k = exclOffsets[i]; k < exclOffsets[i + 1]; k++) {
                int j = exclAtoms[k];
                double qq = qi * q[j];
                if (qq == 0) continue;
                d[0] = state.x[i] - state.x[j];
                d[1] = state.y[i] - state.y[j];
                d[2] = state.z[i] - state.z[j];
                state.box.minimumImage(d);
                double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
                double v, fscal; // V = -qq erf(br)/r ; fscal = -(dV/dr)/r
                if (r2 * b2 < 1e-12) {
                    // erf(br)/r = 2b/sqrt(pi) (1 - b^2 r^2/3 + ...); derivative/r -> -4b^3/(3 sqrt(pi))
                    v = -qq * TWO_OVER_SQRT_PI * beta * (1 - b2 * r2 / 3);
                    fscal = -qq * TWO_OVER_SQRT_PI * beta * b2 * 2.0 / 3.0;
                } else {
                    double r = Math.sqrt(r2);
                    double rinv = 1.0 / r;
                    double erfTerm = Erfc.erf(beta * r) * rinv;
                    v = -qq * erfTerm;
                    // d/dr [erf(br)/r] = (2b/sqrt(pi) exp(-b^2 r^2) - erf(br)/r)/r
                    double dd = (TWO_OVER_SQRT_PI * beta * Math.exp(-b2 * r2) - erfTerm) * rinv;
                    fscal = qq * dd * rinv;
                }
                e += v;
                double fxij = fscal * d[0], fyij = fscal * d[1], fzij = fscal * d[2];
                fx[i] += fxij; fy[i] += fyij; fz[i] += fzij;
                fx[j] -= fxij; fy[j] -= fyij; fz[j] -= fzij;
                w00 += d[0] * fxij; w01 += d[0] * fyij; w02 += d[0] * fzij;
                w11 += d[1] * fyij; w12 += d[1] * fzij; w22 += d[2] * fzij;
            }
        }
        virial[0] += w00; virial[1] += w01; virial[2] += w02;
        virial[3] += w01; virial[4] += w11; virial[5] += w12;
        virial[6] += w02; virial[7] += w12; virial[8] += w22;
        return e;
    }
}
