package org.sheath.engine.force.pme;

import java.util.function.IntConsumer;
import org.sheath.engine.parallel.WorkerPool;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * 3-D real-to-complex FFT of any grid size built from JTransforms 1-D complex transforms.
 *
 * <p>Real grid: {@code r[(ix·ny + iy)·nz + iz]}. Half complex grid (interleaved re, im), last
 * dimension halved: {@code c[2·((kx·ny + ky)·nzh + kz)]}, nzh = nz/2 + 1, kz = 0 … nz/2.
 *
 * <p>Forward: F(k) = Σ_r g(r)·exp(−2πi k·r/n). Backward (unnormalised):
 * g(r) = Σ_k F(k)·exp(+2πi k·r/n) over the full Hermitian spectrum. The z transforms of two real
 * lines are done as one complex transform (real line + i·next line) and separated by symmetry.
 * Scratch lines are allocated once; {@link #forward} and {@link #backward} allocate nothing.
 * With a {@link WorkerPool} ({@link #setPool}) each pass splits its lines over the threads, each thread
 * with its own 1-D plans and scratch lines; every line is transformed alone, so the result is the same
 * bit for bit whatever the thread count. One transform at a time per instance.
 */
public final class RealFft3d {
    private final int nx, ny, nz, nzh;
    private Lines[] workers;
    private WorkerPool pool;
    // arguments of the current pass, for the pool tasks
    private double[] curReal, curC;
    private boolean curForward;
    private final IntConsumer zForwardTask = t -> zForward(t), zBackwardTask = t -> zBackward(t),
            yTask = t -> transformY(t), xTask = t -> transformX(t);

    /** One thread's 1-D plans and scratch lines. */
    private static final class Lines {
        final DoubleFFT_1D fx, fy, fz;
        final double[] lineX, lineY, lineZ;

        Lines(int nx, int ny, int nz) {
            fx = new DoubleFFT_1D(nx);
            fy = new DoubleFFT_1D(ny);
            fz = new DoubleFFT_1D(nz);
            lineX = new double[2 * nx];
            lineY = new double[2 * ny];
            lineZ = new double[2 * nz];
        }
    }

    public RealFft3d(int nx, int ny, int nz) {
        if (nx < 1 || ny < 1 || nz < 1) throw new IllegalArgumentException("grid sizes must be positive");
        this.nx = nx; this.ny = ny; this.nz = nz;
        this.nzh = nz / 2 + 1;
        this.workers = new Lines[] {new Lines(nx, ny, nz)};
    }

    /** Transforms with the pool's threads (null: on the calling thread). */
    public void setPool(WorkerPool pool) {
        this.pool = pool;
        int t = pool == null ? 1 : pool.threads();
        Lines[] w = new Lines[t];
        w[0] = workers[0];
        for (int k = 1; k < t; k++) w[k] = new Lines(nx, ny, nz);
        workers = w;
    }

    public int realSize() { return nx * ny * nz; }

    public int complexSize() { return 2 * nx * ny * nzh; }

    public int nzHalf() { return nzh; }

    private void run(IntConsumer task) {
        if (pool == null || workers.length == 1) task.accept(0);
        else pool.run(task);
    }

    private int lo(int n, int t) {
        return (int) ((long) n * t / workers.length);
    }

    /** real (unchanged) → c. */
    public void forward(double[] real, double[] c) {
        curReal = real;
        curC = c;
        curForward = true;
        try {
            run(zForwardTask);
            if (ny > 1) run(yTask);
            if (nx > 1) run(xTask);
        } finally {
            curReal = curC = null;
        }
    }

    /** c (destroyed) → real, unnormalised inverse. */
    public void backward(double[] c, double[] real) {
        curReal = real;
        curC = c;
        curForward = false;
        try {
            if (nx > 1) run(xTask);
            if (ny > 1) run(yTask);
            run(zBackwardTask);
        } finally {
            curReal = curC = null;
        }
    }

    /** z transforms of line pairs [lo, hi) of thread t: two real lines as one complex line. */
    private void zForward(int t) {
        double[] real = curReal, c = curC;
        int lines = nx * ny, pairs = (lines + 1) / 2;
        double[] z = workers[t].lineZ;
        DoubleFFT_1D fz = workers[t].fz;
        for (int p = lo(pairs, t), pEnd = lo(pairs, t + 1); p < pEnd; p++) {
            int l = 2 * p;
            boolean pair = l + 1 < lines;
            int r0 = l * nz, r1 = (l + 1) * nz;
            for (int k = 0; k < nz; k++) {
                z[2 * k] = real[r0 + k];
                z[2 * k + 1] = pair ? real[r1 + k] : 0.0;
            }
            fz.complexForward(z);
            int c0 = 2 * l * nzh, c1 = 2 * (l + 1) * nzh;
            for (int k = 0; k < nzh; k++) {
                int nk = k == 0 ? 0 : nz - k;
                double zr = z[2 * k], zi = z[2 * k + 1], wr = z[2 * nk], wi = z[2 * nk + 1];
                c[c0 + 2 * k] = 0.5 * (zr + wr);
                c[c0 + 2 * k + 1] = 0.5 * (zi - wi);
                if (pair) {
                    c[c1 + 2 * k] = 0.5 * (zi + wi);
                    c[c1 + 2 * k + 1] = 0.5 * (wr - zr);
                }
            }
        }
    }

    private void zBackward(int t) {
        double[] real = curReal, c = curC;
        int lines = nx * ny, pairs = (lines + 1) / 2;
        double[] z = workers[t].lineZ;
        DoubleFFT_1D fz = workers[t].fz;
        for (int p = lo(pairs, t), pEnd = lo(pairs, t + 1); p < pEnd; p++) {
            int l = 2 * p;
            boolean pair = l + 1 < lines;
            int c0 = 2 * l * nzh, c1 = 2 * (l + 1) * nzh;
            for (int k = 0; k < nz; k++) {
                double ar, ai, br = 0, bi = 0;
                if (k < nzh) {
                    ar = c[c0 + 2 * k]; ai = c[c0 + 2 * k + 1];
                    if (pair) { br = c[c1 + 2 * k]; bi = c[c1 + 2 * k + 1]; }
                } else {
                    int kk = nz - k;
                    ar = c[c0 + 2 * kk]; ai = -c[c0 + 2 * kk + 1];
                    if (pair) { br = c[c1 + 2 * kk]; bi = -c[c1 + 2 * kk + 1]; }
                }
                z[2 * k] = ar - bi;
                z[2 * k + 1] = ai + br;
            }
            fz.complexInverse(z, false);
            int r0 = l * nz, r1 = (l + 1) * nz;
            for (int k = 0; k < nz; k++) {
                real[r0 + k] = z[2 * k];
                if (pair) real[r1 + k] = z[2 * k + 1];
            }
        }
    }

    /** y transforms of the x planes of thread t. */
    private void transformY(int t) {
        double[] c = curC;
        double[] line = workers[t].lineY;
        DoubleFFT_1D fy = workers[t].fy;
        int stride = 2 * nzh;
        for (int ix = lo(nx, t), ixEnd = lo(nx, t + 1); ix < ixEnd; ix++) {
            for (int kz = 0; kz < nzh; kz++) {
                int base = 2 * (ix * ny * nzh + kz);
                for (int iy = 0; iy < ny; iy++) {
                    line[2 * iy] = c[base + iy * stride];
                    line[2 * iy + 1] = c[base + iy * stride + 1];
                }
                if (curForward) fy.complexForward(line);
                else fy.complexInverse(line, false);
                for (int iy = 0; iy < ny; iy++) {
                    c[base + iy * stride] = line[2 * iy];
                    c[base + iy * stride + 1] = line[2 * iy + 1];
                }
            }
        }
    }

    /** x transforms of the y rows of thread t. */
    private void transformX(int t) {
        double[] c = curC;
        double[] line = workers[t].lineX;
        DoubleFFT_1D fx = workers[t].fx;
        int stride = 2 * ny * nzh;
        for (int iy = lo(ny, t), iyEnd = lo(ny, t + 1); iy < iyEnd; iy++) {
            for (int kz = 0; kz < nzh; kz++) {
                int base = 2 * (iy * nzh + kz);
                for (int ix = 0; ix < nx; ix++) {
                    line[2 * ix] = c[base + ix * stride];
                    line[2 * ix + 1] = c[base + ix * stride + 1];
                }
                if (curForward) fx.complexForward(line);
                else fx.complexInverse(line, false);
                for (int ix = 0; ix < nx; ix++) {
                    c[base + ix * stride] = line[2 * ix];
                    c[base + ix * stride + 1] = line[2 * ix + 1];
                }
            }
        }
    }
}
