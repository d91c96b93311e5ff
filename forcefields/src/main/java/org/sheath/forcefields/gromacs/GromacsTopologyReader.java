package org.sheath.forcefields.gromacs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Reads a GROMACS topology (.top with its .itp includes) into a {@link Topology}, resolving bonded
 * parameters from {@code [ *types ]} the way {@code gmx grompp} does (dihedral wildcards {@code X},
 * best match = most non-wildcard atoms, multi-line function-9 torsions) and 1-4 pair parameters from
 * {@code [ pairtypes ]} or, with gen-pairs, from the atom types scaled by fudgeLJ.
 *
 * <p>Sheath extension: {@code [ sheath_fudge ]} inside a molecule type sets that molecule's own
 * fudgeLJ and fudgeQQ (wrap it in {@code #ifdef SHEATH} to keep the file valid for GROMACS).
 */
public final class GromacsTopologyReader {

    /** Include directories (like {@code -I}) and predefined macros (like {@code -D}). */
    public record Options(List<Path> includeDirs, Map<String, String> defines) {
        public static final Options DEFAULT = new Options(List.of(), Map.of());
    }

    private static final Set<String> UNSUPPORTED = Set.of(
            "position_restraints", "distance_restraints", "dihedral_restraints", "orientation_restraints",
            "angle_restraints", "angle_restraints_z", "virtual_sites1", "virtual_sites2", "virtual_sites3",
            "virtual_sites4", "virtual_sitesn", "cmaptypes", "cmap", "intermolecular_interactions", "polarization",
            "water_polarization", "thole_polarization", "bondedtypes");
    /** Directives GROMACS accepts and ignores (obsolete). */
    private static final Set<String> IGNORED = Set.of("implicit_genborn_params");

    private Defaults defaults;
    private boolean sawNonDefaults;
    private final Map<String, AtomType> atomTypes = new LinkedHashMap<>();
    private final Map<String, LennardJones> nonbond = new LinkedHashMap<>();
    private final Map<String, double[]> pairTypes = new HashMap<>();
    private final Map<String, Source> pairTypeSource = new HashMap<>();
    private final Map<String, double[]> bondTypes = new HashMap<>();
    private final Map<String, double[]> angleTypes = new HashMap<>();
    private final Map<String, double[]> constraintTypes = new HashMap<>();
    private final Map<Integer, List<DihedralType>> dihedralTypes = new HashMap<>();
    private final Map<String, MoleculeType> moleculeTypes = new LinkedHashMap<>();
    private final List<MoleculeBlock> molecules = new ArrayList<>();
    private final StringBuilder systemName = new StringBuilder();
    private MoleculeBuilder current;
    private final String topFile;

    private record DihedralType(String[] types, int func, double[] params) {
    }

    private GromacsTopologyReader(String topFile) {
        this.topFile = topFile;
    }

    public static Topology read(Path top) {
        return read(top, Options.DEFAULT);
    }

    public static Topology read(Path top, Options options) {
        List<Preprocessor.Line> lines = new Preprocessor(options.includeDirs(), options.defines()).process(top);
        return new GromacsTopologyReader(top.toString()).parse(lines);
    }

    /** Reads a topology from preprocessed lines (e.g. of a bundled file). */
    public static Topology read(TextFile top, Options options) {
        List<Preprocessor.Line> lines = new Preprocessor(options.includeDirs(), options.defines()).process(top);
        return new GromacsTopologyReader(top.displayName()).parse(lines);
    }

    private Topology parse(List<Preprocessor.Line> lines) {
        String directive = null;
        for (Preprocessor.Line line : lines) {
            String text = Preprocessor.stripComment(line.text()).strip();
            if (text.isEmpty()) continue;
            if (text.startsWith("[")) {
                int close = text.indexOf(']');
                if (close < 0 || !text.substring(close + 1).isBlank()) {
                    throw line.error("malformed directive line '" + text + "'; expected e.g. [ atoms ]");
                }
                directive = canonicalDirective(text.substring(1, close).strip());
                startDirective(directive, line);
                continue;
            }
            if (directive == null) continue; // grompp skips text before the first directive (amber*.ff banners)
            Fields f = new Fields(line, text, directive);
            dispatch(directive, f);
        }
        finishMolecule();
        if (defaults == null) defaults = Defaults.GROMACS;
        return new Topology(defaults, atomTypes, nonbond, moleculeTypes, molecules, systemName.toString().strip(), topFile);
    }

    private void startDirective(String d, Preprocessor.Line line) {
        if (IGNORED.contains(d)) return;
        if (UNSUPPORTED.contains(d)) {
            throw line.error("[ " + d + " ] is a GROMACS directive that Sheath does not support yet; remove it or "
                    + "guard it with #ifdef");
        }
        switch (d) {
            case "defaults" -> {
                if (sawNonDefaults || defaults != null) {
                    throw line.error("[ defaults ] must come once, before any other directive");
                }
            }
            case "moleculetype" -> finishMolecule();
            case "atoms", "bonds", "pairs", "angles", "dihedrals", "exclusions", "constraints", "settles",
                    "sheath_fudge", "pairs_nb" -> {
                if (current == null) {
                    throw line.error("[ " + d + " ] must follow a [ moleculetype ]");
                }
                if (d.equals("pairs_nb")) throw line.error("[ pairs_nb ] is not supported");
            }
            case "system", "molecules" -> finishMolecule();
            case "atomtypes", "bondtypes", "angletypes", "dihedraltypes", "pairtypes", "nonbond_params",
                    "constrainttypes" -> {
                if (!moleculeTypes.isEmpty() || current != null) {
                    // GROMACS requires parameters before molecules; so do we, so lookups are unambiguous.
                    throw line.error("[ " + d + " ] after a [ moleculetype ]; force-field parameters must come first");
                }
            }
            default -> throw line.error("unknown directive [ " + d + " ]; check the spelling (e.g. [ atoms ], [ bonds ], "
                    + "[ dihedrals ])");
        }
        if (!d.equals("defaults")) sawNonDefaults = true;
    }

    /** Directive names as written here (GROMACS's spelling; some with underscores). */
    private static final java.util.Map<String, String> DIRECTIVES = new java.util.HashMap<>();

    static {
        for (String d : new String[] {"defaults", "moleculetype", "atoms", "bonds", "pairs", "angles", "dihedrals", "exclusions",
                "constraints", "settles", "sheath_fudge", "pairs_nb", "system", "molecules", "atomtypes", "bondtypes",
                "angletypes", "dihedraltypes", "pairtypes", "nonbond_params", "constrainttypes"}) {
            DIRECTIVES.put(d.replace("_", ""), d);
        }
    }

    /**
     * The directive as this reader names it: grompp matches names ignoring case, '-' and '_' (so
     * {@code [ molecule_type ]} is {@code [ moleculetype ]}, as in GROMACS's own test topologies).
     */
    static String canonicalDirective(String raw) {
        String lower = raw.toLowerCase(java.util.Locale.ROOT);
        return DIRECTIVES.getOrDefault(lower.replace("_", "").replace("-", ""), lower);
    }

    private void dispatch(String d, Fields f) {
        switch (d) {
            case "defaults" -> readDefaults(f);
            case "atomtypes" -> readAtomType(f);
            case "bondtypes" -> readBondedType(f, 2, bondTypes);
            case "angletypes" -> readBondedType(f, 3, angleTypes);
            case "constrainttypes" -> readBondedType(f, 2, constraintTypes);
            case "dihedraltypes" -> readDihedralType(f);
            case "pairtypes" -> readPairType(f);
            case "nonbond_params" -> readNonbondParams(f);
            case "moleculetype" -> readMoleculeType(f);
            case "atoms" -> readAtom(f);
            case "bonds", "angles", "dihedrals", "constraints" -> current.terms.add(f);
            case "pairs" -> current.pairs.add(f);
            case "exclusions" -> readExclusions(f);
            case "settles" -> readSettle(f);
            case "sheath_fudge" -> readFudge(f);
            case "system" -> systemName.append(' ').append(f.line.text().strip());
            case "molecules" -> readMolecules(f);
            default -> { /* ignored directive */ }
        }
    }

    // ---------------------------------------------------------------- force-field parameters

    private void readDefaults(Fields f) {
        if (f.size() < 2 || f.size() > 5) throw f.error("expected 'nbfunc comb-rule [gen-pairs fudgeLJ fudgeQQ]'");
        int nbfunc = f.integer(0, "nbfunc");
        if (nbfunc != 1) throw f.error("nbfunc " + nbfunc + " (Buckingham) is not supported; Sheath does Lennard-Jones (1)");
        int comb = f.integer(1, "comb-rule");
        if (comb < 1 || comb > 3) throw f.error("comb-rule must be 1, 2 or 3, not " + comb);
        boolean gen = f.size() > 2 && f.str(2).toLowerCase().startsWith("y");
        if (f.size() > 2 && !gen && !f.str(2).toLowerCase().startsWith("n")) {
            throw f.error("gen-pairs must be yes or no, not '" + f.str(2) + "'");
        }
        double fudgeLJ = f.size() > 3 ? f.number(3, "fudgeLJ") : 1.0;
        double fudgeQQ = f.size() > 4 ? f.number(4, "fudgeQQ") : 1.0;
        defaults = new Defaults(nbfunc, CombiningRule.fromGromacs(comb), gen, fudgeLJ, fudgeQQ);
    }

    private Defaults defaults() {
        return defaults != null ? defaults : Defaults.GROMACS;
    }

    private static boolean isPtype(String s) {
        return s.length() == 1 && Character.isLetter(s.charAt(0));
    }

    private void readAtomType(Fields f) {
        // Column layout is recognised by where the single-letter particle type sits (as grompp does).
        int p;
        if (f.size() > 3 && isPtype(f.str(3))) p = 3;
        else if (f.size() > 5 && isPtype(f.str(5))) p = 5;
        else if (f.size() > 4 && isPtype(f.str(4))) p = 4;
        else throw f.error("cannot find the particle type (A, S, V or D) in column 4, 5 or 6; expected "
                + "'name [bond_type] [at.num] mass charge ptype V W'");
        if (f.size() != p + 3) {
            throw f.error("expected 2 Lennard-Jones parameters after the particle type, found " + (f.size() - p - 1));
        }
        String name = f.str(0);
        String bondType = name;
        int atnum = -1;
        if (p == 5) {
            bondType = f.str(1);
            atnum = f.integer(2, "atomic number");
        } else if (p == 4) {
            if (Character.isLetter(f.str(1).charAt(0))) bondType = f.str(1);
            else atnum = f.integer(1, "atomic number");
        }
        double mass = f.number(p - 2, "mass");
        double charge = f.number(p - 1, "charge");
        double v = f.number(p + 1, "V (sigma or C6)");
        double w = f.number(p + 2, "W (epsilon or C12)");
        atomTypes.put(name, new AtomType(name, bondType, atnum, mass, charge, f.str(p), v, w,
                new Source(f.line.file(), f.line.number())));
    }

    /** Key of a bonded type: function and type names, one orientation. */
    private static String key(int func, String... types) {
        return func + "|" + String.join("|", types);
    }

    private static String[] reversed(String[] t) {
        String[] r = new String[t.length];
        for (int i = 0; i < t.length; i++) r[i] = t[t.length - 1 - i];
        return r;
    }

    private void readBondedType(Fields f, int natoms, Map<String, double[]> table) {
        if (f.size() < natoms + 1) throw f.error("expected " + natoms + " type names and a function number");
        String[] types = new String[natoms];
        for (int i = 0; i < natoms; i++) types[i] = f.str(i);
        int func = f.integer(natoms, "function");
        int n = f.size() - natoms - 1;
        double[] params = f.numbers(natoms + 1, n, "parameter");
        table.put(key(func, types), params);
        table.put(key(func, reversed(types)), params);
    }

    private static int dihedralGroup(int func) {
        return func == 9 ? 1 : func;
    }

    private void readDihedralType(Fields f) {
        // Either four type names or (old style) two: j k for propers, i l for impropers.
        int nnames = f.size() > 2 && Fields.isInteger(f.str(2)) ? 2 : 4;
        if (f.size() < nnames + 1) throw f.error("expected 4 (or 2) type names and a function number");
        int func = f.integer(nnames, "function");
        String[] types;
        if (nnames == 4) {
            types = new String[] {f.str(0), f.str(1), f.str(2), f.str(3)};
        } else if (func == 2 || func == 4) {
            types = new String[] {f.str(0), "X", "X", f.str(1)};
        } else {
            types = new String[] {"X", f.str(0), f.str(1), "X"};
        }
        double[] params = f.numbers(nnames + 1, f.size() - nnames - 1, "parameter");
        dihedralTypes.computeIfAbsent(dihedralGroup(func), k -> new ArrayList<>()).add(new DihedralType(types, func, params));
    }

    private void readPairType(Fields f) {
        if (f.size() != 5 && f.size() != 7) throw f.error("expected 'type_i type_j func V W'");
        int func = f.integer(2, "function");
        if (func != 1) throw f.error("pair function " + func + " is not supported in [ pairtypes ] (use 1)");
        String k = org.sheath.forcefields.model.Topology.pairKey(f.str(0), f.str(1));
        pairTypes.put(k, f.numbers(3, 2, "V W"));
        pairTypeSource.put(k, new Source(f.line.file(), f.line.number()));
    }

    private void readNonbondParams(Fields f) {
        if (f.size() != 5) throw f.error("expected 'type_i type_j func V W', found " + f.size() + " columns");
        int func = f.integer(2, "function");
        if (func != 1) throw f.error("non-bonded function " + func + " is not supported (use 1, Lennard-Jones)");
        nonbond.put(org.sheath.forcefields.model.Topology.pairKey(f.str(0), f.str(1)),
                defaults().combiningRule().pairParameters(f.number(3, "V"), f.number(4, "W")));
    }

    // ---------------------------------------------------------------- molecules

    private final class MoleculeBuilder {
        final String name;
        final int nrexcl;
        final Source source;
        final List<Atom> atoms = new ArrayList<>();
        final List<Fields> terms = new ArrayList<>();
        final List<Fields> pairs = new ArrayList<>();
        final List<Interaction> settles = new ArrayList<>();
        final List<int[]> exclusions = new ArrayList<>();
        double fudgeLJ = defaults().fudgeLJ();
        double fudgeQQ = defaults().fudgeQQ();

        MoleculeBuilder(String name, int nrexcl, Source source) {
            this.name = name;
            this.nrexcl = nrexcl;
            this.source = source;
        }
    }

    private void readMoleculeType(Fields f) {
        if (current != null) throw f.error("a second molecule name; start a new [ moleculetype ] for each molecule");
        if (f.size() != 2) throw f.error("expected 'name nrexcl', found " + f.size() + " columns");
        String name = f.str(0);
        Source src = new Source(f.line.file(), f.line.number());
        MoleculeType previous = moleculeTypes.get(name);
        if (previous != null) {
            throw f.error("molecule type '" + name + "' is already defined at " + previous.source()
                    + "; rename one of them or include the file only once");
        }
        current = new MoleculeBuilder(name, f.integer(1, "nrexcl"), src);
    }

    private void readAtom(Fields f) {
        if (current.atoms.size() == 0 && !current.terms.isEmpty()) throw f.error("[ atoms ] must come before bonded terms");
        if (f.size() < 6 || f.size() > 11) {
            throw f.error("expected 'nr type resnr residue atom cgnr [charge [mass]]', found " + f.size() + " columns");
        }
        int nr = f.integer(0, "atom number");
        if (nr != current.atoms.size() + 1) {
            throw f.error("atom number " + nr + " out of sequence; atoms must be numbered 1, 2, 3, ... (expected "
                    + (current.atoms.size() + 1) + ")");
        }
        String type = f.str(1);
        AtomType at = atomTypes.get(type);
        if (at == null) {
            throw f.error("atom type '" + type + "' is not defined in any [ atomtypes ]; add it or include the "
                    + "force field that defines it");
        }
        int resnr = leadingInt(f, 2);
        double charge = f.size() > 6 ? f.number(6, "charge") : at.charge();
        double mass = f.size() > 7 ? f.number(7, "mass") : at.mass();
        current.atoms.add(new Atom(f.str(4), type, resnr, f.str(3), leadingInt(f, 5), charge, mass));
    }

    private static int leadingInt(Fields f, int col) {
        String s = f.str(col);
        int i = 0;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        if (i == 0 || (i == 1 && !Character.isDigit(s.charAt(0)))) {
            throw f.error("expected a number in column " + (col + 1) + ", found '" + s + "'");
        }
        return Integer.parseInt(s.substring(0, i));
    }

    private int atomIndex(Fields f, int col) {
        int a = f.integer(col, "atom index");
        if (a < 1 || a > current.atoms.size()) {
            throw f.error("atom index " + a + " is out of range: molecule '" + current.name + "' has "
                    + current.atoms.size() + " atoms");
        }
        return a - 1;
    }

    private void readExclusions(Fields f) {
        int first = atomIndex(f, 0);
        for (int c = 1; c < f.size(); c++) current.exclusions.add(new int[] {first, atomIndex(f, c)});
    }

    private void readSettle(Fields f) {
        if (f.size() != 4) throw f.error("expected 'OW funct doh dhh', found " + f.size() + " columns");
        int o = atomIndex(f, 0);
        if (o + 2 >= current.atoms.size()) throw f.error("a settle needs the two hydrogens right after the oxygen");
        current.settles.add(new Interaction(TermKind.SETTLE, new int[] {o, o + 1, o + 2}, f.numbers(2, 2, "doh dhh")));
    }

    private void readFudge(Fields f) {
        if (f.size() != 2) throw f.error("expected 'fudgeLJ fudgeQQ'");
        current.fudgeLJ = f.number(0, "fudgeLJ");
        current.fudgeQQ = f.number(1, "fudgeQQ");
    }

    private void readMolecules(Fields f) {
        if (f.size() != 2) throw f.error("expected 'molecule-name count', found " + f.size() + " columns");
        String name = f.str(0);
        if (!moleculeTypes.containsKey(name)) {
            throw f.error("molecule type '" + name + "' is not defined; known: " + String.join(", ", moleculeTypes.keySet()));
        }
        int count = f.integer(1, "count");
        if (count < 0) throw f.error("negative molecule count");
        molecules.add(new MoleculeBlock(name, count, new Source(f.line.file(), f.line.number())));
    }

    // ---------------------------------------------------------------- resolution

    private void finishMolecule() {
        if (current == null) return;
        MoleculeBuilder m = current;
        current = null;
        List<Interaction> terms = new ArrayList<>();
        for (Fields f : m.terms) resolveTerm(m, f, terms);
        terms.addAll(m.settles);
        List<Pair> pairs = new ArrayList<>();
        for (Fields f : m.pairs) pairs.add(resolvePair(m, f));
        moleculeTypes.put(m.name, new MoleculeType(m.name, m.nrexcl, m.source, m.atoms, terms, pairs, m.exclusions,
                m.fudgeLJ, m.fudgeQQ));
    }

    private int[] atoms(MoleculeBuilder m, Fields f, int n) {
        if (f.size() < n + 1) {
            throw f.error("expected " + n + " atom indices and a function number, found " + f.size() + " columns");
        }
        int[] a = new int[n];
        MoleculeBuilder saved = current;
        current = m;
        try {
            for (int i = 0; i < n; i++) a[i] = atomIndex(f, i);
        } finally {
            current = saved;
        }
        return a;
    }

    private String[] bondTypesOf(MoleculeBuilder m, int[] atoms) {
        String[] t = new String[atoms.length];
        for (int i = 0; i < atoms.length; i++) t[i] = atomTypes.get(m.atoms.get(atoms[i]).type()).bondType();
        return t;
    }

    private String describe(MoleculeBuilder m, int[] atoms, String[] types) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < atoms.length; i++) {
            if (i > 0) sb.append('-');
            sb.append(m.atoms.get(atoms[i]).name()).append('(').append(atoms[i] + 1).append(')');
        }
        return sb + " (types " + String.join("-", types) + ")";
    }

    private void resolveTerm(MoleculeBuilder m, Fields f, List<Interaction> out) {
        switch (f.directive) {
            case "bonds" -> {
                int[] a = atoms(m, f, 2);
                int func = f.integer(2, "function");
                TermKind kind = switch (func) {
                    case 1 -> TermKind.HARMONIC_BOND;
                    case 5 -> TermKind.CONNECTION;
                    default -> throw f.error("bond function " + func + " is not supported (use 1, harmonic, or 5, connection)");
                };
                double[] p = params(m, f, 3, kind, a, func, bondTypes, "bondtypes");
                out.add(new Interaction(kind, a, p));
            }
            case "angles" -> {
                int[] a = atoms(m, f, 3);
                int func = f.integer(3, "function");
                TermKind kind = switch (func) {
                    case 1 -> TermKind.HARMONIC_ANGLE;
                    case 5 -> TermKind.UREY_BRADLEY;
                    default -> throw f.error("angle function " + func + " is not supported (use 1, harmonic, or 5, Urey-Bradley)");
                };
                out.add(new Interaction(kind, a, params(m, f, 4, kind, a, func, angleTypes, "angletypes")));
            }
            case "constraints" -> {
                int[] a = atoms(m, f, 2);
                int func = f.integer(2, "function");
                TermKind kind = switch (func) {
                    case 1 -> TermKind.CONSTRAINT;
                    case 2 -> TermKind.CONSTRAINT_NO_CONNECTION;
                    default -> throw f.error("constraint function " + func + " is not supported (use 1 or 2)");
                };
                out.add(new Interaction(kind, a, params(m, f, 3, kind, a, func, constraintTypes, "constrainttypes")));
            }
            case "dihedrals" -> resolveDihedral(m, f, out);
            default -> throw new IllegalStateException(f.directive);
        }
    }

    /** Number of B-state values GROMACS allows after the A-state parameters. */
    private static int bStateCount(TermKind kind) {
        return switch (kind) {
            case PERIODIC_PROPER, PERIODIC_IMPROPER -> 2; // phiB kB (multiplicity shared)
            default -> kind.paramCount();
        };
    }

    private double[] params(MoleculeBuilder m, Fields f, int first, TermKind kind, int[] a, int func,
                            Map<String, double[]> table, String typesDirective) {
        int n = f.size() - first;
        if (n == 0) {
            if (kind.paramCount() == 0) return new double[0];
            String[] types = bondTypesOf(m, a);
            double[] p = table.get(key(func, types));
            if (p == null) {
                throw f.error("no parameters for " + describe(m, a, types) + " with function " + func
                        + "; add them to [ " + typesDirective + " ] or to this line");
            }
            return checkCount(f, kind, p, "[ " + typesDirective + " ] entry for " + String.join("-", types));
        }
        return checkCount(f, kind, f.numbers(first, n, "parameter"), "this line");
    }

    private double[] checkCount(Fields f, TermKind kind, double[] p, String where) {
        int need = kind.paramCount();
        if (p.length == need) return p;
        if (p.length == need + bStateCount(kind)) return java.util.Arrays.copyOf(p, need); // B state ignored
        throw f.error(where + " has " + p.length + " parameters; " + kind + " takes " + need);
    }

    private void resolveDihedral(MoleculeBuilder m, Fields f, List<Interaction> out) {
        int[] a = atoms(m, f, 4);
        int func = f.size() > 4 ? f.integer(4, "function") : 1;
        TermKind kind = switch (func) {
            case 1, 9 -> TermKind.PERIODIC_PROPER;
            case 2 -> TermKind.HARMONIC_IMPROPER;
            case 3 -> TermKind.RYCKAERT_BELLEMANS;
            case 4 -> TermKind.PERIODIC_IMPROPER;
            case 5 -> TermKind.FOURIER;
            default -> throw f.error("dihedral function " + func + " is not supported (use 1, 2, 3, 4, 5 or 9)");
        };
        int n = f.size() - 5;
        if (n > 0) {
            double[] p = checkCount(f, kind, f.numbers(5, n, "parameter"), "this line");
            addDihedral(out, new Interaction(kind, a, checkPeriodic(f, kind, p)));
            return;
        }
        String[] types = bondTypesOf(m, a);
        List<DihedralType> found = findDihedralTypes(func, types);
        if (found.isEmpty()) {
            throw f.error("no parameters for dihedral " + describe(m, a, types) + " with function " + func
                    + "; add them to [ dihedraltypes ] or to this line");
        }
        for (DihedralType d : found) {
            double[] p = checkCount(f, kind, d.params, "[ dihedraltypes ] entry " + String.join("-", d.types));
            addDihedral(out, new Interaction(kind, a, checkPeriodic(f, kind, p)));
        }
    }

    /**
     * Dihedrals with zero force constants contribute nothing; grompp drops them from the run input
     * (bonds and angles it keeps), and so do we, so that term counts agree with {@code gmx dump}.
     */
    private static void addDihedral(List<Interaction> out, Interaction t) {
        double[] p = t.params();
        boolean zero = switch (t.kind()) {
            case PERIODIC_PROPER, PERIODIC_IMPROPER, HARMONIC_IMPROPER -> p[1] == 0;
            default -> java.util.Arrays.stream(p).allMatch(v -> v == 0);
        };
        if (!zero) out.add(t);
    }

    private static double[] checkPeriodic(Fields f, TermKind kind, double[] p) {
        if ((kind == TermKind.PERIODIC_PROPER || kind == TermKind.PERIODIC_IMPROPER) && p[2] != Math.rint(p[2])) {
            throw f.error("the multiplicity of a periodic dihedral must be an integer, not " + p[2]);
        }
        return p;
    }

    private static int matchScore(String[] pattern, String[] t) {
        int score = 0;
        for (int i = 0; i < 4; i++) {
            if (pattern[i].equals("X")) continue;
            if (!pattern[i].equals(t[i])) return -1;
            score++;
        }
        return score;
    }

    /**
     * grompp's rule: the first [ dihedraltypes ] line (either orientation) with the most non-wildcard
     * matches wins; for function 9, the lines directly after it with the same type names add terms.
     */
    private List<DihedralType> findDihedralTypes(int func, String[] t) {
        List<DihedralType> list = dihedralTypes.getOrDefault(dihedralGroup(func), List.of());
        String[] r = reversed(t);
        int best = -1, bestScore = -1;
        for (int i = 0; i < list.size() && bestScore < 4; i++) {
            String[] p = list.get(i).types;
            int s = Math.max(matchScore(p, t), matchScore(p, r));
            if (s > bestScore) {
                bestScore = s;
                best = i;
            }
        }
        if (best < 0) return List.of();
        List<DihedralType> out = new ArrayList<>();
        out.add(list.get(best));
        if (func == 9) {
            for (int i = best + 1; i < list.size() && java.util.Arrays.equals(list.get(i).types, list.get(best).types); i++) {
                out.add(list.get(i));
            }
        }
        return out;
    }

    private Pair resolvePair(MoleculeBuilder m, Fields f) {
        int[] a = atoms(m, f, 2);
        int func = f.integer(2, "function");
        CombiningRule rule = defaults().combiningRule();
        int n = f.size() - 3;
        if (func == 2) {
            if (n != 5) throw f.error("pair function 2 takes 'fudgeQQ qi qj V W', found " + n + " parameters");
            double[] p = f.numbers(3, 5, "parameter");
            return new Pair(a[0], a[1], rule.pairParameters(p[3], p[4]), p[0], p[1], p[2]);
        }
        if (func != 1) throw f.error("pair function " + func + " is not supported (use 1 or 2)");
        if (n == 2 || n == 4) {
            double[] p = f.numbers(3, 2, "V W");
            return Pair.withAtomCharges(a[0], a[1], rule.pairParameters(p[0], p[1]), m.fudgeQQ);
        }
        if (n != 0) throw f.error("pair function 1 takes no parameters or 'V W', found " + n);
        String ti = m.atoms.get(a[0]).type(), tj = m.atoms.get(a[1]).type();
        double[] p = pairTypes.get(org.sheath.forcefields.model.Topology.pairKey(ti, tj));
        if (p != null) return Pair.withAtomCharges(a[0], a[1], rule.pairParameters(p[0], p[1]), m.fudgeQQ);
        if (!defaults().generatePairs()) {
            throw f.error("no [ pairtypes ] entry for " + describe(m, a, new String[] {ti, tj})
                    + " and gen-pairs is no; add the pair type or set gen-pairs yes in [ defaults ]");
        }
        AtomType x = atomTypes.get(ti), y = atomTypes.get(tj);
        LennardJones lj = rule.combine(x.v(), x.w(), y.v(), y.w()).scaled(m.fudgeLJ);
        return Pair.withAtomCharges(a[0], a[1], lj, m.fudgeQQ);
    }
}
