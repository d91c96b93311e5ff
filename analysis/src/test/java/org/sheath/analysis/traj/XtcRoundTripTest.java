package org.sheath.analysis.traj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sheath.engine.io.XtcWriter;

/** The engine's {@link XtcWriter} read back with {@link XtcReader}. */
class XtcRoundTripTest {
    @TempDir
    Path tmp;

    private static Frame copy(Frame f) {
        Frame c = new Frame();
        c.natoms = f.natoms;
        c.x = f.x.clone();
        c.y = f.y.clone();
        c.z = f.z.clone();
        c.box = f.box == null ? null : f.box.clone();
        c.time = f.time;
        c.step = f.step;
        return c;
    }

    /** Re-encoding the GROMACS fixture reproduces every coordinate exactly. */
    @Test
    void roundTripOfTheGromacsFixtureIsExact() throws IOException {
        List<Frame> orig = new ArrayList<>();
        Path out = tmp.resolve("copy.xtc");
        try (TrajectoryReader r = TrajectoryFormats.open(Reference.path("water.xtc"));
             XtcWriter w = XtcWriter.open(out, r.atomCount())) {
            Frame f = new Frame();
            while (r.next(f)) {
                orig.add(copy(f));
                w.append(f.step, f.time, f.box, f.x, f.y, f.z);
            }
        }
        try (TrajectoryReader r = TrajectoryFormats.open(out)) {
            assertThat(r.frameCount()).isEqualTo(orig.size());
            Frame f = new Frame();
            for (Frame e : orig) {
                assertThat(r.next(f)).isTrue();
                assertThat(f.step).isEqualTo(e.step);
                assertThat(f.time).isEqualTo(e.time);
                assertThat(f.box).containsExactly(e.box);
                for (int i = 0; i < e.natoms; i++) {
                    assertThat(f.x[i]).isEqualTo(e.x[i]);
                    assertThat(f.y[i]).isEqualTo(e.y[i]);
                    assertThat(f.z[i]).isEqualTo(e.z[i]);
                }
            }
        }
        // a decent compression ratio: within 25 % of what GROMACS wrote
        assertThat(Files.size(out)).isLessThan((long) (Files.size(Reference.path("water.xtc")) * 1.25));
    }

    /**
     * Random clusters (water-like triples, far-apart molecules, isolated atoms) at several
     * precisions, including 1e7 where the integer range exceeds 2^24 (the "large" code path).
     */
    @ParameterizedTest
    @ValueSource(floats = {1000f, 100f, 10000f, 1e7f})
    void roundTripWithinPrecision(float precision) throws IOException {
        Random rnd = new Random(42);
        int n = 1000;
        Path out = tmp.resolve("rnd.xtc");
        List<Frame> frames = new ArrayList<>();
        try (XtcWriter w = XtcWriter.open(out, n, precision)) {
            for (int fr = 0; fr < 4; fr++) {
                Frame f = new Frame();
                f.natoms = n;
                f.ensureCapacity(n);
                for (int i = 0; i < n; i++) {
                    boolean bonded = i % 3 != 0 && rnd.nextInt(10) > 0;
                    double scale = bonded ? 0.1 : 3.0 * (1 + fr);
                    f.x[i] = (bonded ? f.x[i - 1] : 0) + rnd.nextDouble() * scale;
                    f.y[i] = (bonded ? f.y[i - 1] : 0) + rnd.nextDouble() * scale;
                    f.z[i] = (bonded ? f.z[i - 1] : 0) - rnd.nextDouble() * scale;
                }
                f.setBox(3, 0, 0, 0.5, 3, 0, 0.2, 0.3, 3);
                f.step = 10L * fr;
                f.time = 0.02 * fr;
                frames.add(f);
                w.append(f.step, f.time, f.box, f.x, f.y, f.z);
            }
        }
        try (TrajectoryReader r = TrajectoryFormats.open(out)) {
            Frame f = new Frame();
            for (Frame e : frames) {
                assertThat(r.next(f)).isTrue();
                assertThat(((XtcReader) r).precision()).isEqualTo(precision);
                for (int i = 0; i < n; i++) {
                    double tol = 0.5 / precision + 4e-7 * Math.max(1, Math.abs(e.x[i]) + Math.abs(e.y[i]) + Math.abs(e.z[i]));
                    assertThat(f.x[i]).isCloseTo(e.x[i], within(tol));
                    assertThat(f.y[i]).isCloseTo(e.y[i], within(tol));
                    assertThat(f.z[i]).isCloseTo(e.z[i], within(tol));
                }
            }
            assertThat(r.next(f)).isFalse();
        }
    }

    @Test
    void fewAtomsAreStoredAsFloats() throws IOException {
        Path out = tmp.resolve("few.xtc");
        Frame f = new Frame();
        f.natoms = 3;
        f.ensureCapacity(3);
        f.x[1] = 1.23456789;
        f.z[2] = -4.5;
        try (XtcWriter w = XtcWriter.open(out, 3)) {
            w.append(f.step, f.time, f.box, f.x, f.y, f.z);
        }
        try (TrajectoryReader r = TrajectoryFormats.open(out)) {
            Frame g = new Frame();
            assertThat(r.next(g)).isTrue();
            assertThat(g.x[1]).isEqualTo((float) 1.23456789);
            assertThat(g.z[2]).isEqualTo(-4.5);
            assertThat(g.box).containsOnly(0.0);
        }
    }

    /** Frame {@code k} of run {@code run} (the first run, or the rerun after the crash). */
    private static double[][] frame(int n, int k, int run) {
        Random rnd = new Random(7919L * run + k);
        double[][] p = new double[3][n];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 3; d++) {
                p[d][i] = (i % 3 == 0 ? 0 : p[d][i - 1]) + rnd.nextDouble() * (i % 3 == 0 ? 4.0 : 0.12);
            }
        }
        return p;
    }

    /**
     * Restart after a crash, as the MD loop does it: the first run writes steps 0..90 (10 frames),
     * flushed at the checkpoint after frame 6 (step 50); it goes on to step 90 and dies inside
     * the next frame. The rerun reopens with {@code openForAppend(file, n, 6)} and writes steps
     * 60..140 again. Read back with {@link XtcReader}: every step exactly once, in order, positions
     * from the right run within 0.5/precision nm (plus float rounding of the stored values).
     */
    @ParameterizedTest
    @ValueSource(floats = {1000f, 100f})
    void truncateReopenAppendKeepsEveryFrameOnce(float precision) throws IOException {
        int n = 300;
        Path out = tmp.resolve("restart.xtc");
        int checkpointFrames;
        try (XtcWriter w = XtcWriter.open(out, n, precision)) {
            for (int k = 0; k < 10; k++) {
                double[][] p = frame(n, k, 0);
                w.append(10L * k, 0.02 * k, org.sheath.engine.system.Box.rectangular(4, 4, 4), p[0], p[1], p[2]);
                if (k == 5) {
                    w.flush();
                    checkpointFrames = w.frameCount();
                    assertThat(checkpointFrames).isEqualTo(6);
                }
            }
        }
        // the crash: the start of an 11th frame (a copy of the first frame's first bytes)
        byte[] all = Files.readAllBytes(out);
        Files.write(out, java.util.Arrays.copyOf(all, all.length / 20), java.nio.file.StandardOpenOption.APPEND);
        assertThat(XtcWriter.countFrames(out)).isEqualTo(10);
        checkpointFrames = 6;
        try (XtcWriter w = XtcWriter.openForAppend(out, n, checkpointFrames, precision)) {
            for (int k = checkpointFrames; k < 15; k++) {
                double[][] p = frame(n, k, 1);
                w.append(10L * k, 0.02 * k, org.sheath.engine.system.Box.rectangular(4, 4, 4), p[0], p[1], p[2]);
            }
        }
        try (TrajectoryReader r = TrajectoryFormats.open(out)) {
            assertThat(r.frameCount()).isEqualTo(15);
            Frame f = new Frame();
            for (int k = 0; k < 15; k++) {
                assertThat(r.next(f)).isTrue();
                assertThat(f.step).isEqualTo(10L * k);
                assertThat(f.time).isCloseTo(0.02 * k, within(1e-6));
                assertThat(f.box).containsExactly(4, 0, 0, 0, 4, 0, 0, 0, 4);
                double[][] e = frame(n, k, k < checkpointFrames ? 0 : 1);
                double tol = 0.5 / precision + 1e-6;
                for (int i = 0; i < n; i++) {
                    assertThat(f.x[i]).isCloseTo(e[0][i], within(tol));
                    assertThat(f.y[i]).isCloseTo(e[1][i], within(tol));
                    assertThat(f.z[i]).isCloseTo(e[2][i], within(tol));
                }
            }
            assertThat(r.next(f)).isFalse();
        }
    }

}
