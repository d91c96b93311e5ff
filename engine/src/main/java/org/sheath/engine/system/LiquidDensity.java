package org.sheath.engine.system;

import java.util.Locale;
import java.util.Optional;

/**
 * The mass density of a box, and whether it is plausible for a liquid electrolyte. Electrolyte solvents,
 * salts' solutions and ionic liquids lie between about 0.78 g/cm³ (acetonitrile) and 2.1 g/cm³
 * (concentrated heavy salts); a box far outside holds vacuum (a loose packing, a wrong box) or overlapping
 * atoms, and its single-point energy and pressure say little about the liquid.
 */
public final class LiquidDensity {
    /** kg/m³ per (amu/nm³). */
    public static final double KG_M3_PER_AMU_NM3 = 1.66053906660;
    /** Below this (g/cm³) a box is called too loose. */
    public static final double LOW = 0.75;
    /** Above this (g/cm³) a box is called too dense. */
    public static final double HIGH = 2.3;

    private LiquidDensity() {
    }

    /** Density in kg/m³ of the given masses (amu) in the box. */
    public static double of(double[] masses, Box box) {
        double m = 0;
        for (double x : masses) m += x;
        return m / box.volume() * KG_M3_PER_AMU_NM3;
    }

    /** A warning when the density (kg/m³) is far from any liquid electrolyte's, else empty. */
    public static Optional<String> warning(double kgPerM3) {
        double g = kgPerM3 / 1000;
        if (g < LOW) {
            return Optional.of(String.format(Locale.ROOT, "the box density %.3f g/cm³ is below that of any liquid electrolyte "
                    + "(%.2f-%.1f g/cm³): it is packed loosely or holds vacuum, so its energy and pressure are not the "
                    + "liquid's; equilibrate it at constant pressure first (an npt stage of sheath run)", g, LOW, HIGH));
        }
        if (g > HIGH) {
            return Optional.of(String.format(Locale.ROOT, "the box density %.3f g/cm³ is above that of any liquid electrolyte "
                    + "(%.2f-%.1f g/cm³): check the box size and units (nm) of the coordinates", g, LOW, HIGH));
        }
        return Optional.empty();
    }
}
