package org.sheath.forcefields.coords;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.sheath.forcefields.InputException;

/** Reads and writes structure files by extension (.gro, .pdb). */
public final class StructureFiles {
    private StructureFiles() {
    }

    public static Structure read(Path file) {
        if (!Files.isRegularFile(file)) throw new InputException(file.toString(), 0, "file not found");
        return switch (extension(file)) {
            case "gro" -> GroFile.read(file);
            case "pdb", "ent" -> PdbFile.read(file);
            default -> throw new InputException(file.toString(), 0, "unknown coordinate format '." + extension(file)
                    + "'; use .gro or .pdb");
        };
    }

    public static void write(Path file, Structure s) {
        switch (extension(file)) {
            case "gro" -> GroFile.write(file, s);
            case "pdb" -> PdbFile.write(file, s);
            default -> throw new InputException(file.toString(), 0, "unknown coordinate format '." + extension(file)
                    + "'; use .gro or .pdb");
        }
    }

    static String extension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
