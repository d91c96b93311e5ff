package org.sheath.engine.force.nonbonded;

import java.nio.file.Path;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;
import org.sheath.forcefields.TopologyFiles;
import org.sheath.forcefields.coords.Structure;
import org.sheath.forcefields.coords.StructureFiles;
import org.sheath.forcefields.gromacs.GromacsTopologyReader;
import org.sheath.forcefields.model.FlatTopology;

/** The bundled example box (20 LiTFSI + 4 Zn(TFSI)2 in 250 DMF, 3444 atoms, 3.7 nm), read once. */
final class Example {
    static final Path DIR = Path.of("../inputs/litfsi-zn-dmf");
    private static FlatTopology top;
    private static Structure conf;

    private Example() {}

    static synchronized FlatTopology topology() {
        if (top == null) top = FlatTopology.of(TopologyFiles.read(DIR.resolve("system.top"), GromacsTopologyReader.Options.DEFAULT));
        return top;
    }

    static synchronized Structure structure() {
        if (conf == null) conf = StructureFiles.read(DIR.resolve("conf.gro"));
        return conf;
    }

    static MdSystem system() {
        return new MdSystem(topology());
    }

    /** A fresh state of the example (cubic box). */
    static State state() {
        return system().newState(structure(), "conf.gro");
    }

    /** The example's positions in a triclinic box (a different periodic system, for kernel tests). */
    static State triclinicState() {
        State s = state();
        s.box = new Box(3.7, 0.8, 3.7, 0.6, -0.5, 3.7);
        return s;
    }
}
