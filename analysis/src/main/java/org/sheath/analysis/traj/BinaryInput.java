package org.sheath.analysis.traj;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A large reusable byte window over a file, read with positional channel reads.
 * Callers {@link #ensure} a number of bytes, then decode them straight from {@link #buf}
 * starting at {@link #pos}. The array always has {@link #SLACK} spare bytes past the window
 * so that word loads a little past its end (as the XTC bit reader does) stay in bounds.
 */
final class BinaryInput implements AutoCloseable {
    static final int SLACK = 256;
    static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final FileChannel channel;
    final long size;
    /** Window contents: file bytes [start, start + lim) are buf[0, lim). */
    byte[] buf;
    int pos;
    int lim;
    long start;
    boolean bigEndian = true;

    BinaryInput(Path file, int bufferSize) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ);
        size = channel.size();
        buf = new byte[bufferSize + SLACK];
    }

    /** File offset of the next unread byte. */
    long position() {
        return start + pos;
    }

    void position(long p) {
        if (p >= start && p <= start + lim) {
            pos = (int) (p - start);
        } else {
            start = p;
            pos = 0;
            lim = 0;
        }
    }

    void skip(long n) {
        position(position() + n);
    }

    int available() {
        return lim - pos;
    }

    /** Bytes left in the file from the current position. */
    long remaining() {
        return size - position();
    }

    /**
     * Makes at least {@code n} bytes available from {@link #pos} (growing the window if needed).
     *
     * @return false if the file ends first; then {@link #available()} is what is left
     */
    boolean ensure(long n) {
        if (lim - pos >= n) {
            return true;
        }
        if (n > Integer.MAX_VALUE - 2 * SLACK) {
            throw new IllegalArgumentException("record too large: " + n + " bytes");
        }
        int need = (int) n;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            start += pos;
            lim -= pos;
            pos = 0;
        }
        if (need > buf.length - SLACK) {
            byte[] nb = new byte[(int) Math.min(Integer.MAX_VALUE - 16, Math.max((long) need, 2L * (buf.length - SLACK)) + SLACK)];
            System.arraycopy(buf, 0, nb, 0, lim);
            buf = nb;
        }
        try {
            ByteBuffer bb = ByteBuffer.wrap(buf, lim, buf.length - SLACK - lim);
            while (lim < need) {
                int r = channel.read(bb, start + lim);
                if (r < 0) {
                    return false;
                }
                lim += r;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    int readInt() {
        int v = (int) (bigEndian ? INT_BE.get(buf, pos) : INT_LE.get(buf, pos));
        pos += 4;
        return v;
    }

    long readLong() {
        long v = (long) (bigEndian ? LONG_BE.get(buf, pos) : LONG_LE.get(buf, pos));
        pos += 8;
        return v;
    }

    float readFloat() {
        return Float.intBitsToFloat(readInt());
    }

    double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    int intAt(int p) {
        return (int) (bigEndian ? INT_BE.get(buf, p) : INT_LE.get(buf, p));
    }

    float floatAt(int p) {
        return Float.intBitsToFloat(intAt(p));
    }

    double doubleAt(int p) {
        return Double.longBitsToDouble((long) (bigEndian ? LONG_BE.get(buf, p) : LONG_LE.get(buf, p)));
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing useful to do
        }
    }
}
