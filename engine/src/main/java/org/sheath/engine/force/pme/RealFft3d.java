package org.sheath.engine.force.pme;

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
 * Not thread safe (one instance per thread).
 */
public final class RealFft3d {
    private final int nx, ny, nz, nzh;
    private final DoubleFFT_1D fx, fy, fz;
    private final double[] lineX, lineY, lineZ;

    public RealFft3d(int nx, int ny, int nz) {
        if (nx < 1 || ny < 1 || nz < 1) throw new IllegalArgumentException("grid sizes must be positive");
        this.nx = nx; this.ny = ny; this.nz = nz;
        this.nzh = nz / 2 + 1;
        this.fx = new DoubleFFT_1D(nx);
        this.fy = new DoubleFFT_1D(ny);
        this.fz = new DoubleFFT_1D(nz);
        this.lineX = new double[2 * nx];
        this.lineY = new double[2 * ny];
        this.lineZ = new double[2 * nz];
    }

    public int realSize() { return nx * ny * nz; }

    public int complexSize() { return 2 * nx * ny * nzh; }

    public int nzHalf() { return nzh; }

    /** real (unchanged) → c. */
    public void forward(double[] real, double[] c) {
        int lines = nx * ny;
        double[] z = lineZ;
        for (int l = 0; l < lines; l += 2) {
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
        transformY(c, true);
        transformX(c, true);
    }

    /** c (destroyed) → real, unnormalised inverse. */
    public void backward(double[] c, double[] real) {
        transformX(c, false);
        transformY(c, false);
        int lines = nx * ny;
        double[] z = lineZ;
        for (int l = 0; l < lines; l += 2) {
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

    private void transformY(double[] c, boolean forward) {
        if (ny == 1) return;
        double[] line = lineY;
        int stride = 2 * nzh;
        for (int ix = 0; ix < nx; ix++) {
            for (int kz = 0; kz < nzh; kz++) {
                int base = 2 * (ix * ny * nzh + kz);
                for (int iy = 0; iy < ny; iy++) {
                    line[2 * iy] = c[base + iy * stride];
                    line[2 * iy + 1] = c[base + iy * stride + 1];
                }
                if (forward) fy.complexForward(line);
                else fy.complexInverse(line, false);
                for (int iy = 0; iy < ny; iy++) {
                    c[base + iy * stride] = line[2 * iy];
                    c[base + iy * stride + 1] = line[2 * iy + 1];
                }
            }
        }
    }

    private void transformX(double[] c, boolean forward) {
        if (nx == 1) return;
        double[] line = lineX;
        int stride = 2 * ny * nzh;
        for (int iy = 0; iy < ny; iy++) {
            for (int kz = 0; kz < nzh; kz++) {
                int base = 2 * (iy * nzh + kz);
                for (int ix = 0; ix < nx; ix++) {
                    line[2 * ix] = c[base + ix * stride];
                    line[2 * ix + 1] = c[base + ix * stride + 1];
                }
                if (forward) fx.complexForward(line);
                else fx.complexInverse(line, false);
                for (int ix = 0; ix < nx; ix++) {
                    c[base + ix * stride] = line[2 * ix];
                    c[base + ix * stride + 1] = line[2 * ix + 1];
                }
            }
        }
    }
}
