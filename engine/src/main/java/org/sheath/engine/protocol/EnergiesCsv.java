package org.sheath.engine.protocol;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sheath.engine.force.EnergyTerm;

/**
 * The run directory's {@code energies.csv}: one header row, then one row per energy output of every
 * stage with the same columns — {@code stage}, {@code step}, {@code time} (ps), each energy term under its
 * GROMACS name, {@code Potential}, {@code Kinetic En.}, {@code Total Energy}, {@code Conserved En.},
 * {@code Temperature}, {@code Pressure}, {@code Volume}, {@code Density} (kg/m³). A value that a stage does
 * not have (the kinetic columns and the pressure of a minimisation) is left empty. Numbers have 10
 * significant digits. {@link #sync()} makes the rows durable and returns the byte length that a
 * checkpoint records; {@link #open} with that length cuts the file back to it after a restart.
 */
public final class EnergiesCsv implements AutoCloseable {
    /** The columns after the energy terms. */
    public static final List<String> TAIL = List.of("Potential", "Kinetic En.", "Total Energy", "Conserved En.",
            "Temperature", "Pressure", "Volume", "Density");

    private final Path file;
    private final List<EnergyTerm> terms;
    private final FileOutputStream out;
    private final StringBuilder row = new StringBuilder(512);
    private long bytes;
    private long rows;

    private EnergiesCsv(Path file, List<EnergyTerm> terms, FileOutputStream out, long bytes, long rows) {
        this.file = file;
        this.terms = List.copyOf(terms);
        this.out = out;
        this.bytes = bytes;
        this.rows = rows;
    }

    /** The header row (without the newline). */
    public static String header(List<EnergyTerm> terms) {
        List<String> cols = new ArrayList<>(List.of("stage", "step", "time"));
        for (EnergyTerm t : terms) cols.add(t.gromacsName());
        cols.addAll(TAIL);
        return String.join(",", cols);
    }

    /** A new file with the header (an existing one is replaced). */
    public static EnergiesCsv create(Path file, List<EnergyTerm> terms) throws IOException {
        byte[] h = (header(terms) + "\n").getBytes(StandardCharsets.US_ASCII);
        Files.write(file, h);
        return new EnergiesCsv(file, terms, new FileOutputStream(file.toFile(), true), h.length, 0);
    }

    /**
     * Continues a file after a restart: cuts it to {@code keepBytes} (what the checkpoint recorded; the
     * rows written after it are dropped) and appends after that.
     *
     * @throws IOException if the file is shorter than that or its header is not this run's
     */
    public static EnergiesCsv open(Path file, List<EnergyTerm> terms, long keepBytes, long keepRows) throws IOException {
        if (!Files.exists(file)) throw new IOException(file + ": missing; the checkpoint refers to " + keepRows + " rows in it");
        long size = Files.size(file);
        if (size < keepBytes) {
            throw new IOException(file + ": " + size + " bytes, shorter than the " + keepBytes + " the checkpoint recorded");
        }
        try (var r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String first = r.readLine();
            if (!header(terms).equals(first)) {
                throw new IOException(file + ": its header is not this run's (another deck or force settings?)");
            }
        }
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.truncate(keepBytes);
            c.force(true);
        }
        return new EnergiesCsv(file, terms, new FileOutputStream(file.toFile(), true), keepBytes, keepRows);
    }

    public Path file() {
        return file;
    }

    public List<EnergyTerm> terms() {
        return terms;
    }

    /** Rows written (after the header). */
    public long rows() {
        return rows;
    }

    /** Bytes in the file, header included. */
    public long bytes() {
        return bytes;
    }

    /**
     * Appends a row. {@code energies[k]} belongs to {@code terms().get(k)}; {@code tail} holds the
     * {@link #TAIL} columns in order; NaN is written as an empty field.
     */
    public void row(String stage, long step, double time, double[] energies, double[] tail) {
        row.setLength(0);
        row.append(stage).append(',').append(step).append(',');
        num(time);
        for (double e : energies) {
            row.append(',');
            num(e);
        }
        for (double v : tail) {
            row.append(',');
            num(v);
        }
        row.append('\n');
        byte[] b = row.toString().getBytes(StandardCharsets.US_ASCII);
        try {
            out.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write", e);
        }
        bytes += b.length;
        rows++;
    }

    private void num(double v) {
        if (Double.isNaN(v)) return;
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            row.append((long) v);
            return;
        }
        row.append(String.format(Locale.ROOT, "%.10g", v).replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e"));
    }

    /** Makes every row durable (fsync); returns the byte length for the checkpoint. */
    public long sync() {
        try {
            out.flush();
            out.getFD().sync();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot sync", e);
        }
        return bytes;
    }

    @Override
    public void close() {
        try {
            sync();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot close", e);
        }
    }

    /** The rows of one stage read back: the named columns as arrays (NaN where empty), for the summary. */
    public static double[][] read(Path file, String stage, List<String> columns) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        if (lines.isEmpty()) return new double[columns.size()][0];
        List<String> head = List.of(lines.get(0).split(",", -1));
        int[] idx = new int[columns.size()];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = head.indexOf(columns.get(k));
            if (idx[k] < 0) throw new IOException(file + ": no column '" + columns.get(k) + "'");
        }
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (!f[0].equals(stage) || f.length != head.size()) continue;
            double[] r = new double[idx.length];
            for (int k = 0; k < idx.length; k++) r[k] = f[idx[k]].isEmpty() ? Double.NaN : Double.parseDouble(f[idx[k]]);
            rows.add(r);
        }
        double[][] out = new double[idx.length][rows.size()];
        for (int i = 0; i < rows.size(); i++) for (int k = 0; k < idx.length; k++) out[k][i] = rows.get(i)[k];
        return out;
    }
}
