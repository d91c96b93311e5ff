package org.sheath.engine.force.pme;

/**
 * A 1-D complex FFT of length n applied to many lines at once: the n elements of the transform are rows
 * of {@code width} complex numbers (split real and imaginary arrays, row e at base + e·rowStride), and
 * every butterfly is a loop along the row. That is the layout of the strided dimensions of a 3-D grid,
 * transformed here without copying lines out one by one, and the row loops are plain array loops the
 * JIT vectorises (one line at a time, JTransforms spent 10 ns per point on the strided passes).
 *
 * <p>Self-sorting (Stockham) mixed-radix passes, decimation in frequency: radix 4 and 2 butterflies, radix 3, 5,
 * 7, 11 and 13 with the values in registers (the primes of GROMACS's grid list), and a paired direct DFT for any
 * other prime factor. Forward: X(k) = Σ x(j)·e^{−2πijk/n};
 * inverse unnormalised with e^{+2πijk/n}. Twiddles are computed in the constructor; the scratch rows are
 * the caller's (one instance may serve threads that each pass their own scratch). With the Vector API the
 * radix-2, 4, 3, 5 and 7 passes run on vectors along the row ({@link RowFftPasses}; identical results).
 */
final class RowFft {
    final int n;
    private final int[] radix;
    /** Per pass: the twiddles cos, sin of 2π·p·j/len for p &lt; m, j &lt; r (len the pass's sub-length). */
    private final double[][] twCos, twSin;
    /** Per radix r used by a generic pass: cos, sin of 2π·t/r. */
    private final double[][] rootCos, rootSin;
    private static final RowFftPasses VECTOR = RowFftPasses.vectorOrNull();
    /** The vector passes of radix 2, 4, 3, 5, 7 (same result bit for bit), or null for the scalar ones. */
    private RowFftPasses vector = VECTOR;

    RowFft(int n) {
        if (n < 1) throw new IllegalArgumentException("FFT length must be positive: " + n);
        this.n = n;
        this.radix = factor(n);
        twCos = new double[radix.length][];
        twSin = new double[radix.length][];
        rootCos = new double[radix.length][];
        rootSin = new double[radix.length][];
        int len = n;
        for (int pass = 0; pass < radix.length; pass++) {
            int r = radix[pass], m = len / r;
            twCos[pass] = new double[m * r];
            twSin[pass] = new double[m * r];
            for (int p = 0; p < m; p++) {
                for (int j = 0; j < r; j++) {
                    double a = 2 * Math.PI * ((long) p * j % len) / len;
                    twCos[pass][p * r + j] = Math.cos(a);
                    twSin[pass][p * r + j] = Math.sin(a);
                }
            }
            if (r != 2 && r != 4) { // odd radices: the r-th roots of unity
                rootCos[pass] = new double[r];
                rootSin[pass] = new double[r];
                for (int t = 0; t < r; t++) {
                    rootCos[pass][t] = Math.cos(2 * Math.PI * t / r);
                    rootSin[pass][t] = Math.sin(2 * Math.PI * t / r);
                }
            }
            len = m;
        }
    }

    /** The scalar passes even where the vector ones would run (tests compare the two). */
    void useScalarPasses() {
        vector = null;
    }

    boolean vectorPasses() {
        return vector != null;
    }

    /** Radix-4 passes first, then 2, then the odd primes in increasing order. */
    static int[] factor(int n) {
        java.util.List<Integer> f = new java.util.ArrayList<>();
        int k = n;
        while (k % 4 == 0) { f.add(4); k /= 4; }
        while (k % 2 == 0) { f.add(2); k /= 2; }
        for (int p = 3; k > 1; p += 2) {
            while (k % p == 0) { f.add(p); k /= p; }
            if ((long) p * p > k && k > 1) { f.add(k); k = 1; }
        }
        return f.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Rows of scratch needed: n rows of width. */
    int scratchSize(int width) {
        return n * width;
    }

    /**
     * Transforms in place the n rows re/im[base + e·rowStride + i], i &lt; width, using scratch arrays of at
     * least {@link #scratchSize} (rows packed with stride width).
     */
    void transform(double[] re, double[] im, int base, int rowStride, int width, boolean forward, double[] sre, double[] sim) {
        if (n == 1) return;
        double sign = forward ? -1 : 1;
        // columns [0, v) on vectors, [v, width) scalar: a pass's columns are independent
        final int v = vector == null ? 0 : vector.loopBound(width);
        // ping-pong between the grid rows (A) and the scratch (B)
        double[] xr = re, xi = im, yr = sre, yi = sim;
        int xBase = base, xStride = rowStride, yBase = 0, yStride = width;
        int len = n, s = 1;
        for (int pass = 0; pass < radix.length; pass++) {
            int r = radix[pass], m = len / r;
            switch (r) {
                case 4 -> {
                    if (v > 0) vector.pass4(xr, xi, xBase, xStride, yr, yi, yBase, yStride, v, m, s, twCos[pass], twSin[pass], sign);
                    if (v < width) pass4(xr, xi, xBase + v, xStride, yr, yi, yBase + v, yStride, width - v, m, s, twCos[pass], twSin[pass], sign);
                }
                case 2 -> {
                    if (v > 0) vector.pass2(xr, xi, xBase, xStride, yr, yi, yBase, yStride, v, m, s, twCos[pass], twSin[pass], sign);
                    if (v < width) pass2(xr, xi, xBase + v, xStride, yr, yi, yBase + v, yStride, width - v, m, s, twCos[pass], twSin[pass], sign);
                }
                case 11 -> pass11(xr, xi, xBase, xStride, yr, yi, yBase, yStride, width, m, s, twCos[pass], twSin[pass],
                        rootCos[pass], rootSin[pass], sign);
                case 13 -> pass13(xr, xi, xBase, xStride, yr, yi, yBase, yStride, width, m, s, twCos[pass], twSin[pass],
                        rootCos[pass], rootSin[pass], sign);
                case 3, 5, 7 -> {
                    if (v > 0) vector.passOdd(r, xr, xi, xBase, xStride, yr, yi, yBase, yStride, v, m, s, twCos[pass], twSin[pass],
                            rootCos[pass], rootSin[pass], sign);
                    if (v < width) passOdd(r, xr, xi, xBase + v, xStride, yr, yi, yBase + v, yStride, width - v, m, s, twCos[pass],
                            twSin[pass], rootCos[pass], rootSin[pass], sign);
                }
                default -> passGeneric(r, xr, xi, xBase, xStride, yr, yi, yBase, yStride, width, m, s, twCos[pass], twSin[pass],
                        rootCos[pass], rootSin[pass], sign);
            }
            // swap roles
            double[] tr = xr, ti = xi;
            xr = yr; xi = yi; yr = tr; yi = ti;
            int tb = xBase, ts = xStride;
            xBase = yBase; xStride = yStride; yBase = tb; yStride = ts;
            len = m;
            s *= r;
        }
        if (xr != re) { // result in the scratch: copy back
            for (int e = 0; e < n; e++) {
                System.arraycopy(xr, xBase + e * xStride, re, base + e * rowStride, width);
                System.arraycopy(xi, xBase + e * xStride, im, base + e * rowStride, width);
            }
        }
    }

    // Stockham DIF pass: for p < m, q < s: a_k = x[q + s(p + k m)], y[q + s(r p + j)] = w_len^{p j} Σ_k a_k w_r^{j k}

    private static void pass2(double[] xr, double[] xi, int xb, int xs, double[] yr, double[] yi, int yb, int ys, int w,
                              int m, int s, double[] tc, double[] ts, double sign) {
        for (int p = 0; p < m; p++) {
            double c = tc[p * 2 + 1], sn = sign * ts[p * 2 + 1];
            for (int q = 0; q < s; q++) {
                int a0 = xb + (q + s * p) * xs, a1 = xb + (q + s * (p + m)) * xs;
                int b0 = yb + (q + s * (2 * p)) * ys, b1 = yb + (q + s * (2 * p + 1)) * ys;
                if (p == 0) {
                    for (int i = 0; i < w; i++) {
                        double ur = xr[a0 + i], ui = xi[a0 + i], vr = xr[a1 + i], vi = xi[a1 + i];
                        yr[b0 + i] = ur + vr; yi[b0 + i] = ui + vi;
                        yr[b1 + i] = ur - vr; yi[b1 + i] = ui - vi;
                    }
                } else {
                    for (int i = 0; i < w; i++) {
                        double ur = xr[a0 + i], ui = xi[a0 + i], vr = xr[a1 + i], vi = xi[a1 + i];
                        double dr = ur - vr, di = ui - vi;
                        yr[b0 + i] = ur + vr; yi[b0 + i] = ui + vi;
                        yr[b1 + i] = dr * c - di * sn; yi[b1 + i] = dr * sn + di * c;
                    }
                }
            }
        }
    }

    private static void pass4(double[] xr, double[] xi, int xb, int xs, double[] yr, double[] yi, int yb, int ys, int w,
                              int m, int s, double[] tc, double[] ts, double sign) {
        for (int p = 0; p < m; p++) {
            double c1 = tc[p * 4 + 1], s1 = sign * ts[p * 4 + 1];
            double c2 = tc[p * 4 + 2], s2 = sign * ts[p * 4 + 2];
            double c3 = tc[p * 4 + 3], s3 = sign * ts[p * 4 + 3];
            for (int q = 0; q < s; q++) {
                int a0 = xb + (q + s * p) * xs, a1 = xb + (q + s * (p + m)) * xs;
                int a2 = xb + (q + s * (p + 2 * m)) * xs, a3 = xb + (q + s * (p + 3 * m)) * xs;
                int b0 = yb + (q + s * (4 * p)) * ys, b1 = yb + (q + s * (4 * p + 1)) * ys;
                int b2 = yb + (q + s * (4 * p + 2)) * ys, b3 = yb + (q + s * (4 * p + 3)) * ys;
                for (int i = 0; i < w; i++) {
                    double x0r = xr[a0 + i], x0i = xi[a0 + i], x1r = xr[a1 + i], x1i = xi[a1 + i];
                    double x2r = xr[a2 + i], x2i = xi[a2 + i], x3r = xr[a3 + i], x3i = xi[a3 + i];
                    double t0r = x0r + x2r, t0i = x0i + x2i, t1r = x0r - x2r, t1i = x0i - x2i;
                    double t2r = x1r + x3r, t2i = x1i + x3i, t3r = x1r - x3r, t3i = x1i - x3i;
                    // ±i·t3 with the transform's sign: y1 = t1 + sign·i·t3, y3 = t1 − sign·i·t3
                    double jr = -sign * t3i, ji = sign * t3r;
                    double y0r = t0r + t2r, y0i = t0i + t2i;
                    double y2r = t0r - t2r, y2i = t0i - t2i;
                    double y1r = t1r + jr, y1i = t1i + ji;
                    double y3r = t1r - jr, y3i = t1i - ji;
                    yr[b0 + i] = y0r; yi[b0 + i] = y0i;
                    yr[b1 + i] = y1r * c1 - y1i * s1; yi[b1 + i] = y1r * s1 + y1i * c1;
                    yr[b2 + i] = y2r * c2 - y2i * s2; yi[b2 + i] = y2r * s2 + y2i * c2;
                    yr[b3 + i] = y3r * c3 - y3i * s3; yi[b3 + i] = y3r * s3 + y3i * c3;
                }
            }
        }
    }

    /**
     * Radix 3, 5 or 7 with the values in registers: the inputs paired as u_k = a_k + a_{r−k}, v_k = a_k − a_{r−k}
     * (k = 1 … h, h = (r−1)/2), then y_j = a_0 + Σ_k u_k·cos(2πjk/r) + sign·i·Σ_k v_k·sin(2πjk/r) and y_{r−j}
     * with the sine part negated: h² real products per pair of outputs instead of r² complex ones, and one
     * pass over the rows instead of r (the generic pass re-reads each output row r times).
     */
    private static void passOdd(int r, double[] xr, double[] xi, int xb, int xs, double[] yr, double[] yi, int yb, int ys,
                                int w, int m, int s, double[] tc, double[] ts, double[] rc, double[] rs, double sign) {
        double c1 = rc[1], s1 = sign * rs[1], c2 = rc[2 % r], s2 = sign * rs[2 % r], c3 = rc[3 % r], s3 = sign * rs[3 % r];
        for (int p = 0; p < m; p++) {
            for (int q = 0; q < s; q++) {
                int a0 = xb + (q + s * p) * xs, b0 = yb + (q + s * (r * p)) * ys;
                if (r == 3) {
                    int a1 = xb + (q + s * (p + m)) * xs, a2 = xb + (q + s * (p + 2 * m)) * xs;
                    int b1 = yb + (q + s * (r * p + 1)) * ys, b2 = yb + (q + s * (r * p + 2)) * ys;
                    for (int i = 0; i < w; i++) {
                        double x0r = xr[a0 + i], x0i = xi[a0 + i];
                        double ur = xr[a1 + i] + xr[a2 + i], ui = xi[a1 + i] + xi[a2 + i];
                        double vr = xr[a1 + i] - xr[a2 + i], vi = xi[a1 + i] - xi[a2 + i];
                        double er = x0r + c1 * ur, ei = x0i + c1 * ui; // cos part
                        double or = -s1 * vi, oi = s1 * vr;          // i·sin part
                        yr[b0 + i] = x0r + ur; yi[b0 + i] = x0i + ui;
                        yr[b1 + i] = er + or; yi[b1 + i] = ei + oi;
                        yr[b2 + i] = er - or; yi[b2 + i] = ei - oi;
                    }
                } else if (r == 5) {
                    int a1 = xb + (q + s * (p + m)) * xs, a2 = xb + (q + s * (p + 2 * m)) * xs;
                    int a3 = xb + (q + s * (p + 3 * m)) * xs, a4 = xb + (q + s * (p + 4 * m)) * xs;
                    int b1 = yb + (q + s * (r * p + 1)) * ys, b2 = yb + (q + s * (r * p + 2)) * ys;
                    int b3 = yb + (q + s * (r * p + 3)) * ys, b4 = yb + (q + s * (r * p + 4)) * ys;
                    for (int i = 0; i < w; i++) {
                        double x0r = xr[a0 + i], x0i = xi[a0 + i];
                        double u1r = xr[a1 + i] + xr[a4 + i], u1i = xi[a1 + i] + xi[a4 + i];
                        double v1r = xr[a1 + i] - xr[a4 + i], v1i = xi[a1 + i] - xi[a4 + i];
                        double u2r = xr[a2 + i] + xr[a3 + i], u2i = xi[a2 + i] + xi[a3 + i];
                        double v2r = xr[a2 + i] - xr[a3 + i], v2i = xi[a2 + i] - xi[a3 + i];
                        // j = 1: cos(2π/5), cos(4π/5); j = 2: cos(4π/5), cos(8π/5) = cos(2π/5); sines likewise
                        double e1r = x0r + c1 * u1r + c2 * u2r, e1i = x0i + c1 * u1i + c2 * u2i;
                        double e2r = x0r + c2 * u1r + c1 * u2r, e2i = x0i + c2 * u1i + c1 * u2i;
                        double o1r = -(s1 * v1i + s2 * v2i), o1i = s1 * v1r + s2 * v2r;
                        double o2r = -(s2 * v1i - s1 * v2i), o2i = s2 * v1r - s1 * v2r;
                        yr[b0 + i] = x0r + u1r + u2r; yi[b0 + i] = x0i + u1i + u2i;
                        yr[b1 + i] = e1r + o1r; yi[b1 + i] = e1i + o1i;
                        yr[b4 + i] = e1r - o1r; yi[b4 + i] = e1i - o1i;
                        yr[b2 + i] = e2r + o2r; yi[b2 + i] = e2i + o2i;
                        yr[b3 + i] = e2r - o2r; yi[b3 + i] = e2i - o2i;
                    }
                } else { // 7
                    int a1 = xb + (q + s * (p + m)) * xs, a2 = xb + (q + s * (p + 2 * m)) * xs, a3 = xb + (q + s * (p + 3 * m)) * xs;
                    int a4 = xb + (q + s * (p + 4 * m)) * xs, a5 = xb + (q + s * (p + 5 * m)) * xs, a6 = xb + (q + s * (p + 6 * m)) * xs;
                    int b1 = yb + (q + s * (r * p + 1)) * ys, b2 = yb + (q + s * (r * p + 2)) * ys, b3 = yb + (q + s * (r * p + 3)) * ys;
                    int b4 = yb + (q + s * (r * p + 4)) * ys, b5 = yb + (q + s * (r * p + 5)) * ys, b6 = yb + (q + s * (r * p + 6)) * ys;
                    for (int i = 0; i < w; i++) {
                        double x0r = xr[a0 + i], x0i = xi[a0 + i];
                        double u1r = xr[a1 + i] + xr[a6 + i], u1i = xi[a1 + i] + xi[a6 + i];
                        double v1r = xr[a1 + i] - xr[a6 + i], v1i = xi[a1 + i] - xi[a6 + i];
                        double u2r = xr[a2 + i] + xr[a5 + i], u2i = xi[a2 + i] + xi[a5 + i];
                        double v2r = xr[a2 + i] - xr[a5 + i], v2i = xi[a2 + i] - xi[a5 + i];
                        double u3r = xr[a3 + i] + xr[a4 + i], u3i = xi[a3 + i] + xi[a4 + i];
                        double v3r = xr[a3 + i] - xr[a4 + i], v3i = xi[a3 + i] - xi[a4 + i];
                        // angle index j·k mod 7 folded to 1..3 (cos even; sin odd: 4, 5, 6 → −3, −2, −1)
                        double e1r = x0r + c1 * u1r + c2 * u2r + c3 * u3r, e1i = x0i + c1 * u1i + c2 * u2i + c3 * u3i;
                        double e2r = x0r + c2 * u1r + c3 * u2r + c1 * u3r, e2i = x0i + c2 * u1i + c3 * u2i + c1 * u3i;
                        double e3r = x0r + c3 * u1r + c1 * u2r + c2 * u3r, e3i = x0i + c3 * u1i + c1 * u2i + c2 * u3i;
                        double t1r = s1 * v1r + s2 * v2r + s3 * v3r, t1i = s1 * v1i + s2 * v2i + s3 * v3i;
                        double t2r = s2 * v1r - s3 * v2r - s1 * v3r, t2i = s2 * v1i - s3 * v2i - s1 * v3i;
                        double t3r = s3 * v1r - s1 * v2r + s2 * v3r, t3i = s3 * v1i - s1 * v2i + s2 * v3i;
                        yr[b0 + i] = x0r + u1r + u2r + u3r; yi[b0 + i] = x0i + u1i + u2i + u3i;
                        yr[b1 + i] = e1r - t1i; yi[b1 + i] = e1i + t1r;
                        yr[b6 + i] = e1r + t1i; yi[b6 + i] = e1i - t1r;
                        yr[b2 + i] = e2r - t2i; yi[b2 + i] = e2i + t2r;
                        yr[b5 + i] = e2r + t2i; yi[b5 + i] = e2i - t2r;
                        yr[b3 + i] = e3r - t3i; yi[b3 + i] = e3i + t3r;
                        yr[b4 + i] = e3r + t3i; yi[b4 + i] = e3i - t3r;
                    }
                }
                if (p != 0) twiddle(r, yr, yi, yb, ys, w, s, p, q, tc, ts, sign);
            }
        }
    }

    /** Radix 11 with the values in registers, as {@link #passOdd} (written out by engine/src/test/scripts/rowfft_radix.py; cos/sin of 2πk/11 folded to k ≤ 5). */
    private static void pass11(double[] xr, double[] xi, int xb, int xs, double[] yr, double[] yi, int yb, int ys, int w,
                               int m, int s, double[] tc, double[] ts, double[] rc, double[] rs, double sign) {
        final double c1 = rc[1], c2 = rc[2], c3 = rc[3], c4 = rc[4], c5 = rc[5];
        final double s1 = sign * rs[1], s2 = sign * rs[2], s3 = sign * rs[3], s4 = sign * rs[4], s5 = sign * rs[5];
        for (int p = 0; p < m; p++) {
            for (int q = 0; q < s; q++) {
                final int a0 = xb + (q + s * (p + 0 * m)) * xs, b0 = yb + (q + s * (11 * p + 0)) * ys;
                final int a1 = xb + (q + s * (p + 1 * m)) * xs, b1 = yb + (q + s * (11 * p + 1)) * ys;
                final int a2 = xb + (q + s * (p + 2 * m)) * xs, b2 = yb + (q + s * (11 * p + 2)) * ys;
                final int a3 = xb + (q + s * (p + 3 * m)) * xs, b3 = yb + (q + s * (11 * p + 3)) * ys;
                final int a4 = xb + (q + s * (p + 4 * m)) * xs, b4 = yb + (q + s * (11 * p + 4)) * ys;
                final int a5 = xb + (q + s * (p + 5 * m)) * xs, b5 = yb + (q + s * (11 * p + 5)) * ys;
                final int a6 = xb + (q + s * (p + 6 * m)) * xs, b6 = yb + (q + s * (11 * p + 6)) * ys;
                final int a7 = xb + (q + s * (p + 7 * m)) * xs, b7 = yb + (q + s * (11 * p + 7)) * ys;
                final int a8 = xb + (q + s * (p + 8 * m)) * xs, b8 = yb + (q + s * (11 * p + 8)) * ys;
                final int a9 = xb + (q + s * (p + 9 * m)) * xs, b9 = yb + (q + s * (11 * p + 9)) * ys;
                final int a10 = xb + (q + s * (p + 10 * m)) * xs, b10 = yb + (q + s * (11 * p + 10)) * ys;
                for (int i = 0; i < w; i++) {
                    final double x0r = xr[a0 + i], x0i = xi[a0 + i];
                    final double u1r = xr[a1 + i] + xr[a10 + i], u1i = xi[a1 + i] + xi[a10 + i];
                    final double v1r = xr[a1 + i] - xr[a10 + i], v1i = xi[a1 + i] - xi[a10 + i];
                    final double u2r = xr[a2 + i] + xr[a9 + i], u2i = xi[a2 + i] + xi[a9 + i];
                    final double v2r = xr[a2 + i] - xr[a9 + i], v2i = xi[a2 + i] - xi[a9 + i];
                    final double u3r = xr[a3 + i] + xr[a8 + i], u3i = xi[a3 + i] + xi[a8 + i];
                    final double v3r = xr[a3 + i] - xr[a8 + i], v3i = xi[a3 + i] - xi[a8 + i];
                    final double u4r = xr[a4 + i] + xr[a7 + i], u4i = xi[a4 + i] + xi[a7 + i];
                    final double v4r = xr[a4 + i] - xr[a7 + i], v4i = xi[a4 + i] - xi[a7 + i];
                    final double u5r = xr[a5 + i] + xr[a6 + i], u5i = xi[a5 + i] + xi[a6 + i];
                    final double v5r = xr[a5 + i] - xr[a6 + i], v5i = xi[a5 + i] - xi[a6 + i];
                    yr[b0 + i] = x0r + u1r + u2r + u3r + u4r + u5r; yi[b0 + i] = x0i + u1i + u2i + u3i + u4i + u5i;
                    final double e1r = x0r + c1 * u1r + c2 * u2r + c3 * u3r + c4 * u4r + c5 * u5r, e1i = x0i + c1 * u1i + c2 * u2i + c3 * u3i + c4 * u4i + c5 * u5i;
                    final double t1r = s1 * v1r + s2 * v2r + s3 * v3r + s4 * v4r + s5 * v5r, t1i = s1 * v1i + s2 * v2i + s3 * v3i + s4 * v4i + s5 * v5i;
                    yr[b1 + i] = e1r - t1i; yi[b1 + i] = e1i + t1r;
                    yr[b10 + i] = e1r + t1i; yi[b10 + i] = e1i - t1r;
                    final double e2r = x0r + c2 * u1r + c4 * u2r + c5 * u3r + c3 * u4r + c1 * u5r, e2i = x0i + c2 * u1i + c4 * u2i + c5 * u3i + c3 * u4i + c1 * u5i;
                    final double t2r = s2 * v1r + s4 * v2r - s5 * v3r - s3 * v4r - s1 * v5r, t2i = s2 * v1i + s4 * v2i - s5 * v3i - s3 * v4i - s1 * v5i;
                    yr[b2 + i] = e2r - t2i; yi[b2 + i] = e2i + t2r;
                    yr[b9 + i] = e2r + t2i; yi[b9 + i] = e2i - t2r;
                    final double e3r = x0r + c3 * u1r + c5 * u2r + c2 * u3r + c1 * u4r + c4 * u5r, e3i = x0i + c3 * u1i + c5 * u2i + c2 * u3i + c1 * u4i + c4 * u5i;
                    final double t3r = s3 * v1r - s5 * v2r - s2 * v3r + s1 * v4r + s4 * v5r, t3i = s3 * v1i - s5 * v2i - s2 * v3i + s1 * v4i + s4 * v5i;
                    yr[b3 + i] = e3r - t3i; yi[b3 + i] = e3i + t3r;
                    yr[b8 + i] = e3r + t3i; yi[b8 + i] = e3i - t3r;
                    final double e4r = x0r + c4 * u1r + c3 * u2r + c1 * u3r + c5 * u4r + c2 * u5r, e4i = x0i + c4 * u1i + c3 * u2i + c1 * u3i + c5 * u4i + c2 * u5i;
                    final double t4r = s4 * v1r - s3 * v2r + s1 * v3r + s5 * v4r - s2 * v5r, t4i = s4 * v1i - s3 * v2i + s1 * v3i + s5 * v4i - s2 * v5i;
                    yr[b4 + i] = e4r - t4i; yi[b4 + i] = e4i + t4r;
                    yr[b7 + i] = e4r + t4i; yi[b7 + i] = e4i - t4r;
                    final double e5r = x0r + c5 * u1r + c1 * u2r + c4 * u3r + c2 * u4r + c3 * u5r, e5i = x0i + c5 * u1i + c1 * u2i + c4 * u3i + c2 * u4i + c3 * u5i;
                    final double t5r = s5 * v1r - s1 * v2r + s4 * v3r - s2 * v4r + s3 * v5r, t5i = s5 * v1i - s1 * v2i + s4 * v3i - s2 * v4i + s3 * v5i;
                    yr[b5 + i] = e5r - t5i; yi[b5 + i] = e5i + t5r;
                    yr[b6 + i] = e5r + t5i; yi[b6 + i] = e5i - t5r;
                }
                if (p != 0) twiddle(11, yr, yi, yb, ys, w, s, p, q, tc, ts, sign);
            }
        }
    }

    /** Radix 13 with the values in registers, as {@link #passOdd} (written out by engine/src/test/scripts/rowfft_radix.py; cos/sin of 2πk/13 folded to k ≤ 6). */
    private static void pass13(double[] xr, double[] xi, int xb, int xs, double[] yr, double[] yi, int yb, int ys, int w,
                               int m, int s, double[] tc, double[] ts, double[] rc, double[] rs, double sign) {
        final double c1 = rc[1], c2 = rc[2], c3 = rc[3], c4 = rc[4], c5 = rc[5], c6 = rc[6];
        final double s1 = sign * rs[1], s2 = sign * rs[2], s3 = sign * rs[3], s4 = sign * rs[4], s5 = sign * rs[5], s6 = sign * rs[6];
        for (int p = 0; p < m; p++) {
            for (int q = 0; q < s; q++) {
                final int a0 = xb + (q + s * (p + 0 * m)) * xs, b0 = yb + (q + s * (13 * p + 0)) * ys;
                final int a1 = xb + (q + s * (p + 1 * m)) * xs, b1 = yb + (q + s * (13 * p + 1)) * ys;
                final int a2 = xb + (q + s * (p + 2 * m)) * xs, b2 = yb + (q + s * (13 * p + 2)) * ys;
                final int a3 = xb + (q + s * (p + 3 * m)) * xs, b3 = yb + (q + s * (13 * p + 3)) * ys;
                final int a4 = xb + (q + s * (p + 4 * m)) * xs, b4 = yb + (q + s * (13 * p + 4)) * ys;
                final int a5 = xb + (q + s * (p + 5 * m)) * xs, b5 = yb + (q + s * (13 * p + 5)) * ys;
                final int a6 = xb + (q + s * (p + 6 * m)) * xs, b6 = yb + (q + s * (13 * p + 6)) * ys;
                final int a7 = xb + (q + s * (p + 7 * m)) * xs, b7 = yb + (q + s * (13 * p + 7)) * ys;
                final int a8 = xb + (q + s * (p + 8 * m)) * xs, b8 = yb + (q + s * (13 * p + 8)) * ys;
                final int a9 = xb + (q + s * (p + 9 * m)) * xs, b9 = yb + (q + s * (13 * p + 9)) * ys;
                final int a10 = xb + (q + s * (p + 10 * m)) * xs, b10 = yb + (q + s * (13 * p + 10)) * ys;
                final int a11 = xb + (q + s * (p + 11 * m)) * xs, b11 = yb + (q + s * (13 * p + 11)) * ys;
                final int a12 = xb + (q + s * (p + 12 * m)) * xs, b12 = yb + (q + s * (13 * p + 12)) * ys;
                for (int i = 0; i < w; i++) {
                    final double x0r = xr[a0 + i], x0i = xi[a0 + i];
                    final double u1r = xr[a1 + i] + xr[a12 + i], u1i = xi[a1 + i] + xi[a12 + i];
                    final double v1r = xr[a1 + i] - xr[a12 + i], v1i = xi[a1 + i] - xi[a12 + i];
                    final double u2r = xr[a2 + i] + xr[a11 + i], u2i = xi[a2 + i] + xi[a11 + i];
                    final double v2r = xr[a2 + i] - xr[a11 + i], v2i = xi[a2 + i] - xi[a11 + i];
                    final double u3r = xr[a3 + i] + xr[a10 + i], u3i = xi[a3 + i] + xi[a10 + i];
                    final double v3r = xr[a3 + i] - xr[a10 + i], v3i = xi[a3 + i] - xi[a10 + i];
                    final double u4r = xr[a4 + i] + xr[a9 + i], u4i = xi[a4 + i] + xi[a9 + i];
                    final double v4r = xr[a4 + i] - xr[a9 + i], v4i = xi[a4 + i] - xi[a9 + i];
                    final double u5r = xr[a5 + i] + xr[a8 + i], u5i = xi[a5 + i] + xi[a8 + i];
                    final double v5r = xr[a5 + i] - xr[a8 + i], v5i = xi[a5 + i] - xi[a8 + i];
                    final double u6r = xr[a6 + i] + xr[a7 + i], u6i = xi[a6 + i] + xi[a7 + i];
                    final double v6r = xr[a6 + i] - xr[a7 + i], v6i = xi[a6 + i] - xi[a7 + i];
                    yr[b0 + i] = x0r + u1r + u2r + u3r + u4r + u5r + u6r; yi[b0 + i] = x0i + u1i + u2i + u3i + u4i + u5i + u6i;
                    final double e1r = x0r + c1 * u1r + c2 * u2r + c3 * u3r + c4 * u4r + c5 * u5r + c6 * u6r, e1i = x0i + c1 * u1i + c2 * u2i + c3 * u3i + c4 * u4i + c5 * u5i + c6 * u6i;
                    final double t1r = s1 * v1r + s2 * v2r + s3 * v3r + s4 * v4r + s5 * v5r + s6 * v6r, t1i = s1 * v1i + s2 * v2i + s3 * v3i + s4 * v4i + s5 * v5i + s6 * v6i;
                    yr[b1 + i] = e1r - t1i; yi[b1 + i] = e1i + t1r;
                    yr[b12 + i] = e1r + t1i; yi[b12 + i] = e1i - t1r;
                    final double e2r = x0r + c2 * u1r + c4 * u2r + c6 * u3r + c5 * u4r + c3 * u5r + c1 * u6r, e2i = x0i + c2 * u1i + c4 * u2i + c6 * u3i + c5 * u4i + c3 * u5i + c1 * u6i;
                    final double t2r = s2 * v1r + s4 * v2r + s6 * v3r - s5 * v4r - s3 * v5r - s1 * v6r, t2i = s2 * v1i + s4 * v2i + s6 * v3i - s5 * v4i - s3 * v5i - s1 * v6i;
                    yr[b2 + i] = e2r - t2i; yi[b2 + i] = e2i + t2r;
                    yr[b11 + i] = e2r + t2i; yi[b11 + i] = e2i - t2r;
                    final double e3r = x0r + c3 * u1r + c6 * u2r + c4 * u3r + c1 * u4r + c2 * u5r + c5 * u6r, e3i = x0i + c3 * u1i + c6 * u2i + c4 * u3i + c1 * u4i + c2 * u5i + c5 * u6i;
                    final double t3r = s3 * v1r + s6 * v2r - s4 * v3r - s1 * v4r + s2 * v5r + s5 * v6r, t3i = s3 * v1i + s6 * v2i - s4 * v3i - s1 * v4i + s2 * v5i + s5 * v6i;
                    yr[b3 + i] = e3r - t3i; yi[b3 + i] = e3i + t3r;
                    yr[b10 + i] = e3r + t3i; yi[b10 + i] = e3i - t3r;
                    final double e4r = x0r + c4 * u1r + c5 * u2r + c1 * u3r + c3 * u4r + c6 * u5r + c2 * u6r, e4i = x0i + c4 * u1i + c5 * u2i + c1 * u3i + c3 * u4i + c6 * u5i + c2 * u6i;
                    final double t4r = s4 * v1r - s5 * v2r - s1 * v3r + s3 * v4r - s6 * v5r - s2 * v6r, t4i = s4 * v1i - s5 * v2i - s1 * v3i + s3 * v4i - s6 * v5i - s2 * v6i;
                    yr[b4 + i] = e4r - t4i; yi[b4 + i] = e4i + t4r;
                    yr[b9 + i] = e4r + t4i; yi[b9 + i] = e4i - t4r;
                    final double e5r = x0r + c5 * u1r + c3 * u2r + c2 * u3r + c6 * u4r + c1 * u5r + c4 * u6r, e5i = x0i + c5 * u1i + c3 * u2i + c2 * u3i + c6 * u4i + c1 * u5i + c4 * u6i;
                    final double t5r = s5 * v1r - s3 * v2r + s2 * v3r - s6 * v4r - s1 * v5r + s4 * v6r, t5i = s5 * v1i - s3 * v2i + s2 * v3i - s6 * v4i - s1 * v5i + s4 * v6i;
                    yr[b5 + i] = e5r - t5i; yi[b5 + i] = e5i + t5r;
                    yr[b8 + i] = e5r + t5i; yi[b8 + i] = e5i - t5r;
                    final double e6r = x0r + c6 * u1r + c1 * u2r + c5 * u3r + c2 * u4r + c4 * u5r + c3 * u6r, e6i = x0i + c6 * u1i + c1 * u2i + c5 * u3i + c2 * u4i + c4 * u5i + c3 * u6i;
                    final double t6r = s6 * v1r - s1 * v2r + s5 * v3r - s2 * v4r + s4 * v5r - s3 * v6r, t6i = s6 * v1i - s1 * v2i + s5 * v3i - s2 * v4i + s4 * v5i - s3 * v6i;
                    yr[b6 + i] = e6r - t6i; yi[b6 + i] = e6i + t6r;
                    yr[b7 + i] = e6r + t6i; yi[b7 + i] = e6i - t6r;
                }
                if (p != 0) twiddle(13, yr, yi, yb, ys, w, s, p, q, tc, ts, sign);
            }
        }
    }


    /** Multiplies output rows j = 1 … r−1 of butterfly (p, q) by the twiddles w_len^{pj}. */
    private static void twiddle(int r, double[] yr, double[] yi, int yb, int ys, int w, int s, int p, int q, double[] tc,
                                double[] ts, double sign) {
        for (int j = 1; j < r; j++) {
            double c = tc[p * r + j], sn = sign * ts[p * r + j];
            int b = yb + (q + s * (r * p + j)) * ys;
            for (int i = 0; i < w; i++) {
                double vr = yr[b + i], vi = yi[b + i];
                yr[b + i] = vr * c - vi * sn;
                yi[b + i] = vr * sn + vi * c;
            }
        }
    }

    /**
     * Any odd prime radix (11, 13, … from GROMACS's grid list) by the pairing of {@link #passOdd}, accumulated
     * row by row: y_j (j ≤ h) collects a_0 + Σ_k u_k·cos and y_{r−j} collects Σ_k v_k·sin, then the two are
     * combined into y_j = E + sign·i·T and y_{r−j} = E − sign·i·T and twiddled.
     */
    private static void passGeneric(int r, double[] xr, double[] xi, int xb, int xs, double[] yr, double[] yi, int yb, int ys,
                                    int w, int m, int s, double[] tc, double[] ts, double[] rc, double[] rs, double sign) {
        int h = (r - 1) / 2;
        for (int p = 0; p < m; p++) {
            for (int q = 0; q < s; q++) {
                int a0 = xb + (q + s * p) * xs, b0 = yb + (q + s * (r * p)) * ys;
                for (int i = 0; i < w; i++) {
                    yr[b0 + i] = xr[a0 + i];
                    yi[b0 + i] = xi[a0 + i];
                }
                for (int k = 1; k <= h; k++) { // y_0 = a_0 + Σ u_k
                    int ak = xb + (q + s * (p + k * m)) * xs, an = xb + (q + s * (p + (r - k) * m)) * xs;
                    for (int i = 0; i < w; i++) {
                        yr[b0 + i] += xr[ak + i] + xr[an + i];
                        yi[b0 + i] += xi[ak + i] + xi[an + i];
                    }
                }
                for (int j = 1; j <= h; j++) {
                    int bj = yb + (q + s * (r * p + j)) * ys, bn = yb + (q + s * (r * p + r - j)) * ys;
                    for (int i = 0; i < w; i++) {
                        yr[bj + i] = xr[a0 + i];
                        yi[bj + i] = xi[a0 + i];
                        yr[bn + i] = 0;
                        yi[bn + i] = 0;
                    }
                    for (int k = 1; k <= h; k++) {
                        int t = (j * k) % r;
                        double c = rc[t], sn = sign * rs[t];
                        int ak = xb + (q + s * (p + k * m)) * xs, an = xb + (q + s * (p + (r - k) * m)) * xs;
                        for (int i = 0; i < w; i++) {
                            yr[bj + i] += c * (xr[ak + i] + xr[an + i]);
                            yi[bj + i] += c * (xi[ak + i] + xi[an + i]);
                            yr[bn + i] += sn * (xr[ak + i] - xr[an + i]);
                            yi[bn + i] += sn * (xi[ak + i] - xi[an + i]);
                        }
                    }
                    // y_j = E + i·T, y_{r−j} = E − i·T (T holds sign·sin sums), then the twiddles w^{pj}, w^{p(r−j)}
                    double c1 = p == 0 ? 1 : tc[p * r + j], s1 = p == 0 ? 0 : sign * ts[p * r + j];
                    double c2 = p == 0 ? 1 : tc[p * r + r - j], s2 = p == 0 ? 0 : sign * ts[p * r + r - j];
                    for (int i = 0; i < w; i++) {
                        double er = yr[bj + i], ei = yi[bj + i], tr = yr[bn + i], ti = yi[bn + i];
                        double pr = er - ti, pi = ei + tr, nr = er + ti, ni = ei - tr;
                        yr[bj + i] = pr * c1 - pi * s1;
                        yi[bj + i] = pr * s1 + pi * c1;
                        yr[bn + i] = nr * c2 - ni * s2;
                        yi[bn + i] = nr * s2 + ni * c2;
                    }
                }
            }
        }
    }
}
