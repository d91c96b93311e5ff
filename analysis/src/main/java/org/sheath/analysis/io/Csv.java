package org.sheath.analysis.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Column tables as CSV: a header line, then one row per index, numbers with 8 significant digits. */
public final class Csv {
    private Csv() {
    }

    /** Writes columns of equal length under the given header names; comment lines (# …) first. */
    public static void write(Writer w, String[] comments, String[] header, double[]... columns) throws IOException {
        for (String c : comments) w.write("# " + c + "\n");
        w.write(String.join(",", header));
        w.write('\n');
        int n = columns.length == 0 ? 0 : columns[0].length;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.setLength(0);
            for (int c = 0; c < columns.length; c++) {
                if (c > 0) sb.append(',');
                sb.append(format(columns[c][i]));
            }
            sb.append('\n');
            w.write(sb.toString());
        }
        w.flush();
    }

    public static void write(Path file, String[] comments, String[] header, double[]... columns) {
        try (Writer w = Files.newBufferedWriter(file)) {
            write(w, comments, header, columns);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + ": cannot write: " + e.getMessage(), e));
        }
    }

    static String format(double v) {
        if (v == 0) return "0";
        if (Double.isNaN(v)) return "nan";
        return String.format(Locale.ROOT, "%.8g", v);
    }
}
