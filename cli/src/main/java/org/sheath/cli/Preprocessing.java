package org.sheath.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sheath.forcefields.gromacs.GromacsTopologyReader;
import picocli.CommandLine.Option;

/** The GROMACS preprocessor options every command that reads a .top shares (a picocli mixin): -I and -D. */
final class Preprocessing {
    @Option(names = "-I", paramLabel = "DIR", description = "extra #include directory for a .top (repeatable)")
    List<Path> includeDirs = new ArrayList<>();

    @Option(names = "-D", paramLabel = "NAME[=VALUE]",
            description = "preprocessor define for a .top, e.g. -DCHARGE_SCALE_0_8 (repeatable)")
    List<String> defines = new ArrayList<>();

    GromacsTopologyReader.Options options() {
        Map<String, String> d = new LinkedHashMap<>();
        for (String def : defines) {
            int eq = def.indexOf('=');
            if (eq < 0) d.put(def, "");
            else d.put(def.substring(0, eq), def.substring(eq + 1));
        }
        return new GromacsTopologyReader.Options(includeDirs, d);
    }
}
