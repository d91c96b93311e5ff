package org.sheath.engine.integrate.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sheath.engine.parallel.WorkerPool;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;
import org.sheath.forcefields.TopologyFiles;
import org.sheath.forcefields.coords.StructureFiles;
import org.sheath.forcefields.gromacs.GromacsTopologyReader;
import org.sheath.forcefields.model.FlatTopology;

/**
 * SHAKE and RATTLE on two and three threads (whole molecules per thread) give the one-thread positions and
 * velocities bit for bit, on the bundled example box (h-bonds), and the constraints hold.
 */
class ConstraintThreadsTest {
    private static final Path DIR = Path.of("../inputs/litfsi-zn-dmf");

    @Test
    void threadsGiveTheSerialBits() throws Exception {
        FlatTopology top = FlatTopology.of(TopologyFiles.read(DIR.resolve("system.top"), GromacsTopologyReader.Options.DEFAULT));
        MdSystem sys = new MdSystem(top);
        State ref = sys.newState(StructureFiles.read(DIR.resolve("conf.gro")), "t");
        ConstraintSet serial = ConstraintSet.of(sys, ConstraintMode.H_BONDS);
        assertThat(serial.pairCount()).isGreaterThan(ConstraintSet.MIN_PARALLEL);
        // constrain the reference first, then displace and give velocities
        serial.constrainPositions(ref, ref.x.clone(), ref.y.clone(), ref.z.clone(), 0);
        State moved = copy(ref);
        Random rnd = new Random(6);
        for (int i = 0; i < moved.natoms; i++) {
            moved.x[i] += 0.002 * rnd.nextGaussian();
            moved.y[i] += 0.002 * rnd.nextGaussian();
            moved.z[i] += 0.002 * rnd.nextGaussian();
            moved.vx[i] = rnd.nextGaussian();
            moved.vy[i] = rnd.nextGaussian();
            moved.vz[i] = rnd.nextGaussian();
        }
        State one = copy(moved);
        double[] w1 = new double[9];
        serial.constrainPositions(one, ref.x, ref.y, ref.z, 0.002);
        serial.constrainVelocities(one, 0.001, w1);
        assertThat(serial.maxRelativeDeviation(one)).isLessThan(1e-9);
        for (int threads : new int[] {2, 3}) {
            try (WorkerPool pool = new WorkerPool(threads)) {
                ConstraintSet par = ConstraintSet.of(sys, ConstraintMode.H_BONDS);
                par.attach(pool);
                State many = copy(moved);
                double[] w = new double[9];
                par.constrainPositions(many, ref.x, ref.y, ref.z, 0.002);
                par.constrainVelocities(many, 0.001, w);
                assertThat(many.x).as("positions, %d threads", threads).isEqualTo(one.x);
                assertThat(many.z).isEqualTo(one.z);
                assertThat(many.vy).as("velocities").isEqualTo(one.vy);
                for (int k = 0; k < 9; k++) assertThat(w[k]).isCloseTo(w1[k], org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(w1[k]))));
            }
        }
    }

    /** A copy of positions and velocities (the tests constrain copies of one displaced state). */
    static State copy(State s) {
        State c = new State(s.natoms, s.box);
        System.arraycopy(s.x, 0, c.x, 0, s.natoms);
        System.arraycopy(s.y, 0, c.y, 0, s.natoms);
        System.arraycopy(s.z, 0, c.z, 0, s.natoms);
        System.arraycopy(s.vx, 0, c.vx, 0, s.natoms);
        System.arraycopy(s.vy, 0, c.vy, 0, s.natoms);
        System.arraycopy(s.vz, 0, c.vz, 0, s.natoms);
        return c;
    }
}
