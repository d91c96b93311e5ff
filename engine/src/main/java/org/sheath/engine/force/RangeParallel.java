package org.sheath.engine.force;

import java.util.function.IntConsumer;
import org.sheath.engine.parallel.WorkerPool;
import org.sheath.engine.system.State;

/**
 * Runs a force whose work is a list of items (bonded terms, excluded pairs by first atom) on the threads of
 * a {@link WorkerPool}: each thread computes a contiguous range of items into its own accumulator, and the
 * accumulators are added to the output atom by atom in thread order, so results depend on the thread
 * count only, not on scheduling. Below {@link #MIN_ITEMS} items, or on one thread, it computes in place.
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
        this.items = items;
        this.kernel = kernel;
    }

    public void attach(WorkerPool pool) {
        this.pool = pool;
        this.parts = null;
    }

    public void compute(State s, ForceAccumulator out) {
        if (pool == null || pool.threads() == 1 || items < MIN_ITEMS) {
            kernel.compute(s, out, 0, items);
            return;
        }
        int t = pool.threads();
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
