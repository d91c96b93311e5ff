package org.sheath.engine.force.pme;

import java.util.function.IntConsumer;
import org.sheath.engine.parallel.WorkerPool;


/**
 * 3-D real-to-complex FFT of any grid size.
 *
 * <p>Real grid: {@code r[(ix·ny + iy)·nz + iz]}. Half complex grid, split into real and imaginary arrays of
 * {@link #complexSize} each, last dimension halved: {@code re[(kx·ny + ky)·nzh + kz]}, nzh = nz/2 + 1,
 * kz = 0 … nz/2.
 *
 * <p>Forward: F(k) = Σ_r g(r)·exp(−2πi k·r/n). Backward (unnormalised):
 * g(r) = Σ_k F(k)·exp(+2πi k·r/n) over the full Hermitian spectrum. All three passes are {@link RowFft}
 * transforms: the strided y and x passes on whole rows of kz values per butterfly (blocks of several ky
 * rows in the x pass) in place; the contiguous z lines in blocks of 16 line pairs transposed into a
 * scratch (two real lines as one complex line, separated by symmetry). JTransforms, one line at a time,
 * took 2.5× as long on a 56³ grid (radix 7 is not among its fast radices). Scratch is allocated once;
 * {@link #forward} and {@link #backward} allocate nothing. With a {@link WorkerPool} ({@link #setPool})
 * each pass splits its lines, planes or row blocks over the threads, each thread with its own plans and
 * scratch; the blocks do not depend on the thread count and every element is computed by the same
 * operations, so the result is the same bit for bit whatever the thread count. One transform at a time
 * per instance.
 */
public final class RealFft3d {
    private final int nx, ny, nz, nzh;
    /** ky rows per block of the x pass (a block is contiguous: its rows are nx blocks of kyBlock·nzh values). */
    private final int kyBlock;
    private final RowFft rowX, rowY, rowZ;
    private Lines[] workers;
    private WorkerPool pool;
    // arguments of the current pass, for the pool tasks
    private double[] curReal, curRe, curIm;
    private boolean curForward;
    private final IntConsumer zForwardTask = t -> zForward(t), zBackwardTask = t -> zBackward(t),
            yTask = t -> transformY(t), xTask = t -> transformX(t);

    /** One thread's scratch: the z pass's transposed block and the row transforms' ping-pong rows. */
    private static final class Lines {
        final double[] zr, zi, sre, sim;

        Lines(int nz, int scratch) {
            zr = new double[nz * Z_PAIRS];
            zi = new double[nz * Z_PAIRS];
            sre = new double[scratch];
            sim = new double[scratch];
        }
    }

    public RealFft3d(int nx, int ny, int nz) {
        if (nx < 1 || ny < 1 || nz < 1) throw new IllegalArgumentException("grid sizes must be positive");
        this.nx = nx; this.ny = ny; this.nz = nz;
        this.nzh = nz / 2 + 1;
        this.kyBlock = Math.max(1, Math.min(ny, 128 / nzh));
        this.rowX = new RowFft(nx);
        this.rowY = new RowFft(ny);
        this.rowZ = new RowFft(nz);
        this.workers = new Lines[] {newLines()};
    }

    private Lines newLines() {
        return new Lines(nz, Math.max(rowZ.scratchSize(Z_PAIRS), Math.max(rowX.scratchSize(kyBlock * nzh), rowY.scratchSize(nzh))));
    }

    /** Transforms with the pool's threads (null: on the calling thread). */
    public void setPool(WorkerPool pool) {
        this.pool = pool;
        int t = pool == null ? 1 : pool.threads();
        Lines[] w = new Lines[t];
        w[0] = workers[0];
        for (int k = 1; k < t; k++) w[k] = newLines();
        workers = w;
    }

    public int realSize() { return nx * ny * nz; }

    /** Length of each of the real and imaginary arrays of the half complex grid. */
    public int complexSize() { return nx * ny * nzh; }

    public int nzHalf() { return nzh; }

    private void run(IntConsumer task) {
        if (pool == null || workers.length == 1) task.accept(0);
        else pool.run(task);
    }

    private int lo(int n, int t) {
        return (int) ((long) n * t / workers.length);
    }

    /** real (unchanged) → re, im. */
    public void forward(double[] real, double[] re, double[] im) {
        curReal = real;
        curRe = re;
        curIm = im;
        curForward = true;
        try {
            run(zForwardTask);
            if (ny > 1) run(yTask);
            if (nx > 1) run(xTask);
        } finally {
            curReal = curRe = curIm = null;
        }
    }

    /** re, im (destroyed) → real, unnormalised inverse. */
    public void backward(double[] re, double[] im, double[] real) {
        curReal = real;
        curRe = re;
        curIm = im;
        curForward = false;
        try {
            if (nx > 1) run(xTask);
            if (ny > 1) run(yTask);
            run(zBackwardTask);
        } finally {
            curReal = curRe = curIm = null;
        }
    }

    /** Line pairs per block of the z pass (fixed, so the blocks do not depend on the thread count). */
    private static final int Z_PAIRS = 16;

    private int zBlocks() {
        return (nx * ny + 2 * Z_PAIRS - 1) / (2 * Z_PAIRS);
    }

    /**
     * z transforms of thread t's blocks: each block's line pairs (two real lines as one complex line)
     * transposed into rows z of Z_PAIRS values, transformed by {@link RowFft}, separated by symmetry.
     */
    private void zForward(int t) {
        double[] real = curReal, cr = curRe, ci = curIm;
        Lines w = workers[t];
        double[] zr = w.zr, zi = w.zi;
        int lines = nx * ny, blocks = zBlocks();
        for (int blk = lo(blocks, t), bEnd = lo(blocks, t + 1); blk < bEnd; blk++) {
            int l0 = blk * 2 * Z_PAIRS, np = Math.min(Z_PAIRS, (lines - l0 + 1) / 2);
            for (int b = 0; b < np; b++) {
                int l = l0 + 2 * b, r0 = l * nz, r1 = (l + 1) * nz;
                boolean pair = l + 1 < lines;
                for (int k = 0; k < nz; k++) {
                    zr[k * Z_PAIRS + b] = real[r0 + k];
                    zi[k * Z_PAIRS + b] = pair ? real[r1 + k] : 0.0;
                }
            }
            rowZ.transform(zr, zi, 0, Z_PAIRS, np, true, w.sre, w.sim);
            for (int b = 0; b < np; b++) {
                int l = l0 + 2 * b;
                boolean pair = l + 1 < lines;
                int c0 = l * nzh, c1 = (l + 1) * nzh;
                for (int k = 0; k < nzh; k++) {
                    int nk = k == 0 ? 0 : nz - k;
                    double ar = zr[k * Z_PAIRS + b], ai = zi[k * Z_PAIRS + b];
                    double br = zr[nk * Z_PAIRS + b], bi = zi[nk * Z_PAIRS + b];
                    cr[c0 + k] = 0.5 * (ar + br);
                    ci[c0 + k] = 0.5 * (ai - bi);
                    if (pair) {
                        cr[c1 + k] = 0.5 * (ai + bi);
                        ci[c1 + k] = 0.5 * (br - ar);
                    }
                }
            }
        }
    }

    private void zBackward(int t) {
        double[] real = curReal, cr = curRe, ci = curIm;
        Lines w = workers[t];
        double[] zr = w.zr, zi = w.zi;
        int lines = nx * ny, blocks = zBlocks();
        for (int blk = lo(blocks, t), bEnd = lo(blocks, t + 1); blk < bEnd; blk++) {
            int l0 = blk * 2 * Z_PAIRS, np = Math.min(Z_PAIRS, (lines - l0 + 1) / 2);
            for (int b = 0; b < np; b++) {
                int l = l0 + 2 * b;
                boolean pair = l + 1 < lines;
                int c0 = l * nzh, c1 = (l + 1) * nzh;
                for (int k = 0; k < nz; k++) {
                    double ar, ai, br = 0, bi = 0;
                    if (k < nzh) {
                        ar = cr[c0 + k]; ai = ci[c0 + k];
                        if (pair) { br = cr[c1 + k]; bi = ci[c1 + k]; }
                    } else {
                        int kk = nz - k;
                        ar = cr[c0 + kk]; ai = -ci[c0 + kk];
                        if (pair) { br = cr[c1 + kk]; bi = -ci[c1 + kk]; }
                    }
                    zr[k * Z_PAIRS + b] = ar - bi;
                    zi[k * Z_PAIRS + b] = ai + br;
                }
            }
            rowZ.transform(zr, zi, 0, Z_PAIRS, np, false, w.sre, w.sim);
            for (int b = 0; b < np; b++) {
                int l = l0 + 2 * b, r0 = l * nz, r1 = (l + 1) * nz;
                boolean pair = l + 1 < lines;
                for (int k = 0; k < nz; k++) {
                    real[r0 + k] = zr[k * Z_PAIRS + b];
                    if (pair) real[r1 + k] = zi[k * Z_PAIRS + b];
                }
            }
        }
    }

    /** y transforms of the x planes of thread t: rows iy of nzh values. */
    private void transformY(int t) {
        Lines w = workers[t];
        for (int ix = lo(nx, t), ixEnd = lo(nx, t + 1); ix < ixEnd; ix++) {
            rowY.transform(curRe, curIm, ix * ny * nzh, nzh, nzh, curForward, w.sre, w.sim);
        }
    }

    /** x transforms of the ky blocks of thread t: rows ix of kyBlock·nzh values. */
    private void transformX(int t) {
        Lines w = workers[t];
        int blocks = (ny + kyBlock - 1) / kyBlock;
        for (int b = lo(blocks, t), bEnd = lo(blocks, t + 1); b < bEnd; b++) {
            int ky0 = b * kyBlock, width = (Math.min(ny, ky0 + kyBlock) - ky0) * nzh;
            rowX.transform(curRe, curIm, ky0 * nzh, ny * nzh, width, curForward, w.sre, w.sim);
        }
    }
}
