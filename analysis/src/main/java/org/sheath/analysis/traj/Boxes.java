package org.sheath.analysis.traj;

/** Conversions between box descriptions. */
final class Boxes {
    private Boxes() {
    }

    /**
     * Sets {@code f.box} from edge lengths and angles (degrees), GROMACS convention:
     * a along x, b in the xy plane. Angles of exactly 90 degrees give exact zeros.
     * Zero lengths mean "no box" and set {@code f.box = null}.
     */
    static void fromLengthsAngles(Frame f, double a, double b, double c, double alpha, double beta, double gamma) {
        if (a == 0 && b == 0 && c == 0) {
            f.box = null;
            return;
        }
        double cosA = cosDeg(alpha), cosB = cosDeg(beta), cosG = cosDeg(gamma);
        double sinG = gamma == 90 ? 1 : Math.sin(Math.toRadians(gamma));
        double bx = b * cosG, by = b * sinG;
        double cx = c * cosB;
        double cy = c * (cosA - cosB * cosG) / sinG;
        double cz = Math.sqrt(Math.max(0, c * c - cx * cx - cy * cy));
        f.setBox(a, 0, 0, bx, by, 0, cx, cy, cz);
    }

    private static double cosDeg(double angle) {
        return angle == 90 ? 0 : Math.cos(Math.toRadians(angle));
    }
}
