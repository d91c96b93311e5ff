package org.sheath.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheath.engine.io.H5mdWriter.Observable;
import org.sheath.engine.io.H5mdWriter.Options;
import org.sheath.engine.system.Box;

/** {@link H5mdWriter} blocks read back with jhdf: layout, chaining, restart. */
class H5mdWriterTest {
    @TempDir
    Path tmp;

    private static final int N = 7;

    private static double pos(int frame, int atom, int d) {
        return 0.1 * atom + 0.01 * d + 0.001 * frame;
    }

    private static void append(H5mdWriter w, int frame, int run) {
        double[] x = new double[N], y = new double[N], z = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = pos(frame, i, 0) + run;
            y[i] = pos(frame, i, 1) + run;
            z[i] = pos(frame, i, 2) + run;
        }
        Box box = new Box(3 + 0.01 * frame, 0.5, 3, 0.2, 0.3, 3);
        Options o = w.options();
        double[] v = o.velocities() ? x.clone() : null;
        double[] obs = o.observables().isEmpty() ? null : new double[] {300 + frame, -1000 - frame};
        w.append(100L * frame, 0.2 * frame, box, x, y, z, v, v, v, obs);
    }

    private static long[] steps(Path file) {
        try (HdfFile f = new HdfFile(file)) {
            return (long[]) f.getDatasetByPath("particles/all/position/step").getData();
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.sorted().toList();
        }
    }

    @Test
    void blockLayoutIsH5md11() throws IOException {
        Path first = tmp.resolve("run.h5");
        Options o = Options.DEFAULT.withVelocities(true).withUnitAttributes(true).withAuthor("tester")
                .withObservables(new Observable("temperature", "K"), new Observable("potential_energy", "kJ mol-1"));
        try (H5mdWriter w = H5mdWriter.create(first, N, o)) {
            for (int k = 0; k < 5; k++) {
                append(w, k, 0);
            }
            assertThat(Files.exists(first)).isFalse(); // nothing before the first flush
        }
        assertThat(files()).containsExactly(first);
        try (HdfFile f = new HdfFile(first)) {
            assertThat((int[]) f.getByPath("h5md").getAttribute("version").getData()).containsExactly(1, 1);
            assertThat(f.getByPath("h5md/author").getAttribute("name").getData()).isEqualTo("tester");
            assertThat(f.getByPath("h5md/creator").getAttribute("name").getData()).isEqualTo("Sheath");
            assertThat(f.getByPath("h5md/creator").getAttribute("version").getData()).isNotNull();
            Group box = (Group) f.getByPath("particles/all/box");
            assertThat(((Number) box.getAttribute("dimension").getData()).intValue()).isEqualTo(3);
            assertThat((String[]) box.getAttribute("boundary").getData()).containsExactly("periodic", "periodic", "periodic");

            Dataset pos = f.getDatasetByPath("particles/all/position/value");
            assertThat(pos.getDimensions()).containsExactly(5, N, 3);
            assertThat(pos.getJavaType()).isEqualTo(float.class);
            assertThat(pos.getAttribute("unit").getData()).isEqualTo("nm");
            float[][][] p = (float[][][]) pos.getData();
            assertThat(p[4][6][2]).isEqualTo((float) pos(4, 6, 2));
            assertThat((long[]) f.getDatasetByPath("particles/all/position/step").getData()).containsExactly(0, 100, 200, 300, 400);
            Dataset time = f.getDatasetByPath("particles/all/position/time");
            assertThat((double[]) time.getData()).containsExactly(0, 0.2, 0.4, 0.6000000000000001, 0.8);
            assertThat(time.getAttribute("unit").getData()).isEqualTo("ps");

            Dataset edges = f.getDatasetByPath("particles/all/box/edges/value");
            assertThat(edges.getDimensions()).containsExactly(5, 3, 3);
            double[][][] e = (double[][][]) edges.getData();
            assertThat(e[2][0]).containsExactly(3.02, 0, 0);
            assertThat(e[2][1]).containsExactly(0.5, 3, 0);
            assertThat(e[2][2]).containsExactly(0.2, 0.3, 3);
            assertThat((long[]) f.getDatasetByPath("particles/all/box/edges/step").getData()).hasSize(5);

            Dataset vel = f.getDatasetByPath("particles/all/velocity/value");
            assertThat(vel.getDimensions()).containsExactly(5, N, 3);
            assertThat(vel.getAttribute("unit").getData()).isEqualTo("nm ps-1");

            Dataset temp = f.getDatasetByPath("observables/temperature/value");
            assertThat((double[]) temp.getData()).containsExactly(300, 301, 302, 303, 304);
            assertThat(temp.getAttribute("unit").getData()).isEqualTo("K");
            assertThat((double[]) f.getDatasetByPath("observables/potential_energy/value").getData())
                    .containsExactly(-1000, -1001, -1002, -1003, -1004);
            assertThat((long[]) f.getDatasetByPath("observables/temperature/step").getData()).hasSize(5);
            assertThat(((Number) f.getAttribute("sheath_block").getData()).intValue()).isEqualTo(1);
            assertThat(((Number) f.getAttribute("sheath_first_frame").getData()).longValue()).isZero();
        }
    }

    @Test
    void doublePrecisionAndNoUnitAttributesByDefault() throws IOException {
        Path first = tmp.resolve("d.h5md");
        try (H5mdWriter w = H5mdWriter.create(first, N, Options.DEFAULT.withDoublePrecision(true))) {
            append(w, 0, 0);
        }
        try (HdfFile f = new HdfFile(first)) {
            Dataset pos = f.getDatasetByPath("particles/all/position/value");
            assertThat(pos.getJavaType()).isEqualTo(double.class);
            assertThat(((double[][][]) pos.getData())[0][3][1]).isEqualTo(pos(0, 3, 1));
            assertThat(pos.getAttribute("unit")).isNull();
            assertThat(((Group) f.getByPath("particles/all")).getChild("velocity")).isNull();
            assertThat(f.getChild("observables")).isNull();
        }
    }

    /** One file per flush; steps, frame indices and block numbers continue across the chain. */
    @Test
    void flushesWriteChainedBlocks() throws IOException {
        Path first = tmp.resolve("stage.h5");
        try (H5mdWriter w = H5mdWriter.create(first, N)) {
            for (int k = 0; k < 3; k++) {
                append(w, k, 0);
            }
            w.flush();
            w.flush(); // nothing buffered: no empty block
            assertThat(w.frameCount()).isEqualTo(3);
            assertThat(w.currentBlock()).isEqualTo(tmp.resolve("stage.part0002.h5"));
            for (int k = 3; k < 7; k++) {
                append(w, k, 0);
            }
            w.flush();
            append(w, 7, 0);
            assertThat(w.frameCount()).isEqualTo(8);
        }
        assertThat(files()).extracting(p -> p.getFileName().toString())
                .containsExactly("stage.h5", "stage.part0002.h5", "stage.part0003.h5");
        assertThat(H5mdBlocks.chain(first)).hasSize(3);
        assertThat(steps(first)).containsExactly(0, 100, 200);
        assertThat(steps(tmp.resolve("stage.part0002.h5"))).containsExactly(300, 400, 500, 600);
        assertThat(steps(tmp.resolve("stage.part0003.h5"))).containsExactly(700);
        try (HdfFile f = new HdfFile(tmp.resolve("stage.part0003.h5"))) {
            assertThat(((Number) f.getAttribute("sheath_block").getData()).intValue()).isEqualTo(3);
            assertThat(((Number) f.getAttribute("sheath_first_frame").getData()).longValue()).isEqualTo(7);
        }
    }

    @Test
    void framesPerBlockFlushesByItself() throws IOException {
        Path first = tmp.resolve("auto.h5");
        try (H5mdWriter w = H5mdWriter.create(first, N, Options.DEFAULT.withFramesPerBlock(4))) {
            for (int k = 0; k < 10; k++) {
                append(w, k, 0);
            }
        }
        List<Path> chain = H5mdBlocks.chain(first);
        assertThat(chain).hasSize(3);
        assertThat(steps(chain.get(2))).containsExactly(800, 900);
    }

    /** Writes blocks of 4, 4 and 2 frames (steps 0..900), as a run that checkpointed after each flush. */
    private Path threeBlocks(Options o) throws IOException {
        Path first = tmp.resolve("md.h5");
        try (H5mdWriter w = H5mdWriter.create(first, N, o)) {
            for (int k = 0; k < 10; k++) {
                append(w, k, 0);
                if (k == 3 || k == 7) {
                    w.flush();
                }
            }
        }
        return first;
    }

    private List<Long> chainSteps(Path first) throws IOException {
        List<Long> all = new ArrayList<>();
        for (Path p : H5mdBlocks.chain(first)) {
            for (long s : steps(p)) {
                all.add(s);
            }
        }
        return all;
    }

    /** A cut inside block 2: block 1 stays, block 2 is rewritten with its first 2 frames, block 3 goes. */
    @Test
    void resumeCutsInsideABlock() throws IOException {
        Options o = Options.DEFAULT.withVelocities(true)
                .withObservables(new Observable("temperature", "K"), new Observable("potential_energy", null));
        Path first = threeBlocks(o);
        byte[] block1 = Files.readAllBytes(first);
        Files.writeString(tmp.resolve("md.part0003.h5.tmp"), "half-written block of the crashed run");
        try (H5mdWriter w = H5mdWriter.resume(first, N, 6, o)) {
            assertThat(w.frameCount()).isEqualTo(6);
            assertThat(w.currentBlock().getFileName().toString()).isEqualTo("md.part0003.h5");
            assertThatThrownBy(() -> append(w, 5, 1)).hasMessageContaining("step 500 after step 500");
            for (int k = 6; k < 9; k++) {
                append(w, k, 1);
            }
        }
        assertThat(Files.readAllBytes(first)).isEqualTo(block1);
        assertThat(files()).extracting(p -> p.getFileName().toString())
                .containsExactly("md.h5", "md.part0002.h5", "md.part0003.h5");
        assertThat(chainSteps(first)).containsExactly(0L, 100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L);
        try (HdfFile f = new HdfFile(tmp.resolve("md.part0002.h5"))) {
            float[][][] p = (float[][][]) f.getDatasetByPath("particles/all/position/value").getData();
            assertThat(p[1][2][0]).isEqualTo((float) pos(5, 2, 0)); // the first run's frame 5
            assertThat((double[]) f.getDatasetByPath("observables/temperature/value").getData()).containsExactly(304, 305);
            assertThat(f.getDatasetByPath("particles/all/velocity/value").getDimensions()).containsExactly(2, N, 3);
        }
        try (HdfFile f = new HdfFile(tmp.resolve("md.part0003.h5"))) {
            float[][][] p = (float[][][]) f.getDatasetByPath("particles/all/position/value").getData();
            assertThat(p[0][2][0]).isEqualTo((float) (pos(6, 2, 0) + 1)); // the rerun's frame 6
            assertThat(((Number) f.getAttribute("sheath_first_frame").getData()).longValue()).isEqualTo(6);
        }
    }

    @Test
    void resumeAtABlockBoundaryAndFromNothing() throws IOException {
        Path first = threeBlocks(Options.DEFAULT);
        try (H5mdWriter w = H5mdWriter.resume(first, N, 8, Options.DEFAULT)) {
            assertThat(w.frameCount()).isEqualTo(8);
            assertThat(files()).hasSize(2);
            append(w, 8, 1);
        }
        assertThat(chainSteps(first)).containsExactly(0L, 100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L);
        try (H5mdWriter w = H5mdWriter.resume(first, N, 0, Options.DEFAULT)) {
            assertThat(files()).isEmpty();
            append(w, 0, 2);
        }
        assertThat(chainSteps(first)).containsExactly(0L);
        Path none = tmp.resolve("none.h5");
        try (H5mdWriter w = H5mdWriter.resume(none, N, 0, Options.DEFAULT)) {
            assertThat(w.frameCount()).isZero();
        }
        assertThat(Files.exists(none)).isFalse();
    }

    @Test
    void resumeRefusesWhatItCannotKeep() throws IOException {
        Path first = threeBlocks(Options.DEFAULT);
        assertThatThrownBy(() -> H5mdWriter.resume(first, N, 11, Options.DEFAULT))
                .isInstanceOf(IOException.class).hasMessageContaining("has 10 frames, cannot keep 11");
        assertThatThrownBy(() -> H5mdWriter.resume(first, N + 1, 5, Options.DEFAULT))
                .isInstanceOf(IOException.class).hasMessageContaining("expected [frames, 8, 3]");
        assertThatThrownBy(() -> H5mdWriter.resume(first, N, 5, Options.DEFAULT.withVelocities(true)))
                .isInstanceOf(IOException.class).hasMessageContaining("has no velocities");
        assertThatThrownBy(() -> H5mdWriter.resume(first, N, 5, Options.DEFAULT.withObservables(new Observable("T", "K"))))
                .isInstanceOf(IOException.class).hasMessageContaining("has observables []");
        assertThat(chainSteps(first)).hasSize(10); // untouched
        Files.move(tmp.resolve("md.part0002.h5"), tmp.resolve("md.part0002.h5.bak"));
        assertThatThrownBy(() -> H5mdWriter.resume(first, N, 5, Options.DEFAULT))
                .isInstanceOf(IOException.class).hasMessageContaining("block 2 (md.part0002.h5) is missing but block 3 exists");
    }

    @Test
    void badFramesAreRefused() throws IOException {
        try (H5mdWriter w = H5mdWriter.create(tmp.resolve("bad.h5"), N, Options.DEFAULT.withVelocities(true))) {
            double[] p = new double[N];
            Box b = Box.rectangular(3, 3, 3);
            assertThatThrownBy(() -> w.append(0, 0, b, p, p, p)).hasMessageContaining("stores velocities");
            assertThatThrownBy(() -> w.append(0, 0, b, p, p, p, p, p, p, new double[1])).hasMessageContaining("1 observable values");
            assertThatThrownBy(() -> w.append(0, 0, (Box) null, p, p, p, p, p, p, null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> w.append(0, 0, b, new double[N - 1], p, p, p, p, p, null)).hasMessageContaining("shorter than 7");
            w.append(0, 0, new double[] {3, 0, 0, 0, 3, 0, 0, 0, 3}, p, p, p, p, p, p, null);
            assertThat(w.frameCount()).isEqualTo(1);
        }
    }

    /** After the first block, appending reuses the frame buffers. */
    @Test
    void appendingReusesBuffers() throws IOException {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int n = 2000;
        double[] x = new double[n];
        Box box = Box.rectangular(3, 3, 3);
        try (H5mdWriter w = H5mdWriter.create(tmp.resolve("alloc.h5"), n)) {
            for (int k = 0; k < 50; k++) {
                w.append(k, k, box, x, x, x);
            }
            w.flush();
            long tid = Thread.currentThread().getId();
            long before = mx.getThreadAllocatedBytes(tid);
            for (int k = 50; k < 100; k++) {
                w.append(k, k, box, x, x, x);
            }
            long perFrame = (mx.getThreadAllocatedBytes(tid) - before) / 50;
            assertThat(perFrame).as("bytes allocated per frame").isLessThan(64);
        }
    }
}
