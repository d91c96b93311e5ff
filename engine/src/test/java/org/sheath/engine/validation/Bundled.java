package org.sheath.engine.validation;

import java.nio.file.Files;
import java.nio.file.Path;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;
import org.sheath.forcefields.TopologyFiles;
import org.sheath.forcefields.coords.StructureFiles;
import org.sheath.forcefields.gromacs.GromacsTopologyReader;
import org.sheath.forcefields.model.FlatTopology;

/** Systems of the repository for the validation runs. */
final class Bundled {
    private Bundled() {
    }

    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("inputs"))) p = p.getParent();
        return p;
    }

    static MdSystem system(String dir) {
        return new MdSystem(FlatTopology.of(TopologyFiles.read(root().resolve(dir).resolve("system.top"),
                GromacsTopologyReader.Options.DEFAULT)));
    }

    static State state(MdSystem sys, String dir) {
        return sys.newState(StructureFiles.read(root().resolve(dir).resolve("conf.gro")), "conf.gro");
    }

    static MdSystem system() {
        return system("inputs/litfsi-zn-dmf");
    }

    static State state(MdSystem sys) {
        return state(sys, "inputs/litfsi-zn-dmf");
    }
}
