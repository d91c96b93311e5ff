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

    /** The Vector API kernel if the module is there (the launcher adds it), else the scalar one. */
    static ClusterKernel best() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && !Boolean.getBoolean("sheath.scalar")) {
            try {
                return (ClusterKernel) Class.forName("org.sheath.engine.force.nonbonded.cluster.VectorClusterKernel")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return new ScalarClusterKernel();
            }
        }
        return new ScalarClusterKernel();
    }
}
