package org.sheath.forcefields.coords;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sheath.forcefields.InputException;

/**
 * GROMACS .gro files: fixed columns for residue number, residue name, atom name and atom number,
 * then coordinates whose field width follows from the decimal points of the first atom line (as
 * GROMACS reads them), optional velocities, and a box line of 3 or 9 numbers.
 */
public final class GroFile {
    private GroFile() {
    }

    public static Structure read(Path file) {
        List<String> lines = StructureFiles.readLines(file);
        return parse(lines, 0, file.toString());
    }

    /** Parses one frame starting at line {@code start}; the frame spans natoms + 3 lines. */
    public static Structure parse(List<String> lines, int start, String name) {
        if (lines.size() < start + 2) throw new InputException(name, start + 1, "not a .gro file: needs a title and an atom count");
        String title = lines.get(start).strip();
        int n;
        try {
            n = Integer.parseInt(lines.get(start + 1).strip());
        } catch (NumberFormatException e) {
            throw new InputException(name, start + 2, "expected the number of atoms, found '" + lines.get(start + 1).strip() + "'");
        }
        if (lines.size() < start + n + 3) {
            throw new InputException(name, lines.size(), "file ends after " + (lines.size() - start - 2)
                    + " atom lines but the header announces " + n + " atoms (truncated file?)");
        }
        String[] atomName = new String[n], resName = new String[n];
        int[] resNr = new int[n];
        double[] x = new double[n], y = new double[n], z = new double[n];
        double[] vx = null, vy = null, vz = null;
        int width = 8;
        if (n > 0) {
            String first = lines.get(start + 2);
            int p1 = first.indexOf('.', 20);
            int p2 = p1 < 0 ? -1 : first.indexOf('.', p1 + 1);
            if (p1 < 0 || p2 < 0) throw new InputException(name, start + 3, "cannot find the coordinates (expected x y z with decimal points from column 21)");
            width = p2 - p1;
            if (first.length() >= 20 + 6 * width) {
                vx = new double[n];
                vy = new double[n];
                vz = new double[n];
            }
        }
        for (int i = 0; i < n; i++) {
            int ln = start + 2 + i;
            String s = lines.get(ln);
            if (s.length() < 20 + 3 * width) {
                throw new InputException(name, ln + 1, "atom line too short for x, y, z in columns 21-" + (20 + 3 * width));
            }
            try {
                resNr[i] = Integer.parseInt(s.substring(0, 5).strip());
            } catch (NumberFormatException e) {
                throw new InputException(name, ln + 1, "expected a residue number in columns 1-5, found '" + s.substring(0, 5) + "'");
            }
            resName[i] = s.substring(5, 10).strip();
            atomName[i] = s.substring(10, 15).strip();
            x[i] = num(s, 20, width, name, ln);
            y[i] = num(s, 20 + width, width, name, ln);
            z[i] = num(s, 20 + 2 * width, width, name, ln);
            if (vx != null) {
                if (s.length() < 20 + 6 * width) {
                    throw new InputException(name, ln + 1, "velocities missing on this line but present on the first atom line");
                }
                vx[i] = num(s, 20 + 3 * width, width, name, ln);
                vy[i] = num(s, 20 + 4 * width, width, name, ln);
                vz[i] = num(s, 20 + 5 * width, width, name, ln);
            }
        }
        int bl = start + 2 + n;
        double[] box = parseBox(lines.get(bl), name, bl + 1);
        return new Structure(title, atomName, resName, resNr, null, x, y, z, vx, vy, vz, box);
    }

    private static double num(String s, int from, int width, String name, int ln) {
        String f = s.substring(from, Math.min(s.length(), from + width)).strip();
        try {
            return Double.parseDouble(f);
        } catch (NumberFormatException e) {
            throw new InputException(name, ln + 1, "expected a number in columns " + (from + 1) + "-" + (from + width) + ", found '" + f + "'");
        }
    }

    private static double[] parseBox(String line, String name, int lineNo) {
        String[] f = line.strip().split("\\s+");
        if (f.length != 3 && f.length != 9) {
            throw new InputException(name, lineNo, "box line needs 3 or 9 numbers, found " + f.length);
        }
        double[] v = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            try {
                v[i] = Double.parseDouble(f[i]);
            } catch (NumberFormatException e) {
                throw new InputException(name, lineNo, "box line: '" + f[i] + "' is not a number");
            }
        }
        // .gro order: v1(x) v2(y) v3(z) v1(y) v1(z) v2(x) v2(z) v3(x) v3(y)
        if (v.length == 3) return new double[] {v[0], 0, 0, 0, v[1], 0, 0, 0, v[2]};
        return new double[] {v[0], v[3], v[4], v[5], v[1], v[6], v[7], v[8], v[2]};
    }

    public static void write(Path file, Structure s) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            write(w, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Appendable w, Structure s) throws IOException {
        w.append(s.title == null || s.title.isEmpty() ? "Sheath" : s.title).append('\n');
        w.append(String.format(Locale.ROOT, "%5d%n", s.natoms));
        for (int i = 0; i < s.natoms; i++) {
            w.append(String.format(Locale.ROOT, "%5d%-5.5s%5.5s%5d%8.3f%8.3f%8.3f", s.residueNumber[i] % 100000,
                    s.residueName[i], s.atomName[i], (i + 1) % 100000, s.x[i], s.y[i], s.z[i]));
            if (s.hasVelocities()) {
                w.append(String.format(Locale.ROOT, "%8.4f%8.4f%8.4f", s.vx[i], s.vy[i], s.vz[i]));
            }
            w.append('\n');
        }
        double[] b = s.box != null ? s.box : new double[9];
        if (b[1] == 0 && b[2] == 0 && b[3] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0) {
            w.append(String.format(Locale.ROOT, "%10.5f%10.5f%10.5f%n", b[0], b[4], b[8]));
        } else {
            w.append(String.format(Locale.ROOT, "%10.5f%10.5f%10.5f%10.5f%10.5f%10.5f%10.5f%10.5f%10.5f%n",
                    b[0], b[4], b[8], b[1], b[2], b[3], b[5], b[6], b[7]));
        }
    }
}
