package org.sheath.forcefields;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.sheath.forcefields.amber.PrmtopReader;
import org.sheath.forcefields.gromacs.GromacsTopologyReader;
import org.sheath.forcefields.model.Topology;

/** Reads a topology by its extension: GROMACS .top/.itp, AMBER .prmtop/.parm7. */
public final class TopologyFiles {
    private TopologyFiles() {
    }

    public static Topology read(Path file, GromacsTopologyReader.Options options) {
        if (!Files.isRegularFile(file)) throw new InputException(file.toString(), 0, "file not found");
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".itp")) return GromacsTopologyReader.read(file, options);
        if (n.endsWith(".top")) {
            Topology t = GromacsTopologyReader.read(file, options);
            if (t.atomCount() == 0) {
                throw new InputException(file.toString(), 0, (t.molecules().isEmpty() ? "no [ molecules ] section" : "all [ molecules ] counts are 0")
                        + ": the topology describes no atoms; list the molecule types and their counts under [ molecules ]");
            }
            return t;
        }
        if (n.endsWith(".prmtop") || n.endsWith(".parm7") || n.endsWith(".top7")) return PrmtopReader.read(file);
        throw new InputException(file.toString(), 0, "unknown topology format; use a GROMACS .top or an AMBER .prmtop");
    }
}
