package org.sheath.engine.force.pme;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PmeGridKernel} on 4-lane double vectors: the four z points z0 … z0 + 3 of a grid row are one
 * vector, their weights θ_{3−m}(w) (m the lane) one Horner evaluation with per-lane coefficients; a row is
 * then one fused multiply-add when spreading and three when gathering (one per gradient component, the
 * lanes summed at the end in a fixed order: reduceLanes leaves the order open, which would let a resumed
 * run differ). The x and y weights come from {@link BSpline#weights}. Atoms whose z points
 * wrap around the grid edge take a scalar loop.
 */
final class VectorPmeGridKernel implements PmeGridKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    // θ_j(w) = M_4(w + j), lane m holding j = 3 − m: coefficients of w³, w², w, 1 (times 1/6) ...
    private static final DoubleVector C3 = lanes(-1, 3, -3, 1, 6), C2 = lanes(3, -6, 3, 0, 6), C1 = lanes(-3, 0, 3, 0, 6),
            C0 = lanes(1, 4, 1, 0, 6);
    // ... and of dθ_j/dw: w², w, 1 (times 1/2)
    private static final DoubleVector D2 = lanes(-1, 3, -3, 1, 2), D1 = lanes(2, -4, 2, 0, 2), D0 = lanes(-1, 0, 1, 0, 2);

    VectorPmeGridKernel() {
        if (S.length() != 4) throw new IllegalStateException("4 double lanes expected");
    }

    private static DoubleVector lanes(double a, double b, double c, double d, double div) {
        return DoubleVector.fromArray(S, new double[] {a / div, b / div, c / div, d / div}, 0);
    }

    @Override
    public void spread4(PmeReciprocal p, double[] x, double[] y, double[] z, double[] q, int from, int to, double[] g) {
        final int[] perm = p.perm;
        final double[] rb = p.rb;
        final int nx = p.nx, ny = p.ny, nz = p.nz;
        final double r0 = rb[0], r1 = rb[1], r2 = rb[2], r3 = rb[3], r4 = rb[4], r5 = rb[5];
        final double[] tx = new double[4], ty = new double[4], tz = new double[4];
        final int[] rowB = new int[4];
        for (int k = from; k < to; k++) {
            final int i = perm[k];
            final double qi = q[i];
            double ua = frac(x[i] * r0 + y[i] * r1 + z[i] * r3) * nx, ub = frac(y[i] * r2 + z[i] * r4) * ny,
                    uc = frac(z[i] * r5) * nz;
            int ba = (int) ua, bb = (int) ub, bc = (int) uc;
            final double wa = ua - ba, wb = ub - bb, wc = uc - bc;
            if (ba >= nx) ba -= nx; // frac rounded up to 1
            if (bb >= ny) bb -= ny;
            if (bc >= nz) bc -= nz;
            final int z0 = bc - 3;
            BSpline.weights(4, wa, tx, null, 0);
            BSpline.weights(4, wb, ty, null, 0);
            final DoubleVector w = DoubleVector.broadcast(S, wc), tzv = C3.fma(w, C2).fma(w, C1).fma(w, C0);
            if (z0 < 0) BSpline.weights(4, wc, tz, null, 0);
            for (int b = 0; b < 4; b++) {
                int ib = bb - b;
                rowB[b] = ib < 0 ? ib + ny : ib;
            }
            for (int a = 0; a < 4; a++) {
                int ia = ba - a;
                double qa = qi * tx[a];
                int rowA = (ia < 0 ? ia + nx : ia) * ny;
                for (int b = 0; b < 4; b++) {
                    double qab = qa * ty[b];
                    int row = (rowA + rowB[b]) * nz;
                    if (z0 >= 0) {
                        tzv.fma(DoubleVector.broadcast(S, qab), DoubleVector.fromArray(S, g, row + z0)).intoArray(g, row + z0);
                    } else {
                        for (int c = 0; c < 4; c++) {
                            int iz = bc - c;
                            g[row + (iz < 0 ? iz + nz : iz)] += qab * tz[c];
                        }
                    }
                }
            }
        }
    }

    @Override
    public void gather4(PmeReciprocal p, double[] x, double[] y, double[] z, double[] q, int from, int to, double[] phi,
                        double[] fx, double[] fy, double[] fz) {
        final int[] perm = p.perm;
        final double[] rb = p.rb;
        final int nx = p.nx, ny = p.ny, nz = p.nz;
        final double r0 = rb[0], r1 = rb[1], r2 = rb[2], r3 = rb[3], r4 = rb[4], r5 = rb[5];
        final double[] tx = new double[4], dtx = new double[4], ty = new double[4], dty = new double[4], tz = new double[4],
                dtz = new double[4];
        final int[] rowB = new int[4];
        for (int k = from; k < to; k++) {
            final int i = perm[k];
            double ua = frac(x[i] * r0 + y[i] * r1 + z[i] * r3) * nx, ub = frac(y[i] * r2 + z[i] * r4) * ny,
                    uc = frac(z[i] * r5) * nz;
            int ba = (int) ua, bb = (int) ub, bc = (int) uc;
            final double wa = ua - ba, wb = ub - bb, wc = uc - bc;
            if (ba >= nx) ba -= nx;
            if (bb >= ny) bb -= ny;
            if (bc >= nz) bc -= nz;
            final int z0 = bc - 3;
            BSpline.weights(4, wa, tx, dtx, 0);
            BSpline.weights(4, wb, ty, dty, 0);
            for (int b = 0; b < 4; b++) {
                int ib = bb - b;
                rowB[b] = ib < 0 ? ib + ny : ib;
            }
            double ga, gb, gc;
            if (z0 >= 0) {
                // A = Σ dθa θb φ_row, B = Σ θa dθb φ_row, C = Σ θa θb φ_row; then ga = θz·A, gb = θz·B, gc = dθz·C
                DoubleVector va = DoubleVector.zero(S), vb = va, vc = va;
                for (int a = 0; a < 4; a++) {
                    int ia = ba - a;
                    double ta = tx[a], dta = dtx[a];
                    int rowA = (ia < 0 ? ia + nx : ia) * ny;
                    for (int b = 0; b < 4; b++) {
                        double tb = ty[b], dtb = dty[b];
                        DoubleVector v = DoubleVector.fromArray(S, phi, (rowA + rowB[b]) * nz + z0);
                        va = v.fma(DoubleVector.broadcast(S, dta * tb), va);
                        vb = v.fma(DoubleVector.broadcast(S, ta * dtb), vb);
                        vc = v.fma(DoubleVector.broadcast(S, ta * tb), vc);
                    }
                }
                DoubleVector w = DoubleVector.broadcast(S, wc);
                DoubleVector tzv = C3.fma(w, C2).fma(w, C1).fma(w, C0), dzv = D2.fma(w, D1).fma(w, D0);
                ga = sum(va.mul(tzv));
                gb = sum(vb.mul(tzv));
                gc = sum(vc.mul(dzv));
            } else {
                BSpline.weights(4, wc, tz, dtz, 0);
                ga = gb = gc = 0;
                for (int a = 0; a < 4; a++) {
                    int ia = ba - a;
                    double ta = tx[a], dta = dtx[a];
                    int rowA = (ia < 0 ? ia + nx : ia) * ny;
                    for (int b = 0; b < 4; b++) {
                        double tb = ty[b], dtb = dty[b];
                        int row = (rowA + rowB[b]) * nz;
                        double sc = 0, sdc = 0;
                        for (int c = 0; c < 4; c++) {
                            int iz = bc - c;
                            double v = phi[row + (iz < 0 ? iz + nz : iz)];
                            sc += tz[c] * v;
                            sdc += dtz[c] * v;
                        }
                        ga += dta * tb * sc;
                        gb += ta * dtb * sc;
                        gc += ta * tb * sdc;
                    }
                }
            }
            double qi = q[i], ea = qi * nx * ga, eb = qi * ny * gb, ec = qi * nz * gc;
            fx[i] -= ea * r0;
            fy[i] -= ea * r1 + eb * r2;
            fz[i] -= ea * r3 + eb * r4 + ec * r5;
        }
    }

    private static double frac(double s) {
        return s - Math.floor(s);
    }

    private static double sum(DoubleVector v) {
        return (v.lane(0) + v.lane(1)) + (v.lane(2) + v.lane(3));
    }
}
