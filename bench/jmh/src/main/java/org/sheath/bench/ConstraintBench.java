package org.sheath.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sheath.engine.integrate.constraint.ConstraintMode;
import org.sheath.engine.integrate.constraint.ConstraintSet;

/**
 * h-bond constraints of the example box: positions displaced as by a 2 fs drift (every atom 0.002 nm
 * off, seeded) put back on the constraints, and velocities projected.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConstraintBench {
    ExampleBox box;
    ConstraintSet constraints;
    double[] xr, yr, zr, x0, y0, z0, vx0, vy0, vz0;

    @Setup
    public void setup() {
        box = new ExampleBox();
        constraints = ConstraintSet.of(box.system, ConstraintMode.H_BONDS);
        int n = box.top.natoms;
        xr = box.state.x.clone();
        yr = box.state.y.clone();
        zr = box.state.z.clone();
        java.util.Random rnd = new java.util.Random(1);
        x0 = new double[n];
        y0 = new double[n];
        z0 = new double[n];
        for (int i = 0; i < n; i++) {
            x0[i] = xr[i] + 0.002 * rnd.nextGaussian();
            y0[i] = yr[i] + 0.002 * rnd.nextGaussian();
            z0[i] = zr[i] + 0.002 * rnd.nextGaussian();
        }
        // velocities of about 300 K (0.5 nm/ps for a hydrogen, less for heavier atoms), not along the constraints
        vx0 = new double[n];
        vy0 = new double[n];
        vz0 = new double[n];
        for (int i = 0; i < n; i++) {
            double sd = Math.sqrt(2.494 / box.system.masses[i]);
            vx0[i] = sd * rnd.nextGaussian();
            vy0[i] = sd * rnd.nextGaussian();
            vz0[i] = sd * rnd.nextGaussian();
        }
    }

    @Benchmark
    public double positions() {
        System.arraycopy(x0, 0, box.state.x, 0, x0.length);
        System.arraycopy(y0, 0, box.state.y, 0, y0.length);
        System.arraycopy(z0, 0, box.state.z, 0, z0.length);
        constraints.constrainPositions(box.state, xr, yr, zr, 0.002);
        return box.state.x[0];
    }

    @Benchmark
    public double velocities() {
        System.arraycopy(vx0, 0, box.state.vx, 0, vx0.length);
        System.arraycopy(vy0, 0, box.state.vy, 0, vy0.length);
        System.arraycopy(vz0, 0, box.state.vz, 0, vz0.length);
        constraints.constrainVelocities(box.state, 0.002, null);
        return box.state.vx[0];
    }
}
