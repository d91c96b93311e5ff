package org.sheath.forcefields.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A molecule type: atoms, bonded terms, 1-4 pairs and exclusions. Its own 1-4 scale factors
 * ({@link #fudgeLJ()}, {@link #fudgeQQ()}) let species from different force-field families
 * (AMBER 0.5/0.8333, OPLS 0.5/0.5) share one system, as OpenMM's per-exception scaling does.
 */
public final class MoleculeType {
    private final String name;
    private final int nrexcl;
    private final Source source;
    private final List<Atom> atoms;
    private final List<Interaction> interactions;
    private final List<Pair> pairs;
    private final List<int[]> explicitExclusions;
    private final double fudgeLJ;
    private final double fudgeQQ;

    public MoleculeType(String name, int nrexcl, Source source, List<Atom> atoms, List<Interaction> interactions,
                        List<Pair> pairs, List<int[]> explicitExclusions, double fudgeLJ, double fudgeQQ) {
        this.name = name;
        this.nrexcl = nrexcl;
        this.source = source;
        this.atoms = List.copyOf(atoms);
        this.interactions = List.copyOf(interactions);
        this.pairs = List.copyOf(pairs);
        this.explicitExclusions = List.copyOf(explicitExclusions);
        this.fudgeLJ = fudgeLJ;
        this.fudgeQQ = fudgeQQ;
    }

    public String name() { return name; }
    public int nrexcl() { return nrexcl; }
    public Source source() { return source; }
    public List<Atom> atoms() { return atoms; }
    public int atomCount() { return atoms.size(); }
    public List<Interaction> interactions() { return interactions; }
    public List<Pair> pairs() { return pairs; }
    /** Exclusions listed in {@code [ exclusions ]}, as (i, j) pairs, 0-based. */
    public List<int[]> explicitExclusions() { return explicitExclusions; }
    public double fudgeLJ() { return fudgeLJ; }
    public double fudgeQQ() { return fudgeQQ; }

    public List<Interaction> interactions(TermKind kind) {
        List<Interaction> out = new ArrayList<>();
        for (Interaction t : interactions) if (t.kind() == kind) out.add(t);
        return Collections.unmodifiableList(out);
    }

    public long count(TermKind kind) {
        return interactions.stream().filter(t -> t.kind() == kind).count();
    }

    public double netCharge() {
        double q = 0;
        for (Atom a : atoms) q += a.charge();
        return q;
    }

    public double mass() {
        double m = 0;
        for (Atom a : atoms) m += a.mass();
        return m;
    }

    /** The chemical-bond graph (bonds, connections, constraints of type 1, settles). */
    public BondGraph bondGraph() {
        BondGraph g = new BondGraph(atoms.size());
        for (Interaction t : interactions) {
            if (!t.kind().isChemicalBond()) continue;
            int[] a = t.atoms();
            if (t.kind() == TermKind.SETTLE) {
                g.addBond(a[0], a[1]);
                g.addBond(a[0], a[2]);
            } else {
                g.addBond(a[0], a[1]);
            }
        }
        return g;
    }

    /**
     * All excluded pairs (i < j): atoms up to {@code nrexcl} bonds apart plus the explicit exclusions,
     * as GROMACS generates them. Returned per atom i as a sorted array of j > i.
     */
    public int[][] exclusions() {
        int n = atoms.size();
        java.util.TreeSet<Integer>[] sets = newSets(n);
        BondGraph g = bondGraph();
        for (int i = 0; i < n; i++) {
            for (int j : g.within(i, nrexcl)) if (j > i) sets[i].add(j);
        }
        for (int[] e : explicitExclusions) {
            int i = Math.min(e[0], e[1]), j = Math.max(e[0], e[1]);
            if (i != j) sets[i].add(j);
        }
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) out[i] = sets[i].stream().mapToInt(Integer::intValue).toArray();
        return out;
    }

    @SuppressWarnings("unchecked")
    private static java.util.TreeSet<Integer>[] newSets(int n) {
        java.util.TreeSet<Integer>[] s = new java.util.TreeSet[n];
        for (int i = 0; i < n; i++) s[i] = new java.util.TreeSet<>();
        return s;
    }

    @Override
    public String toString() {
        return "MoleculeType[" + name + ", " + atoms.size() + " atoms]";
    }
}
