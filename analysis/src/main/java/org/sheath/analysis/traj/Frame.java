package org.sheath.analysis.traj;

/**
 * One trajectory frame, stored as a structure of arrays in GROMACS units (nm, ps, nm/ps).
 * Readers fill a caller-supplied frame and reuse its arrays, so a loop over a trajectory
 * does not allocate per frame. Arrays may be longer than {@link #natoms}.
 */
public final class Frame {
    /** Number of valid atoms in the arrays. */
    public int natoms;
    /** Positions, nm. */
    public double[] x = new double[0], y = new double[0], z = new double[0];
    /**
     * Box vectors a, b, c as 9 doubles, row-major ({@code [ax ay az bx by bz cx cy cz]}), nm;
     * GROMACS convention (a along x, b in the xy plane). {@code null} if the file has no box.
     */
    public double[] box;
    /** Simulation time, ps (for formats without a time: see the reader's documentation). */
    public double time;
    /** Integration step as stored in the file (or derived; see the reader). */
    public long step;
    /** 0-based frame number in the file. */
    public int index;
    /** Whether {@link #vx}, {@link #vy}, {@link #vz} are valid for this frame (nm/ps). */
    public boolean hasVelocities;
    public double[] vx, vy, vz;
    /** Whether {@link #fx}, {@link #fy}, {@link #fz} are valid for this frame (kJ mol⁻¹ nm⁻¹). */
    public boolean hasForces;
    public double[] fx, fy, fz;

    /** Makes the position arrays hold at least {@code n} atoms (contents are not preserved). */
    public void ensureCapacity(int n) {
        if (x.length < n) {
            x = new double[n];
            y = new double[n];
            z = new double[n];
        }
    }

    /** Makes the velocity arrays hold at least {@code n} atoms. */
    public void ensureVelocityCapacity(int n) {
        if (vx == null || vx.length < n) {
            vx = new double[n];
            vy = new double[n];
            vz = new double[n];
        }
    }

    /** Makes the force arrays hold at least {@code n} atoms. */
    public void ensureForceCapacity(int n) {
        if (fx == null || fx.length < n) {
            fx = new double[n];
            fy = new double[n];
            fz = new double[n];
        }
    }

    /** Sets a 9-element box, reusing the existing array when there is one. */
    public void setBox(double ax, double ay, double az, double bx, double by, double bz,
                       double cx, double cy, double cz) {
        double[] b = box != null ? box : new double[9];
        b[0] = ax; b[1] = ay; b[2] = az;
        b[3] = bx; b[4] = by; b[5] = bz;
        b[6] = cx; b[7] = cy; b[8] = cz;
        box = b;
    }
}
