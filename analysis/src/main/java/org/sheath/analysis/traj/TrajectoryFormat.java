package org.sheath.analysis.traj;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A trajectory file format: a name, its file extensions and a way to open a reader. */
public interface TrajectoryFormat {
    /** Short lower-case name, e.g. {@code "xtc"}. */
    String name();

    /** Lower-case extensions without the dot, e.g. {@code ["xtc"]}. */
    List<String> extensions();

    TrajectoryReader open(Path file) throws IOException;
}
