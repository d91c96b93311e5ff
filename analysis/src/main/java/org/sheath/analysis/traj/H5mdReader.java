package org.sheath.analysis.traj;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sheath.engine.io.H5mdBlocks;
import org.sheath.engine.io.H5mdWriter;

/**
 * H5MD reader (extensions {@code .h5}, {@code .h5md}), with jhdf: the files of Sheath's
 * {@link H5mdWriter}, of LAMMPS {@code dump h5md}, of MDAnalysis' H5MDWriter and other H5MD 1.0/1.1
 * writers.
 *
 * <p><b>What is read.</b> The particle group {@code /particles/all} (else the first group under
 * {@code /particles}): {@code position} (value [frames][atoms][3], float or double, with its
 * {@code step} and {@code time}; a fixed position dataset is one frame), {@code box} ({@code edges}
 * as a [3] diagonal, as LAMMPS writes it, or [3][3] box vectors as rows; time-dependent or fixed;
 * no edges or a "none" boundary: no box) and {@code velocity} when it has a frame at the position's
 * step. {@code step} and {@code time} may be arrays or H5MD 1.1 fixed-interval scalars (with an
 * {@code offset} attribute); a missing {@code time} is taken to be the step number.
 *
 * <p><b>Units.</b> The {@code unit} attributes of {@code position/value}, {@code box/edges/value}
 * (else the position's), {@code velocity/value} and {@code position/time} are converted to nm, ps,
 * nm/ps: lengths nm, Angstrom (also A, angstrom, Å), pm, fm, m; times ps, fs, ns, s, AKMA. Without
 * them: files whose {@code /h5md/creator/name} is {@code lammps} are in the LAMMPS unit style given
 * to the constructor ({@link LammpsUnits#REAL} by default: Å and fs, as for the LAMMPS dump reader);
 * other files are taken to be in nm and ps (Sheath's files and GROMACS conventions).
 *
 * <p><b>Chains.</b> Opened on the first block of a {@link H5mdWriter} chain ({@code STAGE.h5}),
 * the reader reads {@code STAGE.h5}, {@code STAGE.part0002.h5}, ... as one trajectory, checking that
 * the atom counts agree, that each block starts at a step after the last step of the one before,
 * and, where the blocks record it ({@code sheath_first_frame}), that no frames are missing. A
 * {@code STAGE.part000n.h5} file opened by name is read alone.
 *
 * <p>jhdf returns a new array for each frame read, so unlike the binary readers this one allocates
 * per frame (once the block is open, about 24 bytes per atom). Not thread-safe.
 */
public final class H5mdReader implements TrajectoryReader {
    private final String name;
    private final LammpsUnits lammpsUnits;
    private final List<Block> blocks = new ArrayList<>();
    /** start[b] = global index of block b's first frame; start[blocks] = total. */
    private final int[] start;
    private int natoms = -1;
    private int current;
    private HdfFile open;
    private int openBlock = -1;

    /** Everything about one file but its per-frame positions and velocities, read at open. */
    private static final class Block {
        Path file;
        String group;
        int frames;
        long[] steps;
        double[] times;
        /** position/value, or null for a fixed position dataset (then frames == 1). */
        String positionPath;
        boolean positionFixed;
        double lengthScale = 1;
        /** Box per frame as 9 doubles (nm), or null entries for no box. */
        double[][] boxes;
        String velocityPath;
        long[] velocitySteps;
        double velocityScale = 1;
    }

    public H5mdReader(Path file) throws IOException {
        this(file, LammpsUnits.REAL);
    }

    /** @param lammpsUnits unit style of LAMMPS files without unit attributes */
    public H5mdReader(Path file, LammpsUnits lammpsUnits) throws IOException {
        this.name = file.getFileName().toString();
        this.lammpsUnits = lammpsUnits;
        List<Path> files = H5mdBlocks.isLaterBlock(file) ? List.of(file) : H5mdBlocks.chain(file);
        start = new int[files.size() + 1];
        long expectedFirst = 0;
        for (int b = 0; b < files.size(); b++) {
            Block blk = readBlock(files.get(b), files.size() > 1, expectedFirst, b + 1);
            if (b > 0) {
                Block prev = blocks.get(b - 1);
                if (prev.frames > 0 && blk.frames > 0 && blk.steps[0] <= prev.steps[prev.frames - 1]) {
                    throw new TrajectoryException(blk.file.getFileName() + ": starts at step " + blk.steps[0]
                            + ", not after the last step " + prev.steps[prev.frames - 1] + " of "
                            + prev.file.getFileName() + "; the blocks of a chain must follow one another");
                }
            }
            blocks.add(blk);
            start[b + 1] = start[b] + blk.frames;
            expectedFirst += blk.frames;
        }
        if (natoms < 0) {
            throw new TrajectoryException(name + ": no particle positions");
        }
    }

    private TrajectoryException bad(Path file, String what) {
        return new TrajectoryException(file.getFileName() + ": " + what);
    }

    private Block readBlock(Path file, boolean chained, long expectedFirst, int blockNumber) throws IOException {
        Block b = new Block();
        b.file = file;
        try (HdfFile f = new HdfFile(file)) {
            if (chained) {
                Object first = attr(f, "sheath_first_frame");
                if (first instanceof Number n && n.longValue() != expectedFirst) {
                    throw bad(file, "block " + blockNumber + " of the chain starts at frame " + n.longValue()
                            + ", but the blocks before it hold " + expectedFirst + " frames; a block is missing");
                }
            }
            Node particles = child(f, "particles");
            if (!(particles instanceof Group pg) || pg.getChildren().isEmpty()) {
                throw bad(file, "not an H5MD trajectory (no /particles group)");
            }
            Node g = pg.getChild("all");
            if (!(g instanceof Group)) {
                g = pg.getChildren().values().iterator().next();
            }
            if (!(g instanceof Group group)) {
                throw bad(file, "/particles holds no particle group");
            }
            b.group = group.getPath();
            boolean lammps = "lammps".equalsIgnoreCase(string(attr(child(child(f, "h5md"), "creator"), "name")));
            double defLength = lammps ? lammpsUnits.length : 1;
            double defTime = lammps ? lammpsUnits.time : 1;

            Node pos = group.getChild("position");
            Dataset value;
            if (pos instanceof Group pgrp) {
                value = dataset(file, pgrp, "value");
                b.positionPath = value.getPath();
                int[] d = value.getDimensions();
                if (d.length != 3 || d[2] != 3) {
                    throw bad(file, b.positionPath + " has shape " + Arrays.toString(d) + ", expected [frames][atoms][3]");
                }
                b.frames = d[0];
                setAtoms(file, d[1]);
                b.steps = steps(file, pgrp, b.frames);
                double tScale = timeScale(file, pgrp.getChild("time"), defTime);
                b.times = times(file, pgrp, b.frames, b.steps, tScale);
            } else if (pos instanceof Dataset fixed) {
                value = fixed;
                b.positionPath = fixed.getPath();
                b.positionFixed = true;
                int[] d = fixed.getDimensions();
                if (d.length != 2 || d[1] != 3) {
                    throw bad(file, b.positionPath + " has shape " + Arrays.toString(d) + ", expected [atoms][3]");
                }
                b.frames = 1;
                setAtoms(file, d[0]);
                b.steps = new long[] {0};
                b.times = new double[] {0};
            } else {
                throw bad(file, b.group + " has no position");
            }
            b.lengthScale = lengthScale(file, value, defLength);
            b.boxes = boxes(file, group, b, defLength);
            Node vel = group.getChild("velocity");
            if (vel instanceof Group vg && vg.getChild("value") instanceof Dataset vv) {
                int[] d = vv.getDimensions();
                if (d.length == 3 && d[1] == natoms && d[2] == 3) {
                    b.velocityPath = vv.getPath();
                    b.velocitySteps = steps(file, vg, d[0]);
                    b.velocityScale = velocityScale(file, vv, vg.getChild("time"), defLength, defTime);
                }
            }
        } catch (io.jhdf.exceptions.HdfException e) {
            throw bad(file, "cannot read as HDF5/H5MD: " + e.getMessage());
        }
        return b;
    }

    private void setAtoms(Path file, int n) {
        if (natoms < 0) {
            natoms = n;
        } else if (n != natoms) {
            throw bad(file, n + " atoms, but the blocks before it have " + natoms);
        }
    }

    // ------------------------------------------------------------------ metadata helpers

    private static Node child(Node parent, String name) {
        return parent instanceof Group g ? g.getChild(name) : null;
    }

    private static Object attr(Node n, String name) {
        if (n == null) {
            return null;
        }
        Attribute a = n.getAttribute(name);
        return a == null ? null : a.getData();
    }

    private static String string(Object o) {
        if (o instanceof String s) {
            return s.trim();
        }
        if (o instanceof String[] a && a.length == 1) {
            return a[0].trim();
        }
        return null;
    }

    private Dataset dataset(Path file, Group g, String child) {
        if (g.getChild(child) instanceof Dataset d) {
            return d;
        }
        throw bad(file, g.getPath() + " has no dataset '" + child + "'");
    }

    /** Flattens a numeric array of any rank and element type to doubles. */
    private static double[] doubles(Object data) {
        if (data instanceof double[] d) {
            return d;
        }
        if (data instanceof Number n) {
            return new double[] {n.doubleValue()};
        }
        if (data.getClass().isArray() && data.getClass().getComponentType().isPrimitive()) {
            int n = Array.getLength(data);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = ((Number) Array.get(data, i)).doubleValue();
            }
            return out;
        }
        List<Double> all = new ArrayList<>();
        flatten(data, all);
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void flatten(Object data, List<Double> out) {
        if (data instanceof Number n) {
            out.add(n.doubleValue());
            return;
        }
        int n = Array.getLength(data);
        for (int i = 0; i < n; i++) {
            Object e = Array.get(data, i);
            if (e instanceof Number v) {
                out.add(v.doubleValue());
            } else {
                flatten(e, out);
            }
        }
    }

    /** The {@code step} of a time-dependent element: an array of {@code frames}, or a fixed interval. */
    private long[] steps(Path file, Group g, int frames) {
        Dataset s = dataset(file, g, "step");
        long[] out = new long[frames];
        if (s.isScalar() || s.getDimensions().length == 0) {
            double interval = doubles(s.getData())[0];
            Object off = attr(s, "offset");
            double offset = off == null ? 0 : doubles(off)[0];
            for (int i = 0; i < frames; i++) {
                out[i] = Math.round(offset + i * interval);
            }
            return out;
        }
        double[] d = doubles(s.getData());
        if (d.length < frames) {
            throw bad(file, s.getPath() + " has " + d.length + " entries for " + frames + " frames");
        }
        for (int i = 0; i < frames; i++) {
            out[i] = Math.round(d[i]);
        }
        return out;
    }

    private double[] times(Path file, Group g, int frames, long[] steps, double scale) {
        double[] out = new double[frames];
        if (!(g.getChild("time") instanceof Dataset t)) {
            for (int i = 0; i < frames; i++) {
                out[i] = steps[i];
            }
            return out;
        }
        if (t.isScalar() || t.getDimensions().length == 0) {
            double interval = doubles(t.getData())[0];
            Object off = attr(t, "offset");
            double offset = off == null ? 0 : doubles(off)[0];
            for (int i = 0; i < frames; i++) {
                out[i] = (offset + i * interval) * scale;
            }
            return out;
        }
        double[] d = doubles(t.getData());
        if (d.length < frames) {
            throw bad(file, t.getPath() + " has " + d.length + " entries for " + frames + " frames");
        }
        for (int i = 0; i < frames; i++) {
            out[i] = d[i] * scale;
        }
        return out;
    }

    private double[][] boxes(Path file, Group group, Block b, double defLength) {
        double[][] out = new double[b.frames][];
        Node box = group.getChild("box");
        if (!(box instanceof Group bg)) {
            return out;
        }
        Object boundary = attr(bg, "boundary");
        if (boundary instanceof String[] bs && Arrays.stream(bs).allMatch(s -> s.trim().equalsIgnoreCase("none"))) {
            return out;
        }
        Object dim = attr(bg, "dimension");
        if (dim != null && doubles(dim)[0] != 3) {
            throw bad(file, bg.getPath() + " has dimension " + doubles(dim)[0] + "; only 3-dimensional boxes are read");
        }
        Node edges = bg.getChild("edges");
        Dataset value;
        long[] boxSteps = null;
        if (edges instanceof Group eg) {
            value = dataset(file, eg, "value");
            boxSteps = steps(file, eg, value.getDimensions()[0]);
        } else if (edges instanceof Dataset d) {
            value = d;
        } else {
            return out;
        }
        double scale = value.getAttribute("unit") != null ? lengthScale(file, value, defLength) : b.lengthScale;
        int[] d = value.getDimensions();
        int per = boxSteps == null ? 0 : 1;
        int rest = d.length - per;
        int n = boxSteps == null ? 1 : d[0];
        boolean diagonal = rest == 1 && d[per] == 3;
        if (!diagonal && !(rest == 2 && d[per] == 3 && d[per + 1] == 3)) {
            throw bad(file, value.getPath() + " has shape " + Arrays.toString(d) + ", expected [3] or [3][3] per frame");
        }
        double[] flat = doubles(value.getData());
        double[][] each = new double[n][];
        for (int k = 0; k < n; k++) {
            double[] m = new double[9];
            if (diagonal) {
                m[0] = flat[3 * k] * scale;
                m[4] = flat[3 * k + 1] * scale;
                m[8] = flat[3 * k + 2] * scale;
            } else {
                for (int j = 0; j < 9; j++) {
                    m[j] = flat[9 * k + j] * scale;
                }
            }
            each[k] = m;
        }
        for (int i = 0; i < b.frames; i++) {
            if (boxSteps == null) {
                out[i] = each[0];
            } else if (n == b.frames && boxSteps[i] == b.steps[i]) {
                out[i] = each[i];
            } else {
                // the box sampled on its own schedule: the latest one at or before this step
                int k = Arrays.binarySearch(boxSteps, b.steps[i]);
                k = k >= 0 ? k : -k - 2;
                out[i] = k >= 0 ? each[k] : null;
            }
        }
        return out;
    }

    private static String unit(Node n) {
        return string(attr(n, "unit"));
    }

    private double lengthScale(Path file, Node value, double def) {
        String u = unit(value);
        if (u == null) {
            return def;
        }
        double s = lengthUnit(u);
        if (Double.isNaN(s)) {
            throw bad(file, value.getPath() + ": length unit '" + u + "' is not known; known: nm, Angstrom, A, pm, fm, m");
        }
        return s;
    }

    private double timeScale(Path file, Node time, double def) {
        String u = time == null ? null : unit(time);
        if (u == null) {
            return def;
        }
        double s = timeUnit(u);
        if (Double.isNaN(s)) {
            throw bad(file, time.getPath() + ": time unit '" + u + "' is not known; known: ps, fs, ns, s, AKMA");
        }
        return s;
    }

    private double velocityScale(Path file, Node value, Node time, double defLength, double defTime) {
        String u = unit(value);
        if (u == null) {
            return defLength / defTime;
        }
        // "nm ps-1" (H5MD) or "nm/ps"
        String[] parts = u.contains("/") ? u.split("/") : u.trim().split("\\s+");
        if (parts.length == 2) {
            String t = parts[1].trim();
            if (t.endsWith("-1")) {
                t = t.substring(0, t.length() - 2);
            }
            double l = lengthUnit(parts[0].trim()), tt = timeUnit(t);
            if (!Double.isNaN(l) && !Double.isNaN(tt)) {
                return l / tt;
            }
        }
        throw bad(file, value.getPath() + ": velocity unit '" + u + "' is not known; give it as e.g. 'nm ps-1'");
    }

    private static double lengthUnit(String u) {
        switch (u.trim().toLowerCase(Locale.ROOT)) {
            case "nm": return 1;
            case "angstrom": case "a": case "å": case "ang": return 0.1;
            case "pm": return 1e-3;
            case "fm": return 1e-6;
            case "m": return 1e9;
            default: return Double.NaN;
        }
    }

    private static double timeUnit(String u) {
        switch (u.trim()) {
            case "ps": return 1;
            case "fs": return 1e-3;
            case "ns": return 1e3;
            case "s": case "sec": case "second": return 1e12;
            case "AKMA": return 4.888821e-2;
            default: return Double.NaN;
        }
    }

    // ------------------------------------------------------------------ TrajectoryReader

    @Override
    public int atomCount() {
        return natoms;
    }

    @Override
    public int frameCount() {
        return start[blocks.size()];
    }

    /** Files read, in chain order. */
    public List<Path> files() {
        return blocks.stream().map(b -> b.file).toList();
    }

    @Override
    public void seek(int frameIndex) {
        if (frameIndex < 0 || frameIndex > frameCount()) {
            throw new TrajectoryException(name + ": cannot seek to frame " + frameIndex + "; the trajectory has "
                    + frameCount() + " frames");
        }
        current = frameIndex;
    }

    @Override
    public boolean next(Frame f) {
        if (current >= frameCount()) {
            return false;
        }
        int b = 0;
        while (start[b + 1] <= current) {
            b++;
        }
        Block blk = blocks.get(b);
        int i = current - start[b];
        try {
            HdfFile h = file(b);
            f.natoms = natoms;
            f.ensureCapacity(natoms);
            read(h.getDatasetByPath(blk.positionPath), blk.positionFixed, i, blk.lengthScale, f.x, f.y, f.z);
            f.hasVelocities = false;
            f.hasForces = false;
            if (blk.velocityPath != null) {
                int k = Arrays.binarySearch(blk.velocitySteps, blk.steps[i]);
                if (k >= 0) {
                    f.ensureVelocityCapacity(natoms);
                    read(h.getDatasetByPath(blk.velocityPath), false, k, blk.velocityScale, f.vx, f.vy, f.vz);
                    f.hasVelocities = true;
                }
            }
        } catch (io.jhdf.exceptions.HdfException | IOException e) {
            throw new TrajectoryException(blk.file.getFileName() + ": frame " + i + ": " + e.getMessage(), e);
        }
        double[] box = blk.boxes[i];
        if (box == null) {
            f.box = null;
        } else {
            f.setBox(box[0], box[1], box[2], box[3], box[4], box[5], box[6], box[7], box[8]);
        }
        f.step = blk.steps[i];
        f.time = blk.times[i];
        f.index = current++;
        return true;
    }

    private HdfFile file(int b) throws IOException {
        if (openBlock != b) {
            if (open != null) {
                open.close();
                open = null;
            }
            open = new HdfFile(blocks.get(b).file);
            openBlock = b;
        }
        return open;
    }

    private void read(Dataset d, boolean fixed, int frame, double scale, double[] x, double[] y, double[] z) {
        Object data = fixed ? d.getData() : d.getData(new long[] {frame, 0, 0}, new int[] {1, natoms, 3});
        Object atoms = fixed ? data : Array.get(data, 0);
        if (atoms instanceof float[][] a) {
            for (int i = 0; i < natoms; i++) {
                float[] r = a[i];
                x[i] = r[0] * scale;
                y[i] = r[1] * scale;
                z[i] = r[2] * scale;
            }
        } else if (atoms instanceof double[][] a) {
            for (int i = 0; i < natoms; i++) {
                double[] r = a[i];
                x[i] = r[0] * scale;
                y[i] = r[1] * scale;
                z[i] = r[2] * scale;
            }
        } else {
            throw new TrajectoryException(name + ": " + d.getPath() + " is not a floating-point dataset");
        }
    }

    @Override
    public void close() {
        if (open != null) {
            open.close();
            open = null;
            openBlock = -1;
        }
    }
}
