package org.sheath.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sheath.engine.system.Box;

/**
 * File-level behaviour of {@link XtcWriter} that needs no reader: frame layout, counting, and
 * truncate-and-append compared byte for byte with a straight write. Reading back through the XTC
 * reader is tested in the analysis module ({@code XtcRoundTripTest}).
 */
class XtcWriterTest {
    @TempDir
    Path tmp;

    /** Positions of frame {@code k} of run {@code run}: deterministic, molecule-like. */
    private static double[][] positions(int natoms, int k, int run) {
        Random rnd = new Random(1000L * run + k);
        double[] x = new double[natoms], y = new double[natoms], z = new double[natoms];
        for (int i = 0; i < natoms; i++) {
            boolean bonded = i % 3 != 0;
            x[i] = (bonded ? x[i - 1] : 0) + rnd.nextDouble() * (bonded ? 0.1 : 4);
            y[i] = (bonded ? y[i - 1] : 0) + rnd.nextDouble() * (bonded ? 0.1 : 4);
            z[i] = (bonded ? z[i - 1] : 0) + rnd.nextDouble() * (bonded ? 0.1 : 4);
        }
        return new double[][] {x, y, z};
    }

    private static void write(XtcWriter w, int k, int run) {
        double[][] p = positions(w.atomCount(), k, run);
        w.append(10L * k, 0.02 * k, Box.rectangular(4, 4.5, 5), p[0], p[1], p[2]);
    }

    @Test
    void headerHoldsStepTimeBoxAndAtomCount() throws IOException {
        Path f = tmp.resolve("a.xtc");
        try (XtcWriter w = XtcWriter.open(f, 30)) {
            write(w, 7, 0);
            assertThat(w.frameCount()).isEqualTo(1);
        }
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f));
        assertThat(b.getInt(0)).isEqualTo(1995);
        assertThat(b.getInt(4)).isEqualTo(30);
        assertThat(b.getInt(8)).isEqualTo(70);
        assertThat(b.getFloat(12)).isEqualTo(0.14f);
        assertThat(b.getFloat(16)).isEqualTo(4f);
        assertThat(b.getFloat(16 + 16)).isEqualTo(4.5f);
        assertThat(b.getFloat(16 + 32)).isEqualTo(5f);
        assertThat(b.getInt(52)).isEqualTo(30);
        assertThat(b.getFloat(56)).isEqualTo(1000f);
        int nbytes = b.getInt(56 + 32);
        assertThat(b.capacity()).isEqualTo(56 + 36 + ((nbytes + 3) & ~3));
        assertThat(XtcWriter.countFrames(f)).isEqualTo(1);
    }

    /**
     * A run writes 10 frames, the checkpoint was taken after 6, and the crash cut the last frame
     * short. Reopening keeps 6 and appends the rerun's frames: the file is byte for byte the one a
     * run without the crash writes. Both the compressed (30 atoms) and the plain-float (5 atoms)
     * layouts.
     */
    @ParameterizedTest
    @ValueSource(ints = {30, 5})
    void truncateAndAppendEqualsAStraightWrite(int natoms) throws IOException {
        Path crashed = tmp.resolve("crashed.xtc");
        try (XtcWriter w = XtcWriter.open(crashed, natoms)) {
            for (int k = 0; k < 10; k++) {
                write(w, k, 0);
            }
        }
        long full = Files.size(crashed);
        try (var ch = Files.newByteChannel(crashed, StandardOpenOption.WRITE)) {
            ch.truncate(full - 7); // the crash: the 10th frame is incomplete
        }
        assertThat(XtcWriter.countFrames(crashed)).isEqualTo(9);

        try (XtcWriter w = XtcWriter.openForAppend(crashed, natoms, 6)) {
            assertThat(w.frameCount()).isEqualTo(6);
            for (int k = 6; k < 12; k++) {
                write(w, k, 1);
            }
            assertThat(w.frameCount()).isEqualTo(12);
        }

        Path straight = tmp.resolve("straight.xtc");
        try (XtcWriter w = XtcWriter.open(straight, natoms)) {
            for (int k = 0; k < 12; k++) {
                write(w, k, k < 6 ? 0 : 1);
            }
        }
        assertThat(Files.readAllBytes(crashed)).isEqualTo(Files.readAllBytes(straight));
        assertThat(XtcWriter.countFrames(crashed)).isEqualTo(12);
    }

    @Test
    void reopeningChecksTheFile() throws IOException {
        Path f = tmp.resolve("b.xtc");
        try (XtcWriter w = XtcWriter.open(f, 30)) {
            write(w, 0, 0);
            write(w, 1, 0);
        }
        assertThatThrownBy(() -> XtcWriter.openForAppend(f, 30, 3))
                .isInstanceOf(IOException.class).hasMessageContaining("b.xtc: has 2 complete frames, cannot keep 3");
        assertThatThrownBy(() -> XtcWriter.openForAppend(f, 31, 1))
                .isInstanceOf(IOException.class).hasMessageContaining("frame 0 has 30 atoms, expected 31");
        Path text = tmp.resolve("c.xtc");
        Files.writeString(text, "not an xtc file at all, but long enough for a header ............................");
        assertThatThrownBy(() -> XtcWriter.openForAppend(text, 30, 1))
                .isInstanceOf(IOException.class).hasMessageContaining("expected 1995");
        // nothing to keep and no file yet: a new file
        try (XtcWriter w = XtcWriter.openForAppend(tmp.resolve("new.xtc"), 30, 0)) {
            assertThat(w.frameCount()).isZero();
        }
        // keeping everything changes nothing
        byte[] before = Files.readAllBytes(f);
        XtcWriter.openForAppend(f, 30, 2).close();
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
    }

    @Test
    void badFramesAreRefused() throws IOException {
        try (XtcWriter w = XtcWriter.open(tmp.resolve("d.xtc"), 30)) {
            double[] shortArray = new double[29];
            assertThatThrownBy(() -> w.append(0, 0, (Box) null, shortArray, shortArray, shortArray))
                    .hasMessageContaining("shorter than 30 atoms");
            double[] p = new double[30];
            assertThatThrownBy(() -> w.append(1L << 32, 0, (Box) null, p, p, p)).hasMessageContaining("32 bits");
            assertThatThrownBy(() -> w.append(0, 0, new double[3], p, p, p)).hasMessageContaining("9 elements");
            assertThat(w.frameCount()).isZero();
        }
    }

    /** The MD-loop contract: after the first frames, appending allocates nothing. */
    @Test
    void appendingDoesNotAllocate() throws IOException {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int n = 3000;
        double[][] p = positions(n, 0, 0);
        double[] box = {5, 0, 0, 0, 5, 0, 0, 0, 5};
        try (XtcWriter w = XtcWriter.open(tmp.resolve("e.xtc"), n)) {
            for (int k = 0; k < 20; k++) {
                w.append(k, k, box, p[0], p[1], p[2]);
            }
            long tid = Thread.currentThread().getId();
            long before = mx.getThreadAllocatedBytes(tid);
            for (int k = 20; k < 220; k++) {
                p[0][k % n] += 0.01;
                w.append(k, k, box, p[0], p[1], p[2]);
            }
            long perFrame = (mx.getThreadAllocatedBytes(tid) - before) / 200;
            assertThat(perFrame).as("bytes allocated per frame").isLessThan(64);
        }
        assertThat(Arrays.stream(p[0]).allMatch(Double::isFinite)).isTrue();
    }
}
