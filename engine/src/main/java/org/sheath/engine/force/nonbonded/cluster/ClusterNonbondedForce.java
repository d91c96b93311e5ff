package org.sheath.engine.force.nonbonded.cluster;

import java.util.function.IntConsumer;
import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.Force;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.force.PairSearch;
import org.sheath.engine.force.nonbonded.ListReference;
import org.sheath.engine.force.nonbonded.Modifier;
import org.sheath.engine.parallel.WorkerPool;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.State;
import org.sheath.forcefields.model.FlatTopology;

/**
 * The fast short-range non-bonded path: the same potential as
 * {@link org.sheath.engine.force.nonbonded.NonbondedForce} (LJ with its modifier, real-space Ewald) in
 * single precision on a {@link ClusterPairList}, with energies and virial accumulated in double. The real
 * space Ewald terms come from {@link EwaldPolynomials} (no erfc, no exp per pair), C6/C12 from per-atom
 * {@link LjParameters}. Needs a rectangular box and a type table that follows one combination rule
 * ({@link #supports}); the double-precision kernel stays for everything else and for comparisons with
 * double-precision GROMACS.
 *
 * <p>The virial is W = Σ_slots x_w ⊗ F + Σ_shifts S ⊗ F_S (x_w the wrapped positions, F_S the forces on
 * j atoms of the pairs with shift S), which equals Σ_pairs d ⊗ f_j. Threads own ranges of i-clusters and
 * their own j buffers; the reduction runs in a fixed order, so forces do not depend on scheduling.
 */
public final class ClusterNonbondedForce implements Force, PairSearch {
    private final int n;
    private final double[] q;
    private final LjParameters lj;
    private final ClusterPairList list;
    private final ListReference ref;
    private final ClusterKernel kernel;
    private final double rc, beta;
    private final boolean coulombShifted, ljShifted, ewaldExclusions;
    private final EwaldPolynomials poly;
    private ClusterData data;
    private WorkerPool pool;
    private int nthreads;
    private ClusterData.Buffers[] buffers = new ClusterData.Buffers[0];
    private int[] bounds = new int[2];
    private double[][] tvir = new double[0][];
    private long builds;
    private State cur;
    private ForceAccumulator curOut;
    private boolean curEnergy, curVirial;
    /** Dynamic pruning: every {@code pruneEvery} steps (0: never) the kernels' list is the pairs within rc + the inner buffer. */
    private int pruneEvery;
    private float prune2;
    private boolean pruneNow;
    private long pruneStep = Long.MIN_VALUE, prunes;
    /** Positions, box and step of the last pruning (a restart prunes from them again); null without pruning. */
    private ListReference pruneRef;
    private final IntConsumer kernelTask = this::kernel;
    private final IntConsumer loadTask = this::loadPositions;
    private final IntConsumer reduceTask = this::reduce;

    public ClusterNonbondedForce(double[] charges, int[] type, int ntypes, double[] c6, double[] c12, int[] exclOffsets,
                                 int[] exclAtoms, double rc, double buffer, double beta, Modifier vdw, Modifier coulomb) {
        this(charges, type, ntypes, c6, c12, exclOffsets, exclAtoms, rc, buffer, beta, vdw, coulomb, false);
    }

    /**
     * @param ewaldExclusions also subtract the reciprocal-space interaction of excluded pairs closer than rc,
     *                        −f·q_i·q_j·erf(βr)/r, into "Coulomb (SR)" (GROMACS's Verlet kernels do; PME then
     *                        leaves it out). Excluded pairs beyond rc are not corrected, as in GROMACS.
     */
    public ClusterNonbondedForce(double[] charges, int[] type, int ntypes, double[] c6, double[] c12, int[] exclOffsets,
                                 int[] exclAtoms, double rc, double buffer, double beta, Modifier vdw, Modifier coulomb,
                                 boolean ewaldExclusions) {
        this.n = charges.length;
        this.q = charges.clone();
        this.lj = LjParameters.of(type, ntypes, c6, c12);
        if (lj == null) throw new IllegalArgumentException("the LJ type table follows no combination rule (NBFIX-style "
                + "pair overrides): use the reference kernel");
        this.rc = rc;
        this.beta = beta;
        this.ljShifted = vdw == Modifier.POTENTIAL_SHIFT;
        this.coulombShifted = coulomb == Modifier.POTENTIAL_SHIFT;
        this.poly = beta > 0 ? new EwaldPolynomials(beta, rc) : null;
        this.list = new ClusterPairList(n, rc + buffer, exclOffsets, exclAtoms);
        this.ewaldExclusions = ewaldExclusions && beta > 0;
        list.keepExcludedPairs(this.ewaldExclusions);
        this.ref = new ListReference(n, rc + buffer, buffer);
        this.kernel = ClusterKernel.best();
        setPool(new WorkerPool(1));
    }

    public static ClusterNonbondedForce of(FlatTopology top, double rc, double buffer, double beta, Modifier vdw, Modifier coulomb) {
        return of(top, rc, buffer, beta, vdw, coulomb, false);
    }

    public static ClusterNonbondedForce of(FlatTopology top, double rc, double buffer, double beta, Modifier vdw, Modifier coulomb,
                                           boolean ewaldExclusions) {
        return new ClusterNonbondedForce(top.charge, top.type, top.ntypes, top.c6, top.c12, top.exclOffsets, top.exclAtoms,
                rc, buffer, beta, vdw, coulomb, ewaldExclusions);
    }

    /** Whether this kernel subtracts the Ewald interaction of excluded pairs (then PME must not). */
    public boolean correctsEwaldExclusions() {
        return ewaldExclusions;
    }

    /** Whether this path can run the topology in the box (rectangular; LJ table with a combination rule). */
    public static boolean supports(FlatTopology top, Box box) {
        return box.isRectangular() && LjParameters.of(top.type, top.ntypes, top.c6, top.c12) != null;
    }

    /** Name of the kernel in use (vector with its lane count, or scalar). */
    public String kernelName() {
        return kernel.name();
    }

    @Override
    public String name() {
        return "nonbonded";
    }

    @Override
    public java.util.Set<EnergyTerm> energyTerms() {
        return java.util.EnumSet.of(EnergyTerm.LJ_SR, EnergyTerm.COULOMB_SR);
    }

    @Override
    public void attach(WorkerPool pool) {
        setPool(pool);
    }

    private void setPool(WorkerPool pool) {
        this.pool = pool;
        list.setPool(pool);
        this.nthreads = pool.threads();
        this.bounds = new int[nthreads + 1];
        this.tvir = new double[nthreads][9];
        this.buffers = new ClusterData.Buffers[nthreads];
        if (data != null) {
            for (int t = 0; t < nthreads; t++) buffers[t] = new ClusterData.Buffers(data.n16, kernel.lanes());
            list.split(nthreads, bounds);
        }
    }

    @Override
    public boolean updatePairList(State s) {
        if (!ref.needsRebuild(s)) return false;
        build(s.box, s.x, s.y, s.z, s.step);
        return true;
    }

    /** Rebuild the list every n steps (GROMACS's nstlist; the buffer must be sized for it), or 0: by displacement. */
    public void setListLifetime(int n) {
        ref.setLifetime(n);
    }

    /**
     * Dynamic pruning (GROMACS's dual pair list): the list built with rc + buffer and kept for its lifetime
     * is the outer list; on its build steps and every {@code every} steps the kernels' (inner) list is cut
     * from it to the cluster pairs with an atom pair within rc + innerBuffer at the current positions, the
     * buffer sized for {@code every} steps. {@code every} = 0 turns it off.
     */
    public void setPruning(int every, double innerBuffer) {
        if (every < 0) throw new IllegalArgumentException("prune interval must be >= 0: " + every);
        if (every > 0 && !(innerBuffer >= 0)) throw new IllegalArgumentException("inner buffer must be >= 0: " + innerBuffer);
        this.pruneEvery = every;
        double rin = rc + (every > 0 ? innerBuffer : 0);
        this.prune2 = (float) (rin * rin);
        this.pruneRef = every > 0 ? new ListReference(n, rin, innerBuffer) : null;
        if (data != null) selectPairArrays();
    }

    /** The kernels' pair arrays for the current list: pruned copies, or the list's own; no pruning done yet. */
    private void selectPairArrays() {
        if (pruneEvery > 0) data.usePrunedCopies();
        else data.useWholeList();
        pruneStep = Long.MIN_VALUE;
    }

    /** Number of prunings so far (0 without dynamic pruning). */
    public long prunes() {
        return prunes;
    }

    /** Number of cluster pairs the kernels run over: the pruned list, or the whole list. */
    public int kernelPairs() {
        if (data == null) return 0;
        long k = 0;
        for (int c = 0; c < list.nclusters; c++) k += data.pairEnd[c] - data.pairStart[c];
        return (int) k;
    }

    private void build(Box box, double[] x, double[] y, double[] z, long step) {
        list.build(box, x, y, z);
        ref.record(box, x, y, z, step);
        builds++;
        if (data == null || data.n16 < list.nclusters * 16) {
            int cap = list.nclusters + list.nclusters / 16 + 16;
            data = new ClusterData(list, cap, rc, beta, coulombShifted, ljShifted, lj.lorentzBerthelot,
                    poly == null ? new EwaldPolynomials(1, rc) : poly);
            for (int t = 0; t < nthreads; t++) buffers[t] = new ClusterData.Buffers(data.n16, kernel.lanes());
        }
        data.loadParameters(q, lj);
        list.split(nthreads, bounds);
        selectPairArrays(); // a new outer list is pruned before use
    }

    private boolean pruneDue(long step) {
        return pruneEvery > 0 && (pruneStep == Long.MIN_VALUE || step < pruneStep || (step != pruneStep && step % pruneEvery == 0));
    }

    private void recordPrune(Box box, double[] x, double[] y, double[] z, long step) {
        pruneRef.record(box, x, y, z, step);
        pruneStep = step;
        prunes++;
    }

    @Override
    public void compute(State s, ForceAccumulator out, int flags) {
        updatePairList(s);
        cur = s;
        curOut = out;
        curEnergy = (flags & ENERGY) != 0;
        curVirial = (flags & VIRIAL) != 0;
        pruneNow = pruneDue(s.step);
        if (pruneNow) recordPrune(s.box, s.x, s.y, s.z, s.step);
        try {
            pool.run(loadTask);
            pool.run(kernelTask);
            pool.run(reduceTask);
        } finally {
            cur = null;
            curOut = null;
        }
        if (curEnergy) {
            double elj = 0, ec = 0;
            for (ClusterData.Buffers b : buffers) {
                elj += b.elj;
                ec += b.ec;
            }
            out.addEnergy(EnergyTerm.LJ_SR, elj);
            out.addEnergy(EnergyTerm.COULOMB_SR, ec);
        }
        if (curVirial) addVirial(s.box, out.virial);
    }

    private void loadPositions(int t) {
        data.loadPositions(cur, (int) ((long) list.nclusters * t / nthreads), (int) ((long) list.nclusters * (t + 1) / nthreads));
    }

    private void kernel(int t) {
        ClusterData.Buffers b = buffers[t];
        // a thread prunes the i-clusters it computes: no barrier between the two
        if (pruneNow) kernel.prune(data, bounds[t], bounds[t + 1], prune2);
        b.clear(list.nclusters * 16);
        kernel.run(data, bounds[t], bounds[t + 1], b, curEnergy, curVirial);
    }

    /** Forces of clusters in the thread's share, summed over threads in a fixed order, into the output. */
    private void reduce(int t) {
        int from = (int) ((long) list.nclusters * t / nthreads), to = (int) ((long) list.nclusters * (t + 1) / nthreads);
        int[] atom = list.atomOfSlot;
        double[] ox = curOut.fx, oy = curOut.fy, oz = curOut.fz;
        double[] x = cur.x, y = cur.y, z = cur.z;
        double lx = cur.box.ax(), ly = cur.box.by(), lz = cur.box.cz();
        double[] w = tvir[t];
        java.util.Arrays.fill(w, 0);
        int owner = 0;
        for (int c = from; c < to; c++) {
            while (c >= bounds[owner + 1]) owner++;
            ClusterData.Buffers bi = buffers[owner];
            for (int a = 0; a < 4; a++) {
                int i = atom[c * 4 + a];
                if (i < 0) continue;
                int i0 = c * 16 + a * 4;
                double fx = (double) bi.fix[i0] + bi.fix[i0 + 1] + bi.fix[i0 + 2] + bi.fix[i0 + 3];
                double fy = (double) bi.fiy[i0] + bi.fiy[i0 + 1] + bi.fiy[i0 + 2] + bi.fiy[i0 + 3];
                double fz = (double) bi.fiz[i0] + bi.fiz[i0 + 1] + bi.fiz[i0 + 2] + bi.fiz[i0 + 3];
                for (ClusterData.Buffers b : buffers) {
                    for (int r = 0; r < 4; r++) {
                        int j = c * 16 + r * 4 + a;
                        fx += b.fjx[j];
                        fy += b.fjy[j];
                        fz += b.fjz[j];
                    }
                }
                ox[i] += fx;
                oy[i] += fy;
                oz[i] += fz;
                if (curVirial) {
                    double px = x[i] + list.imgX[i] * lx, py = y[i] + list.imgY[i] * ly, pz = z[i] + list.imgZ[i] * lz;
                    w[0] += px * fx; w[1] += px * fy; w[2] += px * fz;
                    w[3] += py * fx; w[4] += py * fy; w[5] += py * fz;
                    w[6] += pz * fx; w[7] += pz * fy; w[8] += pz * fz;
                }
            }
        }
    }

    private void addVirial(Box box, double[] out) {
        double[] w = new double[9];
        for (double[] tv : tvir) for (int k = 0; k < 9; k++) w[k] += tv[k];
        for (int s = 0; s < 27; s++) {
            if (s == ClusterPairList.CENTER_SHIFT) continue;
            double fx = 0, fy = 0, fz = 0;
            for (ClusterData.Buffers b : buffers) {
                fx += b.dshx[s];
                fy += b.dshy[s];
                fz += b.dshz[s];
            }
            double sx = ClusterPairList.shiftX(s, box.ax()), sy = ClusterPairList.shiftY(s, box.by()), sz = ClusterPairList.shiftZ(s, box.cz());
            w[0] += sx * fx; w[1] += sx * fy; w[2] += sx * fz;
            w[3] += sy * fx; w[4] += sy * fy; w[5] += sy * fz;
            w[6] += sz * fx; w[7] += sz * fy; w[8] += sz * fz;
        }
        // Σ d ⊗ f is symmetric for central forces; symmetrise the rounding
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) out[3 * a + b] += 0.5 * (w[3 * a + b] + w[3 * b + a]);
        }
    }

    @Override
    public int pairCount() {
        return list.atomPairs();
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
        return builds;
    }

    /** The outer list's reference and, with pruning, the positions, box and step of the last pruning. */
    @Override
    public double[][] listReference() {
        double[][] r = ref.copy();
        if (r == null || pruneEvery == 0 || pruneStep == Long.MIN_VALUE) return r;
        double[][] p = pruneRef.copy();
        double[][] all = java.util.Arrays.copyOf(r, r.length + p.length);
        System.arraycopy(p, 0, all, r.length, p.length);
        return all;
    }

    /** Arrays of a {@link ListReference#copy}: outer list, then the pruning's. */
    private static final int REFERENCE_ARRAYS = 5;

    @Override
    public void rebuildList(double[][] r) {
        build(Box.fromMatrix(r[3]), r[0], r[1], r[2], ListReference.buildStep(r));
        if (pruneEvery > 0 && r.length >= 2 * REFERENCE_ARRAYS) { // the saved run's inner list, pruned again from its positions
            double[][] p = java.util.Arrays.copyOfRange(r, REFERENCE_ARRAYS, r.length);
            Box pb = Box.fromMatrix(p[3]);
            data.loadPositions(pb, p[0], p[1], p[2], 0, list.nclusters);
            kernel.prune(data, 0, list.nclusters, prune2);
            recordPrune(pb, p[0], p[1], p[2], ListReference.buildStep(p));
        }
    }

    public ClusterPairList clusterList() {
        return list;
    }
}
