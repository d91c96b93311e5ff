package org.sheath.analysis.traj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture, every frame: atoms, time, step, box, positions (+ velocities, forces) vs MDAnalysis. */
class ReaderAgainstMdAnalysisTest {

    static Stream<Reference.FileRef> files() {
        return Reference.FILES.values().stream();
    }

    /** Positions: XTC is lossy (and MDAnalysis rounds its Å to float32), others 1e-6 relative. */
    static double tol(String name, double ref) {
        double rel = 2e-6 * Math.max(1, Math.abs(ref));
        return name.endsWith(".xtc") ? Math.max(rel, 1e-5) : rel;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void matchesMdAnalysis(Reference.FileRef ref) {
        try (TrajectoryReader r = TrajectoryFormats.open(Reference.path(ref.name))) {
            assertThat(r.atomCount()).isEqualTo(ref.natoms);
            Frame f = new Frame();
            for (int i = 0; i < ref.frames.size(); i++) {
                Reference.FrameRef e = ref.frames.get(i);
                assertThat(r.next(f)).as("frame %d exists", i).isTrue();
                String at = ref.name + " frame " + i;
                assertThat(f.index).isEqualTo(i);
                assertThat(f.natoms).isEqualTo(ref.natoms);
                if (!Double.isNaN(e.time)) {
                    assertThat(f.time).as(at + " time").isCloseTo(e.time, within(1e-6 * Math.max(1, Math.abs(e.time))));
                }
                if (e.step != null) {
                    assertThat(f.step).as(at + " step").isEqualTo(e.step);
                }
                if (e.box == null) {
                    assertThat(f.box).as(at + " box").isNull();
                } else {
                    assertThat(f.box).as(at + " box").isNotNull();
                    for (int k = 0; k < 9; k++) {
                        assertThat(f.box[k]).as(at + " box[" + k + "]").isCloseTo(e.box[k], within(2e-6 * Math.max(1, Math.abs(e.box[k]))));
                    }
                }
                compare(at + " x", e.x, f.x, f.y, f.z, ref.name);
                assertThat(f.hasVelocities).as(at + " has velocities").isEqualTo(!e.v.isEmpty());
                if (!e.v.isEmpty()) {
                    compare(at + " v", e.v, f.vx, f.vy, f.vz, ref.name);
                }
                assertThat(f.hasForces).as(at + " has forces").isEqualTo(!e.f.isEmpty());
                if (!e.f.isEmpty()) {
                    compare(at + " f", e.f, f.fx, f.fy, f.fz, ref.name);
                }
            }
            assertThat(r.next(f)).as("no frame after the last").isFalse();
            assertThat(r.frameCount()).isEqualTo(ref.frames.size());
        }
    }

    private static void compare(String what, Map<Integer, double[]> expected, double[] x, double[] y, double[] z, String name) {
        for (Map.Entry<Integer, double[]> en : expected.entrySet()) {
            int a = en.getKey();
            double[] e = en.getValue();
            assertThat(x[a]).as(what + " atom " + a).isCloseTo(e[0], within(tol(name, e[0])));
            assertThat(y[a]).as(what + " atom " + a).isCloseTo(e[1], within(tol(name, e[1])));
            assertThat(z[a]).as(what + " atom " + a).isCloseTo(e[2], within(tol(name, e[2])));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void seekAndFrameCount(Reference.FileRef ref) {
        int n = ref.frames.size();
        try (TrajectoryReader r = TrajectoryFormats.open(Reference.path(ref.name))) {
            assertThat(r.frameCount()).isEqualTo(n); // before reading anything
            Frame f = new Frame();
            int[] order = {n - 1, 0, n / 2, n - 1, 1 % n};
            for (int target : order) {
                r.seek(target);
                assertThat(r.next(f)).isTrue();
                assertThat(f.index).isEqualTo(target);
                double[] e = ref.frames.get(target).x.get(0);
                assertThat(f.x[0]).as(ref.name + " frame " + target).isCloseTo(e[0], within(tol(ref.name, e[0])));
                assertThat(f.z[0]).isCloseTo(e[2], within(tol(ref.name, e[2])));
            }
            r.seek(n);
            assertThat(r.next(f)).isFalse();
        }
    }
}
