package org.sheath.engine.integrate.minimize;

import org.sheath.engine.context.Context;
import org.sheath.engine.integrate.constraint.Constraints;

/**
 * An energy minimiser: moves the positions of the context's state downhill until the largest force
 * is below {@link MinimizationOptions#emtol()} (or the steps run out), keeping the constraints. On
 * return the state holds the result's positions (velocities are left as they were). Create one by
 * name with {@link Minimizers#create}.
 *
 * <p>With constraints, the forces are evaluated with the constraint components projected out (as
 * GROMACS does), so Fmax measures what is left once the constraints take their share. L-BFGS
 * refuses constraints (IllegalArgumentException).
 */
public interface Minimizer {
    /** The registry name, e.g. "steep". */
    String name();

    /**
     * Minimises the context's state in place.
     *
     * @param constraints {@link Constraints#NONE} (or null) for none; the force set should leave out the
     *                    bonds they replace ({@code ForceSet.builder(...).constrainedBonds(...)})
     * @param listener    progress, or {@link MinimizationListener#NONE} (or null)
     * @throws org.sheath.forcefields.InputException if the starting energy or forces are not finite
     */
    MinimizationResult minimize(Context context, Constraints constraints, MinimizationOptions options,
                                MinimizationListener listener);

    /** Without constraints and progress. */
    default MinimizationResult minimize(Context context, MinimizationOptions options) {
        return minimize(context, Constraints.NONE, options, MinimizationListener.NONE);
    }
}
