package org.sheath.engine.force.nonbonded.cluster;

/**
 * The inner loop of the single-precision cluster pair kernel over the i-clusters [from, to) of a
 * {@link ClusterData}: adds forces to the thread's {@link ClusterData.Buffers}, and energies and shift
 * forces when asked. Two implementations, chosen once: the Vector API kernel when
 * {@code jdk.incubator.vector} is present, else a scalar loop of identical arithmetic.
 */
interface ClusterKernel {
    String name();

    /** Lanes per vector (1 for the scalar kernel): the shift-force buffers hold this many per shift. */
    int lanes();

    void run(ClusterData d, int from, int to, ClusterData.Buffers out, boolean energy, boolean virial);

    /**
     * Dynamic pruning of i-clusters [from, to): keeps the list's cluster pairs with an atom pair of their mask
     * (interacting or excluded) closer than √rlist2 at the loaded positions, packed from the start of each
     * i-cluster's segment into the data's pair copies, and sets its pairEnd (GROMACS's prune-only kernel).
     */
    void prune(ClusterData d, int from, int to, float rlist2);

    /** The Vector API kernel if the module is there (the launcher adds it), else the scalar one. */
    static ClusterKernel best() {
        ClusterKernel v = org.sheath.engine.force.VectorKernels.newOrNull(
                "org.sheath.engine.force.nonbonded.cluster.VectorClusterKernel", ClusterKernel.class);
        return v != null ? v : new ScalarClusterKernel();
    }
}
