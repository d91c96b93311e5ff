package org.sheath.engine.force.pme;

/**
 * Order-4 charge spreading and force gathering of {@link PmeReciprocal} on vectors, each computing the
 * B-spline weights of an atom where it uses them (stored weights and indices were 250 bytes per atom, 5.5 MB
 * for 23 000 atoms, written and read back from memory on every step). Loaded by reflection only when
 * {@code jdk.incubator.vector} is present; otherwise PmeReciprocal's scalar loops run (same sums, rounded
 * differently).
 */
interface PmeGridKernel {
    /** Adds the spread charges of the charged atoms [from, to) of p to grid g (p's reciprocal box set). */
    void spread4(PmeReciprocal p, double[] x, double[] y, double[] z, double[] q, int from, int to, double[] g);

    /** Adds the forces on the charged atoms [from, to) of p from the potential grid phi. */
    void gather4(PmeReciprocal p, double[] x, double[] y, double[] z, double[] q, int from, int to, double[] phi,
                 double[] fx, double[] fy, double[] fz);

    /** The Vector API kernel when the module is there (and 4 double lanes are), else null. */
    static PmeGridKernel vectorOrNull() {
        return org.sheath.engine.force.VectorKernels.newOrNull("org.sheath.engine.force.pme.VectorPmeGridKernel", PmeGridKernel.class);
    }
}
