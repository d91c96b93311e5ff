package org.sheath.engine.force.pme;

import org.sheath.engine.parallel.WorkerPool;

import static org.sheath.engine.force.ewald.EwaldTerms.ONE_4PI_EPS0;

import org.sheath.engine.force.ewald.EwaldTerms;
import org.sheath.engine.system.Box;

/**
 * Smooth particle-mesh Ewald reciprocal-space sum (Essmann et al., J. Chem. Phys. 103, 8577 (1995)):
 * the mesh part only, E_mesh = f/(2πV)·Σ_{m≠0} exp(−π²m²/β²)/m²·B(m)·|F(Q)(m)|², with forces (analytic
 * gradient of the B-spline interpolation) and the reciprocal-space virial. Self, background and
 * exclusion terms are separate (see {@link PmeForce}).
 *
 * <p>Steps: {@link #computeSplines} (fractional coordinates, B-spline weights per atom and dimension)
 * → {@link #spread} (charges onto the real grid Q) → 3-D r2c FFT → {@link #solve} (multiply by the
 * influence function, accumulate energy and virial) → c2r FFT → {@link #gather} (forces from the
 * potential grid). With a {@link WorkerPool} of several threads, splines, spreading and gathering run
 * on atom ranges in parallel (each thread spreads onto its own grid; the grids are summed element by
 * element in thread order, so the result does not depend on scheduling), and so do the FFT's line
 * transforms; the solve runs on the calling thread. Steps without the virial multiply by a cached influence function, computed
 * again only when the box or β changes. Buffers are allocated in the constructor and
 * {@link #setPool}.
 *
 * <p>Box: GROMACS lower-triangular box (rows a, b, c), triclinic allowed. The grid dimensions run
 * along a, b, c (fractional coordinates), the k-vectors are m = k_a·a* + k_b·b* + k_c·c*.
 * At Nyquist indices (even n, k = n/2) the influence function is averaged over ±n/2 so that it is
 * exactly symmetric in a triclinic box (rectangular boxes: no change).
 */
public final class PmeReciprocal {
    private final int natoms, order;
    /** Grid size (read by {@link VectorPmeGridKernel}, as are {@link #perm} and {@link #rb}). */
    final int nx, ny, nz;
    private final double[] bmodX, bmodY, bmodZ;
    private final RealFft3d fft;
    private final double[] grid, cre, cim;
    // spline data of the k-th charged atom in grid order (atom perm[k]): [k * order + j]
    private final double[] thx, thy, thz, dthx, dthy, dthz;
    private final int[] idx, idy, idz;
    /** The atoms with a charge (the others are skipped), the k-th at perm[k]. */
    final int[] perm;
    private int ncharged;
    final double[] rb = new double[6];
    private final double[] virialScratch = new double[6];
    /** Influence function G(m) per half-complex index (0 at m = 0), for the box rbCached and β betaCached. */
    private final double[] influence;
    private final double[] rbCached = new double[6];
    private double betaCached = Double.NaN, volumeCached = Double.NaN;
    private double[] savedRe, savedIm;
    private WorkerPool pool;
    /** Order-4 splines, spreading and gathering on the Vector API, or null (the scalar loops here). */
    private PmeGridKernel grid4 = PmeGridKernel.vectorOrNull();
    private double[][] threadGrids;
    // arguments of the current compute, for the pool tasks
    private double[] cx, cy, cz, cq, cfx, cfy, cfz;
    private final java.util.function.IntConsumer splineSpreadTask = this::splineSpreadPart, sumTask = this::sumGridsPart,
            gatherTask = this::gatherPart;

    public PmeReciprocal(int natoms, int nx, int ny, int nz, int order) {
        if (order < 3 || order > 12) throw new IllegalArgumentException("pme order must be 3..12: " + order);
        if (nx < order || ny < order || nz < order) {
            throw new IllegalArgumentException("PME grid " + nx + "x" + ny + "x" + nz + " smaller than the order " + order);
        }
        this.natoms = natoms;
        this.nx = nx; this.ny = ny; this.nz = nz;
        this.order = order;
        this.bmodX = BSpline.moduli(order, nx);
        this.bmodY = BSpline.moduli(order, ny);
        this.bmodZ = BSpline.moduli(order, nz);
        this.fft = new RealFft3d(nx, ny, nz);
        this.grid = new double[fft.realSize()];
        this.cre = new double[fft.complexSize()];
        this.cim = new double[fft.complexSize()];
        int np = natoms * order;
        thx = new double[np]; thy = new double[np]; thz = new double[np];
        dthx = new double[np]; dthy = new double[np]; dthz = new double[np];
        idx = new int[np]; idy = new int[np]; idz = new int[np];
        influence = new double[fft.complexSize()];
        perm = new int[natoms];
        setPool(null);
    }

    /** Runs splines, spreading and gathering on the pool's threads (per-thread grids are allocated here). */
    public void setPool(WorkerPool pool) {
        this.pool = pool;
        fft.setPool(pool);
        int t = pool == null ? 1 : pool.threads();
        threadGrids = new double[t][];
        threadGrids[0] = grid;
        for (int k = 1; k < t; k++) threadGrids[k] = new double[grid.length];
    }

    private int threads() {
        return pool == null ? 1 : pool.threads();
    }

    private void run(java.util.function.IntConsumer task) {
        if (pool == null) task.accept(0);
        else pool.run(task);
    }

    private int lo(int n, int t) {
        return (int) ((long) n * t / threads());
    }

    private void splineSpreadPart(int t) {
        int from = lo(ncharged, t), to = lo(ncharged, t + 1);
        double[] g = threadGrids[t];
        java.util.Arrays.fill(g, 0.0);
        if (grid4 != null && order == 4) { // splines computed where they are used, not stored
            grid4.spread4(this, cx, cy, cz, cq, from, to, g);
        } else {
            computeSplines(cx, cy, cz, from, to);
            spread(cq, from, to, g);
        }
    }

    private void sumGridsPart(int t) {
        int from = lo(grid.length, t), to = lo(grid.length, t + 1);
        for (int k = 1; k < threadGrids.length; k++) {
            double[] g = threadGrids[k];
            for (int i = from; i < to; i++) grid[i] += g[i];
        }
    }

    private void gatherPart(int t) {
        int from = lo(ncharged, t), to = lo(ncharged, t + 1);
        if (grid4 != null && order == 4) grid4.gather4(this, cx, cy, cz, cq, from, to, grid, cfx, cfy, cfz);
        else gather(cq, from, to, grid, cfx, cfy, cfz);
    }

    /** The scalar spreading and gathering even where the vector kernel would run (tests compare the two). */
    void useScalarLoops() {
        grid4 = null;
    }

    /** Whether order-4 spreading and gathering run on the Vector API. */
    boolean vectorGridKernel() {
        return grid4 != null;
    }

    public int order() { return order; }
    public int[] gridSize() { return new int[] {nx, ny, nz}; }

    /**
     * Mesh energy (kJ/mol) for charges q at positions x, y, z; adds forces (kJ/mol/nm) and the
     * virial W = Σ r⊗f (row-major) of the mesh energy.
     */
    public double compute(double[] x, double[] y, double[] z, double[] q, Box box, double beta,
                          double[] fx, double[] fy, double[] fz, double[] virial) {
        return compute(x, y, z, q, box, beta, fx, fy, fz, virial, true);
    }

    /** As above; without {@code withVirial} the virial loop work is skipped and nothing is added to it. */
    public double compute(double[] x, double[] y, double[] z, double[] q, Box box, double beta,
                          double[] fx, double[] fy, double[] fz, double[] virial, boolean withVirial) {
        if (q.length != natoms) throw new IllegalArgumentException("charge count " + q.length + " != " + natoms);
        EwaldTerms.reciprocalBox(box, rb);
        cx = x; cy = y; cz = z; cq = q; cfx = fx; cfy = fy; cfz = fz;
        double e;
        try {
            listCharged(q);
            run(splineSpreadTask);
            if (threadGrids.length > 1) run(sumTask);
            fft.forward(grid, cre, cim);
            java.util.Arrays.fill(virialScratch, 0.0);
            e = withVirial ? solve(box.volume(), beta, virialScratch, true) : solveCached(box.volume(), beta);
            fft.backward(cre, cim, grid);
            run(gatherTask);
        } finally {
            cx = cy = cz = cq = cfx = cfy = cfz = null;
        }
        if (!withVirial) return e;
        double[] w = virialScratch;
        virial[0] += w[0]; virial[1] += w[1]; virial[2] += w[2];
        virial[3] += w[1]; virial[4] += w[3]; virial[5] += w[4];
        virial[6] += w[2]; virial[7] += w[4]; virial[8] += w[5];
        return e;
    }

    /**
     * {@link #perm}: the atoms with a charge, in index order. (Sorted by grid column instead, so that consecutive
     * atoms share grid rows, spreading and gathering took 10 % longer: the rows stay in L2 either way.)
     */
    void listCharged(double[] q) {
        int nc = 0;
        for (int i = 0; i < natoms; i++) if (q[i] != 0) perm[nc++] = i;
        ncharged = nc;
    }

    /** Fractional coordinates, grid indices and B-spline weights/derivatives of charged atoms [from, to). */
    void computeSplines(double[] x, double[] y, double[] z, int from, int to) {
        for (int k = from; k < to; k++) {
            int i = perm[k];
            double sa = x[i] * rb[0] + y[i] * rb[1] + z[i] * rb[3];
            double sb = y[i] * rb[2] + z[i] * rb[4];
            double sc = z[i] * rb[5];
            int off = k * order;
            spline(sa, nx, off, thx, dthx, idx);
            spline(sb, ny, off, thy, dthy, idy);
            spline(sc, nz, off, thz, dthz, idz);
        }
    }

    private void spline(double s, int n, int off, double[] th, double[] dth, int[] id) {
        double u = (s - Math.floor(s)) * n;
        int base = (int) u;
        double w = u - base;
        if (base >= n) base -= n; // s - floor(s) rounded up to 1
        BSpline.weights(order, w, th, dth, off);
        for (int j = 0; j < order; j++) {
            int k = base - j;
            id[off + j] = k < 0 ? k + n : k;
        }
    }

    /** Adds the B-spline-spread charges of charged atoms [from, to) to the real grid g. */
    void spread(double[] q, int from, int to, double[] g) {
        if (order == 4) {
            spread4(q, from, to, g);
            return;
        }
        for (int k = from; k < to; k++) spreadGeneral(q[perm[k]], k, g);
    }


    /**
     * {@link #spread} for order 4 written out: the z points of an atom are idz[off] − 3 … idz[off] (descending
     * in j), one run of four unless it wraps at the grid edge (then the general loop).
     */
    private void spread4(double[] q, int from, int to, double[] g) {
        for (int k = from; k < to; k++) {
            double qi = q[perm[k]];
            int off = k * 4;
            int z0 = idz[off + 3];
            if (z0 + 3 != idz[off]) { // wraps in z
                spreadGeneral(qi, k, g);
                continue;
            }
            double t0 = thz[off + 3], t1 = thz[off + 2], t2 = thz[off + 1], t3 = thz[off];
            for (int a = 0; a < 4; a++) {
                double qa = qi * thx[off + a];
                int rowA = idx[off + a] * ny;
                for (int b = 0; b < 4; b++) {
                    double qab = qa * thy[off + b];
                    int g0 = (rowA + idy[off + b]) * nz + z0;
                    g[g0] += qab * t0;
                    g[g0 + 1] += qab * t1;
                    g[g0 + 2] += qab * t2;
                    g[g0 + 3] += qab * t3;
                }
            }
        }
    }

    /** The spread of the k-th charged atom, charge qi, any order and any wrap. */
    private void spreadGeneral(double qi, int k, double[] g) {
        int p = order, off = k * p;
        for (int a = 0; a < p; a++) {
            double qa = qi * thx[off + a];
            int rowA = idx[off + a] * ny;
            for (int b = 0; b < p; b++) {
                double qab = qa * thy[off + b];
                int row = (rowA + idy[off + b]) * nz;
                for (int c = 0; c < p; c++) g[row + idz[off + c]] += qab * thz[off + c];
            }
        }
    }

    /**
     * Multiplies the transformed charge grid by the influence function
     * G(m) = f·B(m)·exp(−π²m²/β²)/(π·V·m²) and returns E = ½·Σ_m G(m)·|F(Q)(m)|²; adds the virial
     * (upper triangle xx, xy, xz, yy, yz, zz) W_αβ = Σ_m E(m)·[δ_αβ − 2(1 + π²m²/β²)·m_α·m_β/m²].
     */
    double solve(double volume, double beta, double[] w) {
        return solve(volume, beta, w, true);
    }

    double solve(double volume, double beta, double[] w, boolean withVirial) {
        int nzh = fft.nzHalf();
        double piOverBeta2 = Math.PI * Math.PI / (beta * beta);
        double pref = ONE_4PI_EPS0 / (Math.PI * volume);
        double energy = 0;
        double w00 = 0, w01 = 0, w02 = 0, w11 = 0, w12 = 0, w22 = 0;
        double[] cr = cre, cimag = cim;
        for (int kx = 0; kx < nx; kx++) {
            boolean nyqX = 2 * kx == nx;
            int sx = kx <= nx / 2 ? kx : kx - nx;
            for (int ky = 0; ky < ny; ky++) {
                boolean nyqY = 2 * ky == ny;
                int sy = ky <= ny / 2 ? ky : ky - ny;
                double bxy = bmodX[kx] * bmodY[ky];
                int rowBase = (kx * ny + ky) * nzh;
                for (int kz = 0; kz < nzh; kz++) {
                    int ci = rowBase + kz;
                    if (kx == 0 && ky == 0 && kz == 0) {
                        cr[ci] = 0; cimag[ci] = 0;
                        continue;
                    }
                    boolean nyqZ = 2 * kz == nz;
                    double weight = (kz == 0 || nyqZ) ? 1.0 : 2.0;
                    double re = cr[ci], im = cimag[ci];
                    double s2 = re * re + im * im;
                    double bmod = bxy * bmodZ[kz];
                    // average over the sign choices of Nyquist indices (1, 2, 4 or 8 terms)
                    int nchoice = (nyqX ? 2 : 1) * (nyqY ? 2 : 1) * (nyqZ ? 2 : 1);
                    double gsum = 0;
                    for (int ch = 0; ch < nchoice; ch++) {
                        int bit = 0;
                        int mxI = sx, myI = sy, mzI = kz;
                        if (nyqX) { if (((ch >> bit) & 1) == 1) mxI = -mxI; bit++; }
                        if (nyqY) { if (((ch >> bit) & 1) == 1) myI = -myI; bit++; }
                        if (nyqZ) { if (((ch >> bit) & 1) == 1) mzI = -mzI; }
                        double mx = mxI * rb[0];
                        double my = mxI * rb[1] + myI * rb[2];
                        double mz = mxI * rb[3] + myI * rb[4] + mzI * rb[5];
                        double m2 = mx * mx + my * my + mz * mz;
                        double g = pref * bmod * Math.exp(-piOverBeta2 * m2) / (m2 * nchoice);
                        gsum += g;
                        double em = 0.5 * weight * g * s2;
                        double vfac = 2.0 * (1.0 / m2 + piOverBeta2);
                        energy += em;
                        if (!withVirial) continue;
                        w00 += em * (1 - vfac * mx * mx);
                        w01 -= em * vfac * mx * my;
                        w02 -= em * vfac * mx * mz;
                        w11 += em * (1 - vfac * my * my);
                        w12 -= em * vfac * my * mz;
                        w22 += em * (1 - vfac * mz * mz);
                    }
                    cr[ci] = re * gsum;
                    cimag[ci] = im * gsum;
                }
            }
        }
        w[0] += w00; w[1] += w01; w[2] += w02; w[3] += w11; w[4] += w12; w[5] += w22;
        return energy;
    }

    /**
     * {@link #solve} without the virial, from the cached influence function (computed first if the box or
     * β changed): E = ½·Σ w(k)·G(m)·|F(Q)(m)|², the transformed grid multiplied by G.
     */
    double solveCached(double volume, double beta) {
        boolean same = beta == betaCached && volume == volumeCached;
        for (int k = 0; k < 6 && same; k++) same = rb[k] == rbCached[k];
        if (!same) {
            // the influence function is what solve multiplies by: run it on a unit grid
            if (savedRe == null) {
                savedRe = new double[cre.length];
                savedIm = new double[cim.length];
            }
            System.arraycopy(cre, 0, savedRe, 0, cre.length);
            System.arraycopy(cim, 0, savedIm, 0, cim.length);
            java.util.Arrays.fill(cre, 1.0);
            java.util.Arrays.fill(cim, 0.0);
            solve(volume, beta, new double[6], false);
            System.arraycopy(cre, 0, influence, 0, influence.length);
            System.arraycopy(savedRe, 0, cre, 0, cre.length);
            System.arraycopy(savedIm, 0, cim, 0, cim.length);
            System.arraycopy(rb, 0, rbCached, 0, 6);
            betaCached = beta;
            volumeCached = volume;
        }
        int nzh = fft.nzHalf();
        double energy = 0;
        double[] cr = cre, ci = cim, g = influence;
        for (int row = 0, i = 0; row < nx * ny; row++) {
            // kz = 0 and (even nz) kz = nz/2 count once, the others twice (their conjugates)
            double rowSum = 0;
            for (int kz = 0; kz < nzh; kz++, i++) {
                double re = cr[i], im = ci[i];
                double e = g[i] * (re * re + im * im);
                rowSum += (kz == 0 || 2 * kz == nz) ? e : 2 * e;
                cr[i] = re * g[i];
                ci[i] = im * g[i];
            }
            energy += 0.5 * rowSum;
        }
        return energy;
    }

    /** Adds the forces on charged atoms [from, to) from the potential grid phi (the back-transformed grid). */
    void gather(double[] q, int from, int to, double[] phi, double[] fx, double[] fy, double[] fz) {
        int p = order;
        for (int k = from; k < to; k++) {
            int off = k * p;
            int z0 = idz[off + p - 1];
            if (p == 4 && z0 + 3 == idz[off]) { // order 4, no wrap in z: the four z points written out
                double ga = 0, gb = 0, gc = 0;
                double t0 = thz[off + 3], t1 = thz[off + 2], t2 = thz[off + 1], t3 = thz[off];
                double d0 = dthz[off + 3], d1 = dthz[off + 2], d2 = dthz[off + 1], d3 = dthz[off];
                for (int a = 0; a < 4; a++) {
                    double ta = thx[off + a], dta = dthx[off + a];
                    int rowA = idx[off + a] * ny;
                    for (int b = 0; b < 4; b++) {
                        double tb = thy[off + b], dtb = dthy[off + b];
                        int g0 = (rowA + idy[off + b]) * nz + z0;
                        double v0 = phi[g0], v1 = phi[g0 + 1], v2 = phi[g0 + 2], v3 = phi[g0 + 3];
                        double sc = t0 * v0 + t1 * v1 + t2 * v2 + t3 * v3;
                        double sdc = d0 * v0 + d1 * v1 + d2 * v2 + d3 * v3;
                        ga += dta * tb * sc;
                        gb += ta * dtb * sc;
                        gc += ta * tb * sdc;
                    }
                }
                addForce(q, k, ga, gb, gc, fx, fy, fz);
            } else {
                gatherGeneral(q, k, phi, fx, fy, fz);
            }
        }
    }

    /** The gather of the k-th charged atom, any order and any wrap. */
    private void gatherGeneral(double[] q, int k, double[] phi, double[] fx, double[] fy, double[] fz) {
        int p = order, off = k * p;
        double ga = 0, gb = 0, gc = 0;
        for (int a = 0; a < p; a++) {
            double ta = thx[off + a], dta = dthx[off + a];
            int rowA = idx[off + a] * ny;
            for (int b = 0; b < p; b++) {
                double tb = thy[off + b], dtb = dthy[off + b];
                int row = (rowA + idy[off + b]) * nz;
                double sc = 0, sdc = 0;
                for (int c = 0; c < p; c++) {
                    double v = phi[row + idz[off + c]];
                    sc += thz[off + c] * v;
                    sdc += dthz[off + c] * v;
                }
                ga += dta * tb * sc;
                gb += ta * dtb * sc;
                gc += ta * tb * sdc;
            }
        }
        addForce(q, k, ga, gb, gc, fx, fy, fz);
    }

    /** The force on the k-th charged atom from its potential gradient (ga, gb, gc) in grid units along a, b, c. */
    private void addForce(double[] q, int k, double ga, double gb, double gc, double[] fx, double[] fy, double[] fz) {
        int i = perm[k];
        double qi = q[i];
        // dE/du_d = q * g_d ; u_a = nx * s_a etc.; F = -grad
        double ea = qi * nx * ga, eb = qi * ny * gb, ec = qi * nz * gc;
        fx[i] -= ea * rb[0];
        fy[i] -= ea * rb[1] + eb * rb[2];
        fz[i] -= ea * rb[3] + eb * rb[4] + ec * rb[5];
    }
}
