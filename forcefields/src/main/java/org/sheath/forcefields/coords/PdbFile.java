package org.sheath.forcefields.coords;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sheath.forcefields.InputException;

/**
 * PDB files: ATOM/HETATM records (first MODEL only), CRYST1 for the box. Å in the file, nm inside.
 * Residue names are read from columns 18-21 (four characters, as GROMACS does).
 */
public final class PdbFile {
    private PdbFile() {
    }

    public static Structure read(Path file) {
        List<String> lines = StructureFiles.readLines(file);
        String name = file.toString();
        List<String> atomName = new ArrayList<>(), resName = new ArrayList<>(), element = new ArrayList<>();
        List<Integer> resNr = new ArrayList<>();
        List<double[]> xyz = new ArrayList<>();
        double[] box = null;
        String title = "";
        boolean anyElement = false;
        for (int ln = 0; ln < lines.size(); ln++) {
            String s = lines.get(ln);
            String rec = s.length() >= 6 ? s.substring(0, 6) : s;
            if (rec.startsWith("ENDMDL")) break;
            if (rec.startsWith("TITLE") && title.isEmpty()) title = s.substring(Math.min(10, s.length())).strip();
            if (rec.startsWith("CRYST1")) {
                double a = field(s, 6, 15, name, ln), b = field(s, 15, 24, name, ln), c = field(s, 24, 33, name, ln);
                double al = field(s, 33, 40, name, ln), be = field(s, 40, 47, name, ln), ga = field(s, 47, 54, name, ln);
                box = Structure.boxFromLengthsAngles(a / 10, b / 10, c / 10, al, be, ga);
            }
            if (rec.startsWith("ATOM") || rec.startsWith("HETATM")) {
                if (s.length() < 54) throw new InputException(name, ln + 1, "ATOM record too short for x, y, z (columns 31-54)");
                atomName.add(s.substring(12, 16).strip());
                resName.add(s.substring(17, Math.min(21, s.length())).strip());
                String rn = s.substring(22, 26).strip();
                try {
                    resNr.add(rn.isEmpty() ? 0 : Integer.parseInt(rn));
                } catch (NumberFormatException e) {
                    throw new InputException(name, ln + 1, "expected a residue number in columns 23-26, found '" + rn + "'");
                }
                xyz.add(new double[] {field(s, 30, 38, name, ln) / 10, field(s, 38, 46, name, ln) / 10, field(s, 46, 54, name, ln) / 10});
                String el = s.length() >= 78 ? s.substring(76, 78).strip() : "";
                anyElement |= !el.isEmpty();
                element.add(el);
            }
        }
        if (xyz.isEmpty()) throw new InputException(name, 0, "no ATOM or HETATM records");
        int n = xyz.size();
        double[] x = new double[n], y = new double[n], z = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = xyz.get(i)[0];
            y[i] = xyz.get(i)[1];
            z[i] = xyz.get(i)[2];
        }
        return new Structure(title, atomName.toArray(new String[0]), resName.toArray(new String[0]),
                resNr.stream().mapToInt(Integer::intValue).toArray(), anyElement ? element.toArray(new String[0]) : null,
                x, y, z, null, null, null, box);
    }

    private static double field(String s, int from, int to, String name, int ln) {
        String f = s.substring(Math.min(from, s.length()), Math.min(to, s.length())).strip();
        try {
            return Double.parseDouble(f);
        } catch (NumberFormatException e) {
            throw new InputException(name, ln + 1, "expected a number in columns " + (from + 1) + "-" + to + ", found '" + f + "'");
        }
    }

    public static void write(Path file, Structure s) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            write(w, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Appendable w, Structure s) throws IOException {
        if (s.title != null && !s.title.isEmpty()) w.append("TITLE     ").append(s.title).append('\n');
        if (s.box != null) {
            double[] la = Structure.lengthsAngles(s.box);
            w.append(String.format(Locale.ROOT, "CRYST1%9.3f%9.3f%9.3f%7.2f%7.2f%7.2f P 1           1%n",
                    la[0] * 10, la[1] * 10, la[2] * 10, la[3], la[4], la[5]));
        }
        for (int i = 0; i < s.natoms; i++) {
            String an = s.atomName[i];
            // PDB convention: names shorter than 4 characters start in column 14
            String nameField = an.length() < 4 ? " " + an : an;
            String el = s.element != null ? s.element[i] : "";
            w.append(String.format(Locale.ROOT, "%-6s%5d %-4.4s %-4.4s %4d    %8.3f%8.3f%8.3f%6.2f%6.2f          %2s%n",
                    "ATOM", (i + 1) % 100000, nameField, s.residueName[i], s.residueNumber[i] % 10000,
                    s.x[i] * 10, s.y[i] * 10, s.z[i] * 10, 1.0, 0.0, el));
        }
        w.append("END\n");
    }
}
