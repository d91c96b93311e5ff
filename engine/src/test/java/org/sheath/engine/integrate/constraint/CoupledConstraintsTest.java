package org.sheath.engine.integrate.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;
import org.sheath.forcefields.TopologyFiles;
import org.sheath.forcefields.coords.StructureFiles;
import org.sheath.forcefields.gromacs.GromacsTopologyReader;
import org.sheath.forcefields.model.FlatTopology;

/**
 * All bonds of TFSI (14 coupled constraints through S, N, C) and DMF constrained: the Newton steps on whole
 * groups and the direct velocity solve give what Gauss–Seidel SHAKE/RATTLE give, the constraints hold, and
 * the centre of mass does not move.
 */
class CoupledConstraintsTest {
    private static final Path DIR = Path.of("../inputs/litfsi-zn-dmf");

    @Test
    void directSolvesAgreeWithIterationOnAllBonds() throws Exception {
        FlatTopology top = FlatTopology.of(TopologyFiles.read(DIR.resolve("system.top"), GromacsTopologyReader.Options.DEFAULT));
        MdSystem sys = new MdSystem(top);
        State ref = sys.newState(StructureFiles.read(DIR.resolve("conf.gro")), "t");
        ConstraintSet direct = ConstraintSet.of(sys, ConstraintMode.ALL_BONDS);
        ConstraintSet iterated = ConstraintSet.of(sys, ConstraintMode.ALL_BONDS);
        iterated.direct = false;
        iterated.constrainPositions(ref, ref.x.clone(), ref.y.clone(), ref.z.clone(), 0);
        State moved = ConstraintThreadsTest.copy(ref);
        Random rnd = new Random(3);
        for (int i = 0; i < moved.natoms; i++) {
            moved.x[i] += 0.003 * rnd.nextGaussian();
            moved.y[i] += 0.003 * rnd.nextGaussian();
            moved.z[i] += 0.003 * rnd.nextGaussian();
            moved.vx[i] = rnd.nextGaussian();
            moved.vy[i] = rnd.nextGaussian();
            moved.vz[i] = rnd.nextGaussian();
        }
        State a = ConstraintThreadsTest.copy(moved), b = ConstraintThreadsTest.copy(moved);
        direct.constrainPositions(a, ref.x, ref.y, ref.z, 0.002);
        iterated.constrainPositions(b, ref.x, ref.y, ref.z, 0.002);
        assertThat(direct.maxRelativeDeviation(a)).isLessThan(1e-9);
        double dx = 0, comShift = 0, mass = 0;
        double[] m = sys.masses;
        double cx = 0;
        for (int i = 0; i < a.natoms; i++) {
            dx = Math.max(dx, Math.abs(a.x[i] - b.x[i]) + Math.abs(a.y[i] - b.y[i]) + Math.abs(a.z[i] - b.z[i]));
            cx += m[i] * (a.x[i] - moved.x[i]);
            mass += m[i];
        }
        comShift = Math.abs(cx / mass);
        assertThat(dx).as("positions, direct vs iterated (nm)").isLessThan(1e-9);
        assertThat(comShift).isLessThan(1e-12);
        double[] wa = new double[9], wb = new double[9];
        direct.constrainVelocities(a, 0.001, wa);
        iterated.constrainVelocities(b, 0.001, wb);
        double dv = 0;
        for (int i = 0; i < a.natoms; i++) dv = Math.max(dv, Math.abs(a.vx[i] - b.vx[i]) + Math.abs(a.vz[i] - b.vz[i]));
        assertThat(dv).as("velocities, direct vs iterated (nm/ps)").isLessThan(1e-6);
        for (int k = 0; k < 9; k++) assertThat(wa[k]).isCloseTo(wb[k], org.assertj.core.data.Offset.offset(1e-6 * (1 + Math.abs(wb[k]))));
        ConstraintSet.Pairs p = direct.pairs();
        double worst = 0;
        for (int k = 0; k < p.i().length; k++) {
            int i = p.i()[k], j = p.j()[k];
            double[] r = {a.x[j] - a.x[i], a.y[j] - a.y[i], a.z[j] - a.z[i]};
            a.box.minimumImage(r);
            double rv = r[0] * (a.vx[j] - a.vx[i]) + r[1] * (a.vy[j] - a.vy[i]) + r[2] * (a.vz[j] - a.vz[i]);
            worst = Math.max(worst, Math.abs(rv) / (p.length()[k] * p.length()[k]));
        }
        assertThat(worst).as("relative bond velocity (1/ps)").isLessThan(1e-6);
    }
}
