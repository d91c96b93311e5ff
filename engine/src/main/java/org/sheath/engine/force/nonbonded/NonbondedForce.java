package org.sheath.engine.force.nonbonded;

import static org.sheath.engine.force.ewald.EwaldTerms.ONE_4PI_EPS0;

import java.util.function.IntConsumer;
import org.sheath.engine.parallel.WorkerPool;
import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.Force;
import org.sheath.engine.force.PairSearch;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.math.Erfc;
import org.sheath.engine.system.State;
import org.sheath.forcefields.model.FlatTopology;

/**
 * The short-range non-bonded pair kernel of the Verlet scheme: Lennard-Jones from the type table and
 * the real-space part of Ewald/PME electrostatics, over the non-excluded pairs of a {@link PairList}
 * closer than the cut-off rc. For a pair at distance r &lt; rc:
 * <pre>
 *   V_LJ = C12/r¹² − C6/r⁶ − [C12/rc¹² − C6/rc⁶]          (vdw-modifier potential-shift; no bracket with none)
 *   V_C  = f·q_i·q_j·[erfc(βr)/r − erfc(βrc)/rc]          (coulomb-modifier potential-shift; no second term with none)
 * </pre>
 * with f = {@link org.sheath.engine.force.ewald.EwaldTerms#ONE_4PI_EPS0}. Energies go to "LJ (SR)" and
 * "Coulomb (SR)", the virial W = Σ r_ij ⊗ f_ij to the accumulator. The excluded-pair and self
 * corrections of Ewald are not here (see {@link org.sheath.engine.force.pme.PmeForce#gromacsVerletSplit}).
 *
 * <p>Threads: the pair list is split over the workers of a {@link WorkerPool} in atom ranges with
 * equal pair counts; each worker writes to its own force buffer, and the buffers are reduced in a fixed
 * order, so results do not depend on scheduling. Nothing is allocated per call (except when the
 * pair list grows).
 */
public final class NonbondedForce implements Force, PairSearch {
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    private final int n;
    private final double[] q;
    private final int[] type;
    private final int ntypes;
    private final double[] c6, c12, ljShift;
    private final double rc, rc2, beta, coulombShift;
    private final boolean ljShifted;
    private final PairList list;

    private WorkerPool pool;
    private int nthreads;
    private double[][] tfx, tfy, tfz;
    /** Per thread: E_LJ, E_C, W00, W01, W02, W11, W12, W22. */
    private double[][] tacc;
    private int[] bounds;
    private double[] sx = new double[27], sy = new double[27], sz = new double[27];
    private State cur;
    private ForceAccumulator curOut;
    private final IntConsumer kernelTask = this::kernel;
    private final IntConsumer reduceTask = this::reduce;

    /**
     * @param charges   per-atom charges, e
     * @param type      per-atom LJ type index
     * @param c6        C6 of type pair (a, b) at a·ntypes + b, kJ/mol nm⁶
     * @param c12       C12 likewise, kJ/mol nm¹²
     * @param beta      Ewald splitting coefficient, nm⁻¹ (0: no Coulomb at all)
     * @param buffer    pair-list buffer (rlist = rc + buffer)
     */
    public NonbondedForce(double[] charges, int[] type, int ntypes, double[] c6, double[] c12,
                          int[] exclOffsets, int[] exclAtoms, double rc, double buffer, double beta,
                          Modifier vdwModifier, Modifier coulombModifier) {
        this.n = charges.length;
        if (type.length != n) throw new IllegalArgumentException("charges and types differ in length");
        if (c6.length != ntypes * ntypes || c12.length != ntypes * ntypes) throw new IllegalArgumentException("LJ table must be ntypes²");
        this.q = charges.clone();
        this.type = type.clone();
        this.ntypes = ntypes;
        this.c6 = c6.clone();
        this.c12 = c12.clone();
        this.rc = rc;
        this.rc2 = rc * rc;
        this.beta = beta;
        this.ljShifted = vdwModifier == Modifier.POTENTIAL_SHIFT;
        this.ljShift = new double[ntypes * ntypes];
        if (ljShifted) {
            double irc6 = 1.0 / (rc2 * rc2 * rc2);
            for (int k = 0; k < ljShift.length; k++) ljShift[k] = (this.c12[k] * irc6 - this.c6[k]) * irc6;
        }
        this.coulombShift = beta > 0 && coulombModifier == Modifier.POTENTIAL_SHIFT ? Erfc.erfc(beta * rc) / rc : 0.0;
        this.list = new PairList(n, rc, buffer, exclOffsets, exclAtoms);
        setPool(new WorkerPool(1));
    }

    /** From a flat topology: its charges, LJ type table and exclusions. */
    public static NonbondedForce of(FlatTopology top, double rc, double buffer, double beta, Modifier vdw, Modifier coulomb) {
        return new NonbondedForce(top.charge, top.type, top.ntypes, top.c6, top.c12, top.exclOffsets, top.exclAtoms,
                rc, buffer, beta, vdw, coulomb);
    }

    /** Uses the workers of the pool (the pool stays owned by the caller). */
    public void setPool(WorkerPool pool) {
        this.pool = pool;
        this.nthreads = pool.threads();
        this.tfx = new double[nthreads][n];
        this.tfy = new double[nthreads][n];
        this.tfz = new double[nthreads][n];
        this.tacc = new double[nthreads][8];
        this.bounds = new int[nthreads + 1];
        if (list.builds() > 0) list.split(nthreads, bounds);
    }

    public PairList pairList() {
        return list;
    }

    @Override
    public void attach(WorkerPool pool) {
        setPool(pool);
    }

    @Override
    public java.util.Set<EnergyTerm> energyTerms() {
        return java.util.EnumSet.of(EnergyTerm.LJ_SR, EnergyTerm.COULOMB_SR); // GROMACS lists Coulomb (SR) also without charges
    }

    @Override
    public int pairCount() {
        return list.size();
    }

    @Override
    public double closestDistance() {
        return list.closestDistance();
    }

    @Override
    public int[] closestPair() {
        return list.closestPair();
    }

    @Override
    public long listBuilds() {
        return list.builds();
    }

    @Override
    public double[][] listReference() {
        return list.reference();
    }

    @Override
    public void rebuildList(double[][] ref) {
        list.build(org.sheath.engine.system.Box.fromMatrix(ref[3]), ref[0], ref[1], ref[2], ListReference.buildStep(ref));
        list.split(nthreads, bounds);
    }

    /** Rebuild the list every n steps (GROMACS's nstlist; the buffer must be sized for it), or 0: by displacement. */
    public void setListLifetime(int n) {
        list.setLifetime(n);
    }

    public double cutoff() {
        return rc;
    }

    @Override
    public String name() {
        return "nonbonded";
    }

    /** Rebuilds the pair list if needed (see {@link PairList#needsRebuild}); returns whether it did. */
    @Override
    public boolean updatePairList(State s) {
        if (!list.needsRebuild(s)) return false;
        list.build(s.box, s.x, s.y, s.z, s.step);
        list.split(nthreads, bounds);
        return true;
    }

    @Override
    public void compute(State s, ForceAccumulator out, int flags) {
        updatePairList(s);
        if (sx.length < list.shiftCount()) {
            sx = new double[list.shiftCount()];
            sy = new double[list.shiftCount()];
            sz = new double[list.shiftCount()];
        }
        list.shiftVectors(s.box, sx, sy, sz);
        cur = s;
        curOut = out;
        try {
            pool.run(kernelTask);
            pool.run(reduceTask);
        } finally {
            cur = null;
            curOut = null;
        }
        double elj = 0, ec = 0;
        double[] w = out.virial;
        for (int t = 0; t < nthreads; t++) {
            double[] a = tacc[t];
            elj += a[0];
            ec += a[1];
            w[0] += a[2]; w[1] += a[3]; w[2] += a[4];
            w[3] += a[3]; w[4] += a[5]; w[5] += a[6];
            w[6] += a[4]; w[7] += a[6]; w[8] += a[7];
        }
        out.addEnergy(EnergyTerm.LJ_SR, elj);
        out.addEnergy(EnergyTerm.COULOMB_SR, ec);
    }

    private void kernel(int t) {
        final double[] fx = tfx[t], fy = tfy[t], fz = tfz[t];
        java.util.Arrays.fill(fx, 0);
        java.util.Arrays.fill(fy, 0);
        java.util.Arrays.fill(fz, 0);
        final double[] x = cur.x, y = cur.y, z = cur.z;
        final int[] start = list.start, nbj = list.j, nbs = list.shift;
        final double[] shx = sx, shy = sy, shz = sz;
        final double b = beta, b2 = beta * beta, cutoff2 = rc2, csh = coulombShift;
        final double twoBetaOverSqrtPi = TWO_OVER_SQRT_PI * beta;
        final boolean coulomb = beta > 0;
        double elj = 0, ec = 0, w00 = 0, w01 = 0, w02 = 0, w11 = 0, w12 = 0, w22 = 0;
        for (int i = bounds[t], iEnd = bounds[t + 1]; i < iEnd; i++) {
            final double xi = x[i], yi = y[i], zi = z[i];
            final double qi = ONE_4PI_EPS0 * q[i];
            final int ti = type[i] * ntypes;
            double fxi = 0, fyi = 0, fzi = 0;
            for (int k = start[i], kEnd = start[i + 1]; k < kEnd; k++) {
                final int jj = nbj[k];
                final int s = nbs[k];
                final double dx = x[jj] + shx[s] - xi, dy = y[jj] + shy[s] - yi, dz = z[jj] + shz[s] - zi;
                final double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 >= cutoff2) continue;
                final double rinv2 = 1.0 / r2;
                final int tij = ti + type[jj];
                final double c6ij = c6[tij], c12ij = c12[tij];
                double fscal = 0;
                if (c6ij != 0 || c12ij != 0) {
                    final double rinv6 = rinv2 * rinv2 * rinv2;
                    final double vrep = c12ij * rinv6 * rinv6, vdisp = c6ij * rinv6;
                    elj += vrep - vdisp - ljShift[tij];
                    fscal = (12.0 * vrep - 6.0 * vdisp) * rinv2;
                }
                final double qq = qi * q[jj];
                if (coulomb && qq != 0) {
                    final double r = Math.sqrt(r2), rinv = 1.0 / r;
                    final double erfcr = Erfc.erfc(b * r) * rinv;
                    ec += qq * (erfcr - csh);
                    fscal += qq * (erfcr + twoBetaOverSqrtPi * Math.exp(-b2 * r2)) * rinv2;
                }
                // force on j = fscal·d (d = r_j − r_i), on i = −fscal·d; W += d ⊗ f_j
                final double fxj = fscal * dx, fyj = fscal * dy, fzj = fscal * dz;
                fx[jj] += fxj; fy[jj] += fyj; fz[jj] += fzj;
                fxi -= fxj; fyi -= fyj; fzi -= fzj;
                w00 += dx * fxj; w01 += dx * fyj; w02 += dx * fzj;
                w11 += dy * fyj; w12 += dy * fzj; w22 += dz * fzj;
            }
            fx[i] += fxi; fy[i] += fyi; fz[i] += fzi;
        }
        double[] a = tacc[t];
        a[0] = elj; a[1] = ec;
        a[2] = w00; a[3] = w01; a[4] = w02; a[5] = w11; a[6] = w12; a[7] = w22;
    }

    private void reduce(int t) {
        int from = (int) ((long) n * t / nthreads), to = (int) ((long) n * (t + 1) / nthreads);
        double[] ox = curOut.fx, oy = curOut.fy, oz = curOut.fz;
        for (int i = from; i < to; i++) {
            double ax = 0, ay = 0, az = 0;
            for (int u = 0; u < nthreads; u++) {
                ax += tfx[u][i];
                ay += tfy[u][i];
                az += tfz[u][i];
            }
            ox[i] += ax;
            oy[i] += ay;
            oz[i] += az;
        }
    }
}
