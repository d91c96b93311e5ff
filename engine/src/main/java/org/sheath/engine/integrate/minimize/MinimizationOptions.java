package org.sheath.engine.integrate.minimize;

import java.util.Locale;

/**
 * Settings shared by the minimisers, named after their GROMACS .mdp options.
 *
 * @param emtol  stop when the largest force on any atom is below this, kJ/mol/nm (GROMACS {@code emtol},
 *               default 10); 0 runs until {@code nsteps} or machine precision
 * @param nsteps most iterations (GROMACS {@code nsteps}; the initial evaluation is step 0, so at most
 *               nsteps + 1 force evaluations for steepest descent)
 * @param emstep steepest descent: initial largest displacement of any atom, nm (GROMACS {@code emstep},
 *               default 0.01); FIRE: the largest displacement of any atom in one step; L-BFGS: the
 *               largest displacement in its first (steepest-descent) step
 */
public record MinimizationOptions(double emtol, long nsteps, double emstep) {
    /** emtol 10 kJ/mol/nm, 50000 steps, emstep 0.01 nm. */
    public static final MinimizationOptions DEFAULTS = new MinimizationOptions(10.0, 50_000, 0.01);

    public MinimizationOptions {
        if (!(emtol >= 0) || Double.isInfinite(emtol)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "emtol must be a finite force >= 0 kJ/mol/nm (e.g. 10 or 100), got %s", emtol));
        }
        if (nsteps < 1) throw new IllegalArgumentException("nsteps must be at least 1, got " + nsteps);
        if (!(emstep > 0) || Double.isInfinite(emstep)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "emstep must be a positive finite length in nm (e.g. 0.01), got %s", emstep));
        }
    }

    public MinimizationOptions withEmtol(double value) {
        return new MinimizationOptions(value, nsteps, emstep);
    }

    public MinimizationOptions withNsteps(long value) {
        return new MinimizationOptions(emtol, value, emstep);
    }

    public MinimizationOptions withEmstep(double value) {
        return new MinimizationOptions(emtol, nsteps, value);
    }
}
