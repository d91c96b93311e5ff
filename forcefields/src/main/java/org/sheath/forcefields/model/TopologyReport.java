package org.sheath.forcefields.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code sheath topology} reports: molecules and counts, atoms, charges per molecule and in
 * total, and how many terms of each kind the topology holds (parameter coverage).
 */
public record TopologyReport(String system, int atoms, double totalCharge, double totalMass, List<Molecule> molecules,
                             Map<TermKind, Long> termCounts, long pairs, long exclusions, List<String> warnings) {

    /** Charges whose distance from an integer exceeds this are reported as non-integral. */
    public static final double CHARGE_TOLERANCE = 1e-6;

    public record Molecule(String name, int count, int atoms, double charge, double mass, Map<TermKind, Long> terms,
                           int pairs, double fudgeLJ, double fudgeQQ, String source) {
        public boolean chargeIsIntegral() {
            return Math.abs(charge - Math.rint(charge)) <= CHARGE_TOLERANCE;
        }
    }

    public static TopologyReport of(Topology top) {
        List<Molecule> mols = new ArrayList<>();
        Map<TermKind, Long> total = new EnumMap<>(TermKind.class);
        List<String> warnings = new ArrayList<>();
        long pairs = 0, excl = 0;
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (MoleculeBlock b : top.molecules()) counts.merge(b.name(), b.count(), Integer::sum);
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            MoleculeType m = top.moleculeTypes().get(e.getKey());
            int n = e.getValue();
            Map<TermKind, Long> terms = new EnumMap<>(TermKind.class);
            for (TermKind k : TermKind.values()) {
                long c = m.count(k);
                if (c > 0) {
                    terms.put(k, c);
                    total.merge(k, c * n, Long::sum);
                }
            }
            pairs += (long) m.pairs().size() * n;
            long ex = 0;
            for (int[] row : m.exclusions()) ex += row.length;
            excl += ex * n;
            Molecule mol = new Molecule(m.name(), n, m.atomCount(), m.netCharge(), m.mass(), terms, m.pairs().size(),
                    m.fudgeLJ(), m.fudgeQQ(), m.source().toString());
            if (!mol.chargeIsIntegral()) {
                warnings.add(String.format(java.util.Locale.ROOT,
                        "molecule type %s has a non-integral net charge %.6f e (%s); use --neutralize to spread the "
                                + "difference to %d over its atoms", m.name(), mol.charge(), m.source(), Math.round(mol.charge())));
            }
            mols.add(mol);
        }
        double q = top.netCharge();
        if (Math.abs(q - Math.rint(q)) > CHARGE_TOLERANCE) {
            warnings.add(String.format(java.util.Locale.ROOT, "system net charge %.6f e is not an integer", q));
        } else if (Math.abs(q) > CHARGE_TOLERANCE) {
            warnings.add(String.format(java.util.Locale.ROOT,
                    "system net charge is %.0f e; PME will add a uniform neutralizing background", q));
        }
        double mass = 0;
        for (Molecule m : mols) mass += m.mass() * m.count();
        return new TopologyReport(top.systemName(), top.atomCount(), q, mass, mols, total, pairs, excl, warnings);
    }
}
