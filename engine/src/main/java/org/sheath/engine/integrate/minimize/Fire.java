package org.sheath.engine.integrate.minimize;

import org.sheath.engine.context.Context;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.integrate.constraint.ConstraintFailureException;
import org.sheath.engine.integrate.constraint.Constraints;
import org.sheath.engine.system.State;

/**
 * FIRE 2.0, the fast inertial relaxation engine (Bitzek et al., PRL 97, 170201 (2006); version 2.0 of
 * Guénault et al., Comput. Mater. Sci. 175, 109584 (2020), their Algorithm 2): damped dynamics with
 * uniform masses, semi-implicit Euler steps, velocities mixed towards the force direction
 * v ← (1−α)v + α|v|F̂ and, when the power P = F·v turns non-positive, a half step back, v = 0, Δt ×f_dec
 * and α = α_start; after N_delay steps with P &gt; 0 Δt grows ×f_inc (up to Δt_max) and α shrinks ×f_α.
 * Initial delay and half-step-back are on, as in the paper. Norms and F̂ are over the whole system.
 *
 * <p>On top of the paper, as LAMMPS's {@code min_style fire}: no atom moves more than
 * {@link MinimizationOptions#emstep()} in one step (the step and the velocities are scaled down
 * together when one would). It stops when Fmax &lt; emtol, after nsteps, or (stalled) after
 * {@link Parameters#maxUphill()} consecutive steps with P ≤ 0. With constraints, the forces are
 * projected (see {@link Minimizer}), every step is constrained with the positions before it as
 * reference and the velocities get the same correction (SHAKE). A step whose energy or forces are not
 * finite is undone (v = 0, Δt ×f_dec). The state ends at the last positions (FIRE's energy is not
 * monotone, but its last point is the one that met the criterion); its velocities are restored.
 */
public final class Fire implements Minimizer {
    static final String ALGORITHM = "FIRE";

    /**
     * FIRE 2.0's parameters; {@link #DEFAULTS} are the paper's (Table 1) with Δt for molecular systems.
     *
     * @param dt         initial time step, ps (masses uniform: 1 amu). 0.5 fs with 1 amu makes the stiffest
     *                   bond stretches (X=O, C–H) stable at Δt and leaves Δt_max = 10Δt to the
     *                   FIRE mechanism, which backs off where that is too large
     * @param dtMax      largest time step, ps (paper: 10 Δt)
     * @param dtMin      smallest time step, ps (paper: 0.02 Δt)
     * @param nDelay     steps with P &gt; 0 before Δt may grow (N_delay = 20)
     * @param fInc       Δt growth (1.1)
     * @param fDec       Δt shrink on P ≤ 0 (0.5)
     * @param alphaStart initial mixing (0.25)
     * @param fAlpha     mixing decay (0.99)
     * @param maxUphill  consecutive P ≤ 0 steps before stopping (N_{P&lt;0,max} = 2000)
     */
    public record Parameters(double dt, double dtMax, double dtMin, int nDelay, double fInc, double fDec,
                             double alphaStart, double fAlpha, int maxUphill) {
        public static final Parameters DEFAULTS = of(0.0005);

        public Parameters {
            if (!(dt > 0 && dtMax >= dt && dtMin > 0 && dtMin <= dt) || Double.isInfinite(dtMax)) {
                throw new IllegalArgumentException("FIRE time steps need 0 < dtMin <= dt <= dtMax: " + dtMin + ", " + dt + ", " + dtMax);
            }
            if (nDelay < 0 || maxUphill < 1) throw new IllegalArgumentException("FIRE needs nDelay >= 0 and maxUphill >= 1");
            if (!(fInc >= 1) || !(fDec > 0 && fDec < 1) || !(alphaStart >= 0 && alphaStart < 1) || !(fAlpha > 0 && fAlpha <= 1)) {
                throw new IllegalArgumentException("FIRE needs fInc >= 1, 0 < fDec < 1, 0 <= alphaStart < 1, 0 < fAlpha <= 1");
            }
        }

        /** The paper's values for an initial time step dt (ps). */
        public static Parameters of(double dt) {
            return new Parameters(dt, 10 * dt, 0.02 * dt, 20, 1.1, 0.5, 0.25, 0.99, 2000);
        }
    }

    private final Parameters p;

    public Fire() {
        this(Parameters.DEFAULTS);
    }

    public Fire(Parameters parameters) {
        this.p = parameters;
    }

    public Parameters parameters() {
        return p;
    }

    @Override
    public String name() {
        return "fire";
    }

    @Override
    public MinimizationResult minimize(Context context, Constraints constraints, MinimizationOptions options,
                                       MinimizationListener listener) {
        if (listener == null) listener = MinimizationListener.NONE;
        Evaluator ev = new Evaluator(context, constraints);
        State s = context.state();
        int n = s.natoms;
        double[] x = s.x, y = s.y, z = s.z, vx = s.vx, vy = s.vy, vz = s.vz;
        double[] xr = new double[n], yr = new double[n], zr = new double[n];
        double[] svx = vx.clone(), svy = vy.clone(), svz = vz.clone();
        long savedStep = s.step;
        double emtol = options.emtol(), dmax = options.emstep();
        MinimizationResult.Stop stop = MinimizationResult.Stop.MAX_STEPS;
        long step = 0;
        try {
            java.util.Arrays.fill(vx, 0);
            java.util.Arrays.fill(vy, 0);
            java.util.Arrays.fill(vz, 0);
            s.step = 0;
            ev.constrainStart(xr, yr, zr);
            ev.evaluate(false);
            listener.accepted(0, ev.energy, ev.fmax);
            if (ev.fmax < emtol || ev.fmax == 0) stop = MinimizationResult.Stop.CONVERGED;
            double dt = p.dt(), dtLast = dt, alpha = p.alphaStart();
            int nPos = 0, nNeg = 0;
            while (stop != MinimizationResult.Stop.CONVERGED && step < options.nsteps()) {
                step++;
                s.step = step;
                ForceAccumulator f = ev.forces();
                double[] fx = f.fx, fy = f.fy, fz = f.fz;
                double power = 0;
                for (int i = 0; i < n; i++) power += fx[i] * vx[i] + fy[i] * vy[i] + fz[i] * vz[i];
                if (power > 0) {
                    nPos++;
                    nNeg = 0;
                    if (nPos > p.nDelay()) {
                        dt = Math.min(dt * p.fInc(), p.dtMax());
                        alpha *= p.fAlpha();
                    }
                } else {
                    nPos = 0;
                    nNeg++;
                    if (nNeg > p.maxUphill()) {
                        stop = MinimizationResult.Stop.STALLED;
                        step--; // no step taken
                        break;
                    }
                    if (step >= p.nDelay()) {
                        if (dt * p.fDec() >= p.dtMin()) dt *= p.fDec();
                        alpha = p.alphaStart();
                    }
                    // half step back along the last move (not re-evaluated, as in the paper), then stop
                    double h = 0.5 * dtLast;
                    for (int i = 0; i < n; i++) {
                        x[i] -= h * vx[i];
                        y[i] -= h * vy[i];
                        z[i] -= h * vz[i];
                    }
                    java.util.Arrays.fill(vx, 0);
                    java.util.Arrays.fill(vy, 0);
                    java.util.Arrays.fill(vz, 0);
                }
                // semi-implicit Euler with unit masses: v += Δt F, mixing, x += Δt v
                double vv = 0, ff = 0;
                for (int i = 0; i < n; i++) {
                    vx[i] += dt * fx[i];
                    vy[i] += dt * fy[i];
                    vz[i] += dt * fz[i];
                    vv += vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i];
                    ff += fx[i] * fx[i] + fy[i] * fy[i] + fz[i] * fz[i];
                }
                double c1 = 1 - alpha, c2 = ff > 0 ? alpha * Math.sqrt(vv / ff) : 0;
                double v2max = 0;
                for (int i = 0; i < n; i++) {
                    vx[i] = c1 * vx[i] + c2 * fx[i];
                    vy[i] = c1 * vy[i] + c2 * fy[i];
                    vz[i] = c1 * vz[i] + c2 * fz[i];
                    v2max = Math.max(v2max, vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]);
                }
                double move = dt * Math.sqrt(v2max);
                if (move > dmax) {
                    double sc = dmax / move;
                    for (int i = 0; i < n; i++) {
                        vx[i] *= sc;
                        vy[i] *= sc;
                        vz[i] *= sc;
                    }
                }
                System.arraycopy(x, 0, xr, 0, n);
                System.arraycopy(y, 0, yr, 0, n);
                System.arraycopy(z, 0, zr, 0, n);
                for (int i = 0; i < n; i++) {
                    x[i] += dt * vx[i];
                    y[i] += dt * vy[i];
                    z[i] += dt * vz[i];
                }
                dtLast = dt;
                boolean ok = true;
                if (ev.constrained()) {
                    try {
                        ev.constraints.constrainPositions(s, xr, yr, zr, dt);
                    } catch (ConstraintFailureException e) {
                        ok = false;
                    }
                }
                if (ok) ok = ev.evaluate(true);
                if (!ok) {
                    // undo: back to where the forces were finite, stop, smaller step
                    System.arraycopy(xr, 0, x, 0, n);
                    System.arraycopy(yr, 0, y, 0, n);
                    System.arraycopy(zr, 0, z, 0, n);
                    java.util.Arrays.fill(vx, 0);
                    java.util.Arrays.fill(vy, 0);
                    java.util.Arrays.fill(vz, 0);
                    dt = Math.max(dt * p.fDec(), p.dtMin());
                    alpha = p.alphaStart();
                    nPos = 0;
                    ev.evaluate(false);
                }
                listener.accepted(step, ev.energy, ev.fmax);
                if (ev.fmax < emtol || ev.fmax == 0) stop = MinimizationResult.Stop.CONVERGED;
            }
        } finally {
            s.step = savedStep;
            System.arraycopy(svx, 0, vx, 0, n);
            System.arraycopy(svy, 0, vy, 0, n);
            System.arraycopy(svz, 0, vz, 0, n);
        }
        return ev.result(ALGORITHM, stop, step + 1, emtol);
    }
}
