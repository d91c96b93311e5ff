package org.sheath.analysis.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Column tables as GROMACS .xvg (xmgrace): # comments, @ title, axis labels and one legend per y column. */
public final class Xvg {
    private Xvg() {
    }

    /** x in columns[0], one y series per further column, legends[k] for columns[k + 1]. */
    public static void write(Path file, String[] comments, String title, String xLabel, String yLabel, String[] legends,
                             double[]... columns) {
        try (Writer w = Files.newBufferedWriter(file)) {
            for (String c : comments) w.write("# " + c + "\n");
            w.write("@    title \"" + quote(title) + "\"\n");
            w.write("@    xaxis  label \"" + quote(xLabel) + "\"\n");
            w.write("@    yaxis  label \"" + quote(yLabel) + "\"\n");
            w.write("@TYPE xy\n");
            if (legends.length > 1) w.write("@ legend on\n");
            for (int k = 0; k < legends.length; k++) w.write("@ s" + k + " legend \"" + quote(legends[k]) + "\"\n");
            int n = columns.length == 0 ? 0 : columns[0].length;
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.setLength(0);
                for (double[] col : columns) sb.append(String.format(Locale.ROOT, " %14.6e", col[i]));
                sb.append('\n');
                w.write(sb.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + ": cannot write: " + e.getMessage(), e));
        }
    }

    private static String quote(String s) {
        return s.replace("\"", "'");
    }
}
