package org.sheath.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.sheath.forcefields.InputException;

/**
 * Output files checked before any work is done (an analysis of a long trajectory used to fail only at its end):
 * the format must be one the option writes, known from the extension, and the folder must exist and be
 * writable. An existing file is kept as {@code #name.1#} (then .2, …), as GROMACS does, unless --force.
 */
final class OutputFiles {
    private OutputFiles() {}

    /** Checks file (its extension one of {@code formats}) and backs up an existing one. */
    static void prepare(Path file, String option, boolean force, java.io.PrintWriter err, String... formats) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!java.util.Arrays.asList(formats).contains(ext)) {
            throw new InputException(option + " " + file + ": unknown format '" + (ext.isEmpty() ? "(no extension)" : "." + ext)
                    + "'; use ." + String.join(", .", formats));
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InputException(option + " " + file + ": the folder " + dir + " does not exist; create it first");
        }
        if (!Files.isWritable(dir)) throw new InputException(option + " " + file + ": the folder " + dir + " is not writable");
        if (Files.isDirectory(file)) throw new InputException(option + " " + file + ": is a folder; give a file name");
        if (Files.exists(file) && !force) {
            for (int k = 1; ; k++) {
                Path backup = file.resolveSibling("#" + name + "." + k + "#");
                if (Files.exists(backup)) continue;
                try {
                    Files.move(file, backup);
                } catch (IOException e) {
                    throw new InputException(option + " " + file + ": cannot back up the existing file to " + backup + ": "
                            + e.getMessage() + "; use --force to overwrite it");
                }
                err.println("sheath: note: backed up " + file + " to " + backup + " (--force overwrites)");
                err.flush();
                break;
            }
        }
    }
}
