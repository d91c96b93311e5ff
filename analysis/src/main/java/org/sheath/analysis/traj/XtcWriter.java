package org.sheath.analysis.traj;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes GROMACS XTC files (magic 1995): coordinates rounded to 1/precision nm and packed with
 * the XTC compression (see {@link XtcCodec}). Frames of at most 9 atoms are stored as plain
 * floats, as GROMACS does. Not thread-safe.
 */
public final class XtcWriter implements AutoCloseable {
    /** GROMACS' default precision: 0.001 nm. */
    public static final float DEFAULT_PRECISION = 1000f;

    private final FileChannel channel;
    private final String name;
    private final float precision;
    private ByteBuffer out = ByteBuffer.allocate(1 << 16);
    private int[] ix = new int[0], iy = new int[0], iz = new int[0];
    private int natoms = -1;

    public XtcWriter(Path file) throws IOException {
        this(file, DEFAULT_PRECISION);
    }

    public XtcWriter(Path file, float precision) throws IOException {
        if (!(precision > 0)) {
            throw new IllegalArgumentException("precision must be positive: " + precision);
        }
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        this.name = file.getFileName().toString();
        this.precision = precision;
    }

    /** Appends one frame: {@code f.natoms} positions, box (null: zeros), step and time. */
    public void write(Frame f) {
        int n = f.natoms;
        if (natoms < 0) {
            natoms = n;
        } else if (n != natoms) {
            throw new IllegalArgumentException(name + ": frame has " + n + " atoms, the file " + natoms);
        }
        int need = 64 + 16 * n + 64;
        if (out.capacity() < need) {
            out = ByteBuffer.allocate(need);
        }
        ByteBuffer b = out;
        b.clear();
        b.putInt(XtcReader.MAGIC).putInt(n).putInt((int) f.step).putFloat((float) f.time);
        for (int k = 0; k < 9; k++) {
            b.putFloat(f.box == null ? 0f : (float) f.box[k]);
        }
        b.putInt(n);
        if (n <= 9) {
            for (int i = 0; i < n; i++) {
                b.putFloat((float) f.x[i]).putFloat((float) f.y[i]).putFloat((float) f.z[i]);
            }
        } else {
            compress(f, n, b);
        }
        b.flip();
        try {
            while (b.hasRemaining()) {
                channel.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int toInt(double v) {
        float lf = (float) v * precision;
        if (!(Math.abs(lf) < Integer.MAX_VALUE - 2)) {
            throw new IllegalArgumentException(name + ": coordinate " + v + " nm cannot be stored at precision "
                    + precision);
        }
        return lf >= 0 ? (int) (lf + 0.5f) : (int) (lf - 0.5f);
    }

    private void compress(Frame f, int n, ByteBuffer b) {
        if (ix.length < n) {
            ix = new int[n];
            iy = new int[n];
            iz = new int[n];
        }
        int min0 = Integer.MAX_VALUE, min1 = Integer.MAX_VALUE, min2 = Integer.MAX_VALUE;
        int max0 = Integer.MIN_VALUE, max1 = Integer.MIN_VALUE, max2 = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            int a = toInt(f.x[i]), c = toInt(f.y[i]), d = toInt(f.z[i]);
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
        int smallidx = initialSmallIndex(n);
        b.putFloat(precision).putInt(min0).putInt(min1).putInt(min2).putInt(max0).putInt(max1).putInt(max2);
        b.putInt(smallidx);
        int countPos = b.position();
        b.putInt(0);
        int dataStart = b.position();
        int len = XtcCodec.encode(ix, iy, iz, n, min0, min1, min2, s0, s1, s2, smallidx, b.array(), dataStart);
        b.putInt(countPos, len);
        int padded = (len + 3) & ~3;
        for (int k = len; k < padded; k++) {
            b.array()[dataStart + k] = 0;
        }
        b.position(dataStart + padded);
    }

    /** A small-delta range that fits the first two atoms (usually bonded neighbours). */
    private int initialSmallIndex(int n) {
        int d = Math.max(Math.abs(ix[1] - ix[0]), Math.max(Math.abs(iy[1] - iy[0]), Math.abs(iz[1] - iz[0])));
        int idx = XtcCodec.FIRSTIDX;
        while (idx < XtcCodec.LASTIDX - 1 && XtcCodec.MAGICINTS[idx] / 2 <= d) {
            idx++;
        }
        return idx;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
