package org.sheath.engine.integrate.constraint;

import java.util.Locale;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;
import org.sheath.forcefields.model.FlatTopology;

/**
 * Rigid three-site waters ({@code [ settles ]}: O, H, H with d_OH and d_HH): positions by the analytical
 * SETTLE of Miyamoto &amp; Kollman (J. Comput. Chem. 13, 952 (1992)) — the constrained triangle that keeps
 * the centre of mass of the unconstrained update and is reached by rotations only — and velocities by
 * solving the 3×3 linear system of the three bond-velocity constraints exactly (RATTLE's second stage for
 * a rigid triangle). Vectors inside a water are minimum-image relative to its oxygen.
 */
final class Settle {
    private final int n;
    private final int[] atoms;
    private final double[] dOH, dHH;
    private final double mO, mH, wh, ra, rb, rc;
    private final MdSystem system;
    private final double[] t = new double[3], move = new double[3];
    private final double[] b0 = new double[3], c0 = new double[3], b1 = new double[3], c1 = new double[3];

    Settle(MdSystem system, FlatTopology.Terms settles) {
        this.system = system;
        this.n = settles.count();
        this.atoms = settles.atoms().clone();
        this.dOH = new double[n];
        this.dHH = new double[n];
        for (int k = 0; k < n; k++) {
            dOH[k] = settles.params()[2 * k];
            dHH[k] = settles.params()[2 * k + 1];
        }
        // one geometry and mass set for all waters (as GROMACS requires); checked here
        double m0 = system.masses[atoms[0]], m1 = system.masses[atoms[1]];
        for (int k = 0; k < n; k++) {
            if (dOH[k] != dOH[0] || dHH[k] != dHH[0] || system.masses[atoms[3 * k]] != m0
                    || system.masses[atoms[3 * k + 1]] != m1 || system.masses[atoms[3 * k + 2]] != m1) {
                throw new IllegalArgumentException("all [ settles ] waters must have the same geometry and masses ("
                        + system.describeAtom(atoms[3 * k]) + " differs)");
            }
        }
        this.mO = m0;
        this.mH = m1;
        double wohh = mO + 2 * mH;
        this.wh = mH / wohh;
        this.rc = 0.5 * dHH[0];
        double h = Math.sqrt(dOH[0] * dOH[0] - rc * rc);
        this.ra = 2 * wh * h;
        this.rb = h - ra;
    }

    int count() {
        return n;
    }

    private void mi(State s, double[] x, double[] y, double[] z, int i, int j, double[] out) {
        out[0] = x[j] - x[i];
        out[1] = y[j] - y[i];
        out[2] = z[j] - z[i];
        s.box.minimumImage(out);
    }

    void positions(State s, double[] xr, double[] yr, double[] zr, double dt) {
        double[] x = s.x, y = s.y, z = s.z;
        double invDt = dt > 0 ? 1.0 / dt : 0;
        for (int k = 0; k < n; k++) {
            int ia = atoms[3 * k], ib = atoms[3 * k + 1], ic = atoms[3 * k + 2];
            mi(s, xr, yr, zr, ia, ib, b0);
            mi(s, xr, yr, zr, ia, ic, c0);
            mi(s, x, y, z, ia, ib, b1);
            mi(s, x, y, z, ia, ic, c1);
            // new positions relative to their centre of mass
            double xa1 = -wh * (b1[0] + c1[0]), ya1 = -wh * (b1[1] + c1[1]), za1 = -wh * (b1[2] + c1[2]);
            double comx = x[ia] - xa1, comy = y[ia] - ya1, comz = z[ia] - za1;
            double xb1 = b1[0] + xa1, yb1 = b1[1] + ya1, zb1 = b1[2] + za1;
            double xc1 = c1[0] + xa1, yc1 = c1[1] + ya1, zc1 = c1[2] + za1;
            // frame: Z normal to the old plane, X perpendicular to Z and the new oxygen, Y = Z × X
            double zx = b0[1] * c0[2] - b0[2] * c0[1], zy = b0[2] * c0[0] - b0[0] * c0[2], zz = b0[0] * c0[1] - b0[1] * c0[0];
            double xx = ya1 * zz - za1 * zy, xy = za1 * zx - xa1 * zz, xz = xa1 * zy - ya1 * zx;
            double yx = zy * xz - zz * xy, yy = zz * xx - zx * xz, yz = zx * xy - zy * xx;
            double nz = 1 / Math.sqrt(zx * zx + zy * zy + zz * zz), nx = 1 / Math.sqrt(xx * xx + xy * xy + xz * xz),
                    ny = 1 / Math.sqrt(yx * yx + yy * yy + yz * yz);
            zx *= nz; zy *= nz; zz *= nz; xx *= nx; xy *= nx; xz *= nx; yx *= ny; yy *= ny; yz *= ny;
            double xb0d = xx * b0[0] + xy * b0[1] + xz * b0[2], yb0d = yx * b0[0] + yy * b0[1] + yz * b0[2];
            double xc0d = xx * c0[0] + xy * c0[1] + xz * c0[2], yc0d = yx * c0[0] + yy * c0[1] + yz * c0[2];
            double za1d = zx * xa1 + zy * ya1 + zz * za1;
            double xb1d = xx * xb1 + xy * yb1 + xz * zb1, yb1d = yx * xb1 + yy * yb1 + yz * zb1, zb1d = zx * xb1 + zy * yb1 + zz * zb1;
            double xc1d = xx * xc1 + xy * yc1 + xz * zc1, yc1d = yx * xc1 + yy * yc1 + yz * zc1, zc1d = zx * xc1 + zy * yc1 + zz * zc1;
            double sinphi = za1d / ra;
            double cphi2 = 1 - sinphi * sinphi;
            if (!(cphi2 > 0)) fail(k, s);
            double cosphi = Math.sqrt(cphi2);
            double sinpsi = (zb1d - zc1d) / (2 * rc * cosphi);
            double cpsi2 = 1 - sinpsi * sinpsi;
            if (!(cpsi2 > 0)) fail(k, s);
            double cospsi = Math.sqrt(cpsi2);
            double ya2d = ra * cosphi, xb2d = -rc * cospsi;
            double t1 = -rb * cosphi, t2 = rc * sinpsi * sinphi;
            double yb2d = t1 - t2, yc2d = t1 + t2;
            double alpha = xb2d * (xb0d - xc0d) + yb0d * yb2d + yc0d * yc2d;
            double beta = xb2d * (yc0d - yb0d) + xb0d * yb2d + xc0d * yc2d;
            double gamma = xb0d * yb1d - xb1d * yb0d + xc0d * yc1d - xc1d * yc0d;
            double a2b2 = alpha * alpha + beta * beta;
            double disc = a2b2 - gamma * gamma;
            if (!(disc >= 0)) fail(k, s);
            double sinth = (alpha * gamma - beta * Math.sqrt(disc)) / a2b2;
            double costh = Math.sqrt(1 - sinth * sinth);
            double xa3d = -ya2d * sinth, ya3d = ya2d * costh, za3d = za1d;
            double xb3d = xb2d * costh - yb2d * sinth, yb3d = xb2d * sinth + yb2d * costh, zb3d = zb1d;
            double xc3d = -xb2d * costh - yc2d * sinth, yc3d = -xb2d * sinth + yc2d * costh, zc3d = zc1d;
            set(s, ia, comx + xx * xa3d + yx * ya3d + zx * za3d, comy + xy * xa3d + yy * ya3d + zy * za3d,
                    comz + xz * xa3d + yz * ya3d + zz * za3d, invDt);
            set(s, ib, comx + xx * xb3d + yx * yb3d + zx * zb3d, comy + xy * xb3d + yy * yb3d + zy * zb3d,
                    comz + xz * xb3d + yz * yb3d + zz * zb3d, invDt);
            set(s, ic, comx + xx * xc3d + yx * yc3d + zx * zc3d, comy + xy * xc3d + yy * yc3d + zy * zc3d,
                    comz + xz * xc3d + yz * yc3d + zz * zc3d, invDt);
        }
    }

    /** Moves atom i to the constrained position (nx, ny, nz) relative to an image; velocity by the same Δ/dt. */
    private void set(State s, int i, double nx, double ny, double nz, double invDt) {
        // the constrained position was built in the image of the oxygen: shift by the same minimal move
        double[] d = move;
        d[0] = nx - s.x[i];
        d[1] = ny - s.y[i];
        d[2] = nz - s.z[i];
        s.box.minimumImage(d);
        s.x[i] += d[0]; s.y[i] += d[1]; s.z[i] += d[2];
        if (invDt != 0) {
            s.vx[i] += d[0] * invDt; s.vy[i] += d[1] * invDt; s.vz[i] += d[2] * invDt;
        }
    }

    void velocities(State s, double impulseTime, double[] virial, double[] rates) {
        boolean mtk = rates != null && (rates[0] != 0 || rates[1] != 0 || rates[2] != 0);
        double ra = mtk ? rates[0] : 0, rb = mtk ? rates[1] : 0, rc2 = mtk ? rates[2] : 0;
        double[] x = s.x, y = s.y, z = s.z, vx = s.vx, vy = s.vy, vz = s.vz;
        double iO = 1 / mO, iH = 1 / mH;
        double w00 = 0, w01 = 0, w02 = 0, w11 = 0, w12 = 0, w22 = 0;
        for (int k = 0; k < n; k++) {
            int a = atoms[3 * k], b = atoms[3 * k + 1], c = atoms[3 * k + 2];
            // constraints: 0 = a→b, 1 = a→c, 2 = b→c; impulse g_l along r_l: v_i += g r/m_i, v_j −= g r/m_j
            mi(s, x, y, z, a, b, b0); // r_ab
            mi(s, x, y, z, a, c, c0); // r_ac
            double rbcx = c0[0] - b0[0], rbcy = c0[1] - b0[1], rbcz = c0[2] - b0[2];
            double vabx = vx[b] - vx[a], vaby = vy[b] - vy[a], vabz = vz[b] - vz[a];
            double vacx = vx[c] - vx[a], vacy = vy[c] - vy[a], vacz = vz[c] - vz[a];
            double vbcx = vx[c] - vx[b], vbcy = vy[c] - vy[b], vbcz = vz[c] - vz[b];
            double rab2 = dot(b0[0], b0[1], b0[2], b0[0], b0[1], b0[2]);
            double rac2 = dot(c0[0], c0[1], c0[2], c0[0], c0[1], c0[2]);
            double rbc2 = dot(rbcx, rbcy, rbcz, rbcx, rbcy, rbcz);
            double abac = dot(b0[0], b0[1], b0[2], c0[0], c0[1], c0[2]);
            double abbc = dot(b0[0], b0[1], b0[2], rbcx, rbcy, rbcz);
            double acbc = dot(c0[0], c0[1], c0[2], rbcx, rbcy, rbcz);
            // r_k·Δv_k = −Σ_l A_kl g_l with A from which atoms constraints k and l share
            double a00 = (iO + iH) * rab2, a11 = (iO + iH) * rac2, a22 = 2 * iH * rbc2;
            double a01 = iO * abac, a02 = -iH * abbc, a12 = iH * acbc;
            double r0 = dot(b0[0], b0[1], b0[2], vabx, vaby, vabz);
            double r1 = dot(c0[0], c0[1], c0[2], vacx, vacy, vacz);
            double r2 = dot(rbcx, rbcy, rbcz, vbcx, vbcy, vbcz);
            if (mtk) {
                r0 += ra * b0[0] * b0[0] + rb * b0[1] * b0[1] + rc2 * b0[2] * b0[2];
                r1 += ra * c0[0] * c0[0] + rb * c0[1] * c0[1] + rc2 * c0[2] * c0[2];
                r2 += ra * rbcx * rbcx + rb * rbcy * rbcy + rc2 * rbcz * rbcz;
            }
            // solve A g = r (symmetric 3×3) by Cramer's rule
            double c00 = a11 * a22 - a12 * a12, c01 = a02 * a12 - a01 * a22, c02 = a01 * a12 - a02 * a11;
            double det = a00 * c00 + a01 * c01 + a02 * c02;
            double c11 = a00 * a22 - a02 * a02, c12 = a01 * a02 - a00 * a12, c22 = a00 * a11 - a01 * a01;
            double g0 = (c00 * r0 + c01 * r1 + c02 * r2) / det;
            double g1 = (c01 * r0 + c11 * r1 + c12 * r2) / det;
            double g2 = (c02 * r0 + c12 * r1 + c22 * r2) / det;
            double gabx = g0 * b0[0], gaby = g0 * b0[1], gabz = g0 * b0[2];
            double gacx = g1 * c0[0], gacy = g1 * c0[1], gacz = g1 * c0[2];
            double gbcx = g2 * rbcx, gbcy = g2 * rbcy, gbcz = g2 * rbcz;
            vx[a] += (gabx + gacx) * iO; vy[a] += (gaby + gacy) * iO; vz[a] += (gabz + gacz) * iO;
            vx[b] += (-gabx + gbcx) * iH; vy[b] += (-gaby + gbcy) * iH; vz[b] += (-gabz + gbcz) * iH;
            vx[c] += (-gacx - gbcx) * iH; vy[c] += (-gacy - gbcy) * iH; vz[c] += (-gacz - gbcz) * iH;
            // W += r_ij ⊗ F_j, F_j = −g·r_ij / impulseTime
            w00 -= b0[0] * gabx + c0[0] * gacx + rbcx * gbcx;
            w01 -= b0[0] * gaby + c0[0] * gacy + rbcx * gbcy;
            w02 -= b0[0] * gabz + c0[0] * gacz + rbcx * gbcz;
            w11 -= b0[1] * gaby + c0[1] * gacy + rbcy * gbcy;
            w12 -= b0[1] * gabz + c0[1] * gacz + rbcy * gbcz;
            w22 -= b0[2] * gabz + c0[2] * gacz + rbcz * gbcz;
        }
        if (virial != null) {
            double f = 1.0 / impulseTime;
            virial[0] += w00 * f; virial[1] += w01 * f; virial[2] += w02 * f;
            virial[3] += w01 * f; virial[4] += w11 * f; virial[5] += w12 * f;
            virial[6] += w02 * f; virial[7] += w12 * f; virial[8] += w22 * f;
        }
    }

    private static double dot(double ax, double ay, double az, double bx, double by, double bz) {
        return ax * bx + ay * by + az * bz;
    }

    double maxRelativeDeviation(State s) {
        double worst = 0;
        for (int k = 0; k < n; k++) {
            int a = atoms[3 * k], b = atoms[3 * k + 1], c = atoms[3 * k + 2];
            worst = Math.max(worst, dev(s, a, b, dOH[k]));
            worst = Math.max(worst, dev(s, a, c, dOH[k]));
            worst = Math.max(worst, dev(s, b, c, dHH[k]));
        }
        return worst;
    }

    private double dev(State s, int i, int j, double d) {
        mi(s, s.x, s.y, s.z, i, j, t);
        return Math.abs(Math.sqrt(t[0] * t[0] + t[1] * t[1] + t[2] * t[2]) - d) / d;
    }

    private void fail(int k, State s) {
        throw new ConstraintFailureException(String.format(Locale.ROOT, "step %d: SETTLE cannot restore water %s: it "
                + "moved too far in one step; the system is blowing up: minimize first or use a shorter dt", s.step,
                system.describeAtom(atoms[3 * k])));
    }
}
