package org.sheath.analysis.traj;

import java.io.IOException;
import java.nio.file.Path;

/**
 * CHARMM / NAMD / LAMMPS / X-PLOR DCD reader (either byte order, 4-byte record markers),
 * optionally with a unit cell record per frame. Coordinates are converted from Å to nm.
 * The unit cell {@code [A, gamma, B, beta, alpha, C]} is read with angles in degrees, or as
 * cosines when all three lie in [-1, 1] (CHARMM, NAMD &gt; 2.5). Time is
 * {@code (ISTART + i*NSAVC) * DELTA} in AKMA units (48.88821 fs), step is
 * {@code ISTART + i*NSAVC}. Files with fixed atoms are rejected.
 */
public final class DcdReader extends AbstractReader {
    static final double AKMA_PS = 4.888821e-2;
    private static final double A_TO_NM = 0.1;

    private final long headerBytes;
    private final long frameBytes;
    private final boolean hasCell;
    private final boolean has4d;
    private final int istart, nsavc;
    private final double delta;

    public DcdReader(Path file) throws IOException {
        super(file, new BinaryInput(file, 1 << 20));
        if (!in.ensure(92)) {
            throw new TrajectoryException(name + ": not a DCD file (too short)");
        }
        int le = (int) BinaryInput.INT_LE.get(in.buf, 0);
        int be = (int) BinaryInput.INT_BE.get(in.buf, 0);
        if (le == 84) {
            in.bigEndian = false;
        } else if (be == 84) {
            in.bigEndian = true;
        } else {
            throw new TrajectoryException(name + ": not a DCD file (first record is not the 84-byte header)");
        }
        if (in.buf[4] != 'C' || in.buf[5] != 'O' || in.buf[6] != 'R' || in.buf[7] != 'D') {
            throw new TrajectoryException(name + ": not a coordinate DCD file (no CORD signature)");
        }
        int[] icntrl = new int[20];
        for (int i = 0; i < 20; i++) {
            icntrl[i] = in.intAt(8 + 4 * i);
        }
        boolean charmm = icntrl[19] != 0;
        istart = icntrl[1];
        nsavc = icntrl[2];
        int namnf = icntrl[8];
        if (charmm) {
            delta = in.floatAt(8 + 36);
            hasCell = icntrl[10] != 0;
            has4d = icntrl[11] != 0;
        } else {
            delta = in.doubleAt(8 + 36); // X-PLOR stores the time step as a double
            hasCell = false;
            has4d = false;
        }
        if (in.intAt(88) != 84) {
            throw new TrajectoryException(name + ": corrupt DCD header (record markers disagree)");
        }
        in.position(92);
        skipRecord("title");
        if (!in.ensure(12) || in.intAt(in.pos) != 4) {
            throw new TrajectoryException(name + ": corrupt DCD header (no atom-count record)");
        }
        natoms = in.intAt(in.pos + 4);
        in.pos += 12;
        if (natoms <= 0) {
            throw new TrajectoryException(name + ": bad atom count " + natoms);
        }
        if (namnf != 0) {
            throw new TrajectoryException(name + ": DCD files with fixed atoms (NAMNF=" + namnf + ") are not supported");
        }
        headerBytes = in.position();
        frameBytes = (hasCell ? 56 : 0) + (has4d ? 4 : 3) * (8 + 4L * natoms);
    }

    private void skipRecord(String what) {
        if (!in.ensure(4)) {
            throw new TrajectoryException(name + ": corrupt DCD header (" + what + " record missing)");
        }
        int n = in.readInt();
        if (n < 0 || !in.ensure(n + 4L) || in.intAt(in.pos + n) != n) {
            throw new TrajectoryException(name + ": corrupt DCD header (" + what + " record)");
        }
        in.pos += n + 4;
    }

    @Override
    long firstFrameOffset() {
        return headerBytes;
    }

    @Override
    boolean readFrame(Frame f, int index) {
        long at = in.position();
        if (!in.ensure(frameBytes)) {
            if (in.available() == 0) {
                return false;
            }
            throw TrajectoryException.truncated(name, index, in.size);
        }
        f.natoms = natoms;
        f.ensureCapacity(natoms);
        f.hasVelocities = false;
        f.hasForces = false;
        long s = (long) istart + (long) index * nsavc;
        f.step = s;
        f.time = s * delta * AKMA_PS;
        if (hasCell) {
            marker(48, at, index);
            double a = in.readDouble(), gamma = in.readDouble(), b = in.readDouble();
            double beta = in.readDouble(), alpha = in.readDouble(), c = in.readDouble();
            marker(48, at, index);
            if (Math.abs(alpha) <= 1 && Math.abs(beta) <= 1 && Math.abs(gamma) <= 1) {
                alpha = 90 - Math.toDegrees(Math.asin(alpha));
                beta = 90 - Math.toDegrees(Math.asin(beta));
                gamma = 90 - Math.toDegrees(Math.asin(gamma));
            }
            Boxes.fromLengthsAngles(f, a * A_TO_NM, b * A_TO_NM, c * A_TO_NM, alpha, beta, gamma);
        } else {
            f.box = null;
        }
        coords(f.x, at, index);
        coords(f.y, at, index);
        coords(f.z, at, index);
        if (has4d) {
            int n = in.readInt();
            in.pos += n + 4;
        }
        return true;
    }

    private void marker(int expected, long frameStart, int index) {
        int m = in.readInt();
        if (m != expected) {
            throw TrajectoryException.corrupt(name, index, in.position() - 4, "record marker " + m + ", expected " + expected);
        }
    }

    private void coords(double[] a, long frameStart, int index) {
        marker(4 * natoms, frameStart, index);
        byte[] buf = in.buf;
        int p = in.pos;
        if (in.bigEndian) {
            for (int i = 0; i < natoms; i++, p += 4) {
                a[i] = Float.intBitsToFloat((int) BinaryInput.INT_BE.get(buf, p)) * A_TO_NM;
            }
        } else {
            for (int i = 0; i < natoms; i++, p += 4) {
                a[i] = Float.intBitsToFloat((int) BinaryInput.INT_LE.get(buf, p)) * A_TO_NM;
            }
        }
        in.pos = p;
        marker(4 * natoms, frameStart, index);
    }

    @Override
    boolean skipFrame(int index) {
        long rem = in.remaining();
        if (rem == 0) {
            return false;
        }
        if (rem < frameBytes) {
            throw TrajectoryException.truncated(name, index, in.size);
        }
        in.skip(frameBytes);
        return true;
    }

    @Override
    public void seek(int frameIndex) {
        int n = frameCount();
        if (frameIndex < 0 || frameIndex > n) {
            throw new TrajectoryException(name + ": cannot seek to frame " + frameIndex + "; the file has " + n + " frames");
        }
        in.position(headerBytes + frameIndex * frameBytes);
        current = frameIndex;
    }

    @Override
    public int frameCount() {
        long body = in.size - headerBytes;
        long n = body / frameBytes;
        if (body % frameBytes != 0) damage = TrajectoryException.truncated(name, (int) n, in.size).getMessage();
        return (int) n;
    }

    /** Set by {@link #frameCount} when the last frame is incomplete. */
    private String damage = "";

    @Override
    public String damage() {
        return damage;
    }
}
