package org.sheath.analysis.traj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorHandlingTest {
    @TempDir
    Path tmp;

    static Stream<Reference.FileRef> files() {
        return Reference.FILES.values().stream().filter(r -> r.frames.size() >= 3);
    }

    /**
     * Cuts the file in the middle of a frame: earlier frames read, then one clear error when read in order; the
     * frame count is that of the complete frames, and damage() says where the file ends (a killed run's file).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void truncatedFileReportsTheFrame(Reference.FileRef ref) throws IOException {
        byte[] all = Files.readAllBytes(Reference.path(ref.name));
        int n = ref.frames.size();
        // frame boundaries from a clean read
        long[] start = new long[n + 1];
        try (AbstractReader r = (AbstractReader) TrajectoryFormats.open(Reference.path(ref.name))) {
            Frame f = new Frame();
            for (int i = 0; i <= n; i++) {
                start[i] = r.in.position();
                r.next(f);
            }
        }
        int broken = n - 1;
        int cut = (int) ((start[broken] + start[broken + 1]) / 2);
        Path p = tmp.resolve(ref.name);
        Files.write(p, Arrays.copyOf(all, cut));
        try (TrajectoryReader r = TrajectoryFormats.open(p)) {
            Frame f = new Frame();
            for (int i = 0; i < broken; i++) {
                assertThat(r.next(f)).isTrue();
            }
            assertThatThrownBy(() -> r.next(f))
                    .isInstanceOf(TrajectoryException.class)
                    .hasMessage(ref.name + ": frame " + broken + " is truncated (the file ends at byte " + cut
                            + "; the run that wrote it may have been killed)");
        }
        try (TrajectoryReader r = TrajectoryFormats.open(p)) {
            assertThat(r.frameCount()).isEqualTo(broken);
            assertThat(r.damage()).isEqualTo(ref.name + ": frame " + broken + " is truncated (the file ends at byte " + cut
                    + "; the run that wrote it may have been killed)");
            r.seek(broken - 1);
            assertThat(r.next(new Frame())).isTrue();
        }
        try (TrajectoryReader r = TrajectoryFormats.open(Reference.path(ref.name))) {
            assertThat(r.frameCount()).isEqualTo(n);
            assertThat(r.damage()).isEmpty();
        }
    }

    @Test
    void badMagicInTheMiddleOfAnXtc() throws IOException {
        byte[] all = Files.readAllBytes(Reference.path("water.xtc"));
        long at;
        try (AbstractReader r = (AbstractReader) TrajectoryFormats.open(Reference.path("water.xtc"))) {
            r.seek(4);
            at = r.in.position();
        }
        all[(int) at + 3] ^= 0x55;
        Path p = tmp.resolve("bad.xtc");
        Files.write(p, all);
        try (TrajectoryReader r = TrajectoryFormats.open(p)) {
            Frame f = new Frame();
            for (int i = 0; i < 4; i++) {
                r.next(f);
            }
            assertThatThrownBy(() -> r.next(f)).isInstanceOf(TrajectoryException.class)
                    .hasMessageStartingWith("bad.xtc: frame 4 is corrupt at byte " + at + " (bad magic number");
        }
    }

    /** Garbage inside the compressed data must give a TrajectoryException or numbers, never a crash. */
    @Test
    void garbageInCompressedDataNeverCrashes() throws IOException {
        byte[] clean = Files.readAllBytes(Reference.path("water.xtc"));
        Random rnd = new Random(1);
        int errors = 0;
        for (int trial = 0; trial < 100; trial++) {
            byte[] all = clean.clone();
            // keep the first header intact; damage a few bytes after it
            for (int k = 0; k < 1 + rnd.nextInt(8); k++) {
                all[100 + rnd.nextInt(all.length - 100)] = (byte) rnd.nextInt(256);
            }
            Path p = tmp.resolve("fuzz.xtc");
            Files.write(p, all);
            try (TrajectoryReader r = TrajectoryFormats.open(p)) {
                Frame f = new Frame();
                while (r.next(f)) {
                    // keep reading
                }
            } catch (TrajectoryException e) {
                errors++;
                assertThat(e.getMessage()).startsWith("fuzz.xtc: ").doesNotContain("\n");
            }
        }
        assertThat(errors).isPositive();
    }

    @Test
    void corruptTextIsNamed() throws IOException {
        String gro = Files.readString(Reference.path("water.gro"));
        int second = gro.indexOf('\n', gro.indexOf('\n') + 1);
        String bad = gro.substring(0, second + 1) + gro.substring(second + 1).replaceFirst("0\\.", "x.");
        Path p = tmp.resolve("bad.gro");
        Files.writeString(p, bad);
        try (TrajectoryReader r = TrajectoryFormats.open(p)) {
            assertThatThrownBy(() -> r.next(new Frame())).isInstanceOf(TrajectoryException.class)
                    .hasMessageStartingWith("bad.gro: frame 0 is corrupt");
        }
    }

    @Test
    void unknownExtension() {
        assertThatThrownBy(() -> TrajectoryFormats.open(tmp.resolve("traj.foo")))
                .isInstanceOf(TrajectoryException.class)
                .hasMessage("unknown trajectory format '.foo'; known: xtc, trr, dcd, lammpsdump, gro, pdb, xyz, h5md");
        assertThatThrownBy(() -> TrajectoryFormats.open(tmp.resolve("traj.xtc"), "netcdf"))
                .isInstanceOf(TrajectoryException.class)
                .hasMessageStartingWith("unknown trajectory format 'netcdf'; known: xtc");
    }

    @Test
    void missingFileAndWrongContent() throws IOException {
        assertThatThrownBy(() -> TrajectoryFormats.open(tmp.resolve("nope.xtc")))
                .isInstanceOf(TrajectoryException.class).hasMessageStartingWith("nope.xtc: no such file");
        Path p = tmp.resolve("really_a.xtc");
        Files.copy(Reference.path("water.trr"), p);
        assertThatThrownBy(() -> TrajectoryFormats.open(p))
                .isInstanceOf(TrajectoryException.class).hasMessage("really_a.xtc: not an XTC file (magic number 1993, expected 1995)");
    }

    @Test
    void openByFormatNameIgnoresExtension() throws IOException {
        Path p = tmp.resolve("water.txt");
        Files.copy(Reference.path("water_ortho.lammpstrj"), p);
        try (TrajectoryReader r = TrajectoryFormats.open(p, "lammpsdump")) {
            assertThat(r.frameCount()).isEqualTo(2);
        }
    }

    @Test
    void framesReuseTheirArrays() {
        try (TrajectoryReader r = TrajectoryFormats.open(Reference.path("water.xtc"))) {
            Frame f = new Frame();
            r.next(f);
            double[] x = f.x, box = f.box;
            while (r.next(f)) {
                assertThat(f.x).isSameAs(x);
                assertThat(f.box).isSameAs(box);
            }
        }
    }
}
