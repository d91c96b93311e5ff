package org.sheath.bench;

import java.nio.file.Path;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;
import org.sheath.forcefields.TopologyFiles;
import org.sheath.forcefields.coords.StructureFiles;
import org.sheath.forcefields.gromacs.GromacsTopologyReader;
import org.sheath.forcefields.model.FlatTopology;

/**
 * The box a benchmark runs on: -Dsheath.box=DIR (a folder with system.top and conf.gro; default the bundled
 * example inputs/litfsi-zn-dmf, 3444 atoms, relative to the repository root where the jar is started).
 */
final class ExampleBox {
    final FlatTopology top;
    final MdSystem system;
    final State state;

    ExampleBox() {
        Path dir = Path.of(System.getProperty("sheath.box", "inputs/litfsi-zn-dmf"));
        top = FlatTopology.of(TopologyFiles.read(dir.resolve(System.getProperty("sheath.top", "system.top")),
                GromacsTopologyReader.Options.DEFAULT));
        system = new MdSystem(top);
        state = system.newState(StructureFiles.read(dir.resolve(System.getProperty("sheath.gro", "conf.gro"))), "benchmark");
    }
}
