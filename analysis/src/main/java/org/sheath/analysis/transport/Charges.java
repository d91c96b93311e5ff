package org.sheath.analysis.transport;

import java.nio.file.Path;
import java.util.Locale;
import org.sheath.forcefields.TopologyFiles;
import org.sheath.forcefields.gromacs.GromacsTopologyReader;
import org.sheath.forcefields.model.FlatTopology;

/** Net charge of every molecule, from a topology (.top/.itp/.prmtop); null for a structure file. */
public final class Charges {
    private Charges() {
    }

    public static double[] perMolecule(Path topology, GromacsTopologyReader.Options options) {
        String n = topology.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(n.endsWith(".top") || n.endsWith(".itp") || n.endsWith(".prmtop") || n.endsWith(".parm7") || n.endsWith(".top7"))) {
            return null;
        }
        FlatTopology t = FlatTopology.of(TopologyFiles.read(topology, options));
        int nmol = 0;
        for (int i = 0; i < t.natoms; i++) nmol = Math.max(nmol, t.molecule[i] + 1);
        double[] q = new double[nmol];
        for (int i = 0; i < t.natoms; i++) q[t.molecule[i]] += t.charge[i];
        for (int m = 0; m < nmol; m++) q[m] = Math.rint(q[m] * 1e6) / 1e6 + 0.0; // sums of 6-decimal charges; no −0
        return q;
    }
}
