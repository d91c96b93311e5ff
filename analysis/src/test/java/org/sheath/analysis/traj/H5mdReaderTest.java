package org.sheath.analysis.traj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sheath.engine.io.H5mdWriter;
import org.sheath.engine.io.H5mdWriter.Observable;
import org.sheath.engine.io.H5mdWriter.Options;
import org.sheath.engine.system.Box;

/**
 * {@link H5mdReader} on chains written by the engine's {@link H5mdWriter} and on files shaped like
 * LAMMPS {@code dump h5md} output (made with h5py by {@code make_h5md_fixtures.py}).
 */
class H5mdReaderTest {
    @TempDir
    Path tmp;

    private static final int N = 12;

    private static double coord(int frame, int atom, int d) {
        return 0.37 * atom + 0.11 * d - 0.013 * frame + (atom % 3) * 1.7;
    }

    private static Box box(int frame) {
        return new Box(3 + 0.01 * frame, 0.4, 2.9, -0.3, 0.25, 3.1);
    }

    /**
     * 10 frames, steps 0, 50, ..., 450, in blocks of 4, 4 and 2, with velocities (= positions / 2)
     * and two observables; a triclinic box that changes every frame.
     */
    static Path writeChain(Path first, Options o) throws IOException {
        try (H5mdWriter w = H5mdWriter.create(first, N, o.withVelocities(true)
                .withObservables(new Observable("temperature", "K"), new Observable("potential_energy", "kJ mol-1")))) {
            for (int k = 0; k < 10; k++) {
                double[] x = new double[N], y = new double[N], z = new double[N];
                double[] vx = new double[N], vy = new double[N], vz = new double[N];
                for (int i = 0; i < N; i++) {
                    x[i] = coord(k, i, 0);
                    y[i] = coord(k, i, 1);
                    z[i] = coord(k, i, 2);
                    vx[i] = x[i] / 2;
                    vy[i] = y[i] / 2;
                    vz[i] = z[i] / 2;
                }
                w.append(50L * k, 0.1 * k, box(k), x, y, z, vx, vy, vz, new double[] {298 + k, -5000 + 3 * k});
                if (k == 3 || k == 7) {
                    w.flush();
                }
            }
        }
        return first;
    }

    private static void checkSheathFrame(Frame f, int k, boolean doublePrecision) {
        assertThat(f.step).isEqualTo(50L * k);
        assertThat(f.time).isEqualTo(0.1 * k);
        assertThat(f.box).containsExactly(box(k).toMatrix());
        for (int i = 0; i < N; i++) {
            double ex = coord(k, i, 0), ey = coord(k, i, 1), ez = coord(k, i, 2);
            if (!doublePrecision) {
                ex = (float) ex;
                ey = (float) ey;
                ez = (float) ez;
            }
            assertThat(f.x[i]).isEqualTo(ex);
            assertThat(f.y[i]).isEqualTo(ey);
            assertThat(f.z[i]).isEqualTo(ez);
        }
        assertThat(f.hasVelocities).isTrue();
        assertThat(f.vx[5]).isEqualTo(doublePrecision ? coord(k, 5, 0) / 2 : (double) (float) (coord(k, 5, 0) / 2));
    }

    /** The chain opened on its first block reads as one trajectory, exactly as written. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsAChainWrittenByH5mdWriter(boolean doublePrecision) throws IOException {
        Options o = Options.DEFAULT.withDoublePrecision(doublePrecision).withUnitAttributes(doublePrecision);
        Path first = writeChain(tmp.resolve("run.h5"), o);
        try (TrajectoryReader r = TrajectoryFormats.open(first)) {
            assertThat(r).isInstanceOf(H5mdReader.class);
            assertThat(((H5mdReader) r).files()).extracting(p -> p.getFileName().toString())
                    .containsExactly("run.h5", "run.part0002.h5", "run.part0003.h5");
            assertThat(r.atomCount()).isEqualTo(N);
            assertThat(r.frameCount()).isEqualTo(10);
            Frame f = new Frame();
            for (int k = 0; k < 10; k++) {
                assertThat(r.next(f)).isTrue();
                assertThat(f.index).isEqualTo(k);
                checkSheathFrame(f, k, doublePrecision);
            }
            assertThat(r.next(f)).isFalse();
            r.seek(5);
            assertThat(r.next(f)).isTrue();
            checkSheathFrame(f, 5, doublePrecision);
            r.seek(2);
            assertThat(r.next(f)).isTrue();
            checkSheathFrame(f, 2, doublePrecision);
        }
        // a later block opened by its own name is read alone
        try (TrajectoryReader r = TrajectoryFormats.open(tmp.resolve("run.part0002.h5"))) {
            assertThat(r.frameCount()).isEqualTo(4);
            Frame f = new Frame();
            assertThat(r.next(f)).isTrue();
            checkSheathFrame(f, 4, doublePrecision);
        }
    }

    /**
     * The sample that {@code analysis/src/test/scripts/check_h5md_mdanalysis.py} reads with h5py and
     * MDAnalysis: the chain of {@link #writeChain}, without and with unit attributes, in
     * {@code analysis/target/h5md-sample/}.
     */
    @Test
    void writesTheSampleForThePythonCheck() throws IOException {
        Path dir = Path.of("target", "h5md-sample");
        Files.createDirectories(dir);
        writeChain(dir.resolve("sheath.h5"), Options.DEFAULT);
        writeChain(dir.resolve("sheath_units.h5"), Options.DEFAULT.withUnitAttributes(true));
        try (TrajectoryReader r = TrajectoryFormats.open(dir.resolve("sheath_units.h5"))) {
            assertThat(r.frameCount()).isEqualTo(10);
        }
    }

    private static void checkLammpsFrame(Frame f, int k, double timeScale) {
        assertThat(f.natoms).isEqualTo(5);
        assertThat(f.step).isEqualTo(500L * k);
        assertThat(f.time).isCloseTo(500 * k * 2.0 * timeScale, within(1e-12));
        for (int i = 0; i < 5; i++) {
            assertThat(f.x[i]).isCloseTo(0.1 * (1.5 * i + 0.25 * k), within(1e-12));
            assertThat(f.y[i]).isCloseTo(0.1 * (2.0 + 0.5 * i - 0.125 * k), within(1e-12));
            assertThat(f.z[i]).isCloseTo(0.1 * (10.0 - i + 0.0625 * k), within(1e-12));
        }
        assertThat(f.hasVelocities).isFalse();
    }

    /** LAMMPS `dump h5md` in `units real`: no unit attributes, Angstrom and fs; box as a diagonal. */
    @Test
    void readsLammpsDumpH5md() throws IOException {
        try (TrajectoryReader r = TrajectoryFormats.open(Reference.path("lammps_real.h5"))) {
            assertThat(r.atomCount()).isEqualTo(5);
            assertThat(r.frameCount()).isEqualTo(3);
            Frame f = new Frame();
            for (int k = 0; k < 3; k++) {
                assertThat(r.next(f)).isTrue();
                checkLammpsFrame(f, k, 1e-3);
                assertThat(f.box).usingComparatorWithPrecision(1e-12)
                        .containsExactly(2.0 + 0.1 * k, 0, 0, 0, 2.1, 0, 0, 0, 2.2 + 0.05 * k);
            }
            assertThat(r.next(f)).isFalse();
        }
        // the same file from a `units metal` run: Angstrom and ps
        try (TrajectoryReader r = new H5mdReader(Reference.path("lammps_real.h5"), LammpsUnits.METAL)) {
            Frame f = new Frame();
            r.seek(2);
            assertThat(r.next(f)).isTrue();
            checkLammpsFrame(f, 2, 1.0);
        }
    }

    /**
     * Unit attributes win over the LAMMPS default; a box on its own schedule (every other frame)
     * gives each frame the latest box at or before its step.
     */
    @Test
    void readsUnitAttributesAndABoxOnItsOwnSchedule() throws IOException {
        try (TrajectoryReader r = new H5mdReader(Reference.path("lammps_units.h5"), LammpsUnits.METAL)) {
            Frame f = new Frame();
            double[][] boxes = {{2.0, 2.1, 2.2}, {2.0, 2.1, 2.2}, {2.2, 2.1, 2.3}};
            for (int k = 0; k < 3; k++) {
                assertThat(r.next(f)).isTrue();
                checkLammpsFrame(f, k, 1e-3);
                assertThat(f.box).usingComparatorWithPrecision(1e-12)
                        .containsExactly(boxes[k][0], 0, 0, 0, boxes[k][1], 0, 0, 0, boxes[k][2]);
            }
        }
    }

    @Test
    void registeredByExtension() {
        assertThat(TrajectoryFormats.forFile(Path.of("a.h5")).name()).isEqualTo("h5md");
        assertThat(TrajectoryFormats.forFile(Path.of("a.H5MD")).name()).isEqualTo("h5md");
        assertThat(TrajectoryFormats.forFile(Path.of("a.part0002.h5")).name()).isEqualTo("h5md");
        assertThat(TrajectoryFormats.byName("h5md").extensions()).containsExactly("h5md", "h5");
    }

    @Test
    void brokenChainsAreReported() throws IOException {
        Path first = writeChain(tmp.resolve("a.h5"), Options.DEFAULT);
        // a block missing in the middle
        Files.move(tmp.resolve("a.part0002.h5"), tmp.resolve("keep.h5"));
        assertThatThrownBy(() -> TrajectoryFormats.open(first)).isInstanceOf(TrajectoryException.class)
                .hasMessageContaining("block 2 (a.part0002.h5) is missing but block 3 exists");
        // a block from another run put in its place: frame numbers do not continue
        Files.move(tmp.resolve("keep.h5"), tmp.resolve("a.part0002.h5"));
        Files.copy(first, tmp.resolve("a.part0002.h5"), StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> TrajectoryFormats.open(first)).isInstanceOf(TrajectoryException.class)
                .hasMessageContaining("a.part0002.h5: block 2 of the chain starts at frame 0, but the blocks before it hold 4 frames");
        // a later block whose steps do not follow: another chain's block 2 (frames 4.., steps 200..)
        Path other = writeChain(tmp.resolve("b.h5"), Options.DEFAULT);
        try (H5mdWriter w = H5mdWriter.create(tmp.resolve("c.h5"), N)) {
            double[] p = new double[N];
            for (int k = 0; k < 4; k++) {
                w.append(1000 + k, k, Box.rectangular(3, 3, 3), p, p, p);
            }
        }
        Files.copy(tmp.resolve("b.part0002.h5"), tmp.resolve("c.part0002.h5"));
        assertThatThrownBy(() -> TrajectoryFormats.open(tmp.resolve("c.h5"))).isInstanceOf(TrajectoryException.class)
                .hasMessageContaining("c.part0002.h5: starts at step 200, not after the last step 1003 of c.h5");
        assertThat(other).exists();
        Path notH5 = tmp.resolve("x.h5");
        Files.writeString(notH5, "plain text");
        assertThatThrownBy(() -> TrajectoryFormats.open(notH5)).isInstanceOf(TrajectoryException.class)
                .hasMessageStartingWith("x.h5: ");
    }
}
