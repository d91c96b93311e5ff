package org.sheath.engine.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The XTC coordinate compression ("xdr3dfcoord"): coordinates are scaled by the precision and
 * rounded to integers; each atom is either stored with the bit width of the frame's integer
 * bounding box, or as a small delta from its predecessor, in runs whose delta width adapts from
 * atom to atom. Bits are packed most significant first. Written from the published description of
 * the GROMACS format; the decoder reproduces GROMACS' float arithmetic exactly.
 *
 * <p>Used by {@link XtcWriter} here and by the XTC reader of the analysis module. Neither side
 * allocates per frame: {@link #decode} works on caller buffers, {@link Encoder} keeps its state.
 */
public final class XtcCodec {
    private XtcCodec() {
    }

    /** Magic number of an XTC frame (32-bit compressed size). */
    public static final int MAGIC = 1995;
    /** Magic number of a GROMACS 2023+ XTC frame with a 64-bit compressed size. */
    public static final int MAGIC_2023 = 2023;

    /** Sizes of the delta ranges; index {@code i} packs three values in {@code i} bits. */
    static final int[] MAGICINTS = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 10, 12, 16, 20, 25, 32, 40, 50, 64,
        80, 101, 128, 161, 203, 256, 322, 406, 512, 645, 812, 1024, 1290,
        1625, 2048, 2580, 3250, 4096, 5060, 6501, 8192, 10321, 13003,
        16384, 20642, 26007, 32768, 41285, 52015, 65536, 82570, 104031,
        131072, 165140, 208063, 262144, 330280, 416127, 524287, 660561,
        832255, 1048576, 1321122, 1664510, 2097152, 2642245, 3329021,
        4194304, 5284491, 6658042, 8388607, 10568983, 13316085, 16777216
    };
    static final int FIRSTIDX = 9;
    static final int LASTIDX = MAGICINTS.length;

    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** Number of bits needed to store values in [0, size). */
    static int bitsForSize(int size) {
        return 32 - Integer.numberOfLeadingZeros(size);
    }

    /** Number of bits needed to store the product s0 * s1 * s2 (the combined range of three values). */
    static int bitsForSizes(long s0, long s1, long s2) {
        long p = s0 * s1; // < 2^48
        long hi = Math.multiplyHigh(p, s2);
        long lo = p * s2;
        if (hi != 0) {
            return 128 - Long.numberOfLeadingZeros(hi);
        }
        return 64 - Long.numberOfLeadingZeros(lo);
    }

    /** Reads {@code n} (1..32) bits at bit offset {@code bp} of {@code b}, starting at byte {@code base}. */
    private static int bits(byte[] b, int base, long bp, int n) {
        long w = (long) LONG_BE.get(b, base + (int) (bp >>> 3));
        return (int) ((w << (bp & 7)) >>> (64 - n));
    }

    /**
     * Decodes one frame's compressed coordinates.
     *
     * @param b       buffer holding the compressed bytes (with at least 8 readable bytes past them,
     *                because bits are fetched as 64-bit words)
     * @param base    offset of the first compressed byte in {@code b}
     * @param nbytes  number of compressed bytes
     * @param scratch at least 32 ints
     * @return null on success, else a description of the inconsistency found
     */
    public static String decode(byte[] b, int base, int nbytes, int natoms, float precision,
                         int min0, int min1, int min2, int max0, int max1, int max2, int smallidx,
                         double[] x, double[] y, double[] z, int[] scratch) {
        if (smallidx < FIRSTIDX || smallidx >= LASTIDX) {
            return "bad small-integer index " + smallidx;
        }
        long size0 = (long) max0 - min0 + 1, size1 = (long) max1 - min1 + 1, size2 = (long) max2 - min2 + 1;
        if (size0 <= 0 || size1 <= 0 || size2 <= 0 || size0 > 0xffffffffL || size1 > 0xffffffffL || size2 > 0xffffffffL) {
            return "bad coordinate bounds";
        }
        boolean large = size0 > 0xffffff || size1 > 0xffffff || size2 > 0xffffff;
        int bitsize = large ? 0 : bitsForSizes(size0, size1, size2);
        int bs0 = 0, bs1 = 0, bs2 = 0;
        if (large) {
            bs0 = 64 - Long.numberOfLeadingZeros(size0);
            bs1 = 64 - Long.numberOfLeadingZeros(size1);
            bs2 = 64 - Long.numberOfLeadingZeros(size2);
            if (bs0 > 32 || bs1 > 32 || bs2 > 32) {
                return "bad coordinate bounds";
            }
        }
        final float inv = 1.0f / precision;
        final int s0 = (int) size0, s1 = (int) size1, s2 = (int) size2;
        int smaller = MAGICINTS[Math.max(FIRSTIDX, smallidx - 1)] / 2;
        int smallnum = MAGICINTS[smallidx] / 2;
        int sizesmall = MAGICINTS[smallidx];
        final long endBit = (long) nbytes * 8;
        long bp = 0;
        int run = 0;
        int i = 0;
        int out = 0;
        while (i < natoms) {
            int tx, ty, tz;
            if (large) {
                tx = bits(b, base, bp, bs0);
                bp += bs0;
                ty = bits(b, base, bp, bs1);
                bp += bs1;
                tz = bits(b, base, bp, bs2);
                bp += bs2;
            } else if (bitsize <= 64) {
                // the three values are packed as one number (x * s1 + y) * s2 + z, sent in
                // 8-bit groups, least significant group first
                int full = (bitsize - 1) >>> 3;
                int rest = bitsize - 8 * full;
                long v = 0;
                if (full > 0) {
                    long w = (long) LONG_BE.get(b, base + (int) (bp >>> 3));
                    w = (w << (bp & 7)) >>> (64 - 8 * full);
                    v = Long.reverseBytes(w) >>> (64 - 8 * full);
                    bp += 8L * full;
                }
                v |= (long) bits(b, base, bp, rest) << (8 * full);
                bp += rest;
                if (v >= 0) {
                    long q = v / s2;
                    tz = (int) (v - q * s2);
                    long q2 = q / s1;
                    ty = (int) (q - q2 * s1);
                    tx = (int) q2;
                } else {
                    long q = Long.divideUnsigned(v, s2);
                    tz = (int) (v - q * s2);
                    long q2 = q / s1;
                    ty = (int) (q - q2 * s1);
                    tx = (int) q2;
                }
            } else {
                bp = unpackWide(b, base, bp, bitsize, s0, s1, s2, scratch);
                tx = scratch[0];
                ty = scratch[1];
                tz = scratch[2];
            }
            i++;
            tx += min0;
            ty += min1;
            tz += min2;
            int px = tx, py = ty, pz = tz;
            int flag = bits(b, base, bp, 1);
            bp += 1;
            int isSmaller = 0;
            if (flag == 1) {
                run = bits(b, base, bp, 5);
                bp += 5;
                isSmaller = run % 3;
                run -= isSmaller;
                isSmaller--;
            }
            if (run > 0) {
                if (out + run / 3 + 1 > natoms) {
                    return "more atoms encoded than the frame holds";
                }
                for (int k = 0; k < run; k += 3) {
                    int sx, sy, sz;
                    if (smallidx <= 63) {
                        int full = (smallidx - 1) >>> 3;
                        int rest = smallidx - 8 * full;
                        long w = (long) LONG_BE.get(b, base + (int) (bp >>> 3));
                        w = (w << (bp & 7)) >>> (64 - 8 * full);
                        long v = Long.reverseBytes(w) >>> (64 - 8 * full);
                        bp += 8L * full;
                        v |= (long) bits(b, base, bp, rest) << (8 * full);
                        bp += rest;
                        long q = v / sizesmall;
                        sz = (int) (v - q * sizesmall);
                        long q2 = q / sizesmall;
                        sy = (int) (q - q2 * sizesmall);
                        sx = (int) q2;
                    } else {
                        bp = unpackWide(b, base, bp, smallidx, sizesmall, sizesmall, sizesmall, scratch);
                        sx = scratch[0];
                        sy = scratch[1];
                        sz = scratch[2];
                    }
                    i++;
                    sx += px - smallnum;
                    sy += py - smallnum;
                    sz += pz - smallnum;
                    if (k == 0) {
                        // the first small atom is stored after the large one but comes first
                        x[out] = sx * inv;
                        y[out] = sy * inv;
                        z[out] = sz * inv;
                        out++;
                        x[out] = px * inv;
                        y[out] = py * inv;
                        z[out] = pz * inv;
                        out++;
                    } else {
                        x[out] = sx * inv;
                        y[out] = sy * inv;
                        z[out] = sz * inv;
                        out++;
                    }
                    px = sx;
                    py = sy;
                    pz = sz;
                }
            } else {
                if (out >= natoms) {
                    return "more atoms encoded than the frame holds";
                }
                x[out] = tx * inv;
                y[out] = ty * inv;
                z[out] = tz * inv;
                out++;
            }
            smallidx += isSmaller;
            if (smallidx < FIRSTIDX || smallidx >= LASTIDX) {
                return "bad small-integer index " + smallidx;
            }
            if (isSmaller < 0) {
                smallnum = smaller;
                smaller = smallidx > FIRSTIDX ? MAGICINTS[smallidx - 1] / 2 : 0;
            } else if (isSmaller > 0) {
                smaller = smallnum;
                smallnum = MAGICINTS[smallidx] / 2;
            }
            sizesmall = MAGICINTS[smallidx];
            if (bp > endBit) {
                return "compressed data ends early";
            }
        }
        if (out != natoms) {
            return "decoded " + out + " atoms, expected " + natoms;
        }
        return null;
    }

    /**
     * General case of three packed values whose combined range needs more than 64 bits:
     * long division of the little-endian byte string by the sizes.
     */
    private static long unpackWide(byte[] b, int base, long bp, int nbits, int s0, int s1, int s2, int[] out) {
        final int o = 8; // out[8..23] holds the byte string
        int nb = 0;
        while (nbits > 8) {
            out[o + nb++] = bits(b, base, bp, 8);
            bp += 8;
            nbits -= 8;
        }
        if (nbits > 0) {
            out[o + nb++] = bits(b, base, bp, nbits);
            bp += nbits;
        }
        for (int i = 2; i > 0; i--) {
            long size = (i == 2 ? s2 : s1) & 0xffffffffL;
            long rem = 0;
            for (int j = nb - 1; j >= 0; j--) {
                rem = (rem << 8) | out[o + j];
                long q = rem / size;
                out[o + j] = (int) q;
                rem -= q * size;
            }
            out[i] = (int) rem;
        }
        out[0] = out[o] | (out[o + 1] << 8) | (out[o + 2] << 16) | (out[o + 3] << 24);
        return bp;
    }

    // ------------------------------------------------------------------ encoder

    /** Most significant-bit-first bit packer into a byte array; reused from frame to frame. */
    private static final class Bits {
        byte[] out;
        int len;
        long acc;
        int nacc;
        /** Little-endian byte string of the wide (more than 62 bits) triple case. */
        final int[] wide = new int[16];

        void reset(byte[] out, int start) {
            this.out = out;
            this.len = start;
            this.acc = 0;
            this.nacc = 0;
        }

        void put(int nbits, long value) {
            acc = (acc << nbits) | (value & ((1L << nbits) - 1));
            nacc += nbits;
            while (nacc >= 8) {
                out[len++] = (byte) (acc >>> (nacc - 8));
                nacc -= 8;
            }
        }

        void flush() {
            if (nacc > 0) {
                out[len++] = (byte) (acc << (8 - nacc));
                nacc = 0;
            }
        }
    }

    /** Packs three values into {@code nbits} bits: (v0 * s1 + v1) * s2 + v2, in 8-bit groups, low first. */
    private static void putTriple(Bits w, int nbits, long s1, long s2, long v0, long v1, long v2) {
        if (nbits <= 62) {
            long v = (v0 * s1 + v1) * s2 + v2;
            while (nbits > 8) {
                w.put(8, v & 0xff);
                v >>>= 8;
                nbits -= 8;
            }
            w.put(nbits, v);
            return;
        }
        // wide case: multiply-add on a little-endian byte string
        int[] bytes = w.wide;
        java.util.Arrays.fill(bytes, 0);
        int nb = 0;
        long carry = v0;
        while (carry != 0) {
            bytes[nb++] = (int) (carry & 0xff);
            carry >>>= 8;
        }
        nb = mulAdd(bytes, nb, s1, v1);
        nb = mulAdd(bytes, nb, s2, v2);
        int k = 0;
        while (nbits > 8) {
            w.put(8, bytes[k++]);
            nbits -= 8;
        }
        w.put(nbits, bytes[k]);
    }

    private static int mulAdd(int[] bytes, int nb, long factor, long add) {
        long carry = add;
        for (int j = 0; j < nb; j++) {
            long t = bytes[j] * factor + carry;
            bytes[j] = (int) (t & 0xff);
            carry = t >>> 8;
        }
        while (carry != 0) {
            bytes[nb++] = (int) (carry & 0xff);
            carry >>>= 8;
        }
        return nb;
    }

    private static boolean fits(int d, int idx) {
        int half = MAGICINTS[idx] / 2;
        return d >= -half && d < MAGICINTS[idx] - half;
    }

    private static boolean fits3(int[] x, int[] y, int[] z, int a, int b, int idx) {
        return fits(x[a] - x[b], idx) && fits(y[a] - y[b], idx) && fits(z[a] - z[b], idx);
    }

    /**
     * A small-delta range index that fits the first two atoms (usually bonded neighbours): the
     * {@code smallidx} to start {@link Encoder#encode} with. Needs {@code n >= 2}.
     */
    public static int initialSmallIndex(int[] x, int[] y, int[] z) {
        int d = Math.max(Math.abs(x[1] - x[0]), Math.max(Math.abs(y[1] - y[0]), Math.abs(z[1] - z[0])));
        int idx = FIRSTIDX;
        while (idx < LASTIDX - 1 && MAGICINTS[idx] / 2 <= d) {
            idx++;
        }
        return idx;
    }

    /** The compressor, with its bit packer kept between calls so that encoding does not allocate. Not thread-safe. */
    public static final class Encoder {
        private final Bits w = new Bits();

        /**
         * Compresses integer coordinates; a stream {@link #decode} reads back exactly. Each group is
         * one full-width atom followed by up to 9 atoms stored as deltas (the first of them is the
         * atom before the full-width one, matching the decoder's swap), with the delta range
         * widened or narrowed by one step at a time. {@code s0, s1, s2} are the sizes of the
         * integer bounding box, {@code max - min + 1} per axis; {@code out} needs room for
         * {@code 16 * n + 16} bytes past {@code start}.
         *
         * @return number of bytes written at {@code out[start...]}
         */
        public int encode(int[] x, int[] y, int[] z, int n, int min0, int min1, int min2,
                          long s0, long s1, long s2, int smallidx, byte[] out, int start) {
            return XtcCodec.encode(w, x, y, z, n, min0, min1, min2, s0, s1, s2, smallidx, out, start);
        }
    }

    private static int encode(Bits w, int[] x, int[] y, int[] z, int n, int min0, int min1, int min2,
                              long s0, long s1, long s2, int smallidx, byte[] out, int start) {
        boolean large = s0 > 0xffffff || s1 > 0xffffff || s2 > 0xffffff;
        int bitsize = large ? 0 : bitsForSizes(s0, s1, s2);
        int bs0 = 64 - Long.numberOfLeadingZeros(s0);
        int bs1 = 64 - Long.numberOfLeadingZeros(s1);
        int bs2 = 64 - Long.numberOfLeadingZeros(s2);
        w.reset(out, start);
        int prevRun = 0;
        int i = 0;
        final int maxSmall = 9;
        while (i < n) {
            int count = 0;
            boolean misfit = false;
            int misfitAtom = -1, misfitRef = -1;
            if (i + 1 < n) {
                if (fits3(x, y, z, i, i + 1, smallidx)) {
                    count = 1;
                    int prev = i;
                    while (count < maxSmall && i + count + 1 < n) {
                        int j = i + count + 1;
                        if (!fits3(x, y, z, j, prev, smallidx)) {
                            misfit = true;
                            misfitAtom = j;
                            misfitRef = prev;
                            break;
                        }
                        prev = j;
                        count++;
                    }
                } else {
                    misfit = true;
                    misfitAtom = i;
                    misfitRef = i + 1;
                }
            }
            int isSmaller = 0;
            if (count > 0 && smallidx > FIRSTIDX && groupFits(x, y, z, i, count, smallidx - 1)) {
                isSmaller = -1;
            } else if (misfit && smallidx < LASTIDX - 1 && fits3(x, y, z, misfitAtom, misfitRef, smallidx + 1)) {
                isSmaller = 1;
            }
            int big = count > 0 ? i + 1 : i;
            if (large) {
                w.put(bs0, x[big] - min0);
                w.put(bs1, y[big] - min1);
                w.put(bs2, z[big] - min2);
            } else {
                putTriple(w, bitsize, s1, s2, (long) x[big] - min0, (long) y[big] - min1, (long) z[big] - min2);
            }
            int run = 3 * count;
            if (run == prevRun && isSmaller == 0) {
                w.put(1, 0);
            } else {
                w.put(1, 1);
                w.put(5, run + isSmaller + 1);
                prevRun = run;
            }
            if (count > 0) {
                int size = MAGICINTS[smallidx];
                int half = size / 2;
                int prev = i + 1;
                int atom = i;
                for (int k = 0; k < count; k++) {
                    putTriple(w, smallidx, size, size, x[atom] - x[prev] + half, y[atom] - y[prev] + half,
                            z[atom] - z[prev] + half);
                    prev = atom;
                    atom = k == 0 ? i + 2 : atom + 1;
                }
                i += count + 1;
            } else {
                i++;
            }
            smallidx += isSmaller;
        }
        w.flush();
        return w.len - start;
    }

    private static boolean groupFits(int[] x, int[] y, int[] z, int i, int count, int idx) {
        if (!fits3(x, y, z, i, i + 1, idx)) {
            return false;
        }
        int prev = i;
        for (int k = 1; k < count; k++) {
            int j = i + k + 1;
            if (!fits3(x, y, z, j, prev, idx)) {
                return false;
            }
            prev = j;
        }
        return true;
    }
}
