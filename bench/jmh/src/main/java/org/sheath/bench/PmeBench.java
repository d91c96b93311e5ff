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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sheath.engine.force.Force;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.force.ewald.EwaldParameters;
import org.sheath.engine.force.pme.PmeForce;
import org.sheath.engine.parallel.WorkerPool;

/** PME (mesh, self, exclusion correction): forces only (cached influence function) and with the virial. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class PmeBench {
    @Param({"1", "2"})
    int threads;

    ExampleBox box;
    PmeForce pme;
    ForceAccumulator acc;
    WorkerPool pool;

    @Setup
    public void setup() {
        box = new ExampleBox();
        EwaldParameters p = EwaldParameters.fromMdp(box.state.box, 1.2, 1e-5, 0.12, 4);
        pme = PmeForce.gromacsVerletSplit(box.system.charges, box.top.exclOffsets, box.top.exclAtoms, p);
        pool = new WorkerPool(threads);
        pme.attach(pool);
        acc = new ForceAccumulator(box.top.natoms);
    }

    @TearDown
    public void tearDown() {
        pool.close();
    }

    @Benchmark
    public double forces() {
        acc.clear();
        pme.compute(box.state, acc, Force.FORCES);
        return acc.fx[0];
    }

    @Benchmark
    public double forcesEnergyVirial() {
        acc.clear();
        pme.compute(box.state, acc, Force.ALL);
        return acc.virial[0];
    }
}
