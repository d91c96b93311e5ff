package org.sheath.forcefields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: writes small topology files into a temporary directory. */
public final class TopFiles {
    private TopFiles() {
    }

    public static Path write(Path dir, String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal, valid water-like force field and molecule, for building variations. */
    public static final String HEADER = """
            [ defaults ]
            ; nbfunc comb-rule gen-pairs fudgeLJ fudgeQQ
              1 2 yes 0.5 0.8333
            [ atomtypes ]
            ; name bond_type at.num mass charge ptype sigma epsilon
              OW  OW  8 15.999  0.0 A 0.315 0.636
              HW  HW  1  1.008  0.0 A 0.0   0.0
            [ bondtypes ]
              OW HW 1 0.09572 502416.0
            [ angletypes ]
              HW OW HW 1 104.52 628.02
            """;

    public static final String WATER = """
            [ moleculetype ]
              SOL 2
            [ atoms ]
              1 OW 1 SOL OW 1 -0.834 15.999
              2 HW 1 SOL HW1 1 0.417 1.008
              3 HW 1 SOL HW2 1 0.417 1.008
            [ bonds ]
              1 2 1
              1 3 1
            [ angles ]
              2 1 3 1
            """;

    public static final String SYSTEM = """
            [ system ]
              test
            [ molecules ]
              SOL 2
            """;
}
