package org.sheath.analysis.traj;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Multi-frame GROMACS .gro reader: fixed columns (field width detected from the decimal points
 * of the first atom line, as GROMACS does), optional velocities, box line of 3 or 9 numbers.
 * Time and step are taken from {@code t=} / {@code step=} in the title when present, else the
 * time is the frame index and the step is the frame index.
 */
public final class GroReader extends TextReader {
    private int width = -1;

    public GroReader(Path file) throws IOException {
        super(file);
        if (!t.nextLine() || !t.nextLine()) {
            throw new TrajectoryException(name + ": not a GRO file (fewer than 2 lines)");
        }
        try {
            natoms = (int) TextInput.parseLong(t.buf(), t.start, t.end);
        } catch (NumberFormatException e) {
            throw new TrajectoryException(name + ": not a GRO file (line 2 is not an atom count)");
        }
        in.position(0);
    }

    @Override
    boolean readFrame(Frame f, int index) {
        if (!t.nextLine()) {
            return false;
        }
        String title = t.line();
        need(index);
        long n;
        try {
            n = TextInput.parseLong(t.buf(), t.start, t.end);
        } catch (NumberFormatException e) {
            throw bad(index, "expected the atom count, found '" + t.line().trim() + "'");
        }
        if (n != natoms) {
            throw bad(index, "atom count " + n + ", expected " + natoms);
        }
        f.natoms = natoms;
        f.ensureCapacity(natoms);
        double tt = titleTime(title);
        long st = titleStep(title);
        f.time = Double.isNaN(tt) ? index : tt;
        f.step = st < 0 ? index : st;
        boolean vel = false;
        for (int i = 0; i < natoms; i++) {
            need(index);
            int s = t.start;
            if (width < 0) {
                width = fieldWidth(index);
            }
            int len = t.end - s;
            if (len < 20 + 3 * width) {
                if (in.position() >= in.size) {
                    throw TrajectoryException.truncated(name, index, in.size);
                }
                throw bad(index, "atom line too short: '" + t.line() + "'");
            }
            int p = s + 20;
            f.x[i] = num(p, p + width, index, "x");
            f.y[i] = num(p + width, p + 2 * width, index, "y");
            f.z[i] = num(p + 2 * width, p + 3 * width, index, "z");
            if (i == 0) {
                vel = len >= 20 + 6 * width;
                f.hasVelocities = vel;
                if (vel) {
                    f.ensureVelocityCapacity(natoms);
                }
            }
            if (vel) {
                if (len < 20 + 6 * width) {
                    throw bad(index, "atom line without velocities: '" + t.line() + "'");
                }
                p += 3 * width;
                f.vx[i] = num(p, p + width, index, "vx");
                f.vy[i] = num(p + width, p + 2 * width, index, "vy");
                f.vz[i] = num(p + 2 * width, p + 3 * width, index, "vz");
            }
        }
        f.hasForces = false;
        need(index);
        int k = t.tokenize();
        if (k == 3) {
            f.setBox(tokNum(0, index), 0, 0, 0, tokNum(1, index), 0, 0, 0, tokNum(2, index));
        } else if (k == 9) {
            // v1(x) v2(y) v3(z) v1(y) v1(z) v2(x) v2(z) v3(x) v3(y)
            f.setBox(tokNum(0, index), tokNum(3, index), tokNum(4, index),
                    tokNum(5, index), tokNum(1, index), tokNum(6, index),
                    tokNum(7, index), tokNum(8, index), tokNum(2, index));
        } else if (in.position() >= in.size) {
            throw TrajectoryException.truncated(name, index, in.size);
        } else {
            throw bad(index, "box line needs 3 or 9 numbers: '" + t.line().trim() + "'");
        }
        if (isZeroBox(f.box)) {
            f.box = null;
        }
        return true;
    }

    private static boolean isZeroBox(double[] b) {
        for (double v : b) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    /** Distance between the decimal points of the first two coordinates. */
    private int fieldWidth(int index) {
        byte[] b = t.buf();
        int first = -1;
        for (int p = t.start + 20; p < t.end; p++) {
            if (b[p] == '.') {
                if (first < 0) {
                    first = p;
                } else {
                    return p - first;
                }
            }
        }
        throw bad(index, "cannot find the coordinate columns in '" + t.line() + "'");
    }

    @Override
    boolean skipFrame(int index) {
        if (!t.nextLine()) {
            return false;
        }
        need(index);
        long n;
        try {
            n = TextInput.parseLong(t.buf(), t.start, t.end);
        } catch (NumberFormatException e) {
            throw bad(index, "expected the atom count, found '" + t.line().trim() + "'");
        }
        if (n != natoms) {
            throw bad(index, "atom count " + n + ", expected " + natoms);
        }
        for (int i = 0; i <= natoms; i++) {
            need(index);
        }
        return true;
    }
}
