package org.sheath.forcefields.coords;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.sheath.forcefields.InputException;
import org.sheath.forcefields.amber.AmberCoordinates;

/** Reads and writes structure files by extension (.gro, .pdb). */
public final class StructureFiles {
    private StructureFiles() {
    }

    public static Structure read(Path file) {
        if (!Files.isRegularFile(file)) throw new InputException(file.toString(), 0, "file not found");
        return switch (extension(file)) {
            case "gro" -> GroFile.read(file);
            case "pdb", "ent" -> PdbFile.read(file);
            case "inpcrd", "rst7", "crd", "restrt" -> fromAmber(AmberCoordinates.read(file));
            default -> throw new InputException(file.toString(), 0, "unknown coordinate format '." + extension(file)
                    + "'; use .gro, .pdb, .inpcrd or .rst7");
        };
    }

    /** AMBER coordinates carry no names: atom and residue names are empty, residue numbers 0. */
    private static Structure fromAmber(AmberCoordinates.Result r) {
        int n = r.x().length;
        String[] empty = new String[n];
        java.util.Arrays.fill(empty, "");
        return new Structure(r.title(), empty, empty.clone(), new int[n], null, r.x(), r.y(), r.z(), r.vx(), r.vy(), r.vz(),
                r.box9());
    }

    public static void write(Path file, Structure s) {
        switch (extension(file)) {
            case "gro" -> GroFile.write(file, s);
            case "pdb" -> PdbFile.write(file, s);
            default -> throw new InputException(file.toString(), 0, "unknown coordinate format '." + extension(file)
                    + "'; use .gro or .pdb");
        }
    }

    /** All lines of a text file (Latin-1, so any byte reads); an unreadable file is an input error. */
    static java.util.List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new InputException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    static String extension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
