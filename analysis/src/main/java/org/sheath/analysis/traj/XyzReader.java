package org.sheath.analysis.traj;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Multi-frame XYZ reader: atom count line, comment line, then {@code name x y z} lines in Å
 * (converted to nm). There is no box; time and step are the frame index (1 ps per frame, as
 * MDAnalysis assumes).
 */
public final class XyzReader extends TextReader {
    private static final double A_TO_NM = 0.1;

    public XyzReader(Path file) throws IOException {
        super(file);
        if (!t.nextLine()) {
            throw new TrajectoryException(name + ": empty XYZ file");
        }
        try {
            natoms = (int) TextInput.parseLong(t.buf(), t.start, t.end);
        } catch (NumberFormatException e) {
            throw new TrajectoryException(name + ": not an XYZ file (line 1 is not an atom count)");
        }
        in.position(0);
    }

    private boolean count(int index) {
        while (true) {
            if (!t.nextLine()) {
                return false;
            }
            if (t.tokenize() > 0) {
                break; // tolerate blank lines between frames
            }
        }
        long n = tokLong(0, index);
        if (n != natoms) {
            throw bad(index, "atom count " + n + ", expected " + natoms);
        }
        need(index); // comment
        return true;
    }

    @Override
    boolean readFrame(Frame f, int index) {
        if (!count(index)) {
            return false;
        }
        f.natoms = natoms;
        f.ensureCapacity(natoms);
        for (int i = 0; i < natoms; i++) {
            need(index);
            if (t.tokenize() < 4) {
                if (in.position() >= in.size) {
                    throw TrajectoryException.truncated(name, index, in.size);
                }
                throw bad(index, "expected 'name x y z', found '" + t.line().trim() + "'");
            }
            f.x[i] = tokNum(1, index) * A_TO_NM;
            f.y[i] = tokNum(2, index) * A_TO_NM;
            f.z[i] = tokNum(3, index) * A_TO_NM;
        }
        f.box = null;
        f.time = index;
        f.step = index;
        f.hasVelocities = false;
        f.hasForces = false;
        return true;
    }

    @Override
    boolean skipFrame(int index) {
        if (!count(index)) {
            return false;
        }
        for (int i = 0; i < natoms; i++) {
            need(index);
        }
        return true;
    }
}
