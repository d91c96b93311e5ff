package org.sheath.engine.integrate.minimize;

import org.sheath.engine.context.Context;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.integrate.constraint.Constraints;
import org.sheath.engine.system.State;

/**
 * Limited-memory BFGS (Nocedal, Math. Comp. 35, 773 (1980); Nocedal &amp; Wright, Numerical Optimization,
 * Algorithms 7.4–7.5) with a backtracking Armijo line search. The direction is −H·∇E from the last
 * {@link #memory()} steps (GROMACS's {@code nbfgscorr}, default 10) by the two-loop recursion with
 * H₀ = (sᵀy / yᵀy)·I; the first direction, and any that is not downhill, is steepest descent scaled so
 * that the atom that moves most moves {@code emstep}. Each iteration tries the full quasi-Newton step
 * (no atom moving more than {@link #maxMove()}), and backtracks by quadratic interpolation (clamped to
 * [0.1, 0.5] of the last trial) until E ≤ E₀ + 10⁻⁴·α·∇E·d. A pair (s, y) with sᵀy ≤ 0 is not stored.
 * Coordinates are used unwrapped as they are (minimum-image forces make that exact).
 *
 * <p>Every accepted iteration lowers the energy. It stops when Fmax &lt; emtol, after nsteps iterations,
 * or at machine precision: when even a steepest-descent line search cannot lower the energy with a
 * step above 10⁻¹² nm. A trial with non-finite energy or forces counts as too long. Constraints are not
 * supported (as in GROMACS): use steep or fire.
 */
public final class Lbfgs implements Minimizer {
    static final String ALGORITHM = "Low-Memory BFGS Minimizer";
    private static final double C1 = 1e-4;
    private static final double MIN_MOVE = SteepestDescent.MIN_USTEP;

    private final int memory;
    private final double maxMove;

    /** Memory 10, steps of at most 0.1 nm for any atom. */
    public Lbfgs() {
        this(10, 0.1);
    }

    public Lbfgs(int memory, double maxMove) {
        if (memory < 1) throw new IllegalArgumentException("L-BFGS memory must be at least 1, got " + memory);
        if (!(maxMove > 0) || Double.isInfinite(maxMove)) {
            throw new IllegalArgumentException("L-BFGS largest move must be a positive length in nm, got " + maxMove);
        }
        this.memory = memory;
        this.maxMove = maxMove;
    }

    public int memory() {
        return memory;
    }

    public double maxMove() {
        return maxMove;
    }

    @Override
    public String name() {
        return "lbfgs";
    }

    @Override
    public MinimizationResult minimize(Context context, Constraints constraints, MinimizationOptions options,
                                       MinimizationListener listener) {
        if (constraints != null && constraints.count() > 0) {
            throw new IllegalArgumentException("the L-BFGS minimizer does not support constraints (nor does GROMACS's); "
                    + "use steep or fire, or minimize without constraints");
        }
        if (listener == null) listener = MinimizationListener.NONE;
        Evaluator ev = new Evaluator(context, Constraints.NONE);
        State s = context.state();
        int n = s.natoms, n3 = 3 * n;
        double[] x = s.x, y = s.y, z = s.z;
        double[] xk = new double[n3], gk = new double[n3], g = new double[n3], d = new double[n3];
        double[][] sm = new double[memory][n3], ym = new double[memory][n3];
        double[] rho = new double[memory], al = new double[memory];
        int stored = 0, head = 0; // pairs in memory; next slot to write
        double emtol = options.emtol();
        long savedStep = s.step;
        MinimizationResult.Stop stop = MinimizationResult.Stop.MAX_STEPS;
        long iter = 0;
        boolean atMin = true; // the state holds xk and the context its forces
        try {
            s.step = 0;
            ev.evaluate(false);
            double ek = ev.energy, fmaxK = ev.fmax;
            gather(x, y, z, xk, n);
            gradient(ev.forces(), gk, n);
            listener.accepted(0, ek, fmaxK);
            if (fmaxK < emtol || fmaxK == 0) stop = MinimizationResult.Stop.CONVERGED;
            while (stop != MinimizationResult.Stop.CONVERGED && iter < options.nsteps()) {
                s.step = iter + 1;
                // direction d = −H·g (two-loop recursion), steepest descent when the memory is empty
                boolean steepest = stored == 0;
                double dg;
                if (!steepest) {
                    System.arraycopy(gk, 0, d, 0, n3);
                    for (int k = 0; k < stored; k++) {
                        int j = Math.floorMod(head - 1 - k, memory);
                        al[j] = rho[j] * dot(sm[j], d, n3);
                        axpy(-al[j], ym[j], d, n3);
                    }
                    int last = Math.floorMod(head - 1, memory);
                    scale(dot(sm[last], ym[last], n3) / dot(ym[last], ym[last], n3), d, n3);
                    for (int k = stored - 1; k >= 0; k--) {
                        int j = Math.floorMod(head - 1 - k, memory);
                        double b = rho[j] * dot(ym[j], d, n3);
                        axpy(al[j] - b, sm[j], d, n3);
                    }
                    scale(-1, d, n3);
                    dg = dot(d, gk, n3);
                    if (!(dg < 0)) {
                        stored = 0;
                        steepest = true;
                    }
                }
                if (steepest) {
                    for (int i = 0; i < n3; i++) d[i] = -gk[i] * (options.emstep() / fmaxK);
                }
                dg = dot(d, gk, n3);
                double dmax = largestMove(d, n);
                double alpha = Math.min(1, maxMove / dmax);
                // backtracking line search on E(xk + α d)
                boolean accepted = false;
                while (alpha * dmax >= MIN_MOVE) {
                    for (int i = 0; i < n; i++) {
                        x[i] = xk[i] + alpha * d[i];
                        y[i] = xk[n + i] + alpha * d[n + i];
                        z[i] = xk[2 * n + i] + alpha * d[2 * n + i];
                    }
                    atMin = false;
                    boolean ok = ev.evaluate(true);
                    if (ok && ev.energy <= ek + C1 * alpha * dg && ev.energy < ek) {
                        accepted = true;
                        break;
                    }
                    double next = 0.1 * alpha;
                    if (ok) {
                        double q = -dg * alpha * alpha / (2 * (ev.energy - ek - dg * alpha));
                        if (q > next) next = Math.min(q, 0.5 * alpha);
                    }
                    alpha = next;
                }
                if (!accepted) {
                    restore(xk, x, y, z, n);
                    if (steepest) {
                        stop = MinimizationResult.Stop.MACHINE_PRECISION;
                        break;
                    }
                    stored = 0; // forget the curvature and retry downhill (this iteration does not count)
                    continue;
                }
                iter++;
                atMin = true;
                gradient(ev.forces(), g, n);
                // s = α d, y = g − gk; store when the curvature is positive
                double[] sNew = sm[head], yNew = ym[head];
                double sy = 0;
                for (int i = 0; i < n3; i++) {
                    sNew[i] = alpha * d[i];
                    yNew[i] = g[i] - gk[i];
                    sy += sNew[i] * yNew[i];
                }
                if (sy > 0) {
                    rho[head] = 1 / sy;
                    head = (head + 1) % memory;
                    stored = Math.min(stored + 1, memory);
                }
                gather(x, y, z, xk, n);
                System.arraycopy(g, 0, gk, 0, n3);
                ek = ev.energy;
                fmaxK = ev.fmax;
                listener.accepted(iter, ek, fmaxK);
                if (fmaxK < emtol || fmaxK == 0) stop = MinimizationResult.Stop.CONVERGED;
            }
            if (!atMin) {
                restore(xk, x, y, z, n);
                ev.evaluate(false);
            }
        } finally {
            s.step = savedStep;
        }
        return ev.result(ALGORITHM, stop, iter + 1, emtol);
    }

    private static void gather(double[] x, double[] y, double[] z, double[] out, int n) {
        System.arraycopy(x, 0, out, 0, n);
        System.arraycopy(y, 0, out, n, n);
        System.arraycopy(z, 0, out, 2 * n, n);
    }

    private static void restore(double[] in, double[] x, double[] y, double[] z, int n) {
        System.arraycopy(in, 0, x, 0, n);
        System.arraycopy(in, n, y, 0, n);
        System.arraycopy(in, 2 * n, z, 0, n);
    }

    private static void gradient(ForceAccumulator f, double[] g, int n) {
        for (int i = 0; i < n; i++) {
            g[i] = -f.fx[i];
            g[n + i] = -f.fy[i];
            g[2 * n + i] = -f.fz[i];
        }
    }

    private static double largestMove(double[] d, int n) {
        double m2 = 0;
        for (int i = 0; i < n; i++) m2 = Math.max(m2, d[i] * d[i] + d[n + i] * d[n + i] + d[2 * n + i] * d[2 * n + i]);
        return Math.sqrt(m2);
    }

    private static double dot(double[] a, double[] b, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) sum += a[i] * b[i];
        return sum;
    }

    private static void axpy(double a, double[] xs, double[] ys, int n) {
        for (int i = 0; i < n; i++) ys[i] += a * xs[i];
    }

    private static void scale(double a, double[] xs, int n) {
        for (int i = 0; i < n; i++) xs[i] *= a;
    }
}
