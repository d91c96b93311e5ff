package org.sheath.engine.force;

import java.util.function.IntConsumer;
import org.sheath.engine.parallel.WorkerPool;
import org.sheath.engine.system.State;

/**
 * Runs a force whose work is a list of items (bonded terms, excluded pairs by first atom) on the threads of
 * a {@link WorkerPool}: each thread computes a contiguous range of items. When the items' atom ranges are
 * known and the list can be cut where no atom is on both sides (terms come molecule by molecule), each
 * thread adds its forces in place, in item order, and only energies and virial are summed afterwards: the
 * forces are those of the serial loop, bit for bit, and nothing of natoms size is cleared or reduced.
 * Otherwise each thread computes into its own accumulator, and the accumulators are added to the output
 * atom by atom in thread order, so results depend on the thread count only, not on scheduling. Below
 * {@link #MIN_ITEMS} items, or on one thread, it computes in place.
 */
public final class RangeParallel {
    /** The work of items [from, to) added to out. */
    @FunctionalInterface
    public interface Kernel {
        void compute(State state, ForceAccumulator out, int from, int to);
    }

    /** Fewer items than this are not worth a fork/join. */
    public static final int MIN_ITEMS = 2000;

    private final int items;
    private final Kernel kernel;
    private WorkerPool pool;
    private ForceAccumulator[] parts;
    private State cur;
    private ForceAccumulator curOut;
    private final IntConsumer computeTask = this::computePart, reduceTask = this::reducePart;

    public RangeParallel(int items, Kernel kernel) {
        this(items, kernel, null, null);
    }

    /** With the lowest and highest atom of each item (null: unknown), for cuts between disjoint atom sets. */
    public RangeParallel(int items, Kernel kernel, int[] itemMinAtom, int[] itemMaxAtom) {
        this.items = items;
        this.kernel = kernel;
        if (itemMinAtom != null) {
            // prefixMax[k] = highest atom of items < k; suffixMin[k] = lowest atom of items ≥ k
            prefixMax = new int[items + 1];
            suffixMin = new int[items + 1];
            prefixMax[0] = -1;
            for (int k = 0; k < items; k++) prefixMax[k + 1] = Math.max(prefixMax[k], itemMaxAtom[k]);
            suffixMin[items] = Integer.MAX_VALUE;
            for (int k = items - 1; k >= 0; k--) suffixMin[k] = Math.min(suffixMin[k + 1], itemMinAtom[k]);
        } else {
            prefixMax = suffixMin = null;
        }
    }

    private final int[] prefixMax, suffixMin;
    /** Cuts for in-place threads (cuts[t] … cuts[t+1] per thread), or null. */
    private int[] cuts;
    private ForceAccumulator[] views;
    private ForceAccumulator viewsOf;
    private final IntConsumer inPlaceTask = this::inPlacePart;

    public void attach(WorkerPool pool) {
        this.pool = pool;
        this.parts = null;
        this.cuts = pool == null ? null : cuts(pool.threads());
        this.viewsOf = null;
    }

    /** Whether the threads add forces in place (cuts between disjoint atom sets were found for the pool). */
    public boolean inPlace() {
        return cuts != null;
    }

    /** Item indices near k·items/t where no atom is on both sides, or null if some cut has none nearby. */
    private int[] cuts(int t) {
        if (prefixMax == null || t < 2) return null;
        int[] c = new int[t + 1];
        c[t] = items;
        int slack = Math.max(1, items / (4 * t));
        for (int k = 1; k < t; k++) {
            int target = (int) ((long) items * k / t), found = -1;
            for (int d = 0; d <= slack && found < 0; d++) {
                for (int cand : new int[] {target - d, target + d}) {
                    if (cand > c[k - 1] && cand < items && prefixMax[cand] < suffixMin[cand]) {
                        found = cand;
                        break;
                    }
                }
            }
            if (found < 0) return null;
            c[k] = found;
        }
        return c;
    }

    public void compute(State s, ForceAccumulator out) {
        if (pool == null || pool.threads() == 1 || items < MIN_ITEMS) {
            kernel.compute(s, out, 0, items);
            return;
        }
        int t = pool.threads();
        if (cuts != null && cuts.length == t + 1) {
            computeInPlace(s, out, t);
            return;
        }
        if (parts == null || parts.length != t || parts[0].natoms != out.natoms) {
            parts = new ForceAccumulator[t];
            for (int k = 0; k < t; k++) parts[k] = new ForceAccumulator(out.natoms);
        }
        cur = s;
        curOut = out;
        try {
            pool.run(computeTask);
            pool.run(reduceTask);
        } finally {
            cur = null;
            curOut = null;
        }
        for (ForceAccumulator p : parts) {
            for (int k = 0; k < 9; k++) out.virial[k] += p.virial[k];
            for (EnergyTerm e : EnergyTerm.values()) {
                double v = p.energy(e);
                if (v != 0) out.addEnergy(e, v);
            }
        }
    }

    private void computeInPlace(State s, ForceAccumulator out, int t) {
        if (viewsOf != out) { // a view per thread onto this output's force arrays (made again only if it changes)
            views = new ForceAccumulator[t];
            for (int k = 0; k < t; k++) views[k] = new ForceAccumulator(out.fx, out.fy, out.fz);
            viewsOf = out;
        }
        cur = s;
        try {
            pool.run(inPlaceTask);
        } finally {
            cur = null;
        }
        for (ForceAccumulator v : views) out.addEnergiesAndVirial(v);
    }

    private void inPlacePart(int t) {
        ForceAccumulator v = views[t];
        v.clearEnergiesAndVirial();
        kernel.compute(cur, v, cuts[t], cuts[t + 1]);
    }

    private void computePart(int t) {
        ForceAccumulator p = parts[t];
        p.clear();
        kernel.compute(cur, p, lo(items, t), lo(items, t + 1));
    }

    private void reducePart(int t) {
        double[] ox = curOut.fx, oy = curOut.fy, oz = curOut.fz;
        for (int i = lo(curOut.natoms, t), end = lo(curOut.natoms, t + 1); i < end; i++) {
            double ax = 0, ay = 0, az = 0;
            for (ForceAccumulator p : parts) {
                ax += p.fx[i];
                ay += p.fy[i];
                az += p.fz[i];
            }
            ox[i] += ax;
            oy[i] += ay;
            oz[i] += az;
        }
    }

    private int lo(int n, int t) {
        return (int) ((long) n * t / parts.length);
    }
}
