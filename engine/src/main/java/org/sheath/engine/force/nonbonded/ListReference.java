package org.sheath.engine.force.nonbonded;

import org.sheath.engine.system.Box;

/**
 * The positions and box a Verlet list was built from, and the displacement rule that says when it must
 * be rebuilt. A list of all pairs within rlist = rc + buffer stays exact while no pair can have come
 * from beyond rlist to inside rc: every atom within buffer/2 of its build position. A box change
 * (barostat) does not force a rebuild by itself: the build positions are mapped affinely into the new
 * box (as the barostat mapped the atoms), and a pair that was beyond rlist is now at least
 * σ·rlist − 2·d_max away, σ the smallest stretch factor of the map (the smallest ratio of new to old box
 * lengths) and d_max the largest displacement from the mapped build positions. The list stays exact while
 * σ·rlist − 2·d_max ≥ rc. Box changes other than a scaling of each rectangular edge or a uniform scaling
 * of a triclinic box need a rebuild. Shared by the atom pair list and the cluster pair list.
 *
 * <p>With a list lifetime nstlist &gt; 0 the rule is GROMACS's instead: rebuild on every step that is a
 * multiple of nstlist (once per step), the buffer sized for an energy-drift tolerance
 * ({@link VerletBuffer}); the steps of the schedule depend only on the step number, so a resumed run
 * rebuilds where the uninterrupted one did.
 */
public final class ListReference {
    private final int natoms;
    private final double rlist, buffer;
    private double[] x0 = new double[0], y0 = new double[0], z0 = new double[0];
    private double[] boxAtBuild;
    private Box buildBox;
    private boolean built;
    private int nstlist;
    private long buildStep = Long.MIN_VALUE;

    public ListReference(int natoms, double rlist, double buffer) {
        this.natoms = natoms;
        this.rlist = rlist;
        this.buffer = buffer;
    }

    /** Rebuild every n steps (n &gt; 0), or by the displacement rule (0). */
    public void setLifetime(int n) {
        if (n < 0) throw new IllegalArgumentException("nstlist must be >= 0: " + n);
        this.nstlist = n;
    }

    public int lifetime() {
        return nstlist;
    }

    /** Whether the list must be rebuilt for this state (its positions, box and step). */
    public boolean needsRebuild(org.sheath.engine.system.State s) {
        if (nstlist > 0) {
            if (!built) return true;
            if (s.step < buildStep) return true; // a new stage or a rewind
            return s.step != buildStep && s.step % nstlist == 0;
        }
        return needsRebuild(s.box, s.x, s.y, s.z);
    }

    /** Remembers the positions, box and step of a build. */
    public void record(Box box, double[] x, double[] y, double[] z, long step) {
        record(box, x, y, z);
        buildStep = step;
    }

    private void record(Box box, double[] x, double[] y, double[] z) {
        if (x0.length < natoms) {
            x0 = new double[natoms];
            y0 = new double[natoms];
            z0 = new double[natoms];
        }
        System.arraycopy(x, 0, x0, 0, natoms);
        System.arraycopy(y, 0, y0, 0, natoms);
        System.arraycopy(z, 0, z0, 0, natoms);
        boxAtBuild = box.toMatrix();
        buildBox = box;
        built = true;
    }

    public boolean built() {
        return built;
    }

    /**
     * Whether the list must be rebuilt before use: never built, the rule above, or with a zero buffer any
     * change at all (the same positions and box, as an overlap check followed by the forces of
     * {@code sheath energy} use them, need no second build).
     */
    public boolean needsRebuild(Box box, double[] x, double[] y, double[] z) {
        if (!built) return true;
        if (buffer == 0) return !unchanged(box, x, y, z);
        double sigma = 1, mx = 1, my = 1, mz = 1;
        if (box != buildBox && !sameBox(box)) {
            double[] b0 = boxAtBuild;
            if (box.isRectangular() && buildBox.isRectangular()) {
                mx = box.ax() / b0[0];
                my = box.by() / b0[4];
                mz = box.cz() / b0[8];
            } else {
                double mu = box.ax() / b0[0];
                if (!(near(box.bx(), mu * b0[3]) && near(box.by(), mu * b0[4]) && near(box.cx(), mu * b0[6])
                        && near(box.cy(), mu * b0[7]) && near(box.cz(), mu * b0[8]))) return true;
                mx = my = mz = mu;
            }
            sigma = Math.min(mx, Math.min(my, mz));
        }
        double lim = 0.5 * (sigma * rlist - (rlist - buffer));
        if (lim <= 0) return true;
        double lim2 = lim * lim;
        // a uniform or per-axis scaling of a lower-triangular box maps x0 to (mx·x0, my·y0, mz·z0) in the
        // rectangular case; for a uniform scaling of a triclinic box mx = my = mz
        for (int i = 0; i < natoms; i++) {
            double dx = x[i] - mx * x0[i], dy = y[i] - my * y0[i], dz = z[i] - mz * z0[i];
            if (dx * dx + dy * dy + dz * dz > lim2) return true;
        }
        return false;
    }

    private boolean unchanged(Box box, double[] x, double[] y, double[] z) {
        if (box != buildBox && !sameBox(box)) return false;
        return java.util.Arrays.equals(x, 0, natoms, x0, 0, natoms) && java.util.Arrays.equals(y, 0, natoms, y0, 0, natoms)
                && java.util.Arrays.equals(z, 0, natoms, z0, 0, natoms);
    }

    private boolean sameBox(Box box) {
        double[] b = boxAtBuild;
        return box.ax() == b[0] && box.bx() == b[3] && box.by() == b[4] && box.cx() == b[6] && box.cy() == b[7]
                && box.cz() == b[8];
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b)) + 1e-300;
    }

    /**
     * The positions and box of the last build ({x0, y0, z0, box matrix}, copies), or null before the first:
     * building from them again gives a restarted run the same list, hence bit-identical forces.
     */
    public double[][] copy() {
        if (!built) return null;
        return new double[][] {java.util.Arrays.copyOf(x0, natoms), java.util.Arrays.copyOf(y0, natoms),
                java.util.Arrays.copyOf(z0, natoms), boxAtBuild.clone(), {buildStep}};
    }

    /** The build step stored by {@link #copy} (Long.MIN_VALUE for a copy without it). */
    public static long buildStep(double[][] copy) {
        return copy.length > 4 && copy[4].length == 1 ? (long) copy[4][0] : Long.MIN_VALUE;
    }
}
