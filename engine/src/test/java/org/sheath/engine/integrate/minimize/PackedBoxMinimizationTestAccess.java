package org.sheath.engine.integrate.minimize;

import org.sheath.engine.build.Composition;

/** Lets the validation suite run the packed-box minimisation check on a larger composition. */
public final class PackedBoxMinimizationTestAccess {
    private PackedBoxMinimizationTestAccess() {
    }

    public static void run(Composition c, double cutoff, long steps) {
        PackedBoxMinimizationTest.minimizeFreshPacking(c, cutoff, steps);
    }
}
