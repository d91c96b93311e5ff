package org.sheath.forcefields.gromacs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sheath.forcefields.model.Atom;
import org.sheath.forcefields.model.AtomType;
import org.sheath.forcefields.model.Interaction;
import org.sheath.forcefields.model.LennardJones;
import org.sheath.forcefields.model.MoleculeBlock;
import org.sheath.forcefields.model.MoleculeType;
import org.sheath.forcefields.model.Pair;
import org.sheath.forcefields.model.Topology;

/**
 * Writes a topology as one self-contained GROMACS .top with every parameter explicit: C6/C12 atom
 * types with all cross terms in {@code [ nonbond_params ]}, bonded parameters on each line, and 1-4
 * pairs as function 2 (own fudgeQQ, charges, C6, C12). GROMACS then computes exactly what Sheath
 * computes, including per-molecule 1-4 factors it cannot express otherwise — the oracle's input.
 */
public final class GromacsTopologyWriter {
    private GromacsTopologyWriter() {
    }

    public static void write(Path file, Topology top) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(w, top);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String g(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.17g", v);
    }

    public static void write(Appendable w, Topology top) throws IOException {
        w.append("; Written by Sheath from ").append(String.valueOf(top.sourceFile())).append('\n');
        w.append("; Every parameter is explicit: C6/C12 types (comb-rule 1), all cross terms listed,\n");
        w.append("; 1-4 pairs as function 2 with each molecule's own fudgeQQ.\n\n");
        w.append("[ defaults ]\n; nbfunc comb-rule gen-pairs fudgeLJ fudgeQQ\n  1 1 no 1.0 1.0\n\n");

        Set<String> used = new LinkedHashSet<>();
        for (MoleculeBlock b : top.molecules()) {
            for (Atom a : top.moleculeTypes().get(b.name()).atoms()) used.add(a.type());
        }
        for (MoleculeType m : top.moleculeTypes().values()) for (Atom a : m.atoms()) used.add(a.type());
        List<String> types = new ArrayList<>(used);

        w.append("[ atomtypes ]\n; name at.num mass charge ptype c6 c12\n");
        for (String t : types) {
            AtomType at = top.atomTypes().get(t);
            LennardJones lj = top.lj(t, t);
            w.append(String.format(Locale.ROOT, "  %-12s %3d %12s %4s %s %s %s%n", t, Math.max(at.atomicNumber(), 0),
                    g(at.mass()), "0.0", at.ptype(), g(lj.c6()), g(lj.c12())));
        }
        w.append("\n[ nonbond_params ]\n; i j func c6 c12\n");
        for (int i = 0; i < types.size(); i++) {
            for (int j = i + 1; j < types.size(); j++) {
                LennardJones lj = top.lj(types.get(i), types.get(j));
                w.append(String.format(Locale.ROOT, "  %-12s %-12s 1 %s %s%n", types.get(i), types.get(j), g(lj.c6()), g(lj.c12())));
            }
        }
        w.append('\n');
        for (MoleculeType m : top.moleculeTypes().values()) writeMolecule(w, m);
        w.append("[ system ]\n  ").append(top.systemName().isEmpty() ? "Sheath" : top.systemName()).append("\n\n");
        w.append("[ molecules ]\n");
        for (MoleculeBlock b : top.molecules()) w.append("  ").append(b.name()).append(' ').append(String.valueOf(b.count())).append('\n');
    }

    private static void writeMolecule(Appendable w, MoleculeType m) throws IOException {
        w.append("[ moleculetype ]\n  ").append(m.name()).append(' ').append(String.valueOf(m.nrexcl())).append("\n\n");
        w.append("[ atoms ]\n");
        int i = 1;
        for (Atom a : m.atoms()) {
            w.append(String.format(Locale.ROOT, "  %5d %-12s %5d %-6s %-6s %5d %s %s%n", i++, a.type(), a.residueNumber(),
                    a.residueName(), a.name(), a.chargeGroup(), g(a.charge()), g(a.mass())));
        }
        section(w, m, "bonds");
        section(w, m, "angles");
        section(w, m, "dihedrals");
        section(w, m, "constraints");
        section(w, m, "settles");
        if (!m.pairs().isEmpty()) {
            w.append("\n[ pairs ]\n; i j func fudgeQQ qi qj c6 c12\n");
            for (Pair p : m.pairs()) {
                double qi = p.hasExplicitCharges() ? p.qi() : m.atoms().get(p.i()).charge();
                double qj = p.hasExplicitCharges() ? p.qj() : m.atoms().get(p.j()).charge();
                w.append(String.format(Locale.ROOT, "  %d %d 2 %s %s %s %s %s%n", p.i() + 1, p.j() + 1, g(p.fudgeQQ()),
                        g(qi), g(qj), g(p.lj().c6()), g(p.lj().c12())));
            }
        }
        if (!m.explicitExclusions().isEmpty()) {
            w.append("\n[ exclusions ]\n");
            for (int[] e : m.explicitExclusions()) w.append("  ").append(String.valueOf(e[0] + 1)).append(' ')
                    .append(String.valueOf(e[1] + 1)).append('\n');
        }
        w.append('\n');
    }

    private static void section(Appendable w, MoleculeType m, String directive) throws IOException {
        boolean header = false;
        for (Interaction t : m.interactions()) {
            String d;
            int func;
            switch (t.kind()) {
                case HARMONIC_BOND -> { d = "bonds"; func = 1; }
                case CONNECTION -> { d = "bonds"; func = 5; }
                case HARMONIC_ANGLE -> { d = "angles"; func = 1; }
                case UREY_BRADLEY -> { d = "angles"; func = 5; }
                case PERIODIC_PROPER -> { d = "dihedrals"; func = 9; }
                case RYCKAERT_BELLEMANS -> { d = "dihedrals"; func = 3; }
                case FOURIER -> { d = "dihedrals"; func = 5; }
                case HARMONIC_IMPROPER -> { d = "dihedrals"; func = 2; }
                case PERIODIC_IMPROPER -> { d = "dihedrals"; func = 4; }
                case CONSTRAINT -> { d = "constraints"; func = 1; }
                case CONSTRAINT_NO_CONNECTION -> { d = "constraints"; func = 2; }
                case SETTLE -> { d = "settles"; func = 1; }
                default -> throw new IllegalStateException(t.kind().toString());
            }
            if (!d.equals(directive)) continue;
            if (!header) {
                w.append("\n[ ").append(directive).append(" ]\n");
                header = true;
            }
            StringBuilder sb = new StringBuilder("  ");
            int natoms = t.kind() == org.sheath.forcefields.model.TermKind.SETTLE ? 1 : t.atoms().length;
            for (int k = 0; k < natoms; k++) sb.append(t.atoms()[k] + 1).append(' ');
            sb.append(func);
            for (double p : t.params()) sb.append(' ').append(g(p));
            w.append(sb).append('\n');
        }
    }
}
