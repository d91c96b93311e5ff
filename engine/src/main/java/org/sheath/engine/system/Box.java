package org.sheath.engine.system;

/**
 * A periodic simulation box in the GROMACS convention: three box vectors a, b, c stored as rows,
 * with a along x, b in the xy plane and c anywhere (lower-triangular matrix). Rectangular boxes are
 * the special case with zero off-diagonal elements. Units nm.
 *
 * <p>Minimum image: the shift along c, then b, then a, as GROMACS does for its (reduced) triclinic
 * boxes; exact as long as the distance is shorter than half the shortest box height.
 */
public final class Box {
    // a = (ax,0,0), b = (bx,by,0), c = (cx,cy,cz)
    private final double ax, bx, by, cx, cy, cz;
    private final double invAx, invBy, invCz;

    public Box(double ax, double bx, double by, double cx, double cy, double cz) {
        if (!(ax > 0 && by > 0 && cz > 0)) {
            throw new IllegalArgumentException("box diagonal must be positive: " + ax + " " + by + " " + cz);
        }
        this.ax = ax; this.bx = bx; this.by = by; this.cx = cx; this.cy = cy; this.cz = cz;
        this.invAx = 1.0 / ax; this.invBy = 1.0 / by; this.invCz = 1.0 / cz;
    }

    public static Box rectangular(double lx, double ly, double lz) {
        return new Box(lx, 0, ly, 0, 0, lz);
    }

    /**
     * From a row-major 3x3 matrix of box vectors (rows a, b, c), as GROMACS .gro and our readers give
     * it. The upper-triangular elements must be zero (GROMACS convention).
     */
    public static Box fromMatrix(double[] m) {
        if (m.length != 9) throw new IllegalArgumentException("box matrix needs 9 elements");
        if (m[1] != 0 || m[2] != 0 || m[5] != 0) {
            throw new IllegalArgumentException("box vectors must follow the GROMACS convention (a along x, b in the xy plane)");
        }
        return new Box(m[0], m[3], m[4], m[6], m[7], m[8]);
    }

    /** Row-major box vectors (a, b, c). */
    public double[] toMatrix() {
        return new double[] {ax, 0, 0, bx, by, 0, cx, cy, cz};
    }

    /**
     * The box under the map (x, y, z) → (mx·x, my·y, mz·z) that barostats apply to the positions: every
     * box vector's components scale the same way, so the lattice maps onto itself.
     */
    public Box scaled(double mx, double my, double mz) {
        return new Box(ax * mx, bx * mx, by * my, cx * mx, cy * my, cz * mz);
    }

    public double ax() { return ax; }
    public double bx() { return bx; }
    public double by() { return by; }
    public double cx() { return cx; }
    public double cy() { return cy; }
    public double cz() { return cz; }

    public boolean isRectangular() {
        return bx == 0 && cx == 0 && cy == 0;
    }

    public double volume() {
        return ax * by * cz;
    }

    /**
     * Height of the box along fractional direction k (0 = a, 1 = b, 2 = c): the distance between the
     * two faces that s_k = 0 and s_k = 1 describe.
     */
    public double height(int k) {
        double v = volume();
        switch (k) {
            case 0: {
                double bcx = by * cz, bcy = -bx * cz, bcz = bx * cy - by * cx;
                return v / Math.sqrt(bcx * bcx + bcy * bcy + bcz * bcz);
            }
            case 1:
                return v / Math.sqrt(cz * ax * cz * ax + cy * ax * cy * ax);
            default:
                return cz;
        }
    }

    /** Fractional coordinates of (x, y, z) into s[0..2]: r = s_a·a + s_b·b + s_c·c. */
    public void toFractional(double x, double y, double z, double[] s) {
        double sc = z * invCz;
        double sb = (y - sc * cy) * invBy;
        s[0] = (x - sb * bx - sc * cx) * invAx;
        s[1] = sb;
        s[2] = sc;
    }

    /** The shortest of the three box heights (perpendicular widths): limits the cut-off to half of it. */
    public double minHeight() {
        // heights: V/|b×c|, V/|c×a|, V/|a×b|; |a×b| = ax*by
        double v = volume();
        double bcx = by * cz, bcy = -bx * cz, bcz = bx * cy - by * cx;
        double cax = 0, cay = cz * ax, caz = -cy * ax;
        double hA = v / Math.sqrt(bcx * bcx + bcy * bcy + bcz * bcz);
        double hB = v / Math.sqrt(cax * cax + cay * cay + caz * caz);
        double hC = v / (ax * by);
        return Math.min(hA, Math.min(hB, hC));
    }

    /**
     * Minimum-image version of the difference vector d (in place, d has 3 elements).
     */
    public void minimumImage(double[] d) {
        double dx = d[0], dy = d[1], dz = d[2];
        double s = Math.rint(dz * invCz);
        dx -= s * cx; dy -= s * cy; dz -= s * cz;
        s = Math.rint(dy * invBy);
        dx -= s * bx; dy -= s * by;
        s = Math.rint(dx * invAx);
        dx -= s * ax;
        d[0] = dx; d[1] = dy; d[2] = dz;
    }

    /** Fractional coordinate along c of a point (z / cz). */
    public double fracZ(double z) { return z * invCz; }

    @Override
    public String toString() {
        return isRectangular()
                ? String.format("Box[%.5f x %.5f x %.5f nm]", ax, by, cz)
                : String.format("Box[a=(%.5f,0,0) b=(%.5f,%.5f,0) c=(%.5f,%.5f,%.5f) nm]", ax, bx, by, cx, cy, cz);
    }
}
