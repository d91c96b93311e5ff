package org.sheath.engine.protocol;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.sheath.engine.integrate.DynamicsCheckpoint;

/**
 * The run directory's checkpoint ({@code checkpoint.cpt}): everything an exact continuation of a
 * {@code sheath run} needs. Which stage and where in it ({@link Phase}), the simulation clock, the state
 * (positions, velocities, box) at a stage boundary or, in the middle of an md stage, the integrator's
 * {@link DynamicsCheckpoint} (thermostat, barostat, random stream, pair-list reference, drift sums) with
 * the box the stage's forces were set up for; the output positions (bytes and rows of energies.csv,
 * frames of the stage's XTC and H5MD files); the wall time spent; the summaries of the stages done.
 *
 * <p>Binary, big-endian ({@link DataOutputStream}), with a magic, a version and a CRC-32 at the end.
 * Written atomically: {@code checkpoint.cpt.tmp}, fsync, rename over the old one, fsync of the folder,
 * so a crash at any point leaves either the old or the new checkpoint, never a partial one.
 */
public record RunCheckpoint(String deckHash, long seed, int threads, int stage, Phase phase, double time,
                            double[] box, double[] x, double[] y, double[] z, double[] vx, double[] vy, double[] vz,
                            double[] stageBox, DynamicsCheckpoint dynamics, long energiesBytes, long energiesRows,
                            int xtcFrames, int h5Frames, double stageWallSeconds, long stageSteps,
                            double runWallSeconds, List<String> stageSummaries) {
    static final long MAGIC = 0x5348454154484350L; // "SHEATHCP"
    static final int VERSION = 1;
    public static final String FILE = "checkpoint.cpt";

    /**
     * Where the run is. START: stage {@code stage} has not begun (the state is its starting state);
     * MID: stage {@code stage} is under way ({@code dynamics} holds its integrator); ENDED: stage
     * {@code stage} has finished and written its files, its analyses are still to run; DONE: every stage
     * and analysis is done.
     */
    public enum Phase { START, MID, ENDED, DONE }

    public RunCheckpoint {
        stageSummaries = List.copyOf(stageSummaries);
    }

    /** Writes the checkpoint atomically to {@code file} (via {@code file.tmp}). */
    public void write(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream o = new DataOutputStream(bytes)) {
            writeBody(o);
        }
        byte[] body = bytes.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileOutputStream fo = new FileOutputStream(tmp.toFile());
             DataOutputStream o = new DataOutputStream(new BufferedOutputStream(fo, 1 << 16))) {
            o.write(body);
            o.writeLong(crc.getValue());
            o.flush();
            fo.getFD().sync();
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder(file.toAbsolutePath().getParent());
    }

    /** fsync of a folder, so that a rename in it is durable (Linux; a no-op where folders cannot be opened). */
    static void syncFolder(Path dir) {
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not possible on this platform: the rename is still atomic
        }
    }

    /** Reads a checkpoint; IOException naming the file if it is not one, or damaged. */
    public static RunCheckpoint read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length < 16) throw new IOException(file + ": not a Sheath checkpoint (too short)");
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        long stored = java.nio.ByteBuffer.wrap(all, all.length - 8, 8).getLong();
        if (stored != crc.getValue()) throw new IOException(file + ": damaged checkpoint (CRC mismatch)");
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new java.io.ByteArrayInputStream(all, 0, all.length - 8)))) {
            return readBody(in, file);
        }
    }

    private void writeBody(DataOutputStream o) throws IOException {
        o.writeLong(MAGIC);
        o.writeInt(VERSION);
        o.writeUTF(deckHash);
        o.writeLong(seed);
        o.writeInt(threads);
        o.writeInt(stage);
        o.writeInt(phase.ordinal());
        o.writeDouble(time);
        writeArray(o, box);
        writeArray(o, x);
        writeArray(o, y);
        writeArray(o, z);
        writeArray(o, vx);
        writeArray(o, vy);
        writeArray(o, vz);
        writeArray(o, stageBox);
        o.writeBoolean(dynamics != null);
        if (dynamics != null) writeDynamics(o, dynamics);
        o.writeLong(energiesBytes);
        o.writeLong(energiesRows);
        o.writeInt(xtcFrames);
        o.writeInt(h5Frames);
        o.writeDouble(stageWallSeconds);
        o.writeLong(stageSteps);
        o.writeDouble(runWallSeconds);
        o.writeInt(stageSummaries.size());
        for (String s : stageSummaries) writeString(o, s);
    }

    private static RunCheckpoint readBody(DataInputStream in, Path file) throws IOException {
        if (in.readLong() != MAGIC) throw new IOException(file + ": not a Sheath checkpoint");
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException(file + ": checkpoint version " + version + ", this Sheath reads version " + VERSION);
        }
        String hash = in.readUTF();
        long seed = in.readLong();
        int threads = in.readInt();
        int stage = in.readInt();
        Phase phase = Phase.values()[in.readInt()];
        double time = in.readDouble();
        double[] box = readArray(in), x = readArray(in), y = readArray(in), z = readArray(in);
        double[] vx = readArray(in), vy = readArray(in), vz = readArray(in), stageBox = readArray(in);
        DynamicsCheckpoint d = in.readBoolean() ? readDynamics(in) : null;
        long eb = in.readLong(), er = in.readLong();
        int xf = in.readInt(), hf = in.readInt();
        double sw = in.readDouble();
        long ss = in.readLong();
        double rw = in.readDouble();
        int ns = in.readInt();
        List<String> sums = new ArrayList<>(ns);
        for (int i = 0; i < ns; i++) sums.add(readString(in));
        return new RunCheckpoint(hash, seed, threads, stage, phase, time, box, x, y, z, vx, vy, vz, stageBox, d, eb, er,
                xf, hf, sw, ss, rw, sums);
    }

    private static void writeDynamics(DataOutputStream o, DynamicsCheckpoint c) throws IOException {
        o.writeLong(c.step());
        o.writeDouble(c.time());
        writeArray(o, c.box());
        writeArray(o, c.x());
        writeArray(o, c.y());
        writeArray(o, c.z());
        writeArray(o, c.vx());
        writeArray(o, c.vy());
        writeArray(o, c.vz());
        o.writeDouble(c.stageStart());
        o.writeLong(c.stageStartStep());
        o.writeLong(c.stepsDone());
        o.writeDouble(c.referenceTemperature());
        writeArray(o, c.thermostat());
        writeArray(o, c.barostat());
        byte[] r = c.random();
        o.writeInt(r == null ? -1 : r.length);
        if (r != null) o.write(r);
        writeArray(o, c.virial());
        writeArray(o, c.constraintVirial());
        writeArray(o, c.forceVirial());
        writeArray(o, c.drift());
        double[][] pl = c.pairList();
        o.writeInt(pl == null ? -1 : pl.length);
        if (pl != null) for (double[] a : pl) writeArray(o, a);
    }

    private static DynamicsCheckpoint readDynamics(DataInputStream in) throws IOException {
        long step = in.readLong();
        double time = in.readDouble();
        double[] box = readArray(in), x = readArray(in), y = readArray(in), z = readArray(in);
        double[] vx = readArray(in), vy = readArray(in), vz = readArray(in);
        double stageStart = in.readDouble();
        long stageStartStep = in.readLong(), stepsDone = in.readLong();
        double tref = in.readDouble();
        double[] th = readArray(in), ba = readArray(in);
        int nr = in.readInt();
        byte[] r = null;
        if (nr >= 0) {
            r = new byte[nr];
            in.readFully(r);
        }
        double[] vir = readArray(in), cvir = readArray(in), fvir = readArray(in), drift = readArray(in);
        int npl = in.readInt();
        double[][] pl = null;
        if (npl >= 0) {
            pl = new double[npl][];
            for (int i = 0; i < npl; i++) pl[i] = readArray(in);
        }
        return new DynamicsCheckpoint(step, time, box, x, y, z, vx, vy, vz, stageStart, stageStartStep, stepsDone, tref,
                th, ba, r, vir, cvir, fvir, drift, pl);
    }

    private static void writeArray(DataOutputStream o, double[] a) throws IOException {
        if (a == null) {
            o.writeInt(-1);
            return;
        }
        o.writeInt(a.length);
        for (double v : a) o.writeLong(Double.doubleToRawLongBits(v));
    }

    private static double[] readArray(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = Double.longBitsToDouble(in.readLong());
        return a;
    }

    private static void writeString(DataOutputStream o, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        o.writeInt(b.length);
        o.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
