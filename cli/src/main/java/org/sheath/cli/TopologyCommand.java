package org.sheath.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sheath.forcefields.InputException;
import org.sheath.forcefields.TopologyFiles;
import org.sheath.forcefields.coords.Structure;
import org.sheath.forcefields.coords.AtomNameCheck;
import org.sheath.forcefields.coords.StructureFiles;
import org.sheath.forcefields.gromacs.GromacsTopologyReader;
import org.sheath.forcefields.gromacs.GromacsTopologyWriter;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.TermKind;
import org.sheath.forcefields.model.Topology;
import org.sheath.forcefields.model.TopologyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sheath topology}: what a topology contains and whether it is complete and consistent. */
@Command(name = "topology", mixinStandardHelpOptions = true,
        description = "Summarise a topology: molecules and counts, atoms, charges, parameter coverage; "
                + "check it against coordinates.")
final class TopologyCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-p", "--topology"}, required = true, paramLabel = "FILE",
            description = "GROMACS .top (with its .itp includes) or AMBER .prmtop")
    Path topology;

    @Option(names = {"-c", "--coordinates"}, paramLabel = "FILE", description = "coordinates to check (.gro, .pdb, .inpcrd, .rst7)")
    Path coordinates;

    @Mixin Preprocessing preprocessing;

    @Option(names = "--neutralize", description = "spread each molecule type's non-integral charge over its atoms")
    boolean neutralize;

    @Option(names = "--export-gromacs", paramLabel = "FILE",
            description = "also write the topology as one GROMACS .top with every parameter explicit (1-4 pairs as "
                    + "function 2), e.g. to compare energies with gmx")
    Path exportGromacs;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Option(names = "--atoms", description = "also list each molecule type's atoms (name, type, residue, charge, mass): "
            + "the names selections use")
    boolean atoms;

    @Option(names = "--debug", description = "print stack traces of errors")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        Topology top = TopologyFiles.read(topology, preprocessing.options());
        if (neutralize) top = top.neutralized(TopologyReport.CHARGE_TOLERANCE);
        TopologyReport report = TopologyReport.of(top);
        if (exportGromacs != null) GromacsTopologyWriter.write(exportGromacs, top);
        Map<String, Object> coords = coordinates == null ? null : checkCoordinates(top, report);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("topology", topology.toString());
            doc.put("report", report);
            if (coords != null) doc.put("coordinates", coords);
            if (atoms) doc.put("atoms", atomTable(top));
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } else {
            printTable(out, report, coords);
            if (atoms) printAtoms(out, top);
        }
        out.flush();
        return 0;
    }

    /** Per molecule type in use: its atoms (for --atoms). */
    private static Map<String, Object> atomTable(Topology top) {
        Map<String, Object> byType = new LinkedHashMap<>();
        for (var block : top.molecules()) {
            if (byType.containsKey(block.name())) continue;
            var list = new java.util.ArrayList<Map<String, Object>>();
            for (var a : top.moleculeTypes().get(block.name()).atoms()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", a.name());
                m.put("type", a.type());
                m.put("residue", a.residueName());
                m.put("charge", a.charge());
                m.put("mass", a.mass());
                list.add(m);
            }
            byType.put(block.name(), list);
        }
        return byType;
    }

    private static void printAtoms(PrintWriter out, Topology top) {
        out.printf(Locale.ROOT, "%n  atoms per molecule type (selections: name, type, resname; case-sensitive):%n");
        java.util.Set<String> done = new java.util.HashSet<>();
        for (var block : top.molecules()) {
            if (!done.add(block.name())) continue;
            out.printf(Locale.ROOT, "    %s%n      %4s %-8s %-12s %-8s %10s %9s%n", block.name(), "#", "name", "type", "resname",
                    "charge", "mass");
            int k = 1;
            for (var a : top.moleculeTypes().get(block.name()).atoms()) {
                out.printf(Locale.ROOT, "      %4d %-8s %-12s %-8s %+10.5f %9.4f%n", k++, a.name(), a.type(), a.residueName(),
                        a.charge(), a.mass());
            }
        }
    }

    private Map<String, Object> checkCoordinates(Topology top, TopologyReport report) {
        Structure s = StructureFiles.read(coordinates);
        if (s.natoms != report.atoms()) {
            throw new InputException(coordinates.toString(), 0, s.natoms + " atoms, but the topology "
                    + topology + " has " + report.atoms() + "; the [ molecules ] counts must match the coordinates");
        }
        FlatTopology flat = FlatTopology.of(top);
        AtomNameCheck names = AtomNameCheck.of(flat.atomName, s); // AMBER coordinate files carry no names: nothing to compare
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("file", coordinates.toString());
        c.put("atoms", s.natoms);
        c.put("nameMismatches", names.count());
        c.put("firstMismatches", names.examples());
        if (s.box != null) {
            double v = s.box[0] * s.box[4] * s.box[8];
            c.put("box", s.box);
            c.put("volumeNm3", v);
            // amu/nm³ → g/cm³: 1.66053906660e-24 g / 1e-21 cm³
            c.put("densityGcm3", report.totalMass() * 1.66053906660e-3 / v);
        }
        return c;
    }

    private void printTable(PrintWriter out, TopologyReport r, Map<String, Object> coords) {
        out.printf(Locale.ROOT, "Topology %s%s%n", topology, r.system().isEmpty() ? "" : "  (" + r.system() + ")");
        out.printf(Locale.ROOT, "%n  %-10s %7s %6s %12s %11s %11s  %s%n", "molecule", "count", "atoms", "charge/mol",
                "mass/mol", "1-4 LJ/QQ", "defined at");
        for (TopologyReport.Molecule m : r.molecules()) {
            out.printf(Locale.ROOT, "  %-10s %7d %6d %+12.6f %11.3f %5.4g/%-6.4g  %s%s%n", m.name(), m.count(), m.atoms(),
                    m.charge(), m.mass(), m.fudgeLJ(), m.fudgeQQ(), m.source(), m.chargeIsIntegral() ? "" : "  (non-integral)");
        }
        out.printf(Locale.ROOT, "%n  total: %d atoms, net charge %+.6f e, mass %.3f amu%n", r.atoms(), r.totalCharge(), r.totalMass());
        out.printf(Locale.ROOT, "%n  terms (every term has parameters):%n");
        for (Map.Entry<TermKind, Long> e : r.termCounts().entrySet()) {
            out.printf(Locale.ROOT, "    %-22s %9d%n", e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '), e.getValue());
        }
        out.printf(Locale.ROOT, "    %-22s %9d%n", "1-4 pairs", r.pairs());
        out.printf(Locale.ROOT, "    %-22s %9d%n", "excluded pairs", r.exclusions());
        if (coords != null) {
            out.printf(Locale.ROOT, "%n  coordinates %s: %d atoms", coords.get("file"), (Integer) coords.get("atoms"));
            if (coords.containsKey("box")) {
                double[] b = (double[]) coords.get("box");
                out.printf(Locale.ROOT, ", box %.4f x %.4f x %.4f nm, density %.4f g/cm3", b[0], b[4], b[8],
                        (Double) coords.get("densityGcm3"));
            }
            out.println();
            int nm = (Integer) coords.get("nameMismatches");
            if (nm > 0) {
                out.printf(Locale.ROOT, "  warning: %d atom names differ between topology and coordinates, e.g.%n", nm);
                @SuppressWarnings("unchecked")
                List<String> first = (List<String>) coords.get("firstMismatches");
                for (String s : first) out.println("    " + s);
            }
        }
        if (!r.warnings().isEmpty()) {
            out.println();
            for (String w : r.warnings()) out.println("  warning: " + w);
        }
    }
}
