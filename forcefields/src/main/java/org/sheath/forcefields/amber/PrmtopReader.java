package org.sheath.forcefields.amber;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sheath.forcefields.InputException;
import org.sheath.forcefields.model.Atom;
import org.sheath.forcefields.model.AtomType;
import org.sheath.forcefields.model.CombiningRule;
import org.sheath.forcefields.model.Defaults;
import org.sheath.forcefields.model.Interaction;
import org.sheath.forcefields.model.LennardJones;
import org.sheath.forcefields.model.MoleculeBlock;
import org.sheath.forcefields.model.MoleculeType;
import org.sheath.forcefields.model.Pair;
import org.sheath.forcefields.model.Source;
import org.sheath.forcefields.model.TermKind;
import org.sheath.forcefields.model.Topology;

/**
 * Reads an AMBER prmtop (the {@code %FLAG} format written by tleap, ParmEd and chamber) into a
 * {@link Topology}, converting to GROMACS units (nm, degrees, kJ/mol, ½k harmonic convention).
 *
 * <p><b>Lennard-Jones.</b> A prmtop stores one A/B coefficient per pair of LJ type indices, whatever
 * rule produced it. Sheath represents it with combining rule 1 (geometric C6/C12): every atom type
 * carries its own diagonal C6/C12 from the table, and every type pair whose geometric combination is not
 * bit-for-bit the table's value gets a {@code nonbondOverrides} entry holding the table's value. Thus
 * {@link Topology#lj} reproduces every ACOEF/BCOEF entry exactly (C12 = A·4.184·10⁻¹², C6 = B·4.184·10⁻⁶).
 * For Lorentz–Berthelot tables from tleap this means an override for nearly every unlike pair
 * (ntypes·(ntypes−1)/2 entries). Sheath atom types are the distinct (AMBER_ATOM_TYPE, LJ index)
 * combinations, named after the AMBER type (suffixed {@code _<index>} when one name has several LJ indices).
 *
 * <p><b>1-4 pairs</b> come from the dihedrals whose third atom index is not negative, each atom pair
 * once (first dihedral wins), with Coulomb scaled by 1/SCEE and LJ = table/SCNB (the
 * LENNARD_JONES_14_ACOEF/BCOEF tables instead of the normal ones when present, as in chamber files).
 * <b>Exclusions</b>: molecule types use nrexcl = 3; pairs the prmtop excludes beyond that become explicit
 * exclusions. <b>Molecules</b> are the contiguous stretches of atoms connected by bonds, angles,
 * dihedrals or exclusions; identical molecules (same atoms, terms, pairs) share one molecule type named
 * after the residue of the first atom.
 */
public final class PrmtopReader {
    /** AMBER's internal charge unit: q[e] = q[prmtop] / 18.2223. */
    public static final double CHARGE_UNIT = 18.2223;
    public static final double KCAL = 4.184;
    /** 1-4 scale factors AMBER assumes when SCEE/SCNB_SCALE_FACTOR are absent. */
    public static final double DEFAULT_SCEE = 1.2, DEFAULT_SCNB = 2.0;

    /** Everything read: the topology, the box of BOX_DIMENSIONS (row-major GROMACS vectors, nm) or null, the title. */
    public record Result(Topology topology, double[] box, String title) {
    }

    // POINTERS indices
    private static final int NATOM = 0, NTYPES = 1, NBONH = 2, NTHETH = 4, NPHIH = 6, NNB = 10, NRES = 11,
            NBONA = 12, NTHETA = 13, NPHIA = 14, NUMBND = 15, NUMANG = 16, NPTRA = 17, NPHB = 19, IFPERT = 20,
            IFBOX = 27, IFCAP = 29, NUMEXTRA = 30;

    private final PrmtopFile pf;
    private final String file;

    private PrmtopReader(PrmtopFile pf) {
        this.pf = pf;
        this.file = pf.file();
    }

    public static Topology read(Path prmtop) {
        return load(prmtop).topology();
    }

    public static Result load(Path prmtop) {
        return new PrmtopReader(PrmtopFile.read(prmtop)).build();
    }

    private InputException err(String message) {
        return new InputException(file, 0, message);
    }

    private record Term(TermKind kind, int[] atoms, double[] params, int pairFrom) {
    }

    private Result build() {
        if (!pf.has("POINTERS")) {
            throw err("missing %FLAG POINTERS; this is not an AMBER prmtop (or it is damaged)");
        }
        int[] p = pf.ints("POINTERS", -1, "POINTERS");
        if (p.length < 30) {
            throw pf.error("POINTERS", "%FLAG POINTERS has " + p.length + " values, at least 30 expected; the file is truncated");
        }
        int natom = p[NATOM], ntypes = p[NTYPES];
        if (natom <= 0) throw pf.error("POINTERS", "NATOM is " + natom + "; the prmtop holds no atoms");
        if (ntypes <= 0) throw pf.error("POINTERS", "NTYPES is " + ntypes + "; no Lennard-Jones types");
        checkUnsupported(p);

        String[] names = pf.strings("ATOM_NAME", natom, "NATOM");
        double[] charge = pf.doubles("CHARGE", natom, "NATOM");
        for (int i = 0; i < natom; i++) charge[i] /= CHARGE_UNIT;
        double[] mass = pf.doubles("MASS", natom, "NATOM");
        int[] atomic = pf.intsOrNull("ATOMIC_NUMBER", natom, "NATOM");
        int[] ljIndex = pf.ints("ATOM_TYPE_INDEX", natom, "NATOM");
        for (int i = 0; i < natom; i++) {
            if (ljIndex[i] < 1 || ljIndex[i] > ntypes) {
                throw pf.error("ATOM_TYPE_INDEX", "atom " + (i + 1) + " has LJ type " + ljIndex[i] + ", outside 1.." + ntypes);
            }
            ljIndex[i]--;
        }
        String[] amberType = pf.strings("AMBER_ATOM_TYPE", natom, "NATOM");
        int nres = p[NRES];
        String[] resLabel = pf.strings("RESIDUE_LABEL", nres, "NRES");
        int[] resPtr = pf.ints("RESIDUE_POINTER", nres, "NRES");
        int[] residueOf = new int[natom];
        for (int r = 0; r < nres; r++) {
            int start = resPtr[r] - 1, end = r + 1 < nres ? resPtr[r + 1] - 1 : natom;
            if ((r == 0 && start != 0) || start >= end || end > natom) {
                throw pf.error("RESIDUE_POINTER", "residue " + (r + 1) + " starts at atom " + resPtr[r]
                        + "; pointers must start at 1 and increase up to NATOM");
            }
            for (int i = start; i < end; i++) residueOf[i] = r;
        }

        // Lennard-Jones table
        int npairTypes = ntypes * (ntypes + 1) / 2;
        int[] nbIndex = pf.ints("NONBONDED_PARM_INDEX", ntypes * ntypes, "NTYPES²");
        double[] acoef = pf.doubles("LENNARD_JONES_ACOEF", npairTypes, "NTYPES·(NTYPES+1)/2");
        double[] bcoef = pf.doubles("LENNARD_JONES_BCOEF", npairTypes, "NTYPES·(NTYPES+1)/2");
        double[] acoef14 = pf.doublesOrNull("LENNARD_JONES_14_ACOEF", npairTypes, "NTYPES·(NTYPES+1)/2");
        double[] bcoef14 = pf.doublesOrNull("LENNARD_JONES_14_BCOEF", npairTypes, "NTYPES·(NTYPES+1)/2");
        if ((acoef14 == null) != (bcoef14 == null)) {
            throw err("LENNARD_JONES_14_ACOEF and LENNARD_JONES_14_BCOEF must both be present or both absent");
        }
        LennardJones[][] lj = ljTable(nbIndex, ntypes, acoef, bcoef, "NONBONDED_PARM_INDEX");
        LennardJones[][] lj14 = acoef14 == null ? lj : ljTable(nbIndex, ntypes, acoef14, bcoef14, "NONBONDED_PARM_INDEX");

        // bonded parameters
        double[] bondK = pf.doubles("BOND_FORCE_CONSTANT", p[NUMBND], "NUMBND");
        double[] bondR = pf.doubles("BOND_EQUIL_VALUE", p[NUMBND], "NUMBND");
        double[] angK = pf.doubles("ANGLE_FORCE_CONSTANT", p[NUMANG], "NUMANG");
        double[] angT = pf.doubles("ANGLE_EQUIL_VALUE", p[NUMANG], "NUMANG");
        double[] dihK = pf.doubles("DIHEDRAL_FORCE_CONSTANT", p[NPTRA], "NPTRA");
        double[] dihN = pf.doubles("DIHEDRAL_PERIODICITY", p[NPTRA], "NPTRA");
        double[] dihP = pf.doubles("DIHEDRAL_PHASE", p[NPTRA], "NPTRA");
        double[] scee = pf.doublesOrNull("SCEE_SCALE_FACTOR", p[NPTRA], "NPTRA");
        double[] scnb = pf.doublesOrNull("SCNB_SCALE_FACTOR", p[NPTRA], "NPTRA");

        List<Term> terms = new ArrayList<>();
        readBonds("BONDS_INC_HYDROGEN", p[NBONH], natom, bondK, bondR, terms);
        readBonds("BONDS_WITHOUT_HYDROGEN", p[NBONA], natom, bondK, bondR, terms);
        readAngles("ANGLES_INC_HYDROGEN", p[NTHETH], natom, angK, angT, terms);
        readAngles("ANGLES_WITHOUT_HYDROGEN", p[NTHETA], natom, angK, angT, terms);
        readDihedrals("DIHEDRALS_INC_HYDROGEN", p[NPHIH], natom, dihK, dihN, dihP, terms);
        readDihedrals("DIHEDRALS_WITHOUT_HYDROGEN", p[NPHIA], natom, dihK, dihN, dihP, terms);

        // exclusions as the prmtop lists them (j > i, 0-based)
        int[] nexcl = pf.ints("NUMBER_EXCLUDED_ATOMS", natom, "NATOM");
        int[] exclList = pf.ints("EXCLUDED_ATOMS_LIST", p[NNB], "NNB");
        List<int[]> excluded = new ArrayList<>();
        int pos = 0;
        for (int i = 0; i < natom; i++) {
            if (nexcl[i] < 0 || pos + nexcl[i] > exclList.length) {
                throw pf.error("NUMBER_EXCLUDED_ATOMS", "exclusion counts add up to more than NNB = " + exclList.length);
            }
            for (int k = 0; k < nexcl[i]; k++) {
                int j = exclList[pos + k];
                if (j == 0) continue; // "no exclusions" placeholder
                if (j < 1 || j > natom) {
                    throw pf.error("EXCLUDED_ATOMS_LIST", "atom " + (i + 1) + " excludes atom " + j + ", outside 1.." + natom);
                }
                if (j - 1 != i) excluded.add(new int[] {Math.min(i, j - 1), Math.max(i, j - 1)});
            }
            pos += nexcl[i];
        }
        if (pos != exclList.length) {
            throw pf.error("NUMBER_EXCLUDED_ATOMS", "exclusion counts add up to " + pos + " but NNB = " + exclList.length);
        }

        checkSolventPointers(natom);

        // atom types: distinct (AMBER type name, LJ index)
        Map<String, Integer> nameUse = new HashMap<>();
        Map<String, Set<Integer>> indicesOfName = new HashMap<>();
        for (int i = 0; i < natom; i++) indicesOfName.computeIfAbsent(amberType[i], k -> new HashSet<>()).add(ljIndex[i]);
        Map<String, String> typeKeyToName = new LinkedHashMap<>();
        Map<String, AtomType> atomTypes = new LinkedHashMap<>();
        Map<String, Integer> typeLj = new LinkedHashMap<>();
        String[] typeOfAtom = new String[natom];
        Set<String> usedNames = new HashSet<>();
        for (int i = 0; i < natom; i++) {
            String key = amberType[i] + "\u0000" + ljIndex[i];
            String name = typeKeyToName.get(key);
            if (name == null) {
                String base = amberType[i].isEmpty() ? "T" + (ljIndex[i] + 1) : amberType[i];
                name = indicesOfName.get(amberType[i]).size() > 1 ? base + "_" + (ljIndex[i] + 1) : base;
                while (usedNames.contains(name)) name = name + "_" + nameUse.merge(name, 1, Integer::sum);
                usedNames.add(name);
                typeKeyToName.put(key, name);
                LennardJones d = lj[ljIndex[i]][ljIndex[i]];
                int z = atomic == null ? -1 : atomic[i];
                atomTypes.put(name, new AtomType(name, amberType[i], z, mass[i], 0.0, "A", d.c6(), d.c12(),
                        new Source(file, 0)));
                typeLj.put(name, ljIndex[i]);
            } else if (atomic != null && atomTypes.get(name).atomicNumber() != atomic[i] && atomTypes.get(name).atomicNumber() != -1) {
                AtomType t = atomTypes.get(name);
                atomTypes.put(name, new AtomType(t.name(), t.bondType(), -1, t.mass(), t.charge(), t.ptype(), t.v(), t.w(), t.source()));
            }
            typeOfAtom[i] = name;
        }
        Map<String, LennardJones> overrides = new LinkedHashMap<>();
        List<String> typeNames = new ArrayList<>(atomTypes.keySet());
        for (int a = 0; a < typeNames.size(); a++) {
            for (int b = a; b < typeNames.size(); b++) {
                AtomType ta = atomTypes.get(typeNames.get(a)), tb = atomTypes.get(typeNames.get(b));
                LennardJones want = lj[typeLj.get(ta.name())][typeLj.get(tb.name())];
                LennardJones comb = CombiningRule.GEOMETRIC_C6_C12.combine(ta.v(), ta.w(), tb.v(), tb.w());
                if (Double.compare(comb.c6(), want.c6()) != 0 || Double.compare(comb.c12(), want.c12()) != 0) {
                    overrides.put(Topology.pairKey(ta.name(), tb.name()), want);
                }
            }
        }

        // 1-4 scale factors per dihedral type
        double[] sceeOf = new double[p[NPTRA]], scnbOf = new double[p[NPTRA]];
        for (int t = 0; t < p[NPTRA]; t++) {
            sceeOf[t] = scee == null ? DEFAULT_SCEE : scee[t];
            scnbOf[t] = scnb == null ? DEFAULT_SCNB : scnb[t];
        }

        // molecules: contiguous unions of connected components
        int[] parent = new int[natom];
        for (int i = 0; i < natom; i++) parent[i] = i;
        for (Term t : terms) for (int a = 1; a < t.atoms.length; a++) union(parent, t.atoms[0], t.atoms[a]);
        for (int[] e : excluded) union(parent, e[0], e[1]);
        int[] maxOfRoot = new int[natom];
        Arrays.fill(maxOfRoot, -1);
        for (int i = 0; i < natom; i++) maxOfRoot[find(parent, i)] = i;
        List<int[]> segments = new ArrayList<>();
        for (int start = 0; start < natom; ) {
            int end = maxOfRoot[find(parent, start)];
            for (int i = start; i <= end; i++) end = Math.max(end, maxOfRoot[find(parent, i)]);
            segments.add(new int[] {start, end + 1});
            start = end + 1;
        }
        int[] segOf = new int[natom];
        for (int s = 0; s < segments.size(); s++) {
            for (int i = segments.get(s)[0]; i < segments.get(s)[1]; i++) segOf[i] = s;
        }
        List<List<Term>> segTerms = new ArrayList<>();
        List<List<int[]>> segExcl = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            segTerms.add(new ArrayList<>());
            segExcl.add(new ArrayList<>());
        }
        for (Term t : terms) segTerms.get(segOf[t.atoms[0]]).add(t);
        for (int[] e : excluded) segExcl.get(segOf[e[0]]).add(e);

        double globalScee = Double.NaN, globalScnb = Double.NaN;
        for (Term t : terms) {
            if (t.pairFrom >= 0) {
                globalScee = sceeOf[t.pairFrom];
                globalScnb = scnbOf[t.pairFrom];
                break;
            }
        }
        if (Double.isNaN(globalScee)) {
            globalScee = p[NPTRA] > 0 ? sceeOf[0] : DEFAULT_SCEE;
            globalScnb = p[NPTRA] > 0 ? scnbOf[0] : DEFAULT_SCNB;
        }
        if (!(globalScee > 0) || !(globalScnb > 0)) {
            globalScee = DEFAULT_SCEE;
            globalScnb = DEFAULT_SCNB;
        }

        Map<String, MoleculeType> moleculeTypes = new LinkedHashMap<>();
        List<MoleculeBlock> blocks = new ArrayList<>();
        Map<Integer, List<MoleculeType>> byHash = new HashMap<>();
        for (int s = 0; s < segments.size(); s++) {
            int first = segments.get(s)[0], last = segments.get(s)[1];
            int n = last - first;
            List<Atom> atoms = new ArrayList<>(n);
            int firstRes = residueOf[first];
            for (int i = first; i < last; i++) {
                atoms.add(new Atom(names[i], typeOfAtom[i], residueOf[i] - firstRes + 1, resLabel[residueOf[i]],
                        i - first + 1, charge[i], mass[i]));
            }
            List<Interaction> inter = new ArrayList<>();
            List<Pair> pairs = new ArrayList<>();
            Set<Long> pairSeen = new HashSet<>();
            double molScee = Double.NaN, molScnb = Double.NaN;
            for (Term t : segTerms.get(s)) {
                int[] loc = new int[t.atoms.length];
                for (int a = 0; a < loc.length; a++) loc[a] = t.atoms[a] - first;
                inter.add(new Interaction(t.kind, loc, t.params));
                if (t.pairFrom < 0) continue;
                int i = Math.min(loc[0], loc[3]), j = Math.max(loc[0], loc[3]);
                if (i == j || !pairSeen.add((long) i * n + j)) continue;
                double sc = sceeOf[t.pairFrom], sn = scnbOf[t.pairFrom];
                if (!(sc > 0) || !(sn > 0)) {
                    throw pf.error("SCEE_SCALE_FACTOR", "dihedral type " + (t.pairFrom + 1) + " has SCEE " + sc + " / SCNB "
                            + sn + " but generates a 1-4 pair; scale factors must be positive");
                }
                if (Double.isNaN(molScee)) {
                    molScee = sc;
                    molScnb = sn;
                }
                LennardJones l = lj14[ljIndex[first + i]][ljIndex[first + j]].scaled(1.0 / sn);
                pairs.add(Pair.withAtomCharges(i, j, l, 1.0 / sc));
            }
            inter.sort(Comparator.comparingInt((Interaction t) -> t.kind().ordinal()).thenComparing(Interaction::atoms, Arrays::compare));
            pairs.sort(Comparator.comparingInt(Pair::i).thenComparingInt(Pair::j));
            if (Double.isNaN(molScee)) {
                molScee = globalScee;
                molScnb = globalScnb;
            }
            String resName = resLabel[firstRes].isEmpty() ? "MOL" : resLabel[firstRes];
            Source src = new Source(file, 0);
            MoleculeType trial = new MoleculeType(resName, 3, src, atoms, inter, pairs, List.of(), 1.0 / molScnb, 1.0 / molScee);
            List<int[]> explicit = explicitExclusions(trial, segExcl.get(s), first);
            MoleculeType mt = explicit.isEmpty() ? trial
                    : new MoleculeType(resName, 3, src, atoms, inter, pairs, explicit, 1.0 / molScnb, 1.0 / molScee);

            int h = atoms.hashCode();
            MoleculeType same = null;
            for (MoleculeType c : byHash.getOrDefault(h, List.of())) {
                if (sameContent(c, mt)) {
                    same = c;
                    break;
                }
            }
            if (same == null) {
                String name = resName;
                for (int k = 2; moleculeTypes.containsKey(name); k++) name = resName + "_" + k;
                same = new MoleculeType(name, 3, src, atoms, inter, pairs, explicit, 1.0 / molScnb, 1.0 / molScee);
                moleculeTypes.put(name, same);
                byHash.computeIfAbsent(h, k -> new ArrayList<>()).add(same);
            }
            MoleculeBlock lastBlock = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
            if (lastBlock != null && lastBlock.name().equals(same.name())) {
                blocks.set(blocks.size() - 1, new MoleculeBlock(same.name(), lastBlock.count() + 1, lastBlock.source()));
            } else {
                blocks.add(new MoleculeBlock(same.name(), 1, new Source(file, 0)));
            }
        }

        String title = pf.has("TITLE") ? pf.text("TITLE") : pf.text("CTITLE");
        Defaults defaults = new Defaults(1, CombiningRule.GEOMETRIC_C6_C12, false, 1.0 / globalScnb, 1.0 / globalScee);
        Topology top = new Topology(defaults, atomTypes, overrides, moleculeTypes, blocks,
                title.isEmpty() ? "AMBER system" : title, file);
        return new Result(top, box(p[IFBOX]), title);
    }

    private void checkUnsupported(int[] p) {
        if (p[IFPERT] != 0) throw pf.error("POINTERS", "IFPERT = " + p[IFPERT] + ": perturbation topologies are not supported");
        if (p[IFCAP] != 0) throw pf.error("POINTERS", "IFCAP = " + p[IFCAP] + ": solvent caps (CAP_INFO) are not supported");
        if (p.length > NUMEXTRA && p[NUMEXTRA] != 0) {
            throw pf.error("POINTERS", "NUMEXTRA = " + p[NUMEXTRA] + ": extra points (virtual sites) are not supported");
        }
        for (String flag : new String[] {"CMAP_COUNT", "CHARMM_CMAP_COUNT"}) {
            int[] c = pf.intsOrNull(flag, -1, flag);
            if (c != null && c.length > 0 && c[0] != 0) {
                throw pf.error(flag, "%FLAG " + flag + ": CMAP correction maps are not supported");
            }
        }
        for (String flag : new String[] {"CHARMM_UREY_BRADLEY_COUNT", "CHARMM_NUM_IMPROPERS"}) {
            int[] c = pf.intsOrNull(flag, -1, flag);
            if (c != null && c.length > 0 && c[0] != 0) {
                throw pf.error(flag, "%FLAG " + flag + ": CHARMM Urey-Bradley terms and harmonic impropers in prmtops are not supported; use the CHARMM/GROMACS files instead");
            }
        }
        if (pf.has("AMOEBA_FORCEFIELD")) throw pf.error("AMOEBA_FORCEFIELD", "%FLAG AMOEBA_FORCEFIELD: AMOEBA prmtops are not supported");
        int[] ipol = pf.intsOrNull("IPOL", -1, "IPOL");
        if (ipol != null && ipol.length > 0 && ipol[0] > 0) {
            throw pf.error("IPOL", "%FLAG IPOL = " + ipol[0] + ": polarizable force fields are not supported");
        }
        double[] pol = pf.doublesOrNull("POLARIZABILITY", -1, "POLARIZABILITY");
        if (pol != null) {
            for (double v : pol) {
                if (v != 0) throw pf.error("POLARIZABILITY", "%FLAG POLARIZABILITY: polarizabilities are not supported");
            }
        }
        for (String flag : new String[] {"HBOND_ACOEF", "HBOND_BCOEF"}) {
            double[] h = pf.doublesOrNull(flag, -1, flag);
            if (h == null) continue;
            for (double v : h) {
                if (v != 0) throw pf.error(flag, "%FLAG " + flag + ": 10-12 hydrogen-bond terms with nonzero parameters are not supported");
            }
        }
    }

    /** C6/C12 (kJ/mol·nm⁶, ·nm¹²) per LJ-type pair from an A/B table; 10-12 (negative index) pairs are zero. */
    private LennardJones[][] ljTable(int[] nbIndex, int ntypes, double[] a, double[] b, String flag) {
        LennardJones[][] t = new LennardJones[ntypes][ntypes];
        for (int i = 0; i < ntypes; i++) {
            for (int j = 0; j < ntypes; j++) {
                int k = nbIndex[i * ntypes + j];
                if (k < 0) {
                    t[i][j] = LennardJones.ZERO; // 10-12 pair; HBOND coefficients were checked to be zero
                    continue;
                }
                if (k == 0 || k > a.length) {
                    throw pf.error(flag, "%FLAG " + flag + ": entry for LJ types " + (i + 1) + "," + (j + 1) + " is " + k
                            + ", outside 1.." + a.length);
                }
                t[i][j] = new LennardJones(b[k - 1] * KCAL * 1e-6, a[k - 1] * KCAL * 1e-12);
            }
        }
        return t;
    }

    private int atomOf(String flag, int coordIndex, int natom) {
        int c = Math.abs(coordIndex);
        if (c % 3 != 0 || c / 3 >= natom) {
            throw pf.error(flag, "%FLAG " + flag + ": coordinate index " + coordIndex
                    + " is not 3·(atom−1) for an atom in 1.." + natom);
        }
        return c / 3;
    }

    private int typeOf(String flag, int type, int ntypes, String what) {
        if (type < 1 || type > ntypes) {
            throw pf.error(flag, "%FLAG " + flag + ": parameter index " + type + " outside 1.." + ntypes + " (" + what + ")");
        }
        return type - 1;
    }

    private void readBonds(String flag, int count, int natom, double[] k, double[] r0, List<Term> out) {
        int[] v = pf.ints(flag, 3 * count, "3·(bond count in POINTERS)");
        for (int n = 0; n < count; n++) {
            int i = atomOf(flag, v[3 * n], natom), j = atomOf(flag, v[3 * n + 1], natom);
            int t = typeOf(flag, v[3 * n + 2], k.length, "NUMBND");
            out.add(new Term(TermKind.HARMONIC_BOND, new int[] {i, j}, new double[] {r0[t] * 0.1, 2 * k[t] * KCAL * 100}, -1));
        }
    }

    private void readAngles(String flag, int count, int natom, double[] k, double[] t0, List<Term> out) {
        int[] v = pf.ints(flag, 4 * count, "4·(angle count in POINTERS)");
        for (int n = 0; n < count; n++) {
            int i = atomOf(flag, v[4 * n], natom), j = atomOf(flag, v[4 * n + 1], natom), l = atomOf(flag, v[4 * n + 2], natom);
            int t = typeOf(flag, v[4 * n + 3], k.length, "NUMANG");
            out.add(new Term(TermKind.HARMONIC_ANGLE, new int[] {i, j, l},
                    new double[] {Math.toDegrees(t0[t]), 2 * k[t] * KCAL}, -1));
        }
    }

    private void readDihedrals(String flag, int count, int natom, double[] k, double[] per, double[] phase, List<Term> out) {
        int[] v = pf.ints(flag, 5 * count, "5·(dihedral count in POINTERS)");
        for (int n = 0; n < count; n++) {
            int i = atomOf(flag, v[5 * n], natom), j = atomOf(flag, v[5 * n + 1], natom);
            int kk = atomOf(flag, v[5 * n + 2], natom), l = atomOf(flag, v[5 * n + 3], natom);
            int t = typeOf(flag, v[5 * n + 4], k.length, "NPTRA");
            boolean improper = v[5 * n + 3] < 0;
            boolean noPair = v[5 * n + 2] < 0;
            if (v[5 * n] < 0 || v[5 * n + 1] < 0) {
                throw pf.error(flag, "%FLAG " + flag + ": dihedral " + (n + 1) + " has a negative first or second atom index");
            }
            out.add(new Term(improper ? TermKind.PERIODIC_IMPROPER : TermKind.PERIODIC_PROPER, new int[] {i, j, kk, l},
                    new double[] {Math.toDegrees(phase[t]), k[t] * KCAL, Math.abs(per[t])}, noPair ? -1 : t));
        }
    }

    /** Prmtop exclusions of one molecule beyond what nrexcl = 3 generates; fails if the prmtop excludes fewer. */
    private List<int[]> explicitExclusions(MoleculeType mt, List<int[]> listed, int first) {
        int[][] gen = mt.exclusions();
        Set<Long> generated = new HashSet<>();
        int n = mt.atomCount();
        for (int i = 0; i < n; i++) for (int j : gen[i]) generated.add((long) i * n + j);
        Set<Long> have = new HashSet<>();
        List<int[]> extra = new ArrayList<>();
        for (int[] e : listed) {
            int i = e[0] - first, j = e[1] - first;
            long key = (long) i * n + j;
            if (!have.add(key)) continue;
            if (!generated.contains(key)) extra.add(new int[] {i, j});
        }
        for (long key : generated) {
            if (!have.contains(key)) {
                int i = (int) (key / n), j = (int) (key % n);
                throw pf.error("EXCLUDED_ATOMS_LIST", "atoms " + (first + i + 1) + " and " + (first + j + 1)
                        + " are within 3 bonds but not excluded; Sheath cannot represent such partial exclusions "
                        + "(regenerate the prmtop with tleap or ParmEd)");
            }
        }
        extra.sort(Comparator.comparingInt((int[] e) -> e[0]).thenComparingInt(e -> e[1]));
        return extra;
    }

    private void checkSolventPointers(int natom) {
        int[] sp = pf.intsOrNull("SOLVENT_POINTERS", 3, "IPTRES, NSPM, NSPSOL");
        int[] apm = pf.has("ATOMS_PER_MOLECULE") ? pf.ints("ATOMS_PER_MOLECULE", sp == null ? -1 : sp[1], "NSPM (SOLVENT_POINTERS)") : null;
        if (apm != null) {
            long sum = 0;
            for (int a : apm) sum += a;
            if (sum != natom) {
                throw pf.error("ATOMS_PER_MOLECULE", "%FLAG ATOMS_PER_MOLECULE adds up to " + sum + " atoms but NATOM = " + natom);
            }
        }
    }

    private double[] box(int ifbox) {
        if (ifbox == 0) return null;
        double[] bd = pf.doublesOrNull("BOX_DIMENSIONS", 4, "BOX_DIMENSIONS (beta, a, b, c)");
        if (bd == null) throw err("IFBOX = " + ifbox + " but %FLAG BOX_DIMENSIONS is missing");
        if (ifbox == 1) return AmberCoordinates.boxVectors(bd[1], bd[2], bd[3], 90, bd[0], 90);
        if (ifbox == 2) return AmberCoordinates.boxVectors(bd[1], bd[2], bd[3], bd[0], bd[0], bd[0]);
        return null; // general triclinic: the angles α, γ are only in the coordinate file
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a), rb = find(parent, b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }

    private static boolean sameContent(MoleculeType a, MoleculeType b) {
        if (!a.atoms().equals(b.atoms()) || !a.pairs().equals(b.pairs())) return false;
        if (a.fudgeLJ() != b.fudgeLJ() || a.fudgeQQ() != b.fudgeQQ()) return false;
        if (a.interactions().size() != b.interactions().size()) return false;
        for (int k = 0; k < a.interactions().size(); k++) {
            Interaction x = a.interactions().get(k), y = b.interactions().get(k);
            if (x.kind() != y.kind() || !Arrays.equals(x.atoms(), y.atoms()) || !Arrays.equals(x.params(), y.params())) return false;
        }
        if (a.explicitExclusions().size() != b.explicitExclusions().size()) return false;
        for (int k = 0; k < a.explicitExclusions().size(); k++) {
            if (!Arrays.equals(a.explicitExclusions().get(k), b.explicitExclusions().get(k))) return false;
        }
        return true;
    }
}
