package org.sheath.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sheath.engine.force.Force;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.force.ewald.EwaldParameters;
import org.sheath.engine.force.nonbonded.Modifier;
import org.sheath.engine.force.nonbonded.NonbondedForce;
import org.sheath.engine.force.nonbonded.cluster.ClusterNonbondedForce;

/** One forces-only evaluation of the short-range pair kernels (list kept), and a cluster list build; one thread. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class PairKernelBench {
    @Param({"1.2"})
    double cutoff;

    ExampleBox box;
    NonbondedForce reference;
    ClusterNonbondedForce cluster;
    ForceAccumulator acc;

    @Setup
    public void setup() {
        box = new ExampleBox();
        double beta = EwaldParameters.ewaldCoefficient(cutoff, 1e-5);
        reference = NonbondedForce.of(box.top, cutoff, 0.05, beta, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT);
        cluster = ClusterNonbondedForce.of(box.top, cutoff, 0.05, beta, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT);
        acc = new ForceAccumulator(box.top.natoms);
        reference.compute(box.state, acc, Force.FORCES);
        cluster.compute(box.state, acc, Force.FORCES);
    }

    @Benchmark
    public double referenceKernel() {
        acc.clear();
        reference.compute(box.state, acc, Force.FORCES);
        return acc.fx[0];
    }

    @Benchmark
    public double clusterKernel() {
        acc.clear();
        cluster.compute(box.state, acc, Force.FORCES);
        return acc.fx[0];
    }

    @Benchmark
    public double clusterKernelWithEnergyAndVirial() {
        acc.clear();
        cluster.compute(box.state, acc, Force.ALL);
        return acc.virial[0];
    }

    @Benchmark
    public int clusterListBuild() {
        cluster.clusterList().build(box.state.box, box.state.x, box.state.y, box.state.z);
        return cluster.clusterList().size();
    }
}
