package org.sheath.analysis.traj;

import java.io.IOException;
import java.nio.file.Path;
import org.sheath.engine.io.XtcCodec;

/**
 * GROMACS XTC reader (magic 1995, and 2023 with a 64-bit compressed size). Frames are decoded
 * straight from a large reusable read window with {@link XtcCodec} (engine module, shared with
 * the engine's {@link org.sheath.engine.io.XtcWriter}); nothing is allocated per frame.
 */
public final class XtcReader extends AbstractReader {
    private static final int MAGIC = XtcCodec.MAGIC;
    private static final int MAGIC_2023 = XtcCodec.MAGIC_2023;
    /** magic, natoms, step, time, box[9], natoms again. */
    private static final int HEADER = 4 * 14;

    private final int[] scratch = new int[32];
    private float precision;

    public XtcReader(Path file) throws IOException {
        super(file, new BinaryInput(file, 1 << 20));
        if (!in.ensure(8)) {
            throw new TrajectoryException(name + ": not an XTC file (only " + in.size + " bytes)");
        }
        int magic = in.intAt(0);
        if (magic != MAGIC && magic != MAGIC_2023) {
            throw new TrajectoryException(name + ": not an XTC file (magic number " + magic + ", expected 1995)");
        }
        natoms = in.intAt(4);
        if (natoms <= 0) {
            throw new TrajectoryException(name + ": bad atom count " + natoms + " in the first frame");
        }
    }

    /** Precision (1/nm) of the last frame read; 0 for frames of at most 9 atoms (stored as plain floats). */
    public float precision() {
        return precision;
    }

    @Override
    long firstFrameOffset() {
        return 0;
    }

    /** Reads and checks the header; leaves pos after it. Returns false at a clean end of file. */
    private boolean header(int index) {
        if (!in.ensure(HEADER)) {
            if (in.available() == 0) {
                return false;
            }
            throw TrajectoryException.truncated(name, index, in.size);
        }
        long at = in.position();
        int magic = in.readInt();
        if (magic != MAGIC && magic != MAGIC_2023) {
            throw TrajectoryException.corrupt(name, index, at, "bad magic number " + magic + ", expected 1995");
        }
        int n = in.readInt();
        if (n != natoms) {
            throw TrajectoryException.corrupt(name, index, at + 4, "atom count " + n + ", expected " + natoms);
        }
        return true;
    }

    private int magicAt(int headerPos) {
        return in.intAt(headerPos);
    }

    @Override
    boolean readFrame(Frame f, int index) {
        if (!header(index)) {
            return false;
        }
        int h = in.pos - 8;
        boolean wide = magicAt(h) == MAGIC_2023;
        f.natoms = natoms;
        f.ensureCapacity(natoms);
        f.step = in.readInt() & 0xffffffffL;
        f.time = in.readFloat();
        f.setBox(in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat(),
                in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat());
        int lsize = in.readInt();
        f.hasVelocities = false;
        f.hasForces = false;
        if (lsize != natoms) {
            throw TrajectoryException.corrupt(name, index, in.position() - 4, "coordinate count " + lsize + ", expected " + natoms);
        }
        if (natoms <= 9) {
            if (!in.ensure(12L * natoms)) {
                throw TrajectoryException.truncated(name, index, in.size);
            }
            for (int i = 0; i < natoms; i++) {
                f.x[i] = in.readFloat();
                f.y[i] = in.readFloat();
                f.z[i] = in.readFloat();
            }
            precision = 0;
            return true;
        }
        int fixed = 4 + 24 + 4 + (wide ? 8 : 4);
        if (!in.ensure(fixed)) {
            throw TrajectoryException.truncated(name, index, in.size);
        }
        long at = in.position();
        precision = in.readFloat();
        int min0 = in.readInt(), min1 = in.readInt(), min2 = in.readInt();
        int max0 = in.readInt(), max1 = in.readInt(), max2 = in.readInt();
        int smallidx = in.readInt();
        long nbytes = wide ? in.readLong() : in.readInt() & 0xffffffffL;
        if (!(precision > 0) || nbytes > 16L * natoms + 64) {
            throw TrajectoryException.corrupt(name, index, at, !(precision > 0)
                    ? "precision " + precision : "compressed size " + nbytes + " bytes for " + natoms + " atoms");
        }
        long padded = (nbytes + 3) & ~3L;
        if (!in.ensure(padded)) {
            throw TrajectoryException.truncated(name, index, in.size);
        }
        String err = XtcCodec.decode(in.buf, in.pos, (int) nbytes, natoms, precision, min0, min1, min2,
                max0, max1, max2, smallidx, f.x, f.y, f.z, scratch);
        if (err != null) {
            throw TrajectoryException.corrupt(name, index, in.position(), err);
        }
        in.pos += (int) padded;
        return true;
    }

    @Override
    boolean skipFrame(int index) {
        if (!header(index)) {
            return false;
        }
        boolean wide = magicAt(in.pos - 8) == MAGIC_2023;
        in.pos += HEADER - 8;
        if (natoms <= 9) {
            return skipChecked(12L * natoms, index);
        }
        int fixed = 4 + 24 + 4 + (wide ? 8 : 4);
        if (!in.ensure(fixed)) {
            throw TrajectoryException.truncated(name, index, in.size);
        }
        long at = in.position();
        in.pos += 32;
        long nbytes = wide ? in.readLong() : in.readInt() & 0xffffffffL;
        if (nbytes > 16L * natoms + 64) {
            throw TrajectoryException.corrupt(name, index, at, "compressed size " + nbytes + " bytes for " + natoms + " atoms");
        }
        return skipChecked((nbytes + 3) & ~3L, index);
    }

    private boolean skipChecked(long n, int index) {
        if (in.remaining() < n) {
            throw TrajectoryException.truncated(name, index, in.size);
        }
        in.skip(n);
        return true;
    }
}
