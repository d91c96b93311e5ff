package org.sheath.engine.force.ewald;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.State;

/** Test systems and helpers shared by the Ewald and PME tests. */
public final class TestSystems {
    private TestSystems() {}

    public static final double NACL_MADELUNG = 1.747564594633182190636212035544397403481;
    public static final double CSCL_MADELUNG = 1.76267477307099507057;

    /** A charge system: charges, CSR exclusions, positions in a State. */
    public record Charges(double[] q, int[] exclOffsets, int[] exclAtoms, State state) {
        public int n() { return q.length; }
    }

    /** Rock salt: m×m×m conventional cubic cells of edge a (nn distance a/2), ±1 charges. */
    public static Charges nacl(int m, double a) {
        List<double[]> atoms = new ArrayList<>();
        for (int i = 0; i < 2 * m; i++)
            for (int j = 0; j < 2 * m; j++)
                for (int k = 0; k < 2 * m; k++)
                    atoms.add(new double[] {(i + 0.1) * a / 2, (j + 0.2) * a / 2, (k + 0.3) * a / 2, ((i + j + k) % 2 == 0) ? 1 : -1});
        return build(atoms, Box.rectangular(m * a, m * a, m * a));
    }

    /** Caesium chloride: m×m×m simple cubic cells of edge a, Cs at the corner, Cl in the centre. */
    public static Charges cscl(int m, double a) {
        List<double[]> atoms = new ArrayList<>();
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
                for (int k = 0; k < m; k++) {
                    atoms.add(new double[] {(i + 0.05) * a, (j + 0.1) * a, (k + 0.15) * a, 1});
                    atoms.add(new double[] {(i + 0.55) * a, (j + 0.6) * a, (k + 0.65) * a, -1});
                }
        return build(atoms, Box.rectangular(m * a, m * a, m * a));
    }

    /**
     * Rock salt in its primitive FCC cell (a triclinic box in GROMACS form: a1 = (d,0,0),
     * a2 = (d/2, d√3/2, 0), a3 = (d/2, d√3/6, d√(2/3)), d = a/√2), repeated m×m×m; Na at the lattice
     * points, Cl at (a1+a2+a3)/2. Nearest-neighbour distance a/2.
     */
    public static Charges naclPrimitive(int m, double a) {
        double d = a / Math.sqrt(2);
        double[] a1 = {d, 0, 0}, a2 = {d / 2, d * Math.sqrt(3) / 2, 0}, a3 = {d / 2, d * Math.sqrt(3) / 6, d * Math.sqrt(2.0 / 3)};
        List<double[]> atoms = new ArrayList<>();
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
                for (int k = 0; k < m; k++) {
                    double[] p = new double[3];
                    for (int c = 0; c < 3; c++) p[c] = (i + 0.03) * a1[c] + (j + 0.07) * a2[c] + (k + 0.11) * a3[c];
                    atoms.add(new double[] {p[0], p[1], p[2], 1});
                    atoms.add(new double[] {p[0] + (a1[0] + a2[0] + a3[0]) / 2, p[1] + (a1[1] + a2[1] + a3[1]) / 2,
                            p[2] + (a1[2] + a2[2] + a3[2]) / 2, -1});
                }
        return build(atoms, new Box(m * a1[0], m * a2[0], m * a2[1], m * a3[0], m * a3[1], m * a3[2]));
    }

    private static Charges build(List<double[]> atoms, Box box) {
        int n = atoms.size();
        State s = new State(n, box);
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            double[] a = atoms.get(i);
            s.x[i] = a[0]; s.y[i] = a[1]; s.z[i] = a[2]; q[i] = a[3];
        }
        return new Charges(q, null, null, s);
    }

    /**
     * Electrolyte-like random system: Li+ (+1), Zn2+ (+2), PF6-like anions (−1 point charges), and
     * three-site polar molecules (−0.8, +0.4, +0.4, bonded 0.1 nm, angle ~109°, all three pairs
     * excluded), placed without overlap (≥ minDist between all sites of different molecules). Net
     * charge netCharge (the ion counts are adjusted). Positions are wrapped into the box only loosely
     * (some outside [0, L)) to exercise periodicity.
     */
    public static Charges electrolyte(Box box, int nLi, int nZn, int nMol, int netCharge, long seed) {
        Random rnd = new Random(seed);
        int nAnion = nLi + 2 * nZn - netCharge;
        List<double[]> atoms = new ArrayList<>();
        List<int[]> molecules = new ArrayList<>();
        double minDist = 0.22;
        int placed = 0;
        int total = nLi + nZn + nAnion + nMol;
        int attempts = 0;
        while (placed < total) {
            if (++attempts > 2_000_000) throw new IllegalStateException("could not place molecules");
            double fa = rnd.nextDouble() * 1.2 - 0.1, fb = rnd.nextDouble(), fc = rnd.nextDouble();
            double x = fa * box.ax() + fb * box.bx() + fc * box.cx();
            double y = fb * box.by() + fc * box.cy();
            double z = fc * box.cz();
            List<double[]> sites = new ArrayList<>();
            if (placed < nLi) sites.add(new double[] {x, y, z, 1});
            else if (placed < nLi + nZn) sites.add(new double[] {x, y, z, 2});
            else if (placed < nLi + nZn + nAnion) sites.add(new double[] {x, y, z, -1});
            else {
                double[] u = randomUnit(rnd), v = randomUnit(rnd);
                // make v orthogonal to u
                double dot = u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
                for (int k = 0; k < 3; k++) v[k] -= dot * u[k];
                double nv = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
                for (int k = 0; k < 3; k++) v[k] /= nv;
                double half = Math.toRadians(109.47 / 2), b = 0.1;
                sites.add(new double[] {x, y, z, -0.8});
                sites.add(new double[] {x + b * (Math.cos(half) * u[0] + Math.sin(half) * v[0]),
                        y + b * (Math.cos(half) * u[1] + Math.sin(half) * v[1]),
                        z + b * (Math.cos(half) * u[2] + Math.sin(half) * v[2]), 0.4});
                sites.add(new double[] {x + b * (Math.cos(half) * u[0] - Math.sin(half) * v[0]),
                        y + b * (Math.cos(half) * u[1] - Math.sin(half) * v[1]),
                        z + b * (Math.cos(half) * u[2] - Math.sin(half) * v[2]), 0.4});
            }
            if (overlaps(sites, atoms, box, minDist)) continue;
            if (sites.size() == 3) molecules.add(new int[] {atoms.size(), atoms.size() + 1, atoms.size() + 2});
            atoms.addAll(sites);
            placed++;
        }
        Charges c = build(atoms, box);
        int n = c.n();
        int[] off = new int[n + 1];
        int[] cnt = new int[n];
        for (int[] m : molecules) { cnt[m[0]] = 2; cnt[m[1]] = 1; }
        for (int i = 0; i < n; i++) off[i + 1] = off[i] + cnt[i];
        int[] ex = new int[off[n]];
        for (int[] m : molecules) {
            ex[off[m[0]]] = m[1]; ex[off[m[0]] + 1] = m[2]; ex[off[m[1]]] = m[2];
        }
        return new Charges(c.q(), off, ex, c.state());
    }

    private static double[] randomUnit(Random rnd) {
        double[] u = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
        double n = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
        for (int k = 0; k < 3; k++) u[k] /= n;
        return u;
    }

    private static boolean overlaps(List<double[]> sites, List<double[]> atoms, Box box, double minDist) {
        double[] d = new double[3];
        for (double[] s : sites)
            for (double[] a : atoms) {
                d[0] = s[0] - a[0]; d[1] = s[1] - a[1]; d[2] = s[2] - a[2];
                box.minimumImage(d);
                if (d[0] * d[0] + d[1] * d[1] + d[2] * d[2] < minDist * minDist) return true;
            }
        return false;
    }

    /** Positions, box and forces copied for a finite-difference step. */
    public static State copy(State s) {
        State c = new State(s.natoms, s.box);
        System.arraycopy(s.x, 0, c.x, 0, s.natoms);
        System.arraycopy(s.y, 0, c.y, 0, s.natoms);
        System.arraycopy(s.z, 0, c.z, 0, s.natoms);
        return c;
    }

    /**
     * The same configuration under a homogeneous deformation r → (I + ε) r (ε row-major 3×3, must keep
     * the box lower triangular: only diagonal and ε_xy, ε_xz, ε_yz).
     */
    public static State deformed(State s, double[] eps) {
        double[] m = s.box.toMatrix();
        double[] nm = new double[9];
        for (int row = 0; row < 3; row++) {
            for (int a = 0; a < 3; a++) {
                double v = m[3 * row + a];
                for (int b = 0; b < 3; b++) v += eps[3 * a + b] * m[3 * row + b];
                nm[3 * row + a] = v;
            }
        }
        State c = new State(s.natoms, Box.fromMatrix(nm));
        for (int i = 0; i < s.natoms; i++) {
            double x = s.x[i], y = s.y[i], z = s.z[i];
            c.x[i] = x + eps[0] * x + eps[1] * y + eps[2] * z;
            c.y[i] = y + eps[3] * x + eps[4] * y + eps[5] * z;
            c.z[i] = z + eps[6] * x + eps[7] * y + eps[8] * z;
        }
        return c;
    }

    public static double rms(double[] fx, double[] fy, double[] fz) {
        double s = 0;
        for (int i = 0; i < fx.length; i++) s += fx[i] * fx[i] + fy[i] * fy[i] + fz[i] * fz[i];
        return Math.sqrt(s / fx.length);
    }

    public static double rmsDiff(ForceAccumulator a, ForceAccumulator b) {
        double s = 0;
        for (int i = 0; i < a.natoms; i++) {
            double dx = a.fx[i] - b.fx[i], dy = a.fy[i] - b.fy[i], dz = a.fz[i] - b.fz[i];
            s += dx * dx + dy * dy + dz * dz;
        }
        return Math.sqrt(s / a.natoms);
    }
}
