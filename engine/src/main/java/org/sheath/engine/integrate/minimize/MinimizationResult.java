package org.sheath.engine.integrate.minimize;

import java.util.Locale;

/**
 * What a minimisation ended with.
 *
 * @param algorithm        the algorithm as GROMACS names it in its final message ("Steepest Descents", "FIRE")
 * @param stop             why it stopped
 * @param steps            iterations as GROMACS counts them: the starting point is step 0 and counts, so a run
 *                         that converges at step k reports k + 1 (steepest descent: one force evaluation each)
 * @param emtol            the requested Fmax, kJ/mol/nm
 * @param potentialEnergy  final potential energy, kJ/mol
 * @param fmax             final largest force (constraint components projected out), kJ/mol/nm
 * @param fmaxAtom         the atom that has it (0-based; -1 for a system without atoms)
 * @param fmaxAtomDescription {@code MdSystem.describeAtom(fmaxAtom)}, e.g. "atom 123 (O1, residue 4 TFSI)"
 * @param rmsForce         √(Σ|F_i|²/N), GROMACS's "Norm of force", kJ/mol/nm
 * @param forceEvaluations force (and energy) evaluations done
 */
public record MinimizationResult(String algorithm, Stop stop, long steps, double emtol, double potentialEnergy,
                                 double fmax, int fmaxAtom, String fmaxAtomDescription, double rmsForce,
                                 long forceEvaluations) {
    /** Why a minimisation stopped. */
    public enum Stop {
        /** Fmax &lt; emtol. */
        CONVERGED,
        /**
         * Steepest descent, L-BFGS: no step longer than 1e-12 nm lowers the energy (GROMACS's "converged to
         * machine precision"); not an error, but Fmax &lt; emtol was not reached.
         */
        MACHINE_PRECISION,
        /** The steps ran out. */
        MAX_STEPS,
        /** FIRE: the power F·v stayed negative for too many consecutive steps (stuck). */
        STALLED
    }

    /** Fmax &lt; emtol was reached (a stop at machine precision is not an error, but not converged). */
    public boolean converged() {
        return stop == Stop.CONVERGED;
    }

    /**
     * One line as GROMACS ends a minimisation, e.g. "Steepest Descents converged to Fmax &lt; 100 in 1234 steps;
     * Potential Energy = -1.23456e+04; Maximum force = 9.87654e+01 on atom 123 (O1, residue 4 TFSI)".
     */
    public String summary() {
        String tol = formatG(emtol);
        String head = switch (stop) {
            case CONVERGED -> algorithm + " converged to Fmax < " + tol + " in " + steps + " steps";
            case MACHINE_PRECISION -> algorithm + " converged to machine precision in " + steps
                    + " steps, but did not reach the requested Fmax < " + tol;
            case MAX_STEPS -> algorithm + " did not converge to Fmax < " + tol + " in " + steps + " steps";
            case STALLED -> algorithm + " stalled (no downhill motion) after " + steps
                    + " steps and did not reach the requested Fmax < " + tol;
        };
        String on = fmaxAtom >= 0 ? " on " + fmaxAtomDescription : "";
        return String.format(Locale.ROOT, "%s; Potential Energy = %.5e; Maximum force = %.5e%s", head,
                potentialEnergy, fmax, on);
    }

    /** C's %g (6 significant digits, trailing zeros dropped): 100 → "100", 0.5 → "0.5", 1e-7 → "1e-07". */
    static String formatG(double v) {
        String g = String.format(Locale.ROOT, "%.6g", v);
        int e = g.indexOf('e');
        String mant = e < 0 ? g : g.substring(0, e), exp = e < 0 ? "" : g.substring(e);
        if (mant.indexOf('.') >= 0) {
            mant = mant.replaceAll("0+$", "");
            if (mant.endsWith(".")) mant = mant.substring(0, mant.length() - 1);
        }
        return mant + exp;
    }

    @Override
    public String toString() {
        return summary();
    }
}
