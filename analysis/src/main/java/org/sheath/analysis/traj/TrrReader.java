package org.sheath.analysis.traj;

import java.io.IOException;
import java.nio.file.Path;

/**
 * GROMACS TRR reader: single or double precision (detected per frame from the block sizes),
 * with optional box, position, velocity and force blocks.
 */
public final class TrrReader extends AbstractReader {
    static final int MAGIC = 1993;

    // header fields of the frame last parsed by header()
    private int boxSize, virSize, presSize, xSize, vSize, fSize, real;
    private long skipBefore, skipAfter;
    private long step;
    private double time;

    public TrrReader(Path file) throws IOException {
        super(file, new BinaryInput(file, 1 << 20));
        if (!in.ensure(4) || in.intAt(0) != MAGIC) {
            throw new TrajectoryException(name + ": not a TRR file (magic number "
                    + (in.available() >= 4 ? in.intAt(0) : "missing") + ", expected 1993)");
        }
        if (!header(0)) {
            throw new TrajectoryException(name + ": empty TRR file");
        }
        in.position(0);
    }

    @Override
    long firstFrameOffset() {
        return 0;
    }

    /** Parses a frame header; leaves the position at the first data block. */
    private boolean header(int index) {
        long at = in.position();
        if (!in.ensure(12)) {
            if (in.available() == 0) {
                return false;
            }
            throw TrajectoryException.truncated(name, index, in.size);
        }
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw TrajectoryException.corrupt(name, index, at, "bad magic number " + magic + ", expected 1993");
        }
        in.readInt(); // length of the version string + 1
        int slen = in.readInt();
        if (slen < 0 || slen > 1024) {
            throw TrajectoryException.corrupt(name, index, at + 8, "bad version string length " + slen);
        }
        long need = ((slen + 3) & ~3) + 13 * 4;
        if (!in.ensure(need)) {
            throw TrajectoryException.truncated(name, index, in.size);
        }
        in.pos += (slen + 3) & ~3;
        int irSize = in.readInt(), eSize = in.readInt();
        boxSize = in.readInt();
        virSize = in.readInt();
        presSize = in.readInt();
        int topSize = in.readInt(), symSize = in.readInt();
        xSize = in.readInt();
        vSize = in.readInt();
        fSize = in.readInt();
        int n = in.readInt();
        step = in.readInt();
        in.readInt(); // nre
        if (index == 0 && natoms == 0) {
            natoms = n;
        }
        if (n != natoms || n <= 0) {
            throw TrajectoryException.corrupt(name, index, at, "atom count " + n + ", expected " + natoms);
        }
        if (boxSize != 0) {
            real = boxSize / 9;
        } else if (xSize != 0) {
            real = xSize / (3 * natoms);
        } else if (vSize != 0) {
            real = vSize / (3 * natoms);
        } else if (fSize != 0) {
            real = fSize / (3 * natoms);
        } else {
            real = 4;
        }
        if (real != 4 && real != 8) {
            throw TrajectoryException.corrupt(name, index, at, "cannot tell single from double precision");
        }
        for (int s : new int[] {boxSize, virSize, presSize}) {
            if (s != 0 && s != 9 * real) {
                throw TrajectoryException.corrupt(name, index, at, "bad box block size " + s);
            }
        }
        for (int s : new int[] {xSize, vSize, fSize}) {
            if (s != 0 && s != 3L * natoms * real) {
                throw TrajectoryException.corrupt(name, index, at, "bad coordinate block size " + s);
            }
        }
        if (irSize < 0 || eSize < 0 || topSize < 0 || symSize < 0) {
            throw TrajectoryException.corrupt(name, index, at, "negative block size");
        }
        skipBefore = (long) irSize + eSize;
        skipAfter = (long) topSize + symSize;
        if (!in.ensure(2L * real)) {
            throw TrajectoryException.truncated(name, index, in.size);
        }
        time = real == 4 ? in.readFloat() : in.readDouble();
        in.pos += real; // lambda
        return true;
    }

    private long dataSize() {
        return skipBefore + skipAfter + boxSize + virSize + presSize + (long) xSize + vSize + fSize;
    }

    @Override
    boolean readFrame(Frame f, int index) {
        if (!header(index)) {
            return false;
        }
        if (!in.ensure(dataSize())) {
            throw TrajectoryException.truncated(name, index, in.size);
        }
        f.natoms = natoms;
        f.step = step;
        f.time = time;
        in.pos += (int) skipBefore;
        if (boxSize != 0) {
            f.setBox(r(), r(), r(), r(), r(), r(), r(), r(), r());
        } else {
            f.box = null;
        }
        in.pos += virSize + presSize + (int) skipAfter;
        f.ensureCapacity(natoms);
        if (xSize != 0) {
            readVectors(f.x, f.y, f.z);
        } else {
            // a frame without positions (e.g. velocities only): leave NaN so misuse is visible
            java.util.Arrays.fill(f.x, 0, natoms, Double.NaN);
            java.util.Arrays.fill(f.y, 0, natoms, Double.NaN);
            java.util.Arrays.fill(f.z, 0, natoms, Double.NaN);
        }
        f.hasVelocities = vSize != 0;
        if (f.hasVelocities) {
            f.ensureVelocityCapacity(natoms);
            readVectors(f.vx, f.vy, f.vz);
        }
        f.hasForces = fSize != 0;
        if (f.hasForces) {
            f.ensureForceCapacity(natoms);
            readVectors(f.fx, f.fy, f.fz);
        }
        return true;
    }

    private double r() {
        return real == 4 ? in.readFloat() : in.readDouble();
    }

    private void readVectors(double[] a, double[] b, double[] c) {
        byte[] buf = in.buf;
        int p = in.pos;
        if (real == 4) {
            for (int i = 0; i < natoms; i++, p += 12) {
                a[i] = Float.intBitsToFloat((int) BinaryInput.INT_BE.get(buf, p));
                b[i] = Float.intBitsToFloat((int) BinaryInput.INT_BE.get(buf, p + 4));
                c[i] = Float.intBitsToFloat((int) BinaryInput.INT_BE.get(buf, p + 8));
            }
        } else {
            for (int i = 0; i < natoms; i++, p += 24) {
                a[i] = Double.longBitsToDouble((long) BinaryInput.LONG_BE.get(buf, p));
                b[i] = Double.longBitsToDouble((long) BinaryInput.LONG_BE.get(buf, p + 8));
                c[i] = Double.longBitsToDouble((long) BinaryInput.LONG_BE.get(buf, p + 16));
            }
        }
        in.pos = p;
    }

    @Override
    boolean skipFrame(int index) {
        if (!header(index)) {
            return false;
        }
        long n = dataSize();
        if (in.remaining() < n) {
            throw TrajectoryException.truncated(name, index, in.size);
        }
        in.skip(n);
        return true;
    }
}
