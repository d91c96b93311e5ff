package org.sheath.engine.io;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.sheath.engine.system.Box;

/**
 * Writes trajectories in the H5MD 1.1 layout, as a chain of closed <em>blocks</em>.
 *
 * <h2>Layout of one block</h2>
 * Every block is a complete H5MD file, readable on its own by h5py, MDAnalysis' {@code H5MDReader}
 * or any H5MD reader:
 * <pre>
 * /h5md                      version = [1, 1]; groups author (name), creator (name "Sheath", version)
 * /particles/all/box         dimension = 3, boundary = ["periodic", "periodic", "periodic"]
 *     edges/value [n][3][3]  box vectors as rows (a along x, b in the xy plane), nm; edges/step, edges/time
 * /particles/all/position    value [n][natoms][3] (float, or double with {@link Options#withDoublePrecision}), nm;
 *                            step [n] (int64), time [n] (float64, ps)
 * /particles/all/velocity    (optional) the same, nm/ps
 * /observables/NAME          (optional) value [n], step [n], time [n]: one scalar per frame
 * /                          sheath_block = block number, sheath_first_frame = index of its first frame
 * </pre>
 * Units are GROMACS' (nm, ps). {@code unit} attributes ({@code "nm"}, {@code "ps"}, {@code "nm ps-1"})
 * are written only with {@link Options#withUnitAttributes}: jhdf writes fixed-length strings, which
 * h5py returns as bytes, and MDAnalysis' H5MDReader (2.4) then refuses the whole file ("time unit
 * 'b'ps'' is not recognized"); without them MDAnalysis reads the file with {@code convert_units=False}.
 *
 * <h2>Blocks and how they chain</h2>
 * jhdf cannot append to an existing HDF5 file, so the writer keeps the frames of the current block
 * in memory and writes the block as a new file at each {@link #flush()} (and at {@link #close()},
 * and every {@link Options#framesPerBlock} frames if set): one file per checkpoint interval. The
 * first block is the trajectory's own name, {@code STAGE.h5}; later ones are
 * {@code STAGE.part0002.h5}, {@code STAGE.part0003.h5}, ... ({@link H5mdBlocks}). Each file is
 * written to {@code NAME.tmp}, forced to storage and renamed over {@code NAME}, so a block on disk is
 * always complete. Steps and times are the run's own (not restarted per block) and strictly increase
 * across the chain: block k+1 holds the frames right after the last frame of block k. The analysis
 * {@code H5mdReader} opened on {@code STAGE.h5} reads the chain as one trajectory and checks this.
 *
 * <h2>Restart</h2>
 * A checkpoint records {@link #frameCount()} right after a {@link #flush()}. After a crash,
 * {@link #resume} with that count keeps the blocks that hold the first frames, rewrites the block
 * in which the count falls with only its frames up to there, deletes the later blocks, and appends
 * from the next block on, so each frame is in the chain exactly once.
 *
 * <p>The frame buffers are reused from block to block: after the first block, appending allocates
 * nothing; writing a block allocates jhdf's encoding buffers. Not thread-safe.
 */
public final class H5mdWriter implements TrajectoryWriter {
    /** A scalar observable stored once per frame under {@code /observables/NAME}; {@code unit} may be null. */
    public record Observable(String name, String unit) {
        public Observable {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty() || name.contains("/")) {
                throw new IllegalArgumentException("bad observable name '" + name + "'");
            }
        }
    }

    /**
     * What a trajectory stores.
     *
     * @param doublePrecision positions (and velocities) as float64 instead of float32
     * @param velocities      also {@code /particles/all/velocity}
     * @param observables     scalar observables, given per frame in this order
     * @param unitAttributes  write H5MD {@code unit} attributes (see the class comment for why not by default)
     * @param author          {@code /h5md/author/name}
     * @param framesPerBlock  write a block every this many frames even without {@link #flush()}; 0: only on flush
     */
    public record Options(boolean doublePrecision, boolean velocities, List<Observable> observables,
                          boolean unitAttributes, String author, int framesPerBlock) {
        public static final Options DEFAULT = new Options(false, false, List.of(), false,
                System.getProperty("user.name", "unknown"), 0);

        public Options {
            observables = List.copyOf(observables);
            Objects.requireNonNull(author, "author");
            if (framesPerBlock < 0) {
                throw new IllegalArgumentException("framesPerBlock must be >= 0: " + framesPerBlock);
            }
            for (int i = 0; i < observables.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (observables.get(i).name().equals(observables.get(j).name())) {
                        throw new IllegalArgumentException("observable '" + observables.get(i).name() + "' given twice");
                    }
                }
            }
        }

        public Options withDoublePrecision(boolean v) {
            return new Options(v, velocities, observables, unitAttributes, author, framesPerBlock);
        }

        public Options withVelocities(boolean v) {
            return new Options(doublePrecision, v, observables, unitAttributes, author, framesPerBlock);
        }

        public Options withObservables(Observable... o) {
            return new Options(doublePrecision, velocities, List.of(o), unitAttributes, author, framesPerBlock);
        }

        public Options withUnitAttributes(boolean v) {
            return new Options(doublePrecision, velocities, observables, v, author, framesPerBlock);
        }

        public Options withAuthor(String a) {
            return new Options(doublePrecision, velocities, observables, unitAttributes, a, framesPerBlock);
        }

        public Options withFramesPerBlock(int n) {
            return new Options(doublePrecision, velocities, observables, unitAttributes, author, n);
        }
    }

    /** {@code /h5md/creator/name}. */
    public static final String CREATOR = "Sheath";
    private static final String VERSION = Objects.requireNonNullElse(
            H5mdWriter.class.getPackage().getImplementationVersion(), "0.1.0-SNAPSHOT");

    private final Path first;
    private final int natoms;
    private final Options options;
    private final int nobs;

    /** Block number the buffered frames go to (1-based). */
    private int block = 1;
    /** Frames in the blocks written so far. */
    private int written;
    /** Frames buffered for the current block. */
    private int buffered;
    private long lastStep = Long.MIN_VALUE;
    private boolean closed;

    // frame buffers; slot arrays are allocated on first use and reused by later blocks
    private float[][][] posF, velF;
    private double[][][] posD, velD;
    private double[][][] edges;
    private long[] steps;
    private double[] times;
    private double[][] obs;

    private H5mdWriter(Path first, int natoms, Options options) {
        if (natoms <= 0) {
            throw new IllegalArgumentException("atom count must be positive: " + natoms);
        }
        this.first = first;
        this.natoms = natoms;
        this.options = Objects.requireNonNull(options, "options");
        this.nobs = options.observables().size();
        grow(Math.max(4, Math.min(options.framesPerBlock() > 0 ? options.framesPerBlock() : 16, 1024)));
    }

    /** {@link #create(Path, int, Options)} with {@link Options#DEFAULT}. */
    public static H5mdWriter create(Path first, int natoms) throws IOException {
        return create(first, natoms, Options.DEFAULT);
    }

    /**
     * Starts a new trajectory whose first block is {@code first}; existing blocks of a chain of that
     * name are deleted. Nothing is written before the first {@link #flush()}.
     */
    public static H5mdWriter create(Path first, int natoms, Options options) throws IOException {
        H5mdWriter w = new H5mdWriter(first, natoms, options);
        deleteFrom(first, 1);
        return w;
    }

    /**
     * Continues the chain that starts at {@code first} after a restart, keeping its first
     * {@code keepFrames} frames (see the class comment). {@code keepFrames == 0} with no chain on
     * disk is a fresh start.
     *
     * @throws IOException if the chain has fewer frames, other atom counts, or another layout
     *                     (precision aside) than {@code options} describe
     */
    public static H5mdWriter resume(Path first, int natoms, int keepFrames, Options options) throws IOException {
        if (keepFrames < 0) {
            throw new IllegalArgumentException("keepFrames must be >= 0: " + keepFrames);
        }
        H5mdWriter w = new H5mdWriter(first, natoms, options);
        if (!Files.exists(first)) {
            if (keepFrames > 0) {
                throw new java.nio.file.NoSuchFileException(first.toString());
            }
            deleteFrom(first, 1);
            return w;
        }
        List<Path> chain = H5mdBlocks.chain(first);
        int[] frames = new int[chain.size()];
        int total = 0;
        for (int i = 0; i < chain.size(); i++) {
            frames[i] = w.frameCountOf(chain.get(i));
            total += frames[i];
        }
        if (total < keepFrames) {
            throw new IOException(first.getFileName() + ": the chain of " + chain.size() + " block(s) has " + total
                    + " frames, cannot keep " + keepFrames + " (was the trajectory flushed before the checkpoint?)");
        }
        int kept = 0;
        int i = 0;
        while (i < chain.size() && kept + frames[i] <= keepFrames) {
            kept += frames[i];
            i++;
        }
        // blocks 1..i are kept whole; block i+1 (if any) is cut to keepFrames - kept frames
        deleteFrom(first, i + 2);
        w.block = i + 1;
        w.written = kept;
        if (i > 0) {
            w.lastStep = lastStepOf(chain.get(i - 1));
        }
        if (i < chain.size()) {
            int k = keepFrames - kept;
            if (k > 0) {
                w.load(chain.get(i), k);
                w.flush(); // rewrites block i+1 with its first k frames, atomically
            } else {
                Files.delete(chain.get(i));
            }
        }
        return w;
    }

    /** Deletes blocks {@code from}, {@code from + 1}, ... of the chain (and their temporary files), highest first. */
    private static void deleteFrom(Path first, int from) throws IOException {
        int top = Files.exists(first.toAbsolutePath().getParent()) ? H5mdBlocks.highestBlockNumber(first) : 1;
        for (int n = top; n >= from; n--) {
            Path p = H5mdBlocks.block(first, n);
            Files.deleteIfExists(tmpOf(p));
            Files.deleteIfExists(p);
        }
    }

    private static Path tmpOf(Path p) {
        return p.resolveSibling(p.getFileName() + ".tmp");
    }

    @Override
    public int atomCount() {
        return natoms;
    }

    @Override
    public int frameCount() {
        return written + buffered;
    }

    /** The file the frames appended now go to (written at the next flush). */
    public Path currentBlock() {
        return H5mdBlocks.block(first, block);
    }

    public Options options() {
        return options;
    }

    /** Appends positions only; for writers configured without velocities and observables. */
    @Override
    public void append(long step, double time, Box box, double[] x, double[] y, double[] z) {
        append(step, time, box, x, y, z, null, null, null, null);
    }

    /**
     * Appends one frame.
     *
     * @param box         the box; required (H5MD blocks here always have periodic edges)
     * @param vx          velocities, nm/ps, if the writer stores them, else null
     * @param observables one value per configured {@link Observable}, in their order, or null if none
     */
    public void append(long step, double time, Box box, double[] x, double[] y, double[] z,
                       double[] vx, double[] vy, double[] vz, double[] observables) {
        Objects.requireNonNull(box, "box");
        double[][] e = begin(step, x, y, z, vx, vy, vz, observables);
        e[0][0] = box.ax(); e[0][1] = 0; e[0][2] = 0;
        e[1][0] = box.bx(); e[1][1] = box.by(); e[1][2] = 0;
        e[2][0] = box.cx(); e[2][1] = box.cy(); e[2][2] = box.cz();
        finish(step, time, x, y, z, vx, vy, vz, observables);
    }

    /** As {@link #append(long, double, Box, double[], double[], double[], double[], double[], double[], double[])} with the box as a row-major 3x3 matrix of box vectors, nm. */
    public void append(long step, double time, double[] box, double[] x, double[] y, double[] z,
                       double[] vx, double[] vy, double[] vz, double[] observables) {
        Objects.requireNonNull(box, "box");
        if (box.length < 9) {
            throw new IllegalArgumentException("box needs 9 elements, got " + box.length);
        }
        double[][] e = begin(step, x, y, z, vx, vy, vz, observables);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                e[r][c] = box[3 * r + c];
            }
        }
        finish(step, time, x, y, z, vx, vy, vz, observables);
    }

    private double[][] begin(long step, double[] x, double[] y, double[] z, double[] vx, double[] vy, double[] vz,
                             double[] observables) {
        if (closed) {
            throw new IllegalStateException(first.getFileName() + ": writer is closed");
        }
        checkLength("position", x, y, z);
        if (options.velocities()) {
            if (vx == null || vy == null || vz == null) {
                throw new IllegalArgumentException(first.getFileName() + ": this trajectory stores velocities; give them");
            }
            checkLength("velocity", vx, vy, vz);
        } else if (vx != null || vy != null || vz != null) {
            throw new IllegalArgumentException(first.getFileName() + ": velocities given, but the writer was opened without them");
        }
        int given = observables == null ? 0 : observables.length;
        if (given != nobs) {
            throw new IllegalArgumentException(first.getFileName() + ": " + given + " observable values, the trajectory has "
                    + nobs);
        }
        if (step <= lastStep) {
            throw new IllegalArgumentException(first.getFileName() + ": step " + step + " after step " + lastStep
                    + "; steps must increase");
        }
        if (buffered == steps.length) {
            grow(2 * steps.length);
        }
        if (edges[buffered] == null) {
            edges[buffered] = new double[3][3];
        }
        return edges[buffered];
    }

    private void checkLength(String what, double[] a, double[] b, double[] c) {
        if (a.length < natoms || b.length < natoms || c.length < natoms) {
            throw new IllegalArgumentException(first.getFileName() + ": " + what + " arrays shorter than " + natoms + " atoms");
        }
    }

    private void finish(long step, double time, double[] x, double[] y, double[] z, double[] vx, double[] vy,
                        double[] vz, double[] observables) {
        int f = buffered;
        if (options.doublePrecision()) {
            posD[f] = fill(posD[f], x, y, z);
            if (options.velocities()) {
                velD[f] = fill(velD[f], vx, vy, vz);
            }
        } else {
            posF[f] = fill(posF[f], x, y, z);
            if (options.velocities()) {
                velF[f] = fill(velF[f], vx, vy, vz);
            }
        }
        for (int k = 0; k < nobs; k++) {
            obs[k][f] = observables[k];
        }
        steps[f] = step;
        times[f] = time;
        lastStep = step;
        buffered++;
        if (options.framesPerBlock() > 0 && buffered >= options.framesPerBlock()) {
            flush();
        }
    }

    private double[][] fill(double[][] slot, double[] x, double[] y, double[] z) {
        if (slot == null) {
            slot = new double[natoms][3];
        }
        for (int i = 0; i < natoms; i++) {
            double[] r = slot[i];
            r[0] = x[i];
            r[1] = y[i];
            r[2] = z[i];
        }
        return slot;
    }

    private float[][] fill(float[][] slot, double[] x, double[] y, double[] z) {
        if (slot == null) {
            slot = new float[natoms][3];
        }
        for (int i = 0; i < natoms; i++) {
            float[] r = slot[i];
            r[0] = (float) x[i];
            r[1] = (float) y[i];
            r[2] = (float) z[i];
        }
        return slot;
    }

    private void grow(int cap) {
        if (options.doublePrecision()) {
            posD = posD == null ? new double[cap][][] : Arrays.copyOf(posD, cap);
            if (options.velocities()) {
                velD = velD == null ? new double[cap][][] : Arrays.copyOf(velD, cap);
            }
        } else {
            posF = posF == null ? new float[cap][][] : Arrays.copyOf(posF, cap);
            if (options.velocities()) {
                velF = velF == null ? new float[cap][][] : Arrays.copyOf(velF, cap);
            }
        }
        edges = edges == null ? new double[cap][][] : Arrays.copyOf(edges, cap);
        steps = steps == null ? new long[cap] : Arrays.copyOf(steps, cap);
        times = times == null ? new double[cap] : Arrays.copyOf(times, cap);
        if (obs == null) {
            obs = new double[nobs][cap];
        } else {
            for (int k = 0; k < nobs; k++) {
                obs[k] = Arrays.copyOf(obs[k], cap);
            }
        }
    }

    /**
     * Writes the buffered frames as the next block (nothing if none are buffered) and makes it
     * durable; the frames appended afterwards go to a new block.
     */
    @Override
    public void flush() {
        if (buffered == 0) {
            return;
        }
        Path target = currentBlock();
        try {
            writeBlock(target, buffered);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(target.getFileName() + ": cannot write H5MD block " + block,
                    e instanceof IOException io ? io : new IOException(e.getMessage(), e));
        }
        written += buffered;
        buffered = 0;
        block++;
    }

    @Override
    public void close() {
        if (!closed) {
            flush();
            closed = true;
        }
    }

    private void writeBlock(Path target, int n) throws IOException {
        Path tmp = tmpOf(target);
        Files.deleteIfExists(tmp);
        boolean units = options.unitAttributes();
        long[] st = Arrays.copyOf(steps, n);
        double[] tm = Arrays.copyOf(times, n);
        try (WritableHdfFile f = HdfFile.write(tmp)) {
            f.putAttribute("sheath_block", block);
            f.putAttribute("sheath_first_frame", (long) written);
            WritableGroup h5md = f.putGroup("h5md");
            h5md.putAttribute("version", new int[] {1, 1});
            h5md.putGroup("author").putAttribute("name", options.author());
            WritableGroup creator = h5md.putGroup("creator");
            creator.putAttribute("name", CREATOR);
            creator.putAttribute("version", VERSION);
            if (units) {
                h5md.putGroup("modules").putGroup("units").putAttribute("version", new int[] {1, 0});
            }
            WritableGroup all = f.putGroup("particles").putGroup("all");
            WritableGroup box = all.putGroup("box");
            box.putAttribute("dimension", 3);
            box.putAttribute("boundary", new String[] {"periodic", "periodic", "periodic"});
            element(box, "edges", Arrays.copyOf(edges, n), "nm", st, tm);
            element(all, "position", options.doublePrecision() ? Arrays.copyOf(posD, n) : Arrays.copyOf(posF, n),
                    "nm", st, tm);
            if (options.velocities()) {
                element(all, "velocity", options.doublePrecision() ? Arrays.copyOf(velD, n) : Arrays.copyOf(velF, n),
                        "nm ps-1", st, tm);
            }
            if (nobs > 0) {
                WritableGroup og = f.putGroup("observables");
                for (int k = 0; k < nobs; k++) {
                    Observable o = options.observables().get(k);
                    element(og, o.name(), Arrays.copyOf(obs[k], n), o.unit(), st, tm);
                }
            }
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Path dir = target.toAbsolutePath().getParent();
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true); // the rename itself (Linux; elsewhere best effort)
        } catch (IOException e) {
            // directories cannot be opened for syncing on every platform
        }
    }

    private void element(WritableGroup parent, String name, Object value, String unit, long[] st, double[] tm) {
        WritableGroup g = parent.putGroup(name);
        WritableDataset v = g.putDataset("value", value);
        g.putDataset("step", st);
        WritableDataset t = g.putDataset("time", tm);
        if (options.unitAttributes()) {
            if (unit != null) {
                v.putAttribute("unit", unit);
            }
            t.putAttribute("unit", "ps");
        }
    }

    // ------------------------------------------------------------------ reading back own blocks (restart)

    private int frameCountOf(Path file) throws IOException {
        try (HdfFile f = new HdfFile(file)) {
            Dataset pos = dataset(f, file, "particles/all/position/value");
            int[] d = pos.getDimensions();
            if (d.length != 3 || d[1] != natoms || d[2] != 3) {
                throw new IOException(file.getFileName() + ": position/value has shape " + Arrays.toString(d)
                        + ", expected [frames, " + natoms + ", 3]");
            }
            boolean hasVel = f.getByPath("particles/all").isGroup()
                    && ((Group) f.getByPath("particles/all")).getChild("velocity") != null;
            if (hasVel != options.velocities()) {
                throw new IOException(file.getFileName() + (hasVel ? ": has velocities, the writer is configured without"
                        : ": has no velocities, the writer is configured with them"));
            }
            List<String> names = new ArrayList<>();
            Node og = f.getChild("observables");
            if (og instanceof Group g) {
                names.addAll(g.getChildren().keySet());
            }
            List<String> want = options.observables().stream().map(Observable::name).sorted().toList();
            if (!names.stream().sorted().toList().equals(want)) {
                throw new IOException(file.getFileName() + ": has observables " + names + ", the writer is configured with "
                        + want);
            }
            return d[0];
        } catch (RuntimeException e) {
            throw new IOException(file.getFileName() + ": cannot read as an H5MD block: " + e.getMessage(), e);
        }
    }

    private static long lastStepOf(Path file) throws IOException {
        try (HdfFile f = new HdfFile(file)) {
            long[] s = longs(dataset(f, file, "particles/all/position/step").getData());
            return s.length == 0 ? Long.MIN_VALUE : s[s.length - 1];
        }
    }

    private static Dataset dataset(HdfFile f, Path file, String path) throws IOException {
        Node n;
        try {
            n = f.getByPath(path);
        } catch (RuntimeException e) {
            n = null;
        }
        if (!(n instanceof Dataset d)) {
            throw new IOException(file.getFileName() + ": no dataset /" + path);
        }
        return d;
    }

    private static long[] longs(Object data) {
        if (data instanceof long[] l) {
            return l;
        }
        int[] a = (int[]) data;
        long[] l = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            l[i] = a[i];
        }
        return l;
    }

    /** Loads the first {@code k} frames of one of this chain's blocks into the (empty) buffers. */
    private void load(Path file, int k) throws IOException {
        try (HdfFile f = new HdfFile(file)) {
            long[] st = longs(dataset(f, file, "particles/all/position/step").getData());
            double[] tm = (double[]) dataset(f, file, "particles/all/position/time").getData();
            double[][][] ed = (double[][][]) dataset(f, file, "particles/all/box/edges/value").getData();
            Object pos = dataset(f, file, "particles/all/position/value").getData();
            Object vel = options.velocities() ? dataset(f, file, "particles/all/velocity/value").getData() : null;
            double[][] ob = new double[nobs][];
            for (int j = 0; j < nobs; j++) {
                ob[j] = (double[]) dataset(f, file, "observables/" + options.observables().get(j).name() + "/value").getData();
            }
            if (k > steps.length) {
                grow(k);
            }
            for (int i = 0; i < k; i++) {
                edges[i] = ed[i];
                steps[i] = st[i];
                times[i] = tm[i];
                for (int j = 0; j < nobs; j++) {
                    obs[j][i] = ob[j][i];
                }
                if (options.doublePrecision()) {
                    posD[i] = toDouble(pos, i);
                    if (vel != null) {
                        velD[i] = toDouble(vel, i);
                    }
                } else {
                    posF[i] = toFloat(pos, i);
                    if (vel != null) {
                        velF[i] = toFloat(vel, i);
                    }
                }
            }
            buffered = k;
            lastStep = st[k - 1];
        } catch (ClassCastException | ArrayIndexOutOfBoundsException e) {
            throw new IOException(file.getFileName() + ": unexpected dataset types or shapes for an H5MD block written by Sheath", e);
        }
    }

    private static double[][] toDouble(Object frames, int i) {
        if (frames instanceof double[][][] d) {
            return d[i];
        }
        float[][] s = ((float[][][]) frames)[i];
        double[][] r = new double[s.length][3];
        for (int a = 0; a < s.length; a++) {
            r[a][0] = s[a][0];
            r[a][1] = s[a][1];
            r[a][2] = s[a][2];
        }
        return r;
    }

    private static float[][] toFloat(Object frames, int i) {
        if (frames instanceof float[][][] d) {
            return d[i];
        }
        double[][] s = ((double[][][]) frames)[i];
        float[][] r = new float[s.length][3];
        for (int a = 0; a < s.length; a++) {
            r[a][0] = (float) s[a][0];
            r[a][1] = (float) s[a][1];
            r[a][2] = (float) s[a][2];
        }
        return r;
    }
}
