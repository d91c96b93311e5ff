package org.sheath.engine.force.pme;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowFftPasses} on the widest double vectors: each butterfly of a pass is one loop over the row in steps
 * of the vector length, over the first {@link #loopBound} columns (RowFft's scalar pass does the rest: the
 * columns of a pass are independent). The arithmetic is RowFft's, operation for operation (see there for what
 * each pass computes). Masked loads and stores for the last step instead ran 15× slower on JDK 25 (the
 * masked forms were not intrinsified here).
 */
final class VectorRowFftPasses implements RowFftPasses {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** The vector at a[off ...] (small enough that C2 always inlines it, so nothing is boxed). */
    private static DoubleVector v(double[] a, int off) {
        return DoubleVector.fromArray(S, a, off);
    }

    @Override
    public int loopBound(int width) {
        return S.loopBound(width);
    }

    @Override
    public void pass2(double[] xr, double[] xi, int xb, int xs, double[] yr, double[] yi, int yb, int ys, int w, int m, int s,
                      double[] tc, double[] ts, double sign) {
        for (int p = 0; p < m; p++) {
            final double c = tc[p * 2 + 1], sn = sign * ts[p * 2 + 1];
            for (int q = 0; q < s; q++) {
                final int a0 = xb + (q + s * p) * xs, a1 = xb + (q + s * (p + m)) * xs;
                final int b0 = yb + (q + s * (2 * p)) * ys, b1 = yb + (q + s * (2 * p + 1)) * ys;
                for (int i = 0; i < w; i += L) {
                    DoubleVector ur = v(xr, a0 + i), ui = v(xi, a0 + i), vr = v(xr, a1 + i), vi = v(xi, a1 + i);
                    ur.add(vr).intoArray(yr, b0 + i);
                    ui.add(vi).intoArray(yi, b0 + i);
                    DoubleVector dr = ur.sub(vr), di = ui.sub(vi);
                    if (p == 0) {
                        dr.intoArray(yr, b1 + i);
                        di.intoArray(yi, b1 + i);
                    } else {
                        dr.mul(c).sub(di.mul(sn)).intoArray(yr, b1 + i);
                        dr.mul(sn).add(di.mul(c)).intoArray(yi, b1 + i);
                    }
                }
            }
        }
    }

    @Override
    public void pass4(double[] xr, double[] xi, int xb, int xs, double[] yr, double[] yi, int yb, int ys, int w, int m, int s,
                      double[] tc, double[] ts, double sign) {
        final double ms = -sign;
        for (int p = 0; p < m; p++) {
            final double c1 = tc[p * 4 + 1], s1 = sign * ts[p * 4 + 1];
            final double c2 = tc[p * 4 + 2], s2 = sign * ts[p * 4 + 2];
            final double c3 = tc[p * 4 + 3], s3 = sign * ts[p * 4 + 3];
            for (int q = 0; q < s; q++) {
                final int a0 = xb + (q + s * p) * xs, a1 = xb + (q + s * (p + m)) * xs;
                final int a2 = xb + (q + s * (p + 2 * m)) * xs, a3 = xb + (q + s * (p + 3 * m)) * xs;
                final int b0 = yb + (q + s * (4 * p)) * ys, b1 = yb + (q + s * (4 * p + 1)) * ys;
                final int b2 = yb + (q + s * (4 * p + 2)) * ys, b3 = yb + (q + s * (4 * p + 3)) * ys;
                for (int i = 0; i < w; i += L) {
                    DoubleVector x0r = v(xr, a0 + i), x0i = v(xi, a0 + i), x1r = v(xr, a1 + i), x1i = v(xi, a1 + i);
                    DoubleVector x2r = v(xr, a2 + i), x2i = v(xi, a2 + i), x3r = v(xr, a3 + i), x3i = v(xi, a3 + i);
                    DoubleVector t0r = x0r.add(x2r), t0i = x0i.add(x2i), t1r = x0r.sub(x2r), t1i = x0i.sub(x2i);
                    DoubleVector t2r = x1r.add(x3r), t2i = x1i.add(x3i), t3r = x1r.sub(x3r), t3i = x1i.sub(x3i);
                    DoubleVector jr = t3i.mul(ms), ji = t3r.mul(sign);
                    t0r.add(t2r).intoArray(yr, b0 + i);
                    t0i.add(t2i).intoArray(yi, b0 + i);
                    DoubleVector y2r = t0r.sub(t2r), y2i = t0i.sub(t2i);
                    DoubleVector y1r = t1r.add(jr), y1i = t1i.add(ji);
                    DoubleVector y3r = t1r.sub(jr), y3i = t1i.sub(ji);
                    y1r.mul(c1).sub(y1i.mul(s1)).intoArray(yr, b1 + i);
                    y1r.mul(s1).add(y1i.mul(c1)).intoArray(yi, b1 + i);
                    y2r.mul(c2).sub(y2i.mul(s2)).intoArray(yr, b2 + i);
                    y2r.mul(s2).add(y2i.mul(c2)).intoArray(yi, b2 + i);
                    y3r.mul(c3).sub(y3i.mul(s3)).intoArray(yr, b3 + i);
                    y3r.mul(s3).add(y3i.mul(c3)).intoArray(yi, b3 + i);
                }
            }
        }
    }

    @Override
    public void passOdd(int r, double[] xr, double[] xi, int xb, int xs, double[] yr, double[] yi, int yb, int ys, int w, int m,
                        int s, double[] tc, double[] ts, double[] rc, double[] rs, double sign) {
        // one method per radix: a single method with all three made C2 run out of inlining budget and box the vectors
        final double c1 = rc[1], s1 = sign * rs[1], c2 = rc[2 % r], s2 = sign * rs[2 % r], c3 = rc[3 % r], s3 = sign * rs[3 % r];
        for (int p = 0; p < m; p++) {
            for (int q = 0; q < s; q++) {
                // input k of the butterfly at a0 + k·da, output j at b0 + j·db
                final int a0 = xb + (q + s * p) * xs, da = s * m * xs, b0 = yb + (q + s * (r * p)) * ys, db = s * ys;
                if (r == 3) pass3(xr, xi, a0, da, yr, yi, b0, db, w, c1, s1);
                else if (r == 5) pass5(xr, xi, a0, da, yr, yi, b0, db, w, c1, s1, c2, s2);
                else pass7(xr, xi, a0, da, yr, yi, b0, db, w, c1, s1, c2, s2, c3, s3);
                if (p != 0) twiddle(r, yr, yi, yb, ys, w, s, p, q, tc, ts, sign);
            }
        }
    }

    private static void pass3(double[] xr, double[] xi, int a0, int da, double[] yr, double[] yi, int b0, int db, int w,
                              double c1, double s1) {
        final int a1 = a0 + da, a2 = a0 + 2 * da;
        final int b1 = b0 + db, b2 = b0 + 2 * db;
        final double ms1 = -s1;
        for (int i = 0; i < w; i += L) {
            DoubleVector x0r = v(xr, a0 + i), x0i = v(xi, a0 + i);
            DoubleVector p1r = v(xr, a1 + i), p1i = v(xi, a1 + i), p2r = v(xr, a2 + i), p2i = v(xi, a2 + i);
            DoubleVector ur = p1r.add(p2r), ui = p1i.add(p2i), vr = p1r.sub(p2r), vi = p1i.sub(p2i);
            DoubleVector er = x0r.add(ur.mul(c1)), ei = x0i.add(ui.mul(c1));
            DoubleVector or = vi.mul(ms1), oi = vr.mul(s1);
            x0r.add(ur).intoArray(yr, b0 + i);
            x0i.add(ui).intoArray(yi, b0 + i);
            er.add(or).intoArray(yr, b1 + i);
            ei.add(oi).intoArray(yi, b1 + i);
            er.sub(or).intoArray(yr, b2 + i);
            ei.sub(oi).intoArray(yi, b2 + i);
        }
    }

    private static void pass5(double[] xr, double[] xi, int a0, int da, double[] yr, double[] yi, int b0, int db, int w,
                              double c1, double s1, double c2, double s2) {
        final int a1 = a0 + da, a2 = a0 + 2 * da, a3 = a0 + 3 * da, a4 = a0 + 4 * da;
        final int b1 = b0 + db, b2 = b0 + 2 * db, b3 = b0 + 3 * db, b4 = b0 + 4 * db;
        for (int i = 0; i < w; i += L) {
            DoubleVector x0r = v(xr, a0 + i), x0i = v(xi, a0 + i);
            DoubleVector p1r = v(xr, a1 + i), p1i = v(xi, a1 + i), p4r = v(xr, a4 + i), p4i = v(xi, a4 + i);
            DoubleVector p2r = v(xr, a2 + i), p2i = v(xi, a2 + i), p3r = v(xr, a3 + i), p3i = v(xi, a3 + i);
            DoubleVector u1r = p1r.add(p4r), u1i = p1i.add(p4i), v1r = p1r.sub(p4r), v1i = p1i.sub(p4i);
            DoubleVector u2r = p2r.add(p3r), u2i = p2i.add(p3i), v2r = p2r.sub(p3r), v2i = p2i.sub(p3i);
            DoubleVector e1r = x0r.add(u1r.mul(c1)).add(u2r.mul(c2)), e1i = x0i.add(u1i.mul(c1)).add(u2i.mul(c2));
            DoubleVector e2r = x0r.add(u1r.mul(c2)).add(u2r.mul(c1)), e2i = x0i.add(u1i.mul(c2)).add(u2i.mul(c1));
            DoubleVector o1r = v1i.mul(s1).add(v2i.mul(s2)).neg(), o1i = v1r.mul(s1).add(v2r.mul(s2));
            DoubleVector o2r = v1i.mul(s2).sub(v2i.mul(s1)).neg(), o2i = v1r.mul(s2).sub(v2r.mul(s1));
            x0r.add(u1r).add(u2r).intoArray(yr, b0 + i);
            x0i.add(u1i).add(u2i).intoArray(yi, b0 + i);
            e1r.add(o1r).intoArray(yr, b1 + i);
            e1i.add(o1i).intoArray(yi, b1 + i);
            e1r.sub(o1r).intoArray(yr, b4 + i);
            e1i.sub(o1i).intoArray(yi, b4 + i);
            e2r.add(o2r).intoArray(yr, b2 + i);
            e2i.add(o2i).intoArray(yi, b2 + i);
            e2r.sub(o2r).intoArray(yr, b3 + i);
            e2i.sub(o2i).intoArray(yi, b3 + i);
        }
    }

    private static void pass7(double[] xr, double[] xi, int a0, int da, double[] yr, double[] yi, int b0, int db, int w,
                              double c1, double s1, double c2, double s2, double c3, double s3) {
        final int a1 = a0 + da, a2 = a0 + 2 * da, a3 = a0 + 3 * da, a4 = a0 + 4 * da, a5 = a0 + 5 * da, a6 = a0 + 6 * da;
        final int b1 = b0 + db, b2 = b0 + 2 * db, b3 = b0 + 3 * db, b4 = b0 + 4 * db, b5 = b0 + 5 * db, b6 = b0 + 6 * db;
        for (int i = 0; i < w; i += L) {
            DoubleVector x0r = v(xr, a0 + i), x0i = v(xi, a0 + i);
            DoubleVector p1r = v(xr, a1 + i), p1i = v(xi, a1 + i), p6r = v(xr, a6 + i), p6i = v(xi, a6 + i);
            DoubleVector p2r = v(xr, a2 + i), p2i = v(xi, a2 + i), p5r = v(xr, a5 + i), p5i = v(xi, a5 + i);
            DoubleVector p3r = v(xr, a3 + i), p3i = v(xi, a3 + i), p4r = v(xr, a4 + i), p4i = v(xi, a4 + i);
            DoubleVector u1r = p1r.add(p6r), u1i = p1i.add(p6i), v1r = p1r.sub(p6r), v1i = p1i.sub(p6i);
            DoubleVector u2r = p2r.add(p5r), u2i = p2i.add(p5i), v2r = p2r.sub(p5r), v2i = p2i.sub(p5i);
            DoubleVector u3r = p3r.add(p4r), u3i = p3i.add(p4i), v3r = p3r.sub(p4r), v3i = p3i.sub(p4i);
            DoubleVector e1r = x0r.add(u1r.mul(c1)).add(u2r.mul(c2)).add(u3r.mul(c3));
            DoubleVector e1i = x0i.add(u1i.mul(c1)).add(u2i.mul(c2)).add(u3i.mul(c3));
            DoubleVector e2r = x0r.add(u1r.mul(c2)).add(u2r.mul(c3)).add(u3r.mul(c1));
            DoubleVector e2i = x0i.add(u1i.mul(c2)).add(u2i.mul(c3)).add(u3i.mul(c1));
            DoubleVector e3r = x0r.add(u1r.mul(c3)).add(u2r.mul(c1)).add(u3r.mul(c2));
            DoubleVector e3i = x0i.add(u1i.mul(c3)).add(u2i.mul(c1)).add(u3i.mul(c2));
            DoubleVector t1r = v1r.mul(s1).add(v2r.mul(s2)).add(v3r.mul(s3)), t1i = v1i.mul(s1).add(v2i.mul(s2)).add(v3i.mul(s3));
            DoubleVector t2r = v1r.mul(s2).sub(v2r.mul(s3)).sub(v3r.mul(s1)), t2i = v1i.mul(s2).sub(v2i.mul(s3)).sub(v3i.mul(s1));
            DoubleVector t3r = v1r.mul(s3).sub(v2r.mul(s1)).add(v3r.mul(s2)), t3i = v1i.mul(s3).sub(v2i.mul(s1)).add(v3i.mul(s2));
            x0r.add(u1r).add(u2r).add(u3r).intoArray(yr, b0 + i);
            x0i.add(u1i).add(u2i).add(u3i).intoArray(yi, b0 + i);
            e1r.sub(t1i).intoArray(yr, b1 + i);
            e1i.add(t1r).intoArray(yi, b1 + i);
            e1r.add(t1i).intoArray(yr, b6 + i);
            e1i.sub(t1r).intoArray(yi, b6 + i);
            e2r.sub(t2i).intoArray(yr, b2 + i);
            e2i.add(t2r).intoArray(yi, b2 + i);
            e2r.add(t2i).intoArray(yr, b5 + i);
            e2i.sub(t2r).intoArray(yi, b5 + i);
            e3r.sub(t3i).intoArray(yr, b3 + i);
            e3i.add(t3r).intoArray(yi, b3 + i);
            e3r.add(t3i).intoArray(yr, b4 + i);
            e3i.sub(t3r).intoArray(yi, b4 + i);
        }
    }

    private static void twiddle(int r, double[] yr, double[] yi, int yb, int ys, int w, int s, int p, int q, double[] tc,
                                double[] ts, double sign) {
        for (int j = 1; j < r; j++) {
            final double c = tc[p * r + j], sn = sign * ts[p * r + j];
            final int b = yb + (q + s * (r * p + j)) * ys;
            for (int i = 0; i < w; i += L) {
                DoubleVector vr = v(yr, b + i), vi = v(yi, b + i);
                vr.mul(c).sub(vi.mul(sn)).intoArray(yr, b + i);
                vr.mul(sn).add(vi.mul(c)).intoArray(yi, b + i);
            }
        }
    }
}
