package org.sheath.engine.integrate.minimize;

import org.sheath.engine.context.Context;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.integrate.constraint.ConstraintFailureException;
import org.sheath.engine.integrate.constraint.Constraints;
import org.sheath.engine.system.State;

/**
 * Steepest descent as GROMACS's {@code integrator = steep} ({@code do_steep}): the largest displacement
 * of any atom is ustep, starting at {@code emstep}; the trial is x' = x + ustep·F/Fmax (then constrained,
 * with the accepted positions as reference); if E(x') &lt; E(x) the step is accepted and ustep grows
 * ×1.2, else it is rejected and ustep shrinks ×0.5. It stops when Fmax &lt; emtol (converged), after
 * {@code nsteps} iterations, or when ustep &lt; 1e-12 nm (GROMACS's double-precision limit with 1 nm as the
 * characteristic length: about 10⁴ ulp of coordinates of a few nm) — "converged to machine precision",
 * not an error. A trial whose energy or forces are not finite, or whose constraints fail, is rejected
 * (GROMACS sets its energy to +∞). The state ends at the lowest-energy positions found, and
 * {@code context.forces()} holds their (projected) forces.
 *
 * <p>Step counting is GROMACS's: iteration 0 evaluates the start, each later iteration one trial, and
 * the reported steps are the iterations done (so nsteps = N gives at most N + 1 evaluations).
 */
public final class SteepestDescent implements Minimizer {
    /** Smallest ustep, nm, below which the minimisation stops at machine precision. */
    public static final double MIN_USTEP = 1e-12;
    static final String ALGORITHM = "Steepest Descents";

    @Override
    public String name() {
        return "steep";
    }

    @Override
    public MinimizationResult minimize(Context context, Constraints constraints, MinimizationOptions options,
                                       MinimizationListener listener) {
        if (listener == null) listener = MinimizationListener.NONE;
        Evaluator ev = new Evaluator(context, constraints);
        State s = context.state();
        int n = s.natoms;
        double[] x = s.x, y = s.y, z = s.z;
        double[] xm = new double[n], ym = new double[n], zm = new double[n];
        double[] fxm = new double[n], fym = new double[n], fzm = new double[n];
        long savedStep = s.step;
        double emtol = options.emtol();
        long nsteps = options.nsteps();
        double ustep = options.emstep();
        double stepsize = 0;
        double eMin = 0, fmaxMin = 0;
        boolean done = false, abort = false, lastAccepted = false;
        MinimizationResult.Stop stop = MinimizationResult.Stop.MAX_STEPS;
        long count = 0;
        try {
            ev.constrainStart(xm, ym, zm);
            while (!done && !abort) {
                s.step = count;
                boolean valid = true;
                if (count > 0) {
                    for (int i = 0; i < n; i++) {
                        x[i] = xm[i] + stepsize * fxm[i];
                        y[i] = ym[i] + stepsize * fym[i];
                        z[i] = zm[i] + stepsize * fzm[i];
                    }
                    if (ev.constrained()) {
                        try {
                            ev.constraints.constrainPositions(s, xm, ym, zm, 0);
                        } catch (ConstraintFailureException e) {
                            valid = false;
                        }
                    }
                }
                // the start must evaluate (it throws on non-finite forces); a bad trial is rejected
                if (valid) valid = ev.evaluate(count > 0);
                double eTry = valid ? ev.energy : Double.POSITIVE_INFINITY;
                lastAccepted = count == 0 || eTry < eMin;
                if (lastAccepted) {
                    eMin = eTry;
                    fmaxMin = ev.fmax;
                    done = ev.fmax < emtol || ev.fmax == 0;
                    System.arraycopy(x, 0, xm, 0, n);
                    System.arraycopy(y, 0, ym, 0, n);
                    System.arraycopy(z, 0, zm, 0, n);
                    ForceAccumulator f = ev.forces();
                    System.arraycopy(f.fx, 0, fxm, 0, n);
                    System.arraycopy(f.fy, 0, fym, 0, n);
                    System.arraycopy(f.fz, 0, fzm, 0, n);
                    if (count > 0) ustep *= 1.2;
                    listener.accepted(count, eTry, ev.fmax);
                } else {
                    ustep *= 0.5;
                }
                if (!done) stepsize = ustep / fmaxMin;
                if (count == nsteps || ustep < MIN_USTEP) {
                    abort = true;
                    stop = count == nsteps ? MinimizationResult.Stop.MAX_STEPS : MinimizationResult.Stop.MACHINE_PRECISION;
                }
                count++;
            }
            if (done) stop = MinimizationResult.Stop.CONVERGED;
            if (!lastAccepted) {
                // back to the lowest-energy positions, and their forces into the context
                System.arraycopy(xm, 0, x, 0, n);
                System.arraycopy(ym, 0, y, 0, n);
                System.arraycopy(zm, 0, z, 0, n);
                ev.evaluate(false);
            }
        } finally {
            s.step = savedStep;
        }
        return ev.result(ALGORITHM, stop, count, emtol);
    }
}
