package org.sheath.analysis.traj;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Multi-frame PDB reader. A frame is the ATOM/HETATM records up to ENDMDL or END (MODEL
 * records are optional); CRYST1 sets the box (a unit cube, the PDB "no cell" convention, gives
 * none) and is kept for later frames that have no CRYST1 of their own. Å are converted to nm.
 * Time and step come from a GROMACS-style TITLE ({@code t= ... step= ...}) when present, else
 * both are the frame index.
 */
public final class PdbReader extends TextReader {
    private static final double A_TO_NM = 0.1;
    /** Box of the last CRYST1 seen (null: none, or a placeholder cell). */
    private double[] lastBox;

    public PdbReader(Path file) throws IOException {
        super(file);
        // count the atoms of the first frame
        int n = 0;
        Frame tmp = new Frame();
        while (t.nextLine()) {
            if (n == 0 && t.startsWith("CRYST1")) {
                readCryst(tmp, 0);
                lastBox = tmp.box;
            } else if (isAtom()) {
                n++;
            } else if (n > 0 && (t.startsWith("ENDMDL") || t.startsWith("END"))) {
                break;
            }
        }
        if (n == 0) {
            throw new TrajectoryException(name + ": no ATOM or HETATM records");
        }
        natoms = n;
        in.position(0);
    }

    private boolean isAtom() {
        return t.startsWith("ATOM  ") || t.startsWith("HETATM");
    }

    private boolean isEnd() {
        return t.startsWith("ENDMDL") || (t.startsWith("END") && (t.end - t.start == 3 || t.buf()[t.start + 3] == ' '));
    }

    @Override
    boolean readFrame(Frame f, int index) {
        return frame(f, index);
    }

    @Override
    boolean skipFrame(int index) {
        return frame(null, index);
    }

    private boolean frame(Frame f, int index) {
        int n = 0;
        double time = Double.NaN;
        long step = -1;
        boolean cryst = false;
        if (f != null) {
            f.ensureCapacity(natoms);
        }
        while (true) {
            if (!t.nextLine()) {
                if (n == 0) {
                    return false;
                }
                if (n != natoms) {
                    throw TrajectoryException.truncated(name, index, in.size);
                }
                break;
            }
            if (isAtom()) {
                if (n >= natoms) {
                    throw bad(index, "more than " + natoms + " atoms in this frame");
                }
                if (f != null) {
                    if (t.end - t.start < 54) {
                        if (in.position() >= in.size) {
                            throw TrajectoryException.truncated(name, index, in.size);
                        }
                        throw bad(index, "ATOM record too short");
                    }
                    int s = t.start;
                    f.x[n] = num(s + 30, s + 38, index, "x") * A_TO_NM;
                    f.y[n] = num(s + 38, s + 46, index, "y") * A_TO_NM;
                    f.z[n] = num(s + 46, s + 54, index, "z") * A_TO_NM;
                }
                n++;
            } else if (isEnd()) {
                if (n == 0) {
                    continue; // e.g. a lone END after the last ENDMDL
                }
                if (n != natoms) {
                    throw bad(index, n + " atoms, expected " + natoms);
                }
                break;
            } else if (f != null && t.startsWith("CRYST1")) {
                readCryst(f, index);
                cryst = true;
            } else if (f != null && t.startsWith("TITLE")) {
                String title = t.line();
                time = titleTime(title);
                step = titleStep(title);
            }
        }
        if (f == null) {
            return true;
        }
        f.natoms = natoms;
        if (cryst) {
            if (f.box == null) {
                lastBox = null;
            } else {
                if (lastBox == null) {
                    lastBox = new double[9];
                }
                System.arraycopy(f.box, 0, lastBox, 0, 9);
            }
        } else if (lastBox != null) {
            f.setBox(lastBox[0], lastBox[1], lastBox[2], lastBox[3], lastBox[4], lastBox[5], lastBox[6], lastBox[7], lastBox[8]);
        } else {
            f.box = null;
        }
        f.time = Double.isNaN(time) ? index : time;
        f.step = step < 0 ? index : step;
        f.hasVelocities = false;
        f.hasForces = false;
        return true;
    }

    private void readCryst(Frame f, int index) {
        int s = t.start;
        double a = num(s + 6, s + 15, index, "a"), b = num(s + 15, s + 24, index, "b");
        double c = num(s + 24, s + 33, index, "c");
        double al = num(s + 33, s + 40, index, "alpha"), be = num(s + 40, s + 47, index, "beta");
        double ga = num(s + 47, s + 54, index, "gamma");
        if (a == 1 && b == 1 && c == 1) {
            f.box = null; // placeholder cell
        } else {
            Boxes.fromLengthsAngles(f, a * A_TO_NM, b * A_TO_NM, c * A_TO_NM, al, be, ga);
        }
    }
}
