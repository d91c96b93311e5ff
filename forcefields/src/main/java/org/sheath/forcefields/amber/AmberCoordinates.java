package org.sheath.forcefields.amber;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sheath.forcefields.InputException;

/**
 * Reads AMBER ASCII coordinate files (inpcrd, rst7): title, atom count (and time), positions in
 * 6F12.7, then optionally velocities (same layout, Å per 1/20.455 ps) and a box line
 * (a, b, c in Å and α, β, γ in degrees). Positions and box are returned in nm, velocities in nm/ps,
 * and the box as GROMACS box vectors (a along x, b in the xy plane), row-major. NetCDF restarts are
 * not supported.
 */
public final class AmberCoordinates {
    /** AMBER velocity unit: v[Å/ps] = v[file] · 20.455. */
    public static final double VELOCITY_UNIT = 20.455;

    /**
     * Coordinates of one frame. Velocities are null when the file has none, {@code box9} is null when
     * it has no box line; {@code time} is in ps (NaN when absent).
     */
    public record Result(double[] x, double[] y, double[] z, double[] vx, double[] vy, double[] vz, double[] box9,
                         String title, double time) {
        public int atomCount() {
            return x.length;
        }

        public boolean hasVelocities() {
            return vx != null;
        }
    }

    private AmberCoordinates() {
    }

    public static Result read(Path path) {
        String name = path.toString();
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(path)) {
            int n = in.readNBytes(head, 0, 4);
            if (n >= 3 && head[0] == 'C' && head[1] == 'D' && head[2] == 'F' || n == 4 && head[0] == (byte) 0x89 && head[1] == 'H') {
                throw new InputException(name, 0, "NetCDF AMBER restarts are not supported; convert to ASCII rst7 (e.g. cpptraj: trajout file.rst7 restart)");
            }
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot read AMBER coordinates: " + e.getMessage());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot read AMBER coordinates: " + e.getMessage());
        }
        return parse(name, lines);
    }

    static Result parse(String name, List<String> lines) {
        if (lines.size() < 2) throw new InputException(name, 0, "AMBER coordinates need a title line and an atom-count line");
        String title = lines.get(0).trim();
        String[] head = lines.get(1).trim().split("\\s+");
        int natom;
        double time = Double.NaN;
        try {
            natom = Integer.parseInt(head[0]);
            if (head.length > 1) time = Double.parseDouble(head[1]);
        } catch (NumberFormatException e) {
            throw new InputException(name, 2, "expected the atom count (and optionally the time), found '" + lines.get(1).trim() + "'");
        }
        if (natom <= 0) throw new InputException(name, 2, "atom count must be positive, found " + natom);

        // all remaining values in 12-character fields, remembering where each line starts
        List<Double> values = new ArrayList<>();
        List<Integer> lineOfValue = new ArrayList<>();
        for (int i = 2; i < lines.size(); i++) {
            String s = lines.get(i);
            int end = s.length();
            while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) end--;
            for (int pos = 0; pos < end; pos += 12) {
                String f = s.substring(pos, Math.min(end, pos + 12)).trim();
                if (f.isEmpty()) continue;
                try {
                    values.add(Double.parseDouble(f));
                } catch (NumberFormatException e) {
                    throw new InputException(name, i + 1, "'" + f + "' is not a number (coordinates are 6F12.7)");
                }
                lineOfValue.add(i + 1);
            }
        }
        int n3 = 3 * natom;
        int extra = values.size() - n3;
        boolean vel;
        int boxValues;
        if (extra == 0) {
            vel = false;
            boxValues = 0;
        } else if (extra == 3 || extra == 6) {
            vel = false;
            boxValues = extra;
        } else if (extra == n3) {
            vel = true;
            boxValues = 0;
        } else if (extra == n3 + 3 || extra == n3 + 6) {
            vel = true;
            boxValues = extra - n3;
        } else {
            int lastLine = lineOfValue.isEmpty() ? 2 : lineOfValue.get(lineOfValue.size() - 1);
            throw new InputException(name, lastLine, "found " + values.size() + " numbers after the header but " + natom
                    + " atoms need " + n3 + " (positions), +" + n3 + " (velocities) and/or +6 (box); the file is truncated or the atom count is wrong");
        }
        double[] x = new double[natom], y = new double[natom], z = new double[natom];
        for (int i = 0; i < natom; i++) {
            x[i] = values.get(3 * i) * 0.1;
            y[i] = values.get(3 * i + 1) * 0.1;
            z[i] = values.get(3 * i + 2) * 0.1;
        }
        double[] vx = null, vy = null, vz = null;
        if (vel) {
            vx = new double[natom];
            vy = new double[natom];
            vz = new double[natom];
            double f = VELOCITY_UNIT * 0.1;
            for (int i = 0; i < natom; i++) {
                vx[i] = values.get(n3 + 3 * i) * f;
                vy[i] = values.get(n3 + 3 * i + 1) * f;
                vz[i] = values.get(n3 + 3 * i + 2) * f;
            }
        }
        double[] box = null;
        if (boxValues > 0) {
            int b0 = values.size() - boxValues;
            double a = values.get(b0), b = values.get(b0 + 1), c = values.get(b0 + 2);
            double al = 90, be = 90, ga = 90;
            if (boxValues == 6) {
                al = values.get(b0 + 3);
                be = values.get(b0 + 4);
                ga = values.get(b0 + 5);
            }
            if (!(a > 0 && b > 0 && c > 0) || !(al > 0 && al < 180 && be > 0 && be < 180 && ga > 0 && ga < 180)) {
                throw new InputException(name, lineOfValue.get(b0), "box line must hold positive lengths and angles in (0, 180) degrees");
            }
            box = boxVectors(a, b, c, al, be, ga);
        }
        return new Result(x, y, z, vx, vy, vz, box, title, time);
    }

    /**
     * GROMACS box vectors (row-major a, b, c; nm) from lengths in Å and angles α (b,c), β (a,c),
     * γ (a,b) in degrees: a along x, b in the xy plane. Right angles give exact zeros.
     */
    public static double[] boxVectors(double a, double b, double c, double alpha, double beta, double gamma) {
        return org.sheath.forcefields.coords.Structure.boxFromLengthsAngles(a * 0.1, b * 0.1, c * 0.1, alpha, beta, gamma);
    }
}
