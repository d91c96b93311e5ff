package org.sheath.engine.force.pme;

/**
 * The radix-2, 4, 3, 5 and 7 passes of {@link RowFft} on vectors along the row (its width), loaded by reflection
 * when {@code jdk.incubator.vector} is present. C2 does not vectorise RowFft's scalar row loops (a 56³ transform
 * pair ran at ~7 GFlop/s, the same with -XX:-UseSuperWord). Every element goes through the same operations in
 * the same order as in the scalar passes (no fused multiply-add), so the result is identical bit for bit. The
 * passes take rows of w columns, w a multiple of {@link #loopBound}'s vector length.
 */
interface RowFftPasses {
    /** The columns [0, loopBound(width)) the vector passes do: a whole number of vectors. */
    int loopBound(int width);

    void pass2(double[] xr, double[] xi, int xb, int xs, double[] yr, double[] yi, int yb, int ys, int w, int m, int s,
               double[] tc, double[] ts, double sign);

    void pass4(double[] xr, double[] xi, int xb, int xs, double[] yr, double[] yi, int yb, int ys, int w, int m, int s,
               double[] tc, double[] ts, double sign);

    /** Radix 3, 5 or 7, twiddles included. */
    void passOdd(int r, double[] xr, double[] xi, int xb, int xs, double[] yr, double[] yi, int yb, int ys, int w, int m, int s,
                 double[] tc, double[] ts, double[] rc, double[] rs, double sign);

    /** The vector passes when the module is there, else null (RowFft's scalar passes run). */
    static RowFftPasses vectorOrNull() {
        return org.sheath.engine.force.VectorKernels.newOrNull("org.sheath.engine.force.pme.VectorRowFftPasses", RowFftPasses.class);
    }
}
