package org.sheath.engine.force.nonbonded;

import static org.sheath.engine.force.ewald.EwaldTerms.ONE_4PI_EPS0;

import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.Force;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.system.State;
import org.sheath.forcefields.model.FlatTopology;

/**
 * The listed 1-4 pairs ({@code [ pairs ]}), as GROMACS computes them: plain Lennard-Jones with the
 * pair's own C6/C12 and plain Coulomb with the pair's fudgeQQ·q_i·q_j, no cut-off, no modifier, no
 * Ewald splitting. Energies go to "LJ-14" and "Coulomb-14". Distances are minimum images.
 * (The pairs are also excluded from the non-bonded kernel and corrected in Ewald's reciprocal sum.)
 */
public final class PairForce14 implements Force {
    private final int[] pi, pj;
    private final double[] c6, c12, qq;

    public PairForce14(int[] pairI, int[] pairJ, double[] pairC6, double[] pairC12, double[] pairQQ) {
        int m = pairI.length;
        if (pairJ.length != m || pairC6.length != m || pairC12.length != m || pairQQ.length != m) {
            throw new IllegalArgumentException("pair arrays differ in length");
        }
        this.pi = pairI.clone();
        this.pj = pairJ.clone();
        this.c6 = pairC6.clone();
        this.c12 = pairC12.clone();
        this.qq = pairQQ.clone();
        int[] lo = new int[m], hi = new int[m];
        for (int k = 0; k < m; k++) {
            lo[k] = Math.min(pi[k], pj[k]);
            hi[k] = Math.max(pi[k], pj[k]);
        }
        this.parallel = new org.sheath.engine.force.RangeParallel(m, this::compute, lo, hi);
    }

    private final org.sheath.engine.force.RangeParallel parallel;

    @Override
    public void attach(org.sheath.engine.parallel.WorkerPool pool) {
        parallel.attach(pool);
    }

    public static PairForce14 of(FlatTopology top) {
        return new PairForce14(top.pairI, top.pairJ, top.pairC6, top.pairC12, top.pairQQ);
    }

    public int size() {
        return pi.length;
    }

    @Override
    public java.util.Set<EnergyTerm> energyTerms() {
        return java.util.EnumSet.of(EnergyTerm.LJ_14, EnergyTerm.COULOMB_14);
    }

    @Override
    public String name() {
        return "pairs-14";
    }

    @Override
    public void compute(State s, ForceAccumulator out, int flags) {
        parallel.compute(s, out);
    }

    /** The pairs [from, to) (threads take disjoint ranges). */
    private void compute(State s, ForceAccumulator out, int from, int to) {
        double elj = 0, ec = 0;
        double w00 = 0, w01 = 0, w02 = 0, w11 = 0, w12 = 0, w22 = 0;
        double[] fx = out.fx, fy = out.fy, fz = out.fz;
        final org.sheath.engine.system.Box box = s.box;
        final double ax = box.ax(), bx = box.bx(), by = box.by(), cx = box.cx(), cy = box.cy(), cz = box.cz();
        final double iax = 1 / ax, iby = 1 / by, icz = 1 / cz;
        for (int k = from; k < to; k++) {
            int i = pi[k], j = pj[k];
            // minimum image as Box.minimumImage (c, b, a), written out: threads share this force, no scratch array
            double dx = s.x[j] - s.x[i], dy = s.y[j] - s.y[i], dz = s.z[j] - s.z[i];
            double sh = Math.rint(dz * icz);
            dx -= sh * cx; dy -= sh * cy; dz -= sh * cz;
            sh = Math.rint(dy * iby);
            dx -= sh * bx; dy -= sh * by;
            dx -= Math.rint(dx * iax) * ax;
            double r2 = dx * dx + dy * dy + dz * dz;
            double rinv2 = 1.0 / r2;
            double rinv6 = rinv2 * rinv2 * rinv2;
            double vrep = c12[k] * rinv6 * rinv6, vdisp = c6[k] * rinv6;
            double rinv = Math.sqrt(rinv2);
            double vc = ONE_4PI_EPS0 * qq[k] * rinv;
            elj += vrep - vdisp;
            ec += vc;
            double fscal = (12.0 * vrep - 6.0 * vdisp + vc) * rinv2;
            double fxj = fscal * dx, fyj = fscal * dy, fzj = fscal * dz;
            fx[j] += fxj; fy[j] += fyj; fz[j] += fzj;
            fx[i] -= fxj; fy[i] -= fyj; fz[i] -= fzj;
            w00 += dx * fxj; w01 += dx * fyj; w02 += dx * fzj;
            w11 += dy * fyj; w12 += dy * fzj; w22 += dz * fzj;
        }
        double[] w = out.virial;
        w[0] += w00; w[1] += w01; w[2] += w02;
        w[3] += w01; w[4] += w11; w[5] += w12;
        w[6] += w02; w[7] += w12; w[8] += w22;
        out.addEnergy(EnergyTerm.LJ_14, elj);
        out.addEnergy(EnergyTerm.COULOMB_14, ec);
    }
}
