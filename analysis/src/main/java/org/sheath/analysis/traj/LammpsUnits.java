package org.sheath.analysis.traj;

import java.util.Locale;

/**
 * LAMMPS unit styles and their factors to GROMACS units (nm, ps, kJ mol⁻¹ nm⁻¹), plus the
 * LAMMPS default time step of each style (ps). {@code LJ} is reduced units: no conversion.
 */
public enum LammpsUnits {
    REAL(0.1, 1e-3, 41.84, 1e-3),
    METAL(0.1, 1.0, 964.8533212, 1e-3),
    LJ(1.0, 1.0, 1.0, 0.005),
    SI(1e9, 1e12, 6.02214076e11, 1e-8 * 1e12),
    CGS(1e7, 1e12, 6.02214076e6, 1e-8 * 1e12),
    ELECTRON(0.0529177210903, 1e-3, 2625.4996394799 / 0.0529177210903, 1e-6),
    MICRO(1e3, 1e6, 602.214076, 2.0 * 1e6),
    NANO(1.0, 1e3, 0.602214076, 0.00045 * 1e3);

    /** Multiply a length by this to get nm. */
    public final double length;
    /** Multiply a time by this to get ps. */
    public final double time;
    /** Multiply a force by this to get kJ mol⁻¹ nm⁻¹. */
    public final double force;
    /** LAMMPS' default time step for this style, ps. */
    public final double defaultTimestepPs;

    LammpsUnits(double length, double time, double force, double defaultTimestepPs) {
        this.length = length;
        this.time = time;
        this.force = force;
        this.defaultTimestepPs = defaultTimestepPs;
    }

    /** Looks up a style by its LAMMPS name ({@code real}, {@code metal}, ...). */
    public static LammpsUnits of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown LAMMPS unit style '" + name
                    + "'; known: real, metal, lj, si, cgs, electron, micro, nano");
        }
    }
}
