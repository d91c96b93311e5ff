package org.sheath.engine.force.bonded;

import java.util.Random;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.State;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.TermKind;

/** Geometry builders, evaluation and finite differences shared by the bonded tests. */
final class Kit {
    private Kit() {
    }

    static final Box BIG = Box.rectangular(20, 20, 20);

    static FlatTopology.Terms terms(TermKind kind, int[] atoms, double[] params) {
        return new FlatTopology.Terms(kind, atoms.length / kind.atomCount(), atoms, params);
    }

    static State state(double[][] pos, Box box) {
        State s = new State(pos.length, box);
        for (int a = 0; a < pos.length; a++) {
            s.x[a] = pos[a][0];
            s.y[a] = pos[a][1];
            s.z[a] = pos[a][2];
        }
        return s;
    }

    static ForceAccumulator eval(BondedTermForce f, State s) {
        ForceAccumulator acc = new ForceAccumulator(s.natoms);
        f.compute(s, acc);
        return acc;
    }

    static double energy(BondedTermForce f, State s) {
        return eval(f, s).energy(f.energyTerm());
    }

    static double[] coord(State s, int c) {
        return c == 0 ? s.x : c == 1 ? s.y : s.z;
    }

    static double[] force(ForceAccumulator acc, int c) {
        return c == 0 ? acc.fx : c == 1 ? acc.fy : acc.fz;
    }

    /**
     * ‖F_fd − F‖ / max(‖F‖, floor) over all components of all atoms, F_fd the fourth-order central difference
     * −[8(E(x+h) − E(x−h)) − (E(x+2h) − E(x−2h))]/12h (the second-order one is truncation-limited
     * next to a nearly straight bond angle inside a torsion, where φ(r) curves sharply).
     */
    static double fdRelativeError(BondedTermForce f, State s, double h, double floor) {
        ForceAccumulator acc = eval(f, s);
        double num = 0, den = 0;
        for (int a = 0; a < s.natoms; a++) {
            for (int c = 0; c < 3; c++) {
                double[] r = coord(s, c);
                double r0 = r[a];
                r[a] = r0 + h;
                double ep = energy(f, s);
                r[a] = r0 - h;
                double em = energy(f, s);
                r[a] = r0 + 2 * h;
                double ep2 = energy(f, s);
                r[a] = r0 - 2 * h;
                double em2 = energy(f, s);
                r[a] = r0;
                double fd = -(8 * (ep - em) - (ep2 - em2)) / (12 * h);
                double an = force(acc, c)[a];
                num += (fd - an) * (fd - an);
                den += an * an;
            }
        }
        return Math.sqrt(num / Math.max(den, floor * floor));
    }

    /**
     * −∂E/∂ε_αβ under the homogeneous strain r → (1 + ε) r of all positions (box unchanged: use a
     * big box with an unsplit molecule), by central differences; row-major [α][β].
     */
    static double[] strainDerivative(BondedTermForce f, State s, double h) {
        int n = s.natoms;
        double[] x0 = s.x.clone(), y0 = s.y.clone(), z0 = s.z.clone();
        double[] out = new double[9];
        for (int al = 0; al < 3; al++) {
            for (int be = 0; be < 3; be++) {
                double[] e = new double[2];
                for (int sg = 0; sg < 2; sg++) {
                    double eps = sg == 0 ? h : -h;
                    double[] r0 = al == 0 ? x0 : al == 1 ? y0 : z0;
                    double[] rb = be == 0 ? x0 : be == 1 ? y0 : z0;
                    double[] r = coord(s, al);
                    for (int a = 0; a < n; a++) r[a] = r0[a] + eps * rb[a];
                    e[sg] = energy(f, s);
                    System.arraycopy(r0, 0, r, 0, n);
                }
                out[3 * al + be] = -(e[0] - e[1]) / (2 * h);
            }
        }
        return out;
    }

    static double[] random(Random rnd, double scale) {
        return new double[] {scale * rnd.nextGaussian(), scale * rnd.nextGaussian(), scale * rnd.nextGaussian()};
    }

    static double[] add(double[] a, double[] b) {
        return new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    static double[] scale(double[] a, double s) {
        return new double[] {a[0] * s, a[1] * s, a[2] * s};
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double[] unit(double[] a) {
        return scale(a, 1 / Math.sqrt(dot(a, a)));
    }

    /**
     * Four points with bond lengths ~0.15 nm, bond angles theta1, theta2 (degrees) and IUPAC dihedral
     * phi (degrees), in a random orientation around centre. Built by internal coordinates and used by
     * the tests as the definition of φ (clockwise = positive looking along j→k).
     */
    static double[][] torsion(Random rnd, double theta1, double theta2, double phi, double[] centre) {
        // local frame: j at origin, k along +x, i in the xy plane at +y; l at (+x side) rotated by φ
        // from +y toward +z (which is clockwise seen along +x, i.e. positive IUPAC φ)
        double l1 = 0.13 + 0.04 * rnd.nextDouble(), l2 = 0.13 + 0.04 * rnd.nextDouble(), l3 = 0.13 + 0.04 * rnd.nextDouble();
        double t1 = Math.toRadians(theta1), t2 = Math.toRadians(theta2), p = Math.toRadians(phi);
        double[] j = {0, 0, 0};
        double[] k = {l2, 0, 0};
        double[] i = {-l1 * Math.cos(t1), l1 * Math.sin(t1), 0};
        double[] l = {l2 - l3 * Math.cos(t2), l3 * Math.sin(t2) * Math.cos(p), l3 * Math.sin(t2) * Math.sin(p)};
        double[][] rot = randomRotation(rnd);
        double[][] out = new double[4][];
        double[][] in = {i, j, k, l};
        for (int a = 0; a < 4; a++) out[a] = add(apply(rot, in[a]), centre);
        return out;
    }

    /** Three points with lengths ~0.1-0.2 nm and angle theta (degrees), randomly oriented. */
    static double[][] angle(Random rnd, double theta, double[] centre) {
        double la = 0.1 + 0.1 * rnd.nextDouble(), lb = 0.1 + 0.1 * rnd.nextDouble();
        double t = Math.toRadians(theta);
        double[][] rot = randomRotation(rnd);
        double[] i = {la, 0, 0}, j = {0, 0, 0}, k = {lb * Math.cos(t), lb * Math.sin(t), 0};
        return new double[][] {add(apply(rot, i), centre), add(apply(rot, j), centre), add(apply(rot, k), centre)};
    }

    static double[][] randomRotation(Random rnd) {
        double[] a = unit(random(rnd, 1));
        double[] b = random(rnd, 1);
        b = unit(add(b, scale(a, -dot(a, b))));
        double[] c = cross(a, b);
        return new double[][] {a, b, c};
    }

    static double[] apply(double[][] rows, double[] v) {
        // columns of the rotation are a, b, c: v' = v0 a + v1 b + v2 c
        double[] o = new double[3];
        for (int d = 0; d < 3; d++) o[d] = v[0] * rows[0][d] + v[1] * rows[1][d] + v[2] * rows[2][d];
        return o;
    }

    static double[][] concat(double[][]... parts) {
        int n = 0;
        for (double[][] p : parts) n += p.length;
        double[][] out = new double[n][];
        int k = 0;
        for (double[][] p : parts) for (double[] v : p) out[k++] = v;
        return out;
    }

    /**
     * Reference dihedral written independently of the kernel, the textbook GROMACS way:
     * r_ij = x_i − x_j, r_kj = x_k − x_j, r_kl = x_k − x_l, m = r_ij × r_kj, n = r_kj × r_kl,
     * φ = sign(r_ij · n) · acos(m·n / |m||n|). No periodic images.
     */
    static double phi(State s, int i, int j, int k, int l) {
        double[] xi = {s.x[i], s.y[i], s.z[i]}, xj = {s.x[j], s.y[j], s.z[j]};
        double[] xk = {s.x[k], s.y[k], s.z[k]}, xl = {s.x[l], s.y[l], s.z[l]};
        double[] rij = add(xi, scale(xj, -1)), rkj = add(xk, scale(xj, -1)), rkl = add(xk, scale(xl, -1));
        double[] m = cross(rij, rkj), n = cross(rkj, rkl);
        double c = dot(m, n) / Math.sqrt(dot(m, m) * dot(n, n));
        double a = Math.acos(Math.max(-1, Math.min(1, c)));
        return dot(rij, n) < 0 ? -a : a;
    }
}
