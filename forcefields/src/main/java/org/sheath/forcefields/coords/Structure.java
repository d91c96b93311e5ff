package org.sheath.forcefields.coords;

/**
 * Coordinates of a system as read from or written to a structure file (.gro, .pdb): atom and residue
 * names, residue numbers, positions (nm, structure of arrays), optional velocities (nm/ps) and the
 * box as row-major GROMACS box vectors (nm; null when the file has none).
 */
public final class Structure {
    public final String title;
    public final int natoms;
    public final String[] atomName;
    public final String[] residueName;
    public final int[] residueNumber;
    /** Element symbols where the file gives them (PDB columns 77-78), else null. */
    public final String[] element;
    public final double[] x, y, z;
    public final double[] vx, vy, vz;
    public final double[] box;

    public Structure(String title, String[] atomName, String[] residueName, int[] residueNumber, String[] element,
                     double[] x, double[] y, double[] z, double[] vx, double[] vy, double[] vz, double[] box) {
        this.title = title;
        this.natoms = atomName.length;
        this.atomName = atomName;
        this.residueName = residueName;
        this.residueNumber = residueNumber;
        this.element = element;
        this.x = x;
        this.y = y;
        this.z = z;
        this.vx = vx;
        this.vy = vy;
        this.vz = vz;
        this.box = box;
    }

    public boolean hasVelocities() {
        return vx != null;
    }

    /**
     * Row-major box vectors from edge lengths (nm) and angles α (b,c), β (a,c), γ (a,b) in degrees,
     * GROMACS convention (a along x, b in the xy plane). Right angles give exact zeros.
     */
    public static double[] boxFromLengthsAngles(double a, double b, double c, double alpha, double beta, double gamma) {
        double ca = cosDeg(alpha), cb = cosDeg(beta), cg = cosDeg(gamma);
        double sg = gamma == 90 ? 1 : Math.sin(Math.toRadians(gamma));
        double cx = c * cb;
        double cy = c * (ca - cb * cg) / sg;
        double cz = Math.sqrt(Math.max(0, c * c - cx * cx - cy * cy));
        return new double[] {a, 0, 0, b * cg, b * sg, 0, cx, cy, cz};
    }

    private static double cosDeg(double deg) {
        return deg == 90 ? 0 : Math.cos(Math.toRadians(deg));
    }

    /** Edge lengths (nm) and angles α, β, γ (degrees) of a row-major box. */
    public static double[] lengthsAngles(double[] box) {
        double[] a = {box[0], box[1], box[2]}, b = {box[3], box[4], box[5]}, c = {box[6], box[7], box[8]};
        double la = norm(a), lb = norm(b), lc = norm(c);
        return new double[] {la, lb, lc, angle(b, c, lb, lc), angle(a, c, la, lc), angle(a, b, la, lb)};
    }

    private static double norm(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }

    private static double angle(double[] u, double[] v, double lu, double lv) {
        double d = (u[0] * v[0] + u[1] * v[1] + u[2] * v[2]) / (lu * lv);
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, d))));
    }
}
