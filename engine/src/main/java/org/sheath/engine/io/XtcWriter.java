package org.sheath.engine.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.sheath.engine.system.Box;

/**
 * Writes GROMACS XTC files (magic 1995): coordinates rounded to 1/precision nm and packed with the
 * XTC compression ({@link XtcCodec}); frames of at most 9 atoms are stored as plain floats, as
 * GROMACS does. Step (32 bits) and time (ps) are stored as GROMACS stores them: the step as a 32-bit
 * integer, the time and the box as floats.
 *
 * <p>For an MD loop: {@link #open} a new file (or {@link #openForAppend} one to continue after a
 * restart), {@link #append} frames from the structure-of-arrays positions, {@link #flush} before
 * each checkpoint, {@link #close} at the end. {@code append} hands each frame to the operating
 * system in one write; {@code flush} forces the file to storage. The frame buffer and the integer
 * coordinates are allocated once at open, for the atom count given there: appending does not
 * allocate. Not thread-safe.
 *
 * <p>Restart after a crash: a checkpoint records {@link #frameCount()} after a {@code flush}; on
 * restart {@link #openForAppend}{@code (file, natoms, thatCount)} cuts every frame written after the
 * checkpoint (and a frame cut short by the crash) and appends after the kept ones, so each step is
 * in the file exactly once.
 */
public final class XtcWriter implements TrajectoryWriter {
    /** GROMACS' default precision: 0.001 nm. */
    public static final float DEFAULT_PRECISION = 1000f;
    /** magic, natoms, step, time, box[9], natoms again. */
    private static final int HEADER = 4 * 14;
    /** precision, min[3], max[3], smallidx, byte count. */
    private static final int COMPRESSED_HEADER = 4 * 9;

    private final FileChannel channel;
    private final String name;
    private final int natoms;
    private final float precision;
    private final ByteBuffer out;
    private final int[] ix, iy, iz;
    private final XtcCodec.Encoder encoder = new XtcCodec.Encoder();
    private int frames;

    private XtcWriter(FileChannel channel, Path file, int natoms, float precision, int frames) {
        this.channel = channel;
        this.name = file.getFileName().toString();
        this.natoms = natoms;
        this.precision = precision;
        this.frames = frames;
        int n = natoms > 9 ? natoms : 0;
        this.ix = new int[n];
        this.iy = new int[n];
        this.iz = new int[n];
        this.out = ByteBuffer.allocate(HEADER + COMPRESSED_HEADER + 16 * natoms + 64);
    }

    /** Creates (or empties) {@code file} for frames of {@code natoms} atoms at the default precision. */
    public static XtcWriter open(Path file, int natoms) throws IOException {
        return open(file, natoms, DEFAULT_PRECISION);
    }

    /** Creates (or empties) {@code file} for frames of {@code natoms} atoms; {@code precision} in 1/nm. */
    public static XtcWriter open(Path file, int natoms, float precision) throws IOException {
        check(natoms, precision);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        return new XtcWriter(ch, file, natoms, precision, 0);
    }

    /** {@link #openForAppend(Path, int, int, float)} at the default precision. */
    public static XtcWriter openForAppend(Path file, int natoms, int keepFrames) throws IOException {
        return openForAppend(file, natoms, keepFrames, DEFAULT_PRECISION);
    }

    /**
     * Opens an existing XTC file to append to, after cutting it to its first {@code keepFrames}
     * complete frames: later frames, and a last frame cut short, are removed. A missing file is
     * created when {@code keepFrames} is 0.
     *
     * @throws IOException if the file has fewer than {@code keepFrames} complete frames, frames of
     *                     another atom count, or is not an XTC file
     */
    public static XtcWriter openForAppend(Path file, int natoms, int keepFrames, float precision) throws IOException {
        check(natoms, precision);
        if (keepFrames < 0) {
            throw new IllegalArgumentException("keepFrames must be >= 0: " + keepFrames);
        }
        if (keepFrames == 0 && !Files.exists(file)) {
            return open(file, natoms, precision);
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long end = frameEnd(ch, file.getFileName().toString(), natoms, keepFrames);
            ch.truncate(end);
            ch.position(end);
            ch.force(false);
            return new XtcWriter(ch, file, natoms, precision, keepFrames);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * Number of complete frames in an XTC file (a last frame cut short is not counted).
     *
     * @throws IOException if the file is not an XTC file or is corrupt before its end
     */
    public static int countFrames(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return (int) scan(ch, file.getFileName().toString(), -1, Integer.MAX_VALUE)[0];
        }
    }

    private static void check(int natoms, float precision) {
        if (natoms <= 0) {
            throw new IllegalArgumentException("atom count must be positive: " + natoms);
        }
        if (!(precision > 0)) {
            throw new IllegalArgumentException("precision must be positive: " + precision);
        }
    }

    /** Byte offset just past frame {@code keep - 1}. */
    private static long frameEnd(FileChannel ch, String name, int natoms, int keep) throws IOException {
        long[] r = scan(ch, name, natoms, keep);
        if (r[0] < keep) {
            throw new IOException(name + ": has " + r[0] + " complete frames, cannot keep " + keep
                    + " (was the trajectory flushed before the checkpoint was written?)");
        }
        return r[1];
    }

    /**
     * Walks frame headers from the start: {count of complete frames up to {@code max}, offset after them}.
     * {@code natoms < 0}: take the first frame's atom count.
     */
    private static long[] scan(FileChannel ch, String name, int natoms, int max) throws IOException {
        long size = ch.size();
        ByteBuffer h = ByteBuffer.allocate(HEADER + COMPRESSED_HEADER + 4);
        long at = 0;
        int count = 0;
        while (count < max) {
            h.clear();
            int got = 0;
            while (h.hasRemaining()) {
                int r = ch.read(h, at + got);
                if (r < 0) {
                    break;
                }
                got += r;
            }
            if (got < HEADER) {
                break; // clean end, or a header cut short
            }
            int magic = h.getInt(0);
            if (magic != XtcCodec.MAGIC && magic != XtcCodec.MAGIC_2023) {
                throw new IOException(name + ": frame " + count + " at byte " + at + " has magic number " + magic
                        + ", expected 1995: not an XTC file or corrupt");
            }
            int n = h.getInt(4);
            if (natoms < 0) {
                natoms = n;
            }
            if (n != natoms) {
                throw new IOException(name + ": frame " + count + " has " + n + " atoms, expected " + natoms);
            }
            long frameSize;
            if (n <= 9) {
                frameSize = HEADER + 12L * n;
            } else {
                boolean wide = magic == XtcCodec.MAGIC_2023;
                int fixed = HEADER + COMPRESSED_HEADER + (wide ? 4 : 0);
                if (got < fixed) {
                    break;
                }
                long nbytes = wide ? h.getLong(HEADER + 32) : h.getInt(HEADER + 32) & 0xffffffffL;
                frameSize = fixed + ((nbytes + 3) & ~3L);
            }
            if (at + frameSize > size) {
                break; // the last frame was cut short
            }
            at += frameSize;
            count++;
        }
        return new long[] {count, at};
    }

    @Override
    public int atomCount() {
        return natoms;
    }

    @Override
    public int frameCount() {
        return frames;
    }

    /** Precision (1/nm) the coordinates are written at. */
    public float precision() {
        return precision;
    }

    @Override
    public void append(long step, double time, Box box, double[] x, double[] y, double[] z) {
        if (box == null) {
            append(step, time, (double[]) null, x, y, z);
            return;
        }
        begin(step, time, x, y, z);
        out.putFloat((float) box.ax()).putFloat(0f).putFloat(0f);
        out.putFloat((float) box.bx()).putFloat((float) box.by()).putFloat(0f);
        out.putFloat((float) box.cx()).putFloat((float) box.cy()).putFloat((float) box.cz());
        finish(x, y, z);
    }

    /**
     * Appends one frame with the box as the row-major 3x3 matrix of box vectors ({@code [ax ay az bx
     * by bz cx cy cz]}, nm), or {@code null} for no box (stored as zeros).
     */
    public void append(long step, double time, double[] box, double[] x, double[] y, double[] z) {
        if (box != null && box.length < 9) {
            throw new IllegalArgumentException(name + ": box needs 9 elements, got " + box.length);
        }
        begin(step, time, x, y, z);
        for (int k = 0; k < 9; k++) {
            out.putFloat(box == null ? 0f : (float) box[k]);
        }
        finish(x, y, z);
    }

    private void begin(long step, double time, double[] x, double[] y, double[] z) {
        if (x.length < natoms || y.length < natoms || z.length < natoms) {
            throw new IllegalArgumentException(name + ": position arrays shorter than " + natoms + " atoms");
        }
        if (step < 0 || step > 0xffffffffL) {
            throw new IllegalArgumentException(name + ": step " + step + " does not fit the 32 bits XTC stores");
        }
        out.clear();
        out.putInt(XtcCodec.MAGIC).putInt(natoms).putInt((int) step).putFloat((float) time);
    }

    private void finish(double[] x, double[] y, double[] z) {
        ByteBuffer b = out;
        b.putInt(natoms);
        if (natoms <= 9) {
            for (int i = 0; i < natoms; i++) {
                b.putFloat((float) x[i]).putFloat((float) y[i]).putFloat((float) z[i]);
            }
        } else {
            compress(x, y, z, b);
        }
        b.flip();
        try {
            while (b.hasRemaining()) {
                channel.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot write frame " + frames, e);
        }
        frames++;
    }

    private int toInt(double v) {
        float lf = (float) v * precision;
        if (!(Math.abs(lf) < Integer.MAX_VALUE - 2)) {
            throw new IllegalArgumentException(name + ": coordinate " + v + " nm cannot be stored at precision "
                    + precision);
        }
        return lf >= 0 ? (int) (lf + 0.5f) : (int) (lf - 0.5f);
    }

    private void compress(double[] x, double[] y, double[] z, ByteBuffer b) {
        int n = natoms;
        int min0 = Integer.MAX_VALUE, min1 = Integer.MAX_VALUE, min2 = Integer.MAX_VALUE;
        int max0 = Integer.MIN_VALUE, max1 = Integer.MIN_VALUE, max2 = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            int a = toInt(x[i]), c = toInt(y[i]), d = toInt(z[i]);
            ix[i] = a;
            iy[i] = c;
            iz[i] = d;
            min0 = Math.min(min0, a);
            min1 = Math.min(min1, c);
            min2 = Math.min(min2, d);
            max0 = Math.max(max0, a);
            max1 = Math.max(max1, c);
            max2 = Math.max(max2, d);
        }
        long s0 = (long) max0 - min0 + 1, s1 = (long) max1 - min1 + 1, s2 = (long) max2 - min2 + 1;
        if (s0 > 0xffffffffL || s1 > 0xffffffffL || s2 > 0xffffffffL) {
            throw new IllegalArgumentException(name + ": coordinates span too much for precision " + precision);
        }
        int smallidx = XtcCodec.initialSmallIndex(ix, iy, iz);
        b.putFloat(precision).putInt(min0).putInt(min1).putInt(min2).putInt(max0).putInt(max1).putInt(max2);
        b.putInt(smallidx);
        int countPos = b.position();
        b.putInt(0);
        int dataStart = b.position();
        int len = encoder.encode(ix, iy, iz, n, min0, min1, min2, s0, s1, s2, smallidx, b.array(), dataStart);
        b.putInt(countPos, len);
        int padded = (len + 3) & ~3;
        for (int k = len; k < padded; k++) {
            b.array()[dataStart + k] = 0;
        }
        b.position(dataStart + padded);
    }

    @Override
    public void flush() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot flush", e);
        }
    }

    @Override
    public void close() {
        try {
            if (channel.isOpen()) {
                channel.force(false);
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot close", e);
        }
    }
}
