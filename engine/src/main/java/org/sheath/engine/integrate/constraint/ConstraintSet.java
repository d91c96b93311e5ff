package org.sheath.engine.integrate.constraint;

import org.sheath.engine.parallel.WorkerPool;

import java.util.Locale;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.TermKind;

/**
 * The constraints of a system: distance constraints solved by SHAKE/RATTLE (Ryckaert, Ciccotti &amp;
 * Berendsen 1977; Andersen 1983) — the topology's {@code [ constraints ]} plus the harmonic bonds that
 * {@link ConstraintMode} turns into constraints (h-bonds: bonds with a hydrogen; all-bonds) — and rigid
 * waters from {@code [ settles ]} solved analytically by {@link Settle}. The replaced harmonic bonds
 * are reported by {@link #replacedBonds()} so that the force set leaves their energy out, as grompp does.
 *
 * <p>SHAKE iterates (Gauss–Seidel over the constraints) until every constraint holds to the relative
 * tolerance (|r² − d²| / 2d² ≤ tol, default 1e-10); RATTLE's velocity stage until the relative
 * velocity along every constraint is below tol·d per fs. Differences are minimum-image, so molecules
 * may straddle the box.
 */
public final class ConstraintSet implements Constraints {
    /** Default relative tolerance (GROMACS's shake-tol is 1e-4; energy conservation wants it tight). */
    public static final double DEFAULT_TOLERANCE = 1e-10;
    private static final int MAX_ITERATIONS = 1000;
    /** Groups of 2 … MAX_DIRECT coupled constraints are solved all at once (a dense m×m system per step). */
    static final int MAX_DIRECT = 16;

    private final int npairs;
    private final int[] ci, cj;
    private final double[] d2, invMi, invMj, dist;
    private final boolean[] replaced;
    private final Settle settle;
    private final double tol;
    private final MdSystem system;
    private final double[] scratch = new double[3];

    /** Per constraint, scratch of one call: reference bond vector, image shift of the current one, summed multiplier. */
    private final double[] refX, refY, refZ, imgX, imgY, imgZ, multiplier;
    /**
     * Per group of 2 … MAX_DIRECT constraints, at couplingStart[g]: the m×m inverse-mass coupling c_kl of its
     * constraints k, l (how moving along l changes k: ±1/m of the atoms they share), row-major.
     */
    private final double[] coupling;
    private final int[] couplingStart;
    /**
     * Groups whose SHAKE sweeps converge slowly (an off-diagonal coupling above a quarter of its diagonal, as
     * between heavy atoms with all-bonds): their positions take Newton steps. Hydrogens on one heavy atom
     * (coupling 1/12 of the diagonal for CH3) converge in a few sweeps, cheaper than the dense solves.
     */
    private final boolean[] strongCoupling;
    /** False: every group by Gauss–Seidel iteration (the tests compare the two). */
    boolean direct = true;
    /** Constraint index where each connected group of constraints (a molecule's) starts, and npairs at the end. */
    private final int[] groupStart;
    private WorkerPool pool;
    /** Per thread: its constraints cuts[t] … cuts[t+1] (whole groups), scratch, virial; null: serial. */
    private int[] cuts;
    private double[][] threadScratch = {new double[3]}, threadRef = {new double[3]}, threadVirial = {new double[6]};
    /** Per thread: the matrix and right-hand side of a coupled group's solve. */
    private double[][] threadMatrix = {new double[MAX_DIRECT * MAX_DIRECT + MAX_DIRECT]};
    // arguments of the current call, for the pool tasks
    private State cur;
    private double[] curXr, curYr, curZr, curRates;
    private double curDt;
    private final java.util.function.IntConsumer positionsTask = t -> positions(cur, curXr, curYr, curZr, curDt, cuts[t],
            cuts[t + 1], threadScratch[t], threadRef[t], threadMatrix[t]);
    private final java.util.function.IntConsumer velocitiesTask = t -> velocities(cur, curRates, cuts[t], cuts[t + 1],
            threadScratch[t], threadVirial[t], threadMatrix[t]);

    private ConstraintSet(MdSystem system, int[] ci0, int[] cj0, double[] dist0, boolean[] replaced, Settle settle, double tol) {
        this.system = system;
        this.npairs = ci0.length;
        // order the constraints group by group (groups connected through shared atoms, in order of first
        // appearance, each in its own order): SHAKE iterates each group alone, so threads can take whole groups
        int[] root = unionFind(system.natoms, ci0, cj0);
        int[] order = groupOrder(root, ci0);
        this.ci = new int[npairs];
        this.cj = new int[npairs];
        this.dist = new double[npairs];
        for (int k = 0; k < npairs; k++) {
            ci[k] = ci0[order[k]];
            cj[k] = cj0[order[k]];
            dist[k] = dist0[order[k]];
        }
        this.groupStart = groupStarts(root, ci);
        this.d2 = new double[npairs];
        this.invMi = new double[npairs];
        this.invMj = new double[npairs];
        for (int k = 0; k < npairs; k++) {
            d2[k] = dist[k] * dist[k];
            invMi[k] = 1.0 / system.masses[ci[k]];
            invMj[k] = 1.0 / system.masses[cj[k]];
        }
        int ng = groupStart.length - 1, size = 0;
        this.couplingStart = new int[ng];
        for (int g = 0; g < ng; g++) {
            int m = groupStart[g + 1] - groupStart[g];
            couplingStart[g] = size;
            if (m >= 2 && m <= MAX_DIRECT) size += m * m;
        }
        this.coupling = new double[size];
        this.strongCoupling = new boolean[ng];
        for (int g = 0; g < ng; g++) {
            int a = groupStart[g], m = groupStart[g + 1] - a;
            if (m < 2 || m > MAX_DIRECT) continue;
            double worst = 0;
            for (int k = a; k < a + m; k++) {
                for (int l = a; l < a + m; l++) {
                    // moving along l: atom ci[l] by −r_l/m, cj[l] by +r_l/m; bond k = cj[k] − ci[k]
                    double c = 0;
                    if (cj[k] == cj[l]) c += invMj[k];
                    if (cj[k] == ci[l]) c -= invMj[k];
                    if (ci[k] == cj[l]) c -= invMi[k];
                    if (ci[k] == ci[l]) c += invMi[k];
                    coupling[couplingStart[g] + (k - a) * m + (l - a)] = c;
                    if (k != l) worst = Math.max(worst, Math.abs(c) / (invMi[k] + invMj[k]));
                }
            }
            strongCoupling[g] = worst > 0.25;
        }
        refX = new double[npairs]; refY = new double[npairs]; refZ = new double[npairs];
        imgX = new double[npairs]; imgY = new double[npairs]; imgZ = new double[npairs];
        multiplier = new double[npairs];
        this.replaced = replaced;
        this.settle = settle;
        this.tol = tol;
    }

    /** Constraint indices grouped by connected component (components by first appearance, stable inside). */
    private static int[] groupOrder(int[] root, int[] ci) {
        int n = ci.length;
        int[] firstOfRoot = new int[root.length];
        java.util.Arrays.fill(firstOfRoot, -1);
        Integer[] idx = new Integer[n];
        for (int k = 0; k < n; k++) {
            idx[k] = k;
            int r = root[ci[k]];
            if (firstOfRoot[r] < 0) firstOfRoot[r] = k;
        }
        java.util.Arrays.sort(idx, java.util.Comparator.comparingInt((Integer k) -> firstOfRoot[root[ci[k]]]).thenComparingInt(k -> k));
        int[] order = new int[n];
        for (int k = 0; k < n; k++) order[k] = idx[k];
        return order;
    }

    /** Starts of the runs of equal component in an ordered constraint list, and n at the end. */
    private static int[] groupStarts(int[] root, int[] ci) {
        it.unimi.dsi.fastutil.ints.IntArrayList starts = new it.unimi.dsi.fastutil.ints.IntArrayList();
        for (int k = 0; k < ci.length; k++) if (k == 0 || root[ci[k]] != root[ci[k - 1]]) starts.add(k);
        starts.add(ci.length);
        return starts.toIntArray();
    }

    /** Root atom of each atom's component under the constraint bonds. */
    private static int[] unionFind(int natoms, int[] ci, int[] cj) {
        int[] parent = new int[natoms];
        for (int i = 0; i < natoms; i++) parent[i] = i;
        for (int k = 0; k < ci.length; k++) {
            int a = find(parent, ci[k]), b = find(parent, cj[k]);
            if (a != b) parent[Math.max(a, b)] = Math.min(a, b);
        }
        for (int i = 0; i < natoms; i++) parent[i] = find(parent, i);
        return parent;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Fewer pair constraints than this stay on the calling thread. */
    static final int MIN_PARALLEL = 1000;

    /**
     * Runs SHAKE and RATTLE on the pool's threads, each on whole groups (about equal shares): every group is
     * iterated alone and in the same order as on one thread, so positions and velocities are the same bits
     * for any thread count (the virial is summed per thread).
     */
    @Override
    public void attach(WorkerPool pool) {
        this.pool = pool;
        int t = pool == null ? 1 : pool.threads();
        if (t < 2 || npairs < MIN_PARALLEL) {
            cuts = null;
            return;
        }
        cuts = new int[t + 1];
        cuts[t] = npairs;
        for (int k = 1; k < t; k++) {
            int target = (int) ((long) npairs * k / t);
            int g = java.util.Arrays.binarySearch(groupStart, target);
            if (g < 0) g = -g - 1;
            cuts[k] = Math.max(cuts[k - 1], groupStart[Math.min(g, groupStart.length - 1)]);
        }
        threadScratch = new double[t][3];
        threadRef = new double[t][3];
        threadMatrix = new double[t][MAX_DIRECT * MAX_DIRECT + MAX_DIRECT];
        threadVirial = new double[t][6];
    }

    /** The constraints of a system for the mode, tolerance {@link #DEFAULT_TOLERANCE}. */
    public static ConstraintSet of(MdSystem system, ConstraintMode mode) {
        return of(system, mode, DEFAULT_TOLERANCE);
    }

    public static ConstraintSet of(MdSystem system, ConstraintMode mode, double tolerance) {
        if (!(tolerance > 0 && tolerance < 0.1)) throw new IllegalArgumentException("constraint tolerance must be in (0, 0.1): " + tolerance);
        FlatTopology top = system.topology;
        FlatTopology.Terms bonds = top.terms(TermKind.HARMONIC_BOND);
        FlatTopology.Terms settles = top.terms(TermKind.SETTLE);
        boolean[] inSettle = new boolean[top.natoms];
        for (int k = 0; k < settles.count() * 3; k++) inSettle[settles.atoms()[k]] = true;
        boolean[] repl = new boolean[bonds.count()];
        int n = 0;
        for (int k = 0; k < bonds.count(); k++) {
            int a = bonds.atoms()[2 * k], b = bonds.atoms()[2 * k + 1];
            if (inSettle[a] && inSettle[b]) continue;
            boolean take = mode == ConstraintMode.ALL_BONDS || (mode == ConstraintMode.H_BONDS && (isHydrogen(top, a) || isHydrogen(top, b)));
            repl[k] = take;
            if (take) n++;
        }
        FlatTopology.Terms c1 = top.terms(TermKind.CONSTRAINT), c2 = top.terms(TermKind.CONSTRAINT_NO_CONNECTION);
        n += c1.count() + c2.count();
        int[] ci = new int[n], cj = new int[n];
        double[] d = new double[n];
        int m = 0;
        for (FlatTopology.Terms t : new FlatTopology.Terms[] {c1, c2}) {
            for (int k = 0; k < t.count(); k++) {
                ci[m] = t.atoms()[2 * k];
                cj[m] = t.atoms()[2 * k + 1];
                d[m++] = t.params()[k];
            }
        }
        for (int k = 0; k < bonds.count(); k++) {
            if (!repl[k]) continue;
            ci[m] = bonds.atoms()[2 * k];
            cj[m] = bonds.atoms()[2 * k + 1];
            d[m++] = bonds.params()[2 * k];
        }
        for (int k = 0; k < n; k++) {
            if (!(d[k] > 0)) {
                throw new IllegalArgumentException("constraint between " + system.describeAtom(ci[k]) + " and "
                        + system.describeAtom(cj[k]) + " has length " + d[k] + " nm; constraints need a positive length");
            }
        }
        Settle st = settles.count() == 0 ? null : new Settle(system, settles);
        return new ConstraintSet(system, ci, cj, d, repl, st, tolerance);
    }

    /** GROMACS's rule for h-bonds: the atom name starts with H (after digits), and it is light. */
    static boolean isHydrogen(FlatTopology top, int a) {
        String nm = top.atomName[a];
        int p = 0;
        while (p < nm.length() && Character.isDigit(nm.charAt(p))) p++;
        return p < nm.length() && Character.toUpperCase(nm.charAt(p)) == 'H' && top.mass[a] < 4.5;
    }

    /** Which harmonic-bond terms (index into the topology's HARMONIC_BOND terms) became constraints. */
    public boolean[] replacedBonds() {
        return replaced.clone();
    }

    /** Pair constraints: atoms i[k]–j[k] held at length[k] nm. */
    public record Pairs(int[] i, int[] j, double[] length) {}

    /** The pair constraints (without SETTLE waters), copies. */
    public Pairs pairs() {
        return new Pairs(ci.clone(), cj.clone(), dist.clone());
    }

    /** Number of SHAKE/RATTLE pair constraints (without SETTLE waters). */
    public int pairCount() {
        return npairs;
    }

    public int settleCount() {
        return settle == null ? 0 : settle.count();
    }

    @Override
    public int count() {
        return npairs + 3 * settleCount();
    }

    private static void diff(State s, double[] x, double[] y, double[] z, int i, int j, double[] out) {
        out[0] = x[j] - x[i];
        out[1] = y[j] - y[i];
        out[2] = z[j] - z[i];
        s.box.minimumImage(out);
    }


    @Override
    public void constrainPositions(State s, double[] xr, double[] yr, double[] zr, double dt) {
        if (settle != null) settle.positions(s, xr, yr, zr, dt);
        if (npairs == 0) return;
        if (cuts == null) {
            positions(s, xr, yr, zr, dt, 0, npairs, threadScratch[0], threadRef[0], threadMatrix[0]);
            return;
        }
        cur = s; curXr = xr; curYr = yr; curZr = zr; curDt = dt;
        try {
            pool.run(positionsTask);
        } finally {
            cur = null; curXr = curYr = curZr = null;
        }
    }

    /**
     * SHAKE on constraints [from, to) (whole groups), each group iterated alone until all its constraints hold
     * (a converged group is not swept again while others still move): strongly coupled groups of 2 to
     * {@link #MAX_DIRECT} constraints by Newton's method on all their multipliers at once (M-SHAKE, quadratic
     * convergence), the others by SHAKE sweeps. Per constraint, once per call: the
     * reference vector (minimum image of the reference positions) and the image shift of the current
     * difference; the velocity correction is applied once from the summed multipliers. w, ref: the thread's
     * scratch vectors.
     */
    private void positions(State s, double[] xr, double[] yr, double[] zr, double dt, int from, int to, double[] w, double[] ref,
                           double[] mat) {
        double[] x = s.x, y = s.y, z = s.z;
        for (int g = java.util.Arrays.binarySearch(groupStart, from); g < groupStart.length - 1 && groupStart[g] < to; g++) {
            int a = groupStart[g], b = groupStart[g + 1];
            for (int k = a; k < b; k++) {
                int i = ci[k], j = cj[k];
                diff(s, xr, yr, zr, i, j, ref);
                refX[k] = ref[0]; refY[k] = ref[1]; refZ[k] = ref[2];
                double ux = x[j] - x[i], uy = y[j] - y[i], uz = z[j] - z[i];
                w[0] = ux; w[1] = uy; w[2] = uz;
                s.box.minimumImage(w);
                imgX[k] = w[0] - ux; imgY[k] = w[1] - uy; imgZ[k] = w[2] - uz;
                multiplier[k] = 0;
            }
            if (!direct || !strongCoupling[g] || !newtonGroup(s, g, a, b, mat)) shakeGroup(s, a, b);
            if (dt > 0) {
                double invDt = 1.0 / dt;
                for (int k = a; k < b; k++) shiftAlong(k, multiplier[k] * invDt, s.vx, s.vy, s.vz);
            }
        }
    }

    /**
     * Newton's method on the multipliers of group g, constraints [a, b): J·δg = d² − s² with J_kl = 2 c_kl s_k·r_l
     * (s the current, r the reference bond vectors, c the inverse-mass coupling); false if J is singular or 50
     * steps do not converge: then SHAKE goes on from where it stopped (the multipliers summed so far stay).
     */
    private boolean newtonGroup(State s, int g, int a, int b, double[] mat) {
        double[] x = s.x, y = s.y, z = s.z;
        final int m = b - a, c0 = couplingStart[g], rhs = m * m;
        for (int it = 0; it < 50; it++) {
            boolean done = true;
            for (int k = a; k < b; k++) {
                int i = ci[k], j = cj[k];
                double ux = x[j] - x[i] + imgX[k], uy = y[j] - y[i] + imgY[k], uz = z[j] - z[i] + imgZ[k];
                double dd = d2[k] - (ux * ux + uy * uy + uz * uz);
                mat[rhs + k - a] = dd;
                if (Math.abs(dd) > 2 * tol * d2[k]) done = false;
                if (ux * refX[k] + uy * refY[k] + uz * refZ[k] < 1e-6 * d2[k]) fail(k, s, "rotated too far in one step");
                for (int l = a; l < b; l++) {
                    double c = coupling[c0 + (k - a) * m + (l - a)];
                    mat[(k - a) * m + (l - a)] = c == 0 ? 0 : 2 * c * (ux * refX[l] + uy * refY[l] + uz * refZ[l]);
                }
            }
            if (done) return true;
            if (!SmallLinearSystem.solve(mat, m, rhs)) return false;
            for (int k = a; k < b; k++) {
                double gk = mat[rhs + k - a];
                multiplier[k] += gk;
                shiftAlong(k, gk, x, y, z);
            }
        }
        return false;
    }

    /** Moves the atoms of constraint k along its reference bond: i by −g·r/m_i, j by +g·r/m_j (positions or velocities). */
    private void shiftAlong(int k, double g, double[] ax, double[] ay, double[] az) {
        int i = ci[k], j = cj[k];
        double ai = g * invMi[k], aj = g * invMj[k];
        ax[i] -= ai * refX[k]; ay[i] -= ai * refY[k]; az[i] -= ai * refZ[k];
        ax[j] += aj * refX[k]; ay[j] += aj * refY[k]; az[j] += aj * refZ[k];
    }

    /** r·v_ij along constraint k's bond vector, plus the MTK strain rates' part (ra, rb, rc; zero without a barostat). */
    private double alongBond(int k, double[] vx, double[] vy, double[] vz, double ra, double rb, double rc) {
        int i = ci[k], j = cj[k];
        double rx = refX[k], ry = refY[k], rz = refZ[k];
        return rx * (vx[j] - vx[i]) + ry * (vy[j] - vy[i]) + rz * (vz[j] - vz[i]) + ra * rx * rx + rb * ry * ry + rc * rz * rz;
    }

    /** The SHAKE iterations of the group of constraints [a, b), summing each one's multiplier. */
    private void shakeGroup(State s, int a, int b) {
        double[] x = s.x, y = s.y, z = s.z;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            boolean done = true;
            for (int k = a; k < b; k++) {
                int i = ci[k], j = cj[k];
                double sx = x[j] - x[i] + imgX[k], sy = y[j] - y[i] + imgY[k], sz = z[j] - z[i] + imgZ[k];
                double dd = d2[k] - (sx * sx + sy * sy + sz * sz);
                if (Math.abs(dd) <= 2 * tol * d2[k]) continue;
                done = false;
                double rx = refX[k], ry = refY[k], rz = refZ[k];
                double dot = sx * rx + sy * ry + sz * rz;
                if (dot < 1e-6 * d2[k]) fail(k, s, "rotated too far in one step");
                double g = dd / (2 * (invMi[k] + invMj[k]) * dot);
                multiplier[k] += g;
                shiftAlong(k, g, x, y, z);
            }
            if (done) return;
        }
        fail(worst(s, a, b), s, "did not converge in " + MAX_ITERATIONS + " SHAKE iterations");
    }

    @Override
    public void constrainVelocities(State s, double impulseTime, double[] virial, double[] rates) {
        if (settle != null) settle.velocities(s, impulseTime, virial, rates);
        if (npairs == 0) return;
        boolean mtk = rates != null && (rates[0] != 0 || rates[1] != 0 || rates[2] != 0);
        double[] r = mtk ? rates : null;
        if (cuts == null) {
            java.util.Arrays.fill(threadVirial[0], 0);
            velocities(s, r, 0, npairs, threadScratch[0], threadVirial[0], threadMatrix[0]);
        } else {
            cur = s; curRates = r;
            try {
                pool.run(velocitiesTask);
            } finally {
                cur = null; curRates = null;
            }
        }
        if (virial != null) {
            double f = 1.0 / impulseTime;
            for (double[] w : threadVirial) {
                virial[0] += w[0] * f; virial[1] += w[1] * f; virial[2] += w[2] * f;
                virial[3] += w[1] * f; virial[4] += w[3] * f; virial[5] += w[4] * f;
                virial[6] += w[2] * f; virial[7] += w[4] * f; virial[8] += w[5] * f;
            }
        }
    }

    /**
     * RATTLE on constraints [from, to) (whole groups), each group alone, the bond vectors computed once. The
     * velocity constraints are linear: a group of 2 … {@link #MAX_DIRECT} is solved at once (a dense system, then
     * one check sweep), single constraints and larger groups are iterated (Gauss–Seidel). The virial sums (xx, xy, xz, yy, yz, zz, without 1/impulse time) into vir.
     */
    private void velocities(State s, double[] rates, int from, int to, double[] scr, double[] vir, double[] mat) {
        double ra = rates != null ? rates[0] : 0, rb = rates != null ? rates[1] : 0, rc = rates != null ? rates[2] : 0;
        double[] x = s.x, y = s.y, z = s.z, vx = s.vx, vy = s.vy, vz = s.vz;
        double w00 = 0, w01 = 0, w02 = 0, w11 = 0, w12 = 0, w22 = 0;
        for (int g = java.util.Arrays.binarySearch(groupStart, from); g < groupStart.length - 1 && groupStart[g] < to; g++) {
            int a = groupStart[g], b = groupStart[g + 1];
            for (int k = a; k < b; k++) {
                diff(s, x, y, z, ci[k], cj[k], scr);
                refX[k] = scr[0]; refY[k] = scr[1]; refZ[k] = scr[2];
                multiplier[k] = 0;
            }
            int m = b - a;
            for (int it = 0; direct && m >= 2 && m <= MAX_DIRECT; it++) { // linear: one solve, then a check (rarely a second)
                boolean done = true;
                int c0 = couplingStart[g], rhs = m * m;
                for (int k = a; k < b; k++) {
                    double rx = refX[k], ry = refY[k], rz = refZ[k];
                    double rv = alongBond(k, vx, vy, vz, ra, rb, rc);
                    if (Math.abs(rv) > tol * d2[k] * 1000) done = false;
                    mat[rhs + k - a] = rv;
                    for (int l = a; l < b; l++) {
                        double c = coupling[c0 + (k - a) * m + (l - a)];
                        mat[(k - a) * m + (l - a)] = c == 0 ? 0 : c * (rx * refX[l] + ry * refY[l] + rz * refZ[l]);
                    }
                }
                if (done || it == 5 || !SmallLinearSystem.solve(mat, m, rhs)) break; // not done: Gauss–Seidel below
                for (int k = a; k < b; k++) {
                    double gk = mat[rhs + k - a];
                    multiplier[k] += gk;
                    shiftAlong(k, -gk, vx, vy, vz);
                }
            }
            for (int it = 0; ; it++) {
                if (it == MAX_ITERATIONS) fail(worst(s, a, b), s, "velocities did not converge in " + MAX_ITERATIONS + " RATTLE iterations");
                boolean done = true;
                for (int k = a; k < b; k++) {
                    double rv = alongBond(k, vx, vy, vz, ra, rb, rc);
                    // relative velocity along the bond below tol·d per fs (rv = r·v_ij ≈ d·v_along)
                    if (Math.abs(rv) <= tol * d2[k] * 1000) continue;
                    done = false;
                    double gk = rv / ((invMi[k] + invMj[k]) * d2[k]);
                    multiplier[k] += gk;
                    shiftAlong(k, -gk, vx, vy, vz);
                }
                if (done) break;
            }
            // force on j is −g·r/impulseTime; W += r_ij ⊗ F_j
            for (int k = a; k < b; k++) {
                double gk = multiplier[k], rx = refX[k], ry = refY[k], rz = refZ[k];
                w00 -= gk * rx * rx; w01 -= gk * rx * ry; w02 -= gk * rx * rz;
                w11 -= gk * ry * ry; w12 -= gk * ry * rz; w22 -= gk * rz * rz;
            }
        }
        vir[0] = w00; vir[1] = w01; vir[2] = w02; vir[3] = w11; vir[4] = w12; vir[5] = w22;
    }

    @Override
    public double maxRelativeDeviation(State s) {
        double worst = settle == null ? 0 : settle.maxRelativeDeviation(s);
        for (int k = 0; k < npairs; k++) {
            diff(s, s.x, s.y, s.z, ci[k], cj[k], scratch);
            double r = Math.sqrt(scratch[0] * scratch[0] + scratch[1] * scratch[1] + scratch[2] * scratch[2]);
            worst = Math.max(worst, Math.abs(r - dist[k]) / dist[k]);
        }
        return worst;
    }

    private int worst(State s, int from, int to) {
        int w = from;
        double wd = -1;
        double[] scratch = new double[3]; // only on the way to an error
        for (int k = from; k < to; k++) {
            diff(s, s.x, s.y, s.z, ci[k], cj[k], scratch);
            double dev = Math.abs(scratch[0] * scratch[0] + scratch[1] * scratch[1] + scratch[2] * scratch[2] - d2[k]) / d2[k];
            if (!(dev <= wd)) {
                wd = dev;
                w = k;
            }
        }
        return w;
    }

    private void fail(int k, State s, String what) {
        double[] scratch = new double[3]; // a thread may fail while another runs
        diff(s, s.x, s.y, s.z, ci[k], cj[k], scratch);
        double r = Math.sqrt(scratch[0] * scratch[0] + scratch[1] * scratch[1] + scratch[2] * scratch[2]);
        throw new ConstraintFailureException(String.format(Locale.ROOT, "step %d: constraint between %s and %s %s "
                + "(length %.4f nm, should be %.4f nm): the system is blowing up; minimize first, use a shorter dt or "
                + "check the topology", s.step, system.describeAtom(ci[k]), system.describeAtom(cj[k]), what, r, dist[k]));
    }
}
