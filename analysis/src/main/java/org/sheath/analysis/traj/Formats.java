package org.sheath.analysis.traj;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The built-in {@link TrajectoryFormat}s. */
final class Formats {
    private Formats() {
    }

    interface Opener {
        TrajectoryReader open(Path file) throws IOException;
    }

    record Simple(String name, List<String> extensions, Opener opener) implements TrajectoryFormat {
        @Override
        public TrajectoryReader open(Path file) throws IOException {
            return opener.open(file);
        }
    }

    static final List<TrajectoryFormat> BUILT_IN = List.of(
            new Simple("xtc", List.of("xtc"), XtcReader::new),
            new Simple("trr", List.of("trr", "trj"), TrrReader::new),
            new Simple("dcd", List.of("dcd"), DcdReader::new),
            new Simple("lammpsdump", List.of("lammpstrj", "lammpsdump", "dump"), LammpsDumpReader::new),
            new Simple("gro", List.of("gro"), GroReader::new),
            new Simple("pdb", List.of("pdb", "ent"), PdbReader::new),
            new Simple("xyz", List.of("xyz"), XyzReader::new),
            new Simple("h5md", List.of("h5md", "h5"), H5mdReader::new));
}
