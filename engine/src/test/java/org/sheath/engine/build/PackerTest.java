package org.sheath.engine.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.joml.Matrix3d;
import org.joml.Quaterniond;
import org.junit.jupiter.api.Test;
import org.sheath.engine.system.Box;

class PackerTest {
    /** Uniform rotations: the rotated z axis is uniform on the sphere and E[cos θ] = −1/2 for the angle θ. */
    @Test
    void randomRotationsAreUniform() {
        Rng rng = new Rng(42);
        double[] q = new double[4];
        Quaterniond quat = new Quaterniond();
        Matrix3d m = new Matrix3d();
        int n = 200_000;
        double sx = 0, sy = 0, sz = 0, szz = 0, scos = 0, snorm = 0;
        for (int i = 0; i < n; i++) {
            rng.unitQuaternion(q);
            snorm = Math.max(snorm, Math.abs(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3] - 1));
            m.set(quat.set(q[0], q[1], q[2], q[3]));
            sx += m.m20;
            sy += m.m21;
            sz += m.m22;
            szz += m.m22 * m.m22;
            scos += (m.m00 + m.m11 + m.m22 - 1) / 2;
        }
        System.out.printf("rotated z axis: <x> %.4f <y> %.4f <z> %.4f <z^2> %.4f; <cos angle> %.4f%n", sx / n, sy / n, sz / n,
                szz / n, scos / n);
        assertThat(snorm).isLessThan(1e-12);
        assertThat(sx / n).isCloseTo(0, within(0.01));
        assertThat(sy / n).isCloseTo(0, within(0.01));
        assertThat(sz / n).isCloseTo(0, within(0.01));
        assertThat(szz / n).isCloseTo(1.0 / 3, within(0.01));
        assertThat(scos / n).isCloseTo(-0.5, within(0.01));
    }

    @Test
    void rngMatchesTheXoshiro256StarStarReference() {
        // reference outputs of xoshiro256** from the state {1, 2, 3, 4} (test vector of the rand_xoshiro crate)
        long[] expected = {11520L, 0L, 1509978240L, 1215971899390074240L, 1216172134540287360L, 607988272756665600L,
                Long.parseUnsignedLong("16172922978634559625"), 8476171486693032832L,
                Long.parseUnsignedLong("10595114339597558777"), 2904607092377533576L};
        Rng ref = new Rng(1, 2, 3, 4);
        for (long e : expected) assertThat(ref.nextLong()).isEqualTo(e);
        Rng a = new Rng(123), b = new Rng(123), c = new Rng(124);
        for (int i = 0; i < 1000; i++) {
            double u = a.nextDouble();
            assertThat(u).isEqualTo(b.nextDouble()).isGreaterThanOrEqualTo(0).isLessThan(1);
            assertThat(u).isNotEqualTo(c.nextDouble());
        }
    }

    @Test
    void packsSingleAtomsAndMoleculesWithTheMarginHonoured() {
        Box box = Box.rectangular(2.0, 2.5, 3.0);
        Packer.Template atom = new Packer.Template("A", new double[] {0}, new double[] {0}, new double[] {0});
        Packer.Template dimer = Packer.Template.centred("D", new double[] {0, 0.15}, new double[] {0, 0}, new double[] {0, 0});
        Packer p = new Packer(box, 0.25, 0.01, 9, 20, 1000);
        Packer.Result r = p.pack(List.of(atom, dimer), new int[] {300, 200});
        int n = r.x().length;
        assertThat(n).isEqualTo(700);
        double min = Double.POSITIVE_INFINITY;
        double[] d = new double[3];
        for (int i = 0; i < n; i++) {
            int mi = i < 300 ? i : 300 + (i - 300) / 2;
            for (int j = i + 1; j < n; j++) {
                int mj = j < 300 ? j : 300 + (j - 300) / 2;
                if (mi == mj) {
                    assertThat(Math.sqrt(sq(r.x()[j] - r.x()[i]) + sq(r.y()[j] - r.y()[i]) + sq(r.z()[j] - r.z()[i])))
                            .isCloseTo(0.15, within(1e-12));
                    continue;
                }
                d[0] = r.x()[j] - r.x()[i];
                d[1] = r.y()[j] - r.y()[i];
                d[2] = r.z()[j] - r.z()[i];
                box.minimumImage(d);
                min = Math.min(min, Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]));
            }
        }
        System.out.printf("700 atoms in %s: min distance %.4f nm, %d attempts, %d relaxation steps%n", box, min, r.attempts(),
                r.relaxSteps());
        assertThat(min).isGreaterThanOrEqualTo(0.26).isCloseTo(r.minDistance(), within(1e-12));
    }

    static double sq(double v) {
        return v * v;
    }
}
