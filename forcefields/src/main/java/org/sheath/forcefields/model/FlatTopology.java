package org.sheath.forcefields.model;

import it.unimi.dsi.fastutil.objects.Object2IntLinkedOpenHashMap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A topology expanded to flat per-atom arrays (molecule types × counts), the form the engine's kernels
 * and the analyses read. Atom indices are global and 0-based. Non-bonded Lennard-Jones parameters are
 * a dense type × type table of C6/C12; bonded terms are grouped by {@link TermKind} in flat arrays.
 */
public final class FlatTopology {
    /** Bonded terms of one kind: atoms[k*arity + a], params[k*nparams + p]. */
    public record Terms(TermKind kind, int count, int[] atoms, double[] params) {
    }

    public final int natoms;
    public final String[] atomName;
    public final String[] residueName;
    /** Residue number, counted through the whole system from 1 (each residue of each molecule is new). */
    public final int[] residueNumber;
    /** Index of the molecule (instance) each atom belongs to. */
    public final int[] molecule;
    public final double[] charge;
    public final double[] mass;
    /** Index into {@link #typeNames} of each atom's LJ type. */
    public final int[] type;
    public final String[] typeNames;
    public final int ntypes;
    /** C6 and C12 of the type pair (a, b) at a*ntypes + b. */
    public final double[] c6, c12;

    /** First atom of molecule m at moleculeStart[m]; moleculeStart[nmolecules] = natoms. */
    public final int[] moleculeStart;
    /** Molecule type name of each molecule instance. */
    public final String[] moleculeName;

    public final Map<TermKind, Terms> terms;

    /** 1-4 (and other listed) pairs: LJ C6/C12 and fudgeQQ·qi·qj. */
    public final int npairs;
    public final int[] pairI, pairJ;
    public final double[] pairC6, pairC12, pairQQ;

    /** Exclusions as CSR: for atom i, exclAtoms[exclOffsets[i] .. exclOffsets[i+1]) are the j &gt; i, sorted. */
    public final int[] exclOffsets, exclAtoms;

    private FlatTopology(Builder b) {
        natoms = b.natoms;
        atomName = b.atomName; residueName = b.residueName; residueNumber = b.residueNumber;
        molecule = b.molecule; charge = b.charge; mass = b.mass; type = b.type;
        typeNames = b.typeNames; ntypes = typeNames.length; c6 = b.c6; c12 = b.c12;
        moleculeStart = b.moleculeStart; moleculeName = b.moleculeName;
        terms = b.terms; npairs = b.pairI.length; pairI = b.pairI; pairJ = b.pairJ;
        pairC6 = b.pairC6; pairC12 = b.pairC12; pairQQ = b.pairQQ;
        exclOffsets = b.exclOffsets; exclAtoms = b.exclAtoms;
    }

    public int moleculeCount() {
        return moleculeName.length;
    }

    public Terms terms(TermKind kind) {
        Terms t = terms.get(kind);
        return t != null ? t : new Terms(kind, 0, new int[0], new double[0]);
    }

    public double totalCharge() {
        double q = 0;
        for (double c : charge) q += c;
        return q;
    }

    public double totalMass() {
        double m = 0;
        for (double c : mass) m += c;
        return m;
    }

    public boolean isExcluded(int i, int j) {
        if (i == j) return true;
        int a = Math.min(i, j), b = Math.max(i, j);
        return java.util.Arrays.binarySearch(exclAtoms, exclOffsets[a], exclOffsets[a + 1], b) >= 0;
    }

    public static FlatTopology of(Topology top) {
        return new Builder(top).build();
    }

    private static final class Builder {
        int natoms;
        String[] atomName, residueName, typeNames, moleculeName;
        int[] residueNumber, molecule, type, moleculeStart, pairI, pairJ, exclOffsets, exclAtoms;
        double[] charge, mass, c6, c12, pairC6, pairC12, pairQQ;
        Map<TermKind, Terms> terms = new EnumMap<>(TermKind.class);

        Builder(Topology top) {
            natoms = top.atomCount();
            atomName = new String[natoms];
            residueName = new String[natoms];
            residueNumber = new int[natoms];
            molecule = new int[natoms];
            charge = new double[natoms];
            mass = new double[natoms];
            type = new int[natoms];

            // type name → dense index in first-seen order (fastutil: no boxing of the indices)
            Object2IntLinkedOpenHashMap<String> typeIndex = new Object2IntLinkedOpenHashMap<>();
            typeIndex.defaultReturnValue(-1);
            int nmol = 0;
            for (MoleculeBlock blk : top.molecules()) nmol += blk.count();
            moleculeStart = new int[nmol + 1];
            moleculeName = new String[nmol];

            Map<TermKind, int[]> counts = new EnumMap<>(TermKind.class);
            int npairs = 0, nexcl = 0;
            Map<String, int[][]> exclCache = new LinkedHashMap<>();
            for (MoleculeBlock blk : top.molecules()) {
                MoleculeType mt = top.moleculeTypes().get(blk.name());
                for (Interaction t : mt.interactions()) counts.computeIfAbsent(t.kind(), k -> new int[1])[0] += blk.count();
                npairs += mt.pairs().size() * blk.count();
                int[][] ex = exclCache.computeIfAbsent(mt.name(), k -> mt.exclusions());
                int ne = 0;
                for (int[] e : ex) ne += e.length;
                nexcl += ne * blk.count();
            }
            Map<TermKind, int[]> tAtoms = new EnumMap<>(TermKind.class);
            Map<TermKind, double[]> tParams = new EnumMap<>(TermKind.class);
            Map<TermKind, int[]> fill = new EnumMap<>(TermKind.class);
            for (Map.Entry<TermKind, int[]> e : counts.entrySet()) {
                TermKind k = e.getKey();
                tAtoms.put(k, new int[e.getValue()[0] * k.atomCount()]);
                tParams.put(k, new double[e.getValue()[0] * k.paramCount()]);
                fill.put(k, new int[1]);
            }
            pairI = new int[npairs]; pairJ = new int[npairs];
            pairC6 = new double[npairs]; pairC12 = new double[npairs]; pairQQ = new double[npairs];
            exclOffsets = new int[natoms + 1];
            exclAtoms = new int[nexcl];

            int atom = 0, mol = 0, res = 0, pair = 0, ex = 0;
            for (MoleculeBlock blk : top.molecules()) {
                MoleculeType mt = top.moleculeTypes().get(blk.name());
                List<Atom> atoms = mt.atoms();
                int[][] excl = exclCache.get(mt.name());
                int[] typeOfAtom = new int[atoms.size()];
                for (int a = 0; a < atoms.size(); a++) {
                    String tn = atoms.get(a).type();
                    int ti = typeIndex.getInt(tn);
                    if (ti < 0) {
                        ti = typeIndex.size();
                        typeIndex.put(tn, ti);
                    }
                    typeOfAtom[a] = ti;
                }
                for (int c = 0; c < blk.count(); c++) {
                    int first = atom;
                    moleculeStart[mol] = first;
                    moleculeName[mol] = mt.name();
                    int lastRes = Integer.MIN_VALUE;
                    for (int a = 0; a < atoms.size(); a++) {
                        Atom at = atoms.get(a);
                        if (at.residueNumber() != lastRes) {
                            res++;
                            lastRes = at.residueNumber();
                        }
                        atomName[atom] = at.name();
                        residueName[atom] = at.residueName();
                        residueNumber[atom] = res;
                        molecule[atom] = mol;
                        charge[atom] = at.charge();
                        mass[atom] = at.mass();
                        type[atom] = typeOfAtom[a];
                        exclOffsets[atom] = ex;
                        for (int j : excl[a]) exclAtoms[ex++] = first + j;
                        atom++;
                    }
                    for (Interaction t : mt.interactions()) {
                        TermKind k = t.kind();
                        int n = fill.get(k)[0]++;
                        int[] ta = tAtoms.get(k);
                        for (int q = 0; q < k.atomCount(); q++) ta[n * k.atomCount() + q] = first + t.atoms()[q];
                        System.arraycopy(t.params(), 0, tParams.get(k), n * k.paramCount(), k.paramCount());
                    }
                    for (Pair p : mt.pairs()) {
                        pairI[pair] = first + p.i();
                        pairJ[pair] = first + p.j();
                        pairC6[pair] = p.lj().c6();
                        pairC12[pair] = p.lj().c12();
                        pairQQ[pair] = p.chargeProduct(atoms);
                        pair++;
                    }
                    mol++;
                }
            }
            moleculeStart[nmol] = natoms;
            exclOffsets[natoms] = ex;
            for (TermKind k : counts.keySet()) {
                terms.put(k, new Terms(k, counts.get(k)[0], tAtoms.get(k), tParams.get(k)));
            }

            typeNames = typeIndex.keySet().toArray(new String[0]);
            int nt = typeNames.length;
            c6 = new double[nt * nt];
            c12 = new double[nt * nt];
            for (int a = 0; a < nt; a++) {
                for (int b = 0; b < nt; b++) {
                    LennardJones lj = top.lj(typeNames[a], typeNames[b]);
                    c6[a * nt + b] = lj.c6();
                    c12[a * nt + b] = lj.c12();
                }
            }
        }

        FlatTopology build() {
            return new FlatTopology(this);
        }
    }

    /** Names of the terms present, for reports. */
    public List<TermKind> kindsPresent() {
        return new ArrayList<>(terms.keySet());
    }
}
