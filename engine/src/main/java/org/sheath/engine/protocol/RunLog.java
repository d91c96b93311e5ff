package org.sheath.engine.protocol;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What a run prints: each line goes to the terminal (or the batch job's output) and to the run
 * directory's {@code log.txt}, which a resumed run appends to. {@link #fileOnly} lines (cost tables,
 * progress lines while a progress bar shows) go to the log only.
 */
public final class RunLog implements AutoCloseable {
    private final PrintWriter console;
    private BufferedWriter file;

    public RunLog(PrintWriter console) {
        this.console = console;
    }

    /** Starts writing to {@code log.txt} (appending). */
    public void openFile(Path log) {
        try {
            file = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(log + ": cannot write the log", e);
        }
    }

    public synchronized void line(String s) {
        console.println(s);
        console.flush();
        fileOnly(s);
    }

    public synchronized void fileOnly(String s) {
        if (file == null) return;
        try {
            file.write(s);
            if (!s.endsWith("\n")) file.newLine();
            file.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write log.txt", e);
        }
    }

    public PrintWriter console() {
        return console;
    }

    @Override
    public synchronized void close() {
        console.flush();
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // the log is best effort at the very end
            }
            file = null;
        }
    }
}
