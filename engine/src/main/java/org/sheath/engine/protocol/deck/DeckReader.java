package org.sheath.engine.protocol.deck;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.sheath.engine.force.nonbonded.DispCorrMode;
import org.sheath.engine.force.nonbonded.Modifier;
import org.sheath.engine.force.nonbonded.NonbondedKernel;
import org.sheath.engine.protocol.deck.AnalysisOptions.Option;
import org.sheath.engine.protocol.deck.MdStage.Ensemble;
import org.sheath.engine.protocol.deck.MdStage.Velocities;
import org.sheath.engine.protocol.deck.Quantity.Kind;
import org.sheath.engine.system.Box;
import org.sheath.forcefields.InputException;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Parses and validates a deck: TOML by tomlj (which keeps the line of every key), then every table
 * checked key by key. The first problem is an {@link InputException} of one line
 * ({@code deck.toml:LINE: where: what is wrong; how to fix}); suspicious settings become warnings.
 */
final class DeckReader {
    private static final String DOC = "docs/deck.md";
    static final long DEFAULT_SEED = 1;
    static final double DEFAULT_DT = 0.001;
    static final long DEFAULT_MINIMIZE_STEPS = 5000;
    static final double DEFAULT_EMTOL = 100;
    static final double DEFAULT_EMSTEP = 0.01;
    static final int DEFAULT_NH_CHAIN = 3;
    /** Above this a time step is an error, ps. */
    static final double MAX_DT = 0.020;

    static final List<String> ROOT_KEYS = List.of("title", "seed", "system", "forces", "output", "stage", "analysis");
    static final List<String> SYSTEM_KEYS = List.of("topology", "coordinates", "defines", "molecules", "density", "box");
    static final List<String> FORCES_KEYS = List.of("cutoff", "ewald_rtol", "fourier_spacing", "pme_order", "vdw_modifier",
            "coulomb_modifier", "dispcorr", "constraints", "list_buffer", "kernel", "verlet_buffer_tolerance", "nstlist");
    static final List<String> OUTPUT_KEYS = List.of("energies", "trajectory", "format", "checkpoint");
    static final List<String> STAGE_KEYS = List.of("name", "type");
    static final List<String> MINIMIZE_KEYS = List.of("algorithm", "steps", "emtol", "emstep");
    static final List<String> MD_KEYS = List.of("ensemble", "dt", "length", "steps", "temperature", "thermostat", "tau_t",
            "nh_chain_length", "velocities", "barostat", "pressure", "tau_p", "compressibility", "coupling", "nstpcouple",
            "comm_removal", "seed");
    static final List<String> BAROSTAT_KEYS = List.of("barostat", "pressure", "tau_p", "compressibility", "coupling", "nstpcouple");

    private static final Pattern STAGE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern DEFINE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(=\\S*)?");
    private static final List<String> TOPOLOGY_EXTENSIONS = List.of("top", "itp", "prmtop", "parm7", "top7");
    private static final List<String> COORDINATE_EXTENSIONS = List.of("gro", "pdb", "ent", "inpcrd", "rst7", "crd", "restrt");
    /** g per amu. */
    private static final double AMU_GRAMS = 1.66053906660e-24;

    private final Path path;
    private final String file;
    private final Path dir;
    private final List<String> warnings = new ArrayList<>();

    DeckReader(Path path) {
        this.path = path;
        this.file = path.toString();
        Path abs = path.toAbsolutePath().normalize();
        this.dir = abs.getParent() != null ? abs.getParent() : abs;
    }

    static Deck read(Path path) {
        if (Files.isDirectory(path)) {
            throw new InputException(path.toString(), 0, "is a folder; give the deck file itself, e.g. " + path.resolve("deck.toml"));
        }
        if (!Files.isRegularFile(path)) throw new InputException(path.toString(), 0, "no such deck file; check the path");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(path.toString(), 0, "not UTF-8 text; save the deck as UTF-8");
        } catch (IOException e) {
            throw new InputException(path.toString(), 0, "cannot read the deck: " + e.getMessage());
        }
        return new DeckReader(path).parse(text);
    }

    // ------------------------------------------------------------------ tables and messages

    /** A table of the deck and how messages name it. */
    private static final class Tbl {
        final TomlTable t;
        /** "[system]", "stage 'npt'", "[[stage]] #2"; empty for the top level */
        String name;
        /** put before a key in messages: "system.", "stage 'npt': " */
        String keyPrefix;
        final int line;

        Tbl(TomlTable t, String name, String keyPrefix, int line) {
            this.t = t;
            this.name = name;
            this.keyPrefix = keyPrefix;
            this.line = line;
        }

        Object get(String k) {
            return t.get(List.of(k));
        }

        boolean has(String k) {
            return t.contains(List.of(k));
        }

        int line(String k) {
            TomlPosition p = t.inputPositionOf(List.of(k));
            return p != null ? p.line() : line;
        }

        /** "system.topology = \"x.top\"" */
        String value(String k) {
            return keyPrefix + k + " = " + render(get(k));
        }

        /** "stage 'npt': " or "" */
        String where() {
            return name.isEmpty() ? "" : name + ": ";
        }
    }

    /** An error about the value of {@code key}. */
    private InputException at(Tbl tb, String key, String message) {
        return new InputException(file, tb.line(key), tb.value(key) + ": " + message);
    }

    /** An error about the table as a whole (a missing key, a combination), at its header. */
    private InputException in(Tbl tb, String message) {
        return new InputException(file, tb.line, tb.where() + message);
    }

    /** An error about a key's presence (not its value), at its line. */
    private InputException keyError(Tbl tb, String key, String message) {
        return new InputException(file, tb.line(key), tb.where() + message);
    }

    private void warnAt(Tbl tb, String key, String message) {
        warnings.add(new InputException(file, tb.line(key), tb.value(key) + ": " + message).getMessage());
    }

    private void warnIn(Tbl tb, String message) {
        warnings.add(new InputException(file, tb.line, tb.where() + message).getMessage());
    }

    static String render(Object v) {
        if (v == null) return "(nothing)";
        if (v instanceof String s) return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        if (v instanceof TomlArray a) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) b.append(", ");
                if (b.length() > 60) {
                    b.append("...");
                    break;
                }
                b.append(render(a.get(i)));
            }
            return b.append(']').toString();
        }
        if (v instanceof TomlTable t) {
            StringBuilder b = new StringBuilder("{ ");
            int i = 0;
            for (String k : t.keySet()) {
                if (i++ > 0) b.append(", ");
                if (b.length() > 60) {
                    b.append("...");
                    break;
                }
                b.append(k).append(" = ").append(render(t.get(List.of(k))));
            }
            return b.append(" }").toString();
        }
        return String.valueOf(v);
    }

    static String typeName(Object v) {
        if (v instanceof String) return "a string";
        if (v instanceof Long) return "a whole number";
        if (v instanceof Double) return "a number";
        if (v instanceof Boolean) return "true/false";
        if (v instanceof TomlArray) return "an array";
        if (v instanceof TomlTable) return "a table";
        return "a date or time";
    }

    // ------------------------------------------------------------------ the deck

    Deck parse(String text) {
        TomlParseResult r = Toml.parse(text);
        if (r.hasErrors()) {
            TomlParseError e = r.errors().get(0);
            int line = e.position() == null ? 0 : e.position().line();
            String msg = oneLine(e.getMessage());
            String hint = msg.contains("previously defined") ? "each key and table once; remove the repeat"
                    : "strings need quotes (dt = \"2 fs\"), tables are [name], stages [[stage]]; see " + DOC;
            throw new InputException(file, line, "TOML syntax error: " + msg + "; " + hint);
        }
        if (r.isEmpty()) {
            throw new InputException(file, 0, "the deck is empty; start from the example in " + DOC
                    + " ([system], [[stage]] with name and type)");
        }
        Tbl root = new Tbl(r, "", "", 0);
        checkKeys(root, ROOT_KEYS, "");
        String title = string(root, "title");
        if (title == null) {
            String n = path.getFileName() == null ? "deck" : path.getFileName().toString();
            title = n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : n;
        }
        long seed = seed(root, DEFAULT_SEED);

        ForcesSpec forces = forces(subTable(root, "forces"));
        OutputSpec output = output(subTable(root, "output"));
        SystemSpec system = system(root, forces);
        List<StageSpec> stages = stages(root, system, forces, output);
        List<AnalysisSpec> analyses = analyses(root, stages, output);
        return new Deck(title, seed, system, forces, output, stages, analyses, dir, path, warnings);
    }

    private long seed(Tbl tb, long dflt) {
        Long s = integer(tb, "seed");
        if (s == null) return dflt;
        if (s < 0) throw at(tb, "seed", "a seed is a whole number >= 0; e.g. seed = 7");
        return s;
    }

    /** A [name] table of the top level, or null when absent. */
    private Tbl subTable(Tbl root, String key) {
        Object v = root.get(key);
        if (v == null) return null;
        if (v instanceof TomlTable t) return new Tbl(t, "[" + key + "]", key + ".", root.line(key));
        if (v instanceof TomlArray a && allTables(a)) {
            throw new InputException(file, root.line(key), "[[" + key + "]]: there is one " + key + " table; write [" + key
                    + "] (single brackets)");
        }
        throw at(root, key, "expected a table; write [" + key + "] on a line of its own and its keys below it");
    }

    /** An array of tables ([[name]] blocks); true for an empty one. */
    private static boolean allTables(TomlArray a) {
        for (int i = 0; i < a.size(); i++) if (!(a.get(i) instanceof TomlTable)) return false;
        return true;
    }

    // ------------------------------------------------------------------ keys

    /** Where each known key belongs, for "key 'cutoff' belongs in [forces]". */
    private static final Map<String, String> HOMES = new LinkedHashMap<>();

    static {
        for (String k : List.of("title", "seed")) HOMES.put(k, "at the top of the deck, before the first [table]");
        for (String k : SYSTEM_KEYS) HOMES.putIfAbsent(k, "in [system]");
        for (String k : FORCES_KEYS) HOMES.putIfAbsent(k, "in [forces]");
        for (String k : OUTPUT_KEYS) HOMES.putIfAbsent(k, "in [output]");
        for (String k : STAGE_KEYS) HOMES.putIfAbsent(k, "in a [[stage]]");
        for (String k : MINIMIZE_KEYS) HOMES.putIfAbsent(k, "in a [[stage]]");
        for (String k : MD_KEYS) HOMES.putIfAbsent(k, "in a [[stage]]");
    }

    /**
     * Every key of {@code tb} must be in {@code allowed}; else one line with a did-you-mean, or where the
     * key belongs. {@code context} names a stage type ("minimize") for keys of the other stage type.
     */
    private void checkKeys(Tbl tb, Collection<String> allowed, String context) {
        for (String k : tb.t.keySet()) {
            if (allowed.contains(k)) continue;
            if (context.equals("minimize") && MD_KEYS.contains(k)) {
                throw keyError(tb, k, "key '" + k + "' is for md stages, and this stage has type = \"minimize\"; remove it"
                        + " (minimize takes " + String.join(", ", MINIMIZE_KEYS) + ")");
            }
            if (context.equals("md") && MINIMIZE_KEYS.contains(k)) {
                throw keyError(tb, k, "key '" + k + "' is for minimize stages, and this stage has type = \"md\"; remove it");
            }
            String home = HOMES.get(k);
            if (home != null) {
                throw keyError(tb, k, "key '" + k + "' belongs " + home + "; move it there");
            }
            String near = suggest(k, allowed);
            if (near != null) {
                throw keyError(tb, k, "unknown key '" + k + "'; did you mean '" + near + "'?");
            }
            throw keyError(tb, k, "unknown key '" + k + "'; the keys here are " + String.join(", ", allowed) + " (see " + DOC + ")");
        }
    }

    /** The closest of {@code candidates} to {@code input} (edit distance, case and '-'/'_' ignored), or null. */
    static String suggest(String input, Collection<String> candidates) {
        String a = fold(input);
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = org.sheath.forcefields.text.EditDistance.distance(a, fold(c));
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        int limit = a.length() <= 3 ? 1 : a.length() <= 6 ? 2 : 3;
        if (best != null && bestD <= limit) return best;
        if (a.length() >= 3) {
            for (String c : candidates) {
                String f = fold(c);
                if (f.length() >= 3 && (f.startsWith(a) || a.startsWith(f))) return c;
            }
        }
        return null;
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    // ------------------------------------------------------------------ typed values

    private String string(Tbl tb, String k) {
        Object v = tb.get(k);
        if (v == null) return null;
        if (v instanceof String s) return s;
        throw at(tb, k, "expected a string in quotes, e.g. " + k + " = \"" + (v instanceof TomlTable || v instanceof TomlArray ? "..." : v) + "\"");
    }

    private String requiredString(Tbl tb, String k, String example) {
        String s = string(tb, k);
        if (s == null) throw in(tb, "no " + k + "; add " + k + " = " + example);
        if (s.isBlank()) throw at(tb, k, "empty; write e.g. " + k + " = " + example);
        return s;
    }

    private static final Map<String, String> STAGE_TYPES = new LinkedHashMap<>();

    static {
        STAGE_TYPES.put("minimize", "minimize");
        STAGE_TYPES.put("md", "md");
    }

    private static final Map<String, String> INTEGER_EXAMPLES = Map.of("seed", "7", "pme_order", "4", "nh_chain_length", "3",
            "begin", "0", "end", "100", "step", "1");

    private Long integer(Tbl tb, String k) {
        Object v = tb.get(k);
        if (v == null) return null;
        if (v instanceof Long l) return l;
        if (v instanceof Double d && d == Math.rint(d)) {
            throw at(tb, k, "expected a whole number; write " + k + " = " + (long) d.doubleValue() + " (no decimal point)");
        }
        if (v instanceof String s && s.trim().matches("[+-]?\\d+")) {
            throw at(tb, k, "expected a whole number without quotes; write " + k + " = " + s.trim());
        }
        throw at(tb, k, "expected a whole number, not " + typeName(v) + "; e.g. " + k + " = " + INTEGER_EXAMPLES.getOrDefault(k, "5000"));
    }

    private long positiveInteger(Tbl tb, String k, long dflt) {
        Long v = integer(tb, k);
        if (v == null) return dflt;
        if (v <= 0) throw at(tb, k, "must be a whole number > 0; e.g. " + k + " = " + dflt);
        return v;
    }

    private Double quantity(Tbl tb, String k, Kind kind) {
        Object v = tb.get(k);
        if (v == null) return null;
        return quantityOf(v, kind, tb.line(k), tb.value(k), k);
    }

    /** A number (internal unit) or a string with a unit; errors at {@code line}, labelled {@code label}. */
    private double quantityOf(Object v, Kind kind, int line, String label, String key) {
        if (v instanceof Long l) return l;
        if (v instanceof Double d) {
            if (!Double.isFinite(d)) throw new InputException(file, line, label + ": must be a finite number");
            return d;
        }
        if (v instanceof String s) {
            try {
                double x = Quantity.parse(s, kind);
                if (!Double.isFinite(x)) throw new InputException(file, line, label + ": must be a finite number");
                return x;
            } catch (Quantity.UnitException e) {
                throw new InputException(file, line, label + ": " + e.getMessage());
            }
        }
        throw new InputException(file, line, label + ": expected a number (" + kind.internalUnit() + ") or a string with a "
                + kind.label() + " unit, not " + typeName(v) + "; e.g. " + key + " = \"" + Quantity.example(kind) + "\"");
    }

    private double positive(Tbl tb, String k, Kind kind, double dflt) {
        Double v = quantity(tb, k, kind);
        if (v == null) return dflt;
        if (!(v > 0)) throw at(tb, k, "must be > 0; e.g. " + k + " = \"" + Quantity.example(kind) + "\"");
        return v;
    }

    private static <E extends Enum<E> & DeckValue> Map<String, E> names(Class<E> type) {
        Map<String, E> m = new LinkedHashMap<>();
        for (E e : type.getEnumConstants()) m.put(e.deckName(), e);
        return m;
    }

    private <T> T choice(Tbl tb, String k, String what, Map<String, T> byName, T dflt) {
        Object v = tb.get(k);
        if (v == null) return dflt;
        String list = orList(byName.keySet());
        if (!(v instanceof String s)) throw at(tb, k, "expected " + list + " in quotes");
        String n = squash(s);
        for (Map.Entry<String, T> e : byName.entrySet()) if (squash(e.getKey()).equals(n)) return e.getValue();
        String near = suggest(s, byName.keySet());
        throw at(tb, k, "unknown " + what + " '" + s + "'; use " + list + (near != null ? " (did you mean '" + near + "'?)" : ""));
    }

    private static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
    }

    static String orList(Collection<String> names) {
        List<String> l = new ArrayList<>(names);
        if (l.size() == 1) return l.get(0);
        return String.join(", ", l.subList(0, l.size() - 1)) + " or " + l.get(l.size() - 1);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    // ------------------------------------------------------------------ [forces], [output]

    private ForcesSpec forces(Tbl tb) {
        ForcesSpec d = ForcesSpec.DEFAULTS;
        if (tb == null) return d;
        checkKeys(tb, FORCES_KEYS, "");
        double cutoff = positive(tb, "cutoff", Kind.LENGTH, d.cutoff());
        if (cutoff < 0.5) warnAt(tb, "cutoff", "a cut-off below 0.5 nm cuts Lennard-Jones short; 0.9-1.2 nm is usual");
        Object rv = tb.get("ewald_rtol");
        if (rv != null && !(rv instanceof Long || rv instanceof Double)) {
            throw at(tb, "ewald_rtol", "expected a plain number (no quotes, no unit), e.g. ewald_rtol = 1e-5");
        }
        Double rtol = rv == null ? null : ((Number) rv).doubleValue();
        double ewaldRtol = rtol == null ? d.ewaldRtol() : rtol;
        if (!(ewaldRtol > 0 && ewaldRtol < 1)) throw at(tb, "ewald_rtol", "must be between 0 and 1; e.g. ewald_rtol = 1e-5");
        double spacing = positive(tb, "fourier_spacing", Kind.LENGTH, d.fourierSpacing());
        Long order = integer(tb, "pme_order");
        int pmeOrder = order == null ? d.pmeOrder() : order.intValue();
        if (order != null && (order < 3 || order > 12)) throw at(tb, "pme_order", "must be 3 to 12; e.g. pme_order = 4");
        Map<String, Modifier> mods = new LinkedHashMap<>();
        for (Modifier m : Modifier.values()) mods.put(m.mdpName(), m);
        Modifier vdw = choice(tb, "vdw_modifier", "modifier", mods, d.vdwModifier());
        Modifier coul = choice(tb, "coulomb_modifier", "modifier", mods, d.coulombModifier());
        Map<String, DispCorrMode> dc = new LinkedHashMap<>();
        for (DispCorrMode m : new DispCorrMode[] {DispCorrMode.ENER_PRES, DispCorrMode.ENER, DispCorrMode.NO}) dc.put(m.mdpName(), m);
        DispCorrMode disp = choice(tb, "dispcorr", "dispcorr", dc, d.dispCorr());
        ForcesSpec.Constraints cons = choice(tb, "constraints", "constraints", names(ForcesSpec.Constraints.class), d.constraints());
        Double buffer = quantity(tb, "list_buffer", Kind.LENGTH);
        if (buffer != null && !(buffer >= 0)) throw at(tb, "list_buffer", "must be >= 0 nm; e.g. list_buffer = 0.1");
        Map<String, NonbondedKernel> kernels = new LinkedHashMap<>();
        for (String k : new String[] {"cluster", "reference", "fast", "double", "single"}) kernels.put(k, NonbondedKernel.parse(k));
        NonbondedKernel kernel = choice(tb, "kernel", "kernel", kernels, d.kernel());
        Object tv = tb.get("verlet_buffer_tolerance");
        if (tv != null && !(tv instanceof Long || tv instanceof Double)) {
            throw at(tb, "verlet_buffer_tolerance", "expected a plain number in kJ/mol/ps per atom, e.g. verlet_buffer_tolerance = 0.005");
        }
        double tol = tv == null ? d.verletBufferTolerance() : ((Number) tv).doubleValue();
        if (!(tol > 0)) throw at(tb, "verlet_buffer_tolerance", "must be > 0 kJ/mol/ps per atom; e.g. verlet_buffer_tolerance = 0.005");
        if (tv != null && buffer != null) {
            throw at(tb, "verlet_buffer_tolerance", "give either list_buffer (a fixed buffer) or verlet_buffer_tolerance (a buffer sized for it), not both");
        }
        Long nl = integer(tb, "nstlist");
        if (nl != null && (nl < 1 || nl > 1000)) throw at(tb, "nstlist", "must be 1 to 1000 steps; e.g. nstlist = 20");
        return new ForcesSpec(cutoff, ewaldRtol, spacing, pmeOrder, vdw, coul, disp, cons, buffer == null ? d.listBuffer() : buffer,
                kernel, tol, nl == null ? 0 : nl.intValue());
    }

    private OutputSpec output(Tbl tb) {
        OutputSpec d = OutputSpec.DEFAULTS;
        if (tb == null) return d;
        checkKeys(tb, OUTPUT_KEYS, "");
        double energies = positive(tb, "energies", Kind.TIME, d.energies());
        Double traj = quantity(tb, "trajectory", Kind.TIME);
        if (traj != null && traj < 0) throw at(tb, "trajectory", "must be >= 0 (0: no trajectory); e.g. trajectory = \"1 ps\"");
        OutputSpec.Format format = choice(tb, "format", "format", names(OutputSpec.Format.class), d.format());
        OutputSpec.Checkpoint cp = d.checkpoint();
        Object c = tb.get("checkpoint");
        if (c != null) {
            OutputSpec.Checkpoint.Clock clock = OutputSpec.Checkpoint.Clock.SIMULATED;
            Kind kind = Kind.TIME;
            if (c instanceof String s && Quantity.unitOf(s) != null && Quantity.kindOf(Quantity.unitOf(s)) == Kind.WALL_TIME) {
                clock = OutputSpec.Checkpoint.Clock.WALL;
                kind = Kind.WALL_TIME;
            } else if (c instanceof String s && Quantity.unitOf(s) != null && !Quantity.unitOf(s).isEmpty()
                    && Quantity.kindOf(Quantity.unitOf(s)) != Kind.TIME) {
                throw at(tb, "checkpoint", "unknown unit '" + Quantity.unitOf(s) + "'; use a wall-clock time (s, min, h)"
                        + " or a simulated time (fs, ps, ns, us), e.g. checkpoint = \"15 min\"");
            }
            double v = quantityOf(c, kind, tb.line("checkpoint"), tb.value("checkpoint"), "checkpoint");
            if (v < 0) throw at(tb, "checkpoint", "must be >= 0 (0: only at stage ends and on signals); e.g. checkpoint = \"15 min\"");
            cp = new OutputSpec.Checkpoint(clock, v);
        }
        return new OutputSpec(energies, traj == null ? d.trajectory() : traj, format, cp);
    }

    // ------------------------------------------------------------------ [system]

    private SystemSpec system(Tbl root, ForcesSpec forces) {
        if (root.get("system") == null) {
            throw new InputException(file, 0, "no [system]; add [system] with topology = \"system.top\" and coordinates ="
                    + " \"conf.gro\", or with molecules = { LI = 20, TFSI = 20, DMF = 250 } and density = 1.0");
        }
        Tbl s = subTable(root, "system");
        checkKeys(s, SYSTEM_KEYS, "");
        List<String> defines = defines(s);
        boolean files = s.has("topology") || s.has("coordinates");
        boolean composition = s.has("molecules");
        if (files && composition) {
            throw keyError(s, "molecules", "both topology/coordinates and molecules given; keep topology + coordinates,"
                    + " or molecules + density (or box)");
        }
        if (!files && !composition) {
            throw in(s, "no system given; add topology + coordinates, or molecules + density (or box)");
        }
        if (files) {
            for (String k : List.of("density", "box")) {
                if (s.has(k)) throw at(s, k, k + " is for a composition (molecules); the coordinates file gives the box; remove it");
            }
            if (!s.has("topology")) throw keyError(s, "coordinates", "coordinates without a topology; add topology = \"system.top\"");
            if (!s.has("coordinates")) {
                throw keyError(s, "topology", "a topology without coordinates; add coordinates = \"conf.gro\""
                        + " (or give molecules to have the box built)");
            }
            Path top = existingFile(s, "topology", TOPOLOGY_EXTENSIONS, "a GROMACS .top/.itp or an AMBER .prmtop");
            Path crd = existingFile(s, "coordinates", COORDINATE_EXTENSIONS, ".gro, .pdb, .inpcrd or .rst7");
            checkCoordinateBox(s, crd, forces);
            return new SystemSpec.FromFiles(top, crd, defines);
        }
        return composition(s, defines, forces);
    }

    private List<String> defines(Tbl s) {
        Object v = s.get("defines");
        if (v == null) return List.of();
        List<Object> items = new ArrayList<>();
        if (v instanceof String str) items.add(str);
        else if (v instanceof TomlArray a) items.addAll(a.toList());
        else throw at(s, "defines", "expected a list of names in quotes, e.g. defines = [\"CHARGE_SCALE_0_8\"]");
        List<String> out = new ArrayList<>();
        for (Object o : items) {
            if (!(o instanceof String d) || !DEFINE.matcher(d.trim()).matches()) {
                throw at(s, "defines", "each define is a name in quotes (NAME or NAME=VALUE, no -D), e.g. defines = [\"CHARGE_SCALE_0_8\"]");
            }
            out.add(d.trim());
        }
        return out;
    }

    private Path existingFile(Tbl s, String k, List<String> extensions, String formats) {
        String name = string(s, k);
        if (name.isBlank()) throw at(s, k, "empty; give the file's path (relative to the deck's folder)");
        Path p;
        try {
            p = dir.resolve(name).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw at(s, k, "not a valid path: " + e.getReason());
        }
        String fn = p.getFileName() == null ? "" : p.getFileName().toString();
        String ext = fn.contains(".") ? fn.substring(fn.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!extensions.contains(ext)) throw at(s, k, "unknown format '." + ext + "'; use " + formats);
        if (Files.isDirectory(p)) throw at(s, k, p + " is a folder; name the file");
        if (!Files.isRegularFile(p)) {
            throw at(s, k, "no such file " + p + "; relative paths are relative to the deck's folder " + dir);
        }
        return p;
    }

    /** For .gro files: the box in the last line must hold twice the pair-list radius (other formats: the runner checks). */
    private void checkCoordinateBox(Tbl s, Path crd, ForcesSpec forces) {
        if (!crd.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gro")) return;
        double[] v;
        try {
            v = lastGroLine(crd);
        } catch (IOException | RuntimeException e) {
            return; // the reader reports a broken file with its own line
        }
        if (v == null) return;
        Box box = v.length >= 9 ? new Box(v[0], v[5], v[1], v[7], v[8], v[2]) : Box.rectangular(v[0], v[1], v[2]);
        double h = box.minHeight();
        if (!(h > 0)) return;
        if (h < 2 * forces.rlist()) {
            throw at(s, "coordinates", "the box is " + Quantity.trim(h) + " nm across, less than twice the cut-off plus"
                    + " pair-list buffer (2 x " + Quantity.trim(forces.rlist()) + " = " + Quantity.trim(2 * forces.rlist())
                    + " nm); use a larger box, or lower forces.cutoff / forces.list_buffer");
        }
    }

    private static double[] lastGroLine(Path p) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "r")) {
            long len = f.length();
            int n = (int) Math.min(len, 4096);
            byte[] b = new byte[n];
            f.seek(len - n);
            f.readFully(b);
            String[] lines = new String(b, StandardCharsets.ISO_8859_1).split("\\r?\\n");
            for (int i = lines.length - 1; i >= 0; i--) {
                String l = lines[i].trim();
                if (l.isEmpty()) continue;
                String[] f9 = l.split("\\s+");
                if (f9.length != 3 && f9.length != 9) return null;
                double[] v = new double[f9.length];
                for (int k = 0; k < v.length; k++) v[k] = Double.parseDouble(f9[k]);
                return v;
            }
            return null;
        }
    }

    private SystemSpec composition(Tbl s, List<String> defines, ForcesSpec forces) {
        Object mv = s.get("molecules");
        if (!(mv instanceof TomlTable mt)) {
            throw at(s, "molecules", "expected a table of species and counts, e.g. molecules = { LI = 20, TFSI = 20, DMF = 250 }");
        }
        if (mt.isEmpty()) throw at(s, "molecules", "no molecules; e.g. molecules = { LI = 20, TFSI = 20, DMF = 250 }");
        Tbl m = new Tbl(mt, "[system]", "system.molecules.", s.line("molecules"));
        Map<String, BundledSpecies.Species> known = BundledSpecies.all();
        Map<String, Integer> molecules = new LinkedHashMap<>();
        double mass = 0;
        for (String name : orderedKeys(mt)) {
            Object c = mt.get(List.of(name));
            if (!(c instanceof Long n) || n <= 0 || n > Integer.MAX_VALUE) {
                throw at(m, name, "a count is a whole number > 0; e.g. " + name + " = 20");
            }
            BundledSpecies.Species sp = known.get(name);
            if (sp == null) {
                String near = null;
                for (String k : known.keySet()) if (k.equalsIgnoreCase(name)) near = k;
                if (near == null) near = suggest(name, known.keySet());
                throw keyError(m, name, "unknown species '" + name + "'; the bundled " + BundledSpecies.LIBRARY + " has "
                        + String.join(", ", known.keySet()) + (near != null ? " (did you mean '" + near + "'?)" : "")
                        + ", or give topology + coordinates");
            }
            molecules.put(name, n.intValue());
            mass += n * sp.mass();
        }
        if (s.has("density") && s.has("box")) {
            throw keyError(s, "box", "both density and box given; keep one (the other follows from the molecules' mass)");
        }
        if (!s.has("density") && !s.has("box")) {
            throw in(s, "molecules need a density or a box to be packed into; add density = 1.0 (g/cm³) or box = 4.0 (nm)");
        }
        double gramsPerCm3;
        double edge;
        OptionalDouble density = OptionalDouble.empty();
        Optional<SystemSpec.BoxSize> box = Optional.empty();
        if (s.has("density")) {
            double d = quantity(s, "density", Kind.DENSITY);
            if (!(d > 0)) throw at(s, "density", "must be > 0; e.g. density = 1.0 (g/cm³)");
            double volumeNm3 = mass * AMU_GRAMS / d * 1e21;
            edge = Math.cbrt(volumeNm3);
            gramsPerCm3 = d;
            density = OptionalDouble.of(d);
            if (edge < 2 * forces.rlist()) {
                throw at(s, "density", "these molecules at this density fill a cube " + Quantity.trim(edge) + " nm wide, less"
                        + " than twice the cut-off plus pair-list buffer (2 x " + Quantity.trim(forces.rlist()) + " = "
                        + Quantity.trim(2 * forces.rlist()) + " nm); add molecules, or lower forces.cutoff / forces.list_buffer");
            }
        } else {
            SystemSpec.BoxSize b = boxSize(s);
            if (b.minEdge() < 2 * forces.rlist()) {
                throw at(s, "box", "an edge of " + Quantity.trim(b.minEdge()) + " nm is less than twice the cut-off plus"
                        + " pair-list buffer (2 x " + Quantity.trim(forces.rlist()) + " = " + Quantity.trim(2 * forces.rlist())
                        + " nm); make the box larger, or lower forces.cutoff / forces.list_buffer");
            }
            gramsPerCm3 = mass * AMU_GRAMS / (b.volume() * 1e-21);
            box = Optional.of(b);
        }
        String key = density.isPresent() ? "density" : "box";
        if (gramsPerCm3 < 0.3 || gramsPerCm3 > 3.0) {
            warnAt(s, key, "a density of " + Quantity.trim(gramsPerCm3) + " g/cm³ is far from a liquid's (0.7-2 g/cm³);"
                    + " check the units (box in nm, density in g/cm³)");
        }
        return new SystemSpec.Composition(molecules, density, box, defines);
    }

    /** The keys of a table in the order they are written (by their positions in the deck). */
    private static List<String> orderedKeys(TomlTable t) {
        List<String> keys = new ArrayList<>(t.keySet());
        keys.sort((a, b) -> {
            TomlPosition pa = t.inputPositionOf(List.of(a));
            TomlPosition pb = t.inputPositionOf(List.of(b));
            if (pa == null || pb == null) return 0;
            return pa.line() != pb.line() ? Integer.compare(pa.line(), pb.line()) : Integer.compare(pa.column(), pb.column());
        });
        return keys;
    }

    private SystemSpec.BoxSize boxSize(Tbl s) {
        Object v = s.get("box");
        int line = s.line("box");
        String label = s.value("box");
        if (v instanceof TomlArray a) {
            if (a.size() != 3) throw at(s, "box", "expected one edge or three, e.g. box = 4.0 or box = [4.0, 4.0, 6.0] (nm)");
            double[] e = new double[3];
            for (int i = 0; i < 3; i++) {
                e[i] = quantityOf(a.get(i), Kind.LENGTH, line, label, "box");
                if (!(e[i] > 0)) throw at(s, "box", "every edge must be > 0 nm; e.g. box = [4.0, 4.0, 6.0]");
            }
            return new SystemSpec.BoxSize(e[0], e[1], e[2]);
        }
        double e = quantityOf(v, Kind.LENGTH, line, label, "box");
        if (!(e > 0)) throw at(s, "box", "must be > 0 nm; e.g. box = 4.0");
        return new SystemSpec.BoxSize(e, e, e);
    }

    // ------------------------------------------------------------------ [[stage]]

    private List<StageSpec> stages(Tbl root, SystemSpec system, ForcesSpec forces, OutputSpec output) {
        Object v = root.get("stage");
        String example = "[[stage]] with name = \"em\" and type = \"minimize\" (see " + DOC + ")";
        if (v == null) throw new InputException(file, 0, "no [[stage]]; add at least one, e.g. " + example);
        if (v instanceof TomlTable) {
            throw new InputException(file, root.line("stage"), "[stage]: stages are written [[stage]] (double brackets),"
                    + " one per stage; change [stage] to [[stage]]");
        }
        if (!(v instanceof TomlArray arr) || !allTables(arr)) {
            throw at(root, "stage", "expected [[stage]] tables; write each stage as a [[stage]] block");
        }
        if (arr.isEmpty()) throw new InputException(file, root.line("stage"), "no [[stage]]; add at least one, e.g. " + example);
        List<StageSpec> stages = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < arr.size(); i++) {
            TomlTable t = arr.getTable(i);
            TomlPosition pos = arr.inputPositionOf(i);
            Tbl tb = new Tbl(t, "[[stage]] #" + (i + 1), "[[stage]] #" + (i + 1) + ": ", pos == null ? 0 : pos.line());
            Set<String> stageKeys = new LinkedHashSet<>(STAGE_KEYS);
            stageKeys.addAll(MINIMIZE_KEYS);
            stageKeys.addAll(MD_KEYS);
            String name = string(tb, "name");
            if (name == null) checkKeys(tb, stageKeys, ""); // a misspelt 'name' gets its did-you-mean first
            if (name == null) throw in(tb, "no name; add name = \"...\" (it names the stage's files, e.g. NAME.xtc)");
            if (!STAGE_NAME.matcher(name).matches()) {
                throw at(tb, "name", "a stage name names files (NAME.xtc, NAME.gro); use letters, digits, '-', '_' or '.',"
                        + " e.g. name = \"npt-1\"");
            }
            tb.name = "stage '" + name + "'";
            tb.keyPrefix = "stage '" + name + "': ";
            Integer before = seen.putIfAbsent(name, tb.line);
            if (before != null) {
                throw keyError(tb, "name", "the name '" + name + "' is taken by the stage at line " + before
                        + "; give each stage its own name");
            }
            Object type = tb.get("type");
            if (type == null) {
                checkKeys(tb, stageKeys, "");
                throw in(tb, "no type; add type = \"minimize\" or type = \"md\"");
            }
            String kind = choice(tb, "type", "stage type", STAGE_TYPES, "md");
            StageSpec previous = stages.isEmpty() ? null : stages.get(stages.size() - 1);
            boolean mdBefore = stages.stream().anyMatch(st -> st instanceof MdStage);
            if (kind.equals("minimize")) {
                List<String> allowed = new ArrayList<>(STAGE_KEYS);
                allowed.addAll(MINIMIZE_KEYS);
                checkKeys(tb, allowed, "minimize");
                stages.add(minimize(tb, name));
            } else {
                List<String> allowed = new ArrayList<>(STAGE_KEYS);
                allowed.addAll(MD_KEYS);
                checkKeys(tb, allowed, "md");
                stages.add(md(tb, name, previous instanceof MdStage, mdBefore, system, forces, output));
            }
        }
        return stages;
    }

    private MinimizeStage minimize(Tbl tb, String name) {
        MinimizeStage.Algorithm alg = choice(tb, "algorithm", "algorithm", names(MinimizeStage.Algorithm.class),
                MinimizeStage.Algorithm.STEEP);
        long steps = positiveInteger(tb, "steps", DEFAULT_MINIMIZE_STEPS);
        double emtol = positive(tb, "emtol", Kind.FORCE, DEFAULT_EMTOL);
        double emstep = positive(tb, "emstep", Kind.LENGTH, DEFAULT_EMSTEP);
        if (emstep > 0.1) warnAt(tb, "emstep", "moves atoms by more than 0.1 nm per step; 0.01 nm is usual");
        return new MinimizeStage(name, alg, steps, emtol, emstep, tb.line);
    }

    private MdStage md(Tbl tb, String name, boolean afterMd, boolean mdBefore, SystemSpec system, ForcesSpec forces,
                       OutputSpec output) {
        if (!tb.has("ensemble")) throw in(tb, "no ensemble; add ensemble = \"nvt\" (nve, nvt or npt)");
        Ensemble ens = choice(tb, "ensemble", "ensemble", names(Ensemble.class), null);

        // time step and length
        double dt = DEFAULT_DT;
        if (tb.has("dt")) {
            dt = quantity(tb, "dt", Kind.TIME);
            if (!(dt > 0)) throw at(tb, "dt", "the time step must be > 0; e.g. dt = \"2 fs\"");
            if (dt > MAX_DT) {
                throw at(tb, "dt", "a time step of " + Quantity.trim(dt * 1000) + " fs cannot be integrated (the limit is "
                        + Quantity.trim(MAX_DT * 1000) + " fs; 1-2 fs is usual); e.g. dt = \"2 fs\"");
            }
            double usual = forces.constraints().usualMaxDt();
            if (dt > usual * (1 + 1e-9)) {
                warnAt(tb, "dt", "larger than the " + Quantity.trim(usual * 1000) + " fs that is usually stable with"
                        + " constraints = \"" + forces.constraints().deckName() + "\""
                        + (forces.constraints() == ForcesSpec.Constraints.NONE ? " (bonds to hydrogen); set [forces] constraints = \"h-bonds\" or a smaller dt"
                        : "; watch the conserved energy"));
            }
        }
        long steps;
        if (tb.has("length") && tb.has("steps")) {
            throw keyError(tb, "steps", "both length and steps given; keep one");
        } else if (tb.has("steps")) {
            steps = positiveInteger(tb, "steps", 1);
        } else if (tb.has("length")) {
            double length = quantity(tb, "length", Kind.TIME);
            if (!(length > 0)) throw at(tb, "length", "must be > 0; e.g. length = \"100 ps\"");
            double n = length / dt;
            steps = Math.round(n);
            if (steps < 1) throw at(tb, "length", "shorter than one time step (" + Quantity.format(dt, Kind.TIME) + "); make it longer");
            if (Math.abs(n - steps) > 1e-6 * Math.max(1, n)) {
                warnAt(tb, "length", "not a whole number of time steps of " + Quantity.format(dt, Kind.TIME) + "; running "
                        + steps + " steps (" + Quantity.format(steps * dt, Kind.TIME) + ")");
            }
        } else {
            throw in(tb, "no length; add length = \"100 ps\" or steps = N");
        }
        double length = steps * dt;

        // velocities
        Velocities vel = choice(tb, "velocities", "velocities", names(Velocities.class),
                afterMd ? Velocities.CONTINUE : Velocities.MAXWELL);
        if (vel == Velocities.CONTINUE && !mdBefore && system instanceof SystemSpec.Composition) {
            throw at(tb, "velocities", "the built box has no velocities to continue (no md stage runs before this one);"
                    + " use velocities = \"maxwell\"");
        }

        // temperature and thermostat
        boolean thermostatted = ens != Ensemble.NVE;
        Optional<TemperatureSchedule> temperature = Optional.empty();
        if (tb.has("temperature")) {
            if (ens == Ensemble.NVE && vel == Velocities.CONTINUE) {
                throw at(tb, "temperature", "an nve stage that continues its velocities uses no temperature; remove it,"
                        + " or set ensemble = \"nvt\" to hold one");
            }
            TemperatureSchedule sched = temperature(tb, length);
            if (ens == Ensemble.NVE && sched.points().size() > 1) {
                throw at(tb, "temperature", "an nve stage cannot follow a schedule; give one temperature for its Maxwell"
                        + " velocities, or set ensemble = \"nvt\"");
            }
            temperature = Optional.of(sched);
        } else if (thermostatted) {
            throw in(tb, "an " + ens.deckName() + " stage needs a temperature; add temperature = 300 (K)");
        } else if (vel == Velocities.MAXWELL) {
            throw in(tb, "velocities = \"maxwell\" needs a temperature to draw them at; add temperature = 300 (K),"
                    + " or velocities = \"continue\"");
        }
        Optional<ThermostatSpec> thermostat = Optional.empty();
        if (!thermostatted) {
            for (String k : List.of("thermostat", "tau_t", "nh_chain_length")) {
                if (tb.has(k)) {
                    throw at(tb, k, "an nve stage has no thermostat; remove " + k + ", or set ensemble = \"nvt\"");
                }
            }
        } else {
            if (!tb.has("thermostat")) {
                throw in(tb, "an " + ens.deckName() + " stage needs a thermostat; add thermostat = \"v-rescale\""
                        + " (nose-hoover, v-rescale or langevin)");
            }
            ThermostatSpec.Type type = choice(tb, "thermostat", "thermostat", names(ThermostatSpec.Type.class), null);
            double tauT = positive(tb, "tau_t", Kind.TIME, type.defaultTauT());
            int chain = 1;
            if (type == ThermostatSpec.Type.NOSE_HOOVER) {
                chain = (int) Math.min(positiveInteger(tb, "nh_chain_length", DEFAULT_NH_CHAIN), 1000);
            } else if (tb.has("nh_chain_length")) {
                throw at(tb, "nh_chain_length", "only nose-hoover has chains; remove it, or set thermostat = \"nose-hoover\"");
            }
            if (tauT < 10 * dt) {
                warnAt(tb, "tau_t", "shorter than 10 time steps (" + Quantity.format(10 * dt, Kind.TIME) + "); the"
                        + " thermostat will fight the dynamics");
            }
            thermostat = Optional.of(new ThermostatSpec(type, tauT, chain));
        }

        // barostat
        Optional<BarostatSpec> barostat = Optional.empty();
        if (ens != Ensemble.NPT) {
            for (String k : BAROSTAT_KEYS) {
                if (tb.has(k)) {
                    throw at(tb, k, "pressure coupling is for npt stages; remove " + k + ", or set ensemble = \"npt\"");
                }
            }
        } else {
            if (!tb.has("barostat")) {
                throw in(tb, "an npt stage needs a barostat; add barostat = \"c-rescale\" (mtk, c-rescale or berendsen)");
            }
            BarostatSpec.Type type = choice(tb, "barostat", "barostat", names(BarostatSpec.Type.class), null);
            if (!tb.has("pressure")) throw in(tb, "an npt stage needs a pressure; add pressure = \"1 bar\"");
            BarostatSpec.Coupling coupling = choice(tb, "coupling", "coupling", names(BarostatSpec.Coupling.class),
                    BarostatSpec.Coupling.ISOTROPIC);
            double[] p = pair(tb, "pressure", Kind.PRESSURE, coupling, Double.NaN, false);
            double tauP = positive(tb, "tau_p", Kind.TIME, BarostatSpec.DEFAULT_TAU_P);
            double[] comp = pair(tb, "compressibility", Kind.COMPRESSIBILITY, coupling, BarostatSpec.DEFAULT_COMPRESSIBILITY, true);
            Long nstp = integer(tb, "nstpcouple");
            if (nstp != null && type == BarostatSpec.Type.MTK) {
                throw at(tb, "nstpcouple", "mtk couples the box every step; remove nstpcouple (it is for c-rescale and berendsen)");
            }
            if (nstp != null && (nstp < 1 || nstp > 1000)) throw at(tb, "nstpcouple", "must be 1 to 1000 steps; e.g. nstpcouple = 10");
            // GROMACS's rule for first-order coupling: at least 5 couplings per tau_p
            long longest = (long) Math.max(1, Math.floor(tauP / (5 * dt) + 1e-9));
            // unset: 10, or fewer when tau_p is short (as GROMACS 2023 lowers its default)
            int nstpcouple = nstp != null ? nstp.intValue() : (int) Math.min(BarostatSpec.DEFAULT_NSTPCOUPLE, longest);
            if (nstp != null && tauP < 5 * nstpcouple * dt - 1e-12) {
                throw at(tb, "nstpcouple", "nstpcouple × dt = " + Quantity.format(nstpcouple * dt, Kind.TIME) + " is more than tau_p/5 ("
                        + Quantity.format(tauP / 5, Kind.TIME) + "); use nstpcouple ≤ " + longest + " or a longer tau_p");
            }
            if (type == BarostatSpec.Type.BERENDSEN) {
                warnAt(tb, "barostat", "the Berendsen barostat does not sample the NPT ensemble (volume fluctuations are"
                        + " too small); fine to equilibrate, use c-rescale or mtk for production");
            }
            if (thermostat.isPresent() && tauP < thermostat.get().tauT()) {
                warnAt(tb, "tau_p", "shorter than tau_t (" + Quantity.format(thermostat.get().tauT(), Kind.TIME)
                        + "); the box then responds faster than the temperature settles, which can oscillate");
            }
            barostat = Optional.of(new BarostatSpec(type, p[0], p[1], tauP, comp[0], comp[1], coupling, nstpcouple));
        }

        MdStage.CommRemoval comm = choice(tb, "comm_removal", "comm_removal", names(MdStage.CommRemoval.class),
                MdStage.CommRemoval.LINEAR);
        if (comm == MdStage.CommRemoval.ANGULAR) {
            warnAt(tb, "comm_removal", "angular momentum is not conserved in a periodic box, so removing it disturbs the"
                    + " dynamics; use \"linear\"");
        }
        OptionalLong seed = tb.has("seed") ? OptionalLong.of(seed(tb, 0)) : OptionalLong.empty();

        checkIntervals(tb, name, dt, output);
        return new MdStage(name, ens, dt, steps, temperature, thermostat, barostat, vel, comm, seed, tb.line);
    }

    /** A value or, for semi-isotropic coupling, a pair [xy, z]. */
    private double[] pair(Tbl tb, String k, Kind kind, BarostatSpec.Coupling coupling, double dflt, boolean positive) {
        Object v = tb.get(k);
        if (v == null) return new double[] {dflt, dflt};
        int line = tb.line(k);
        double[] r = new double[2];
        if (v instanceof TomlArray a) {
            if (coupling != BarostatSpec.Coupling.SEMI_ISOTROPIC || a.size() != 2) {
                throw at(tb, k, coupling == BarostatSpec.Coupling.SEMI_ISOTROPIC
                        ? "expected one value or two [xy, z]" : "isotropic coupling takes one value; write one, or set coupling = \"semi-isotropic\" for [xy, z]");
            }
            r[0] = quantityOf(a.get(0), kind, line, tb.value(k), k);
            r[1] = quantityOf(a.get(1), kind, line, tb.value(k), k);
        } else {
            r[0] = r[1] = quantityOf(v, kind, line, tb.value(k), k);
        }
        if (positive && !(r[0] > 0 && r[1] > 0)) {
            throw at(tb, k, "must be > 0; e.g. " + k + " = " + (kind == Kind.COMPRESSIBILITY ? "4.5e-5 (1/bar)" : "1.0"));
        }
        return r;
    }

    private TemperatureSchedule temperature(Tbl tb, double length) {
        Object v = tb.get("temperature");
        int line = tb.line("temperature");
        String label = tb.value("temperature");
        if (!(v instanceof TomlArray a)) {
            double k = quantityOf(v, Kind.TEMPERATURE, line, label, "temperature");
            if (!(k > 0)) throw at(tb, "temperature", "must be > 0 K; e.g. temperature = 300");
            return TemperatureSchedule.constant(k);
        }
        String form = "a schedule is a list of [time, K] points, e.g. temperature = [[0, 700], [100, 300]];"
                + " for one temperature write temperature = 300";
        if (a.isEmpty()) throw at(tb, "temperature", "empty; " + form);
        List<TemperatureSchedule.Point> points = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            Object e = a.get(i);
            int pl = line; // tomlj's element positions are unreliable in arrays written over several lines
            String pointLabel = tb.keyPrefix + "temperature point " + render(e);
            if (!(e instanceof TomlArray p) || p.size() != 2) throw new InputException(file, pl, label + ": " + form);
            double t = quantityOf(p.get(0), Kind.TIME, pl, pointLabel, "time");
            double k = quantityOf(p.get(1), Kind.TEMPERATURE, pl, pointLabel, "temperature");
            if (!(k > 0)) throw new InputException(file, pl, pointLabel + ": temperatures must be > 0 K");
            if (i == 0 && t != 0) {
                throw new InputException(file, pl, pointLabel + ": the first point must be at time 0 (the stage's start);"
                        + " e.g. [[0, 700], [100, 300]]");
            }
            if (i > 0 && !(t > points.get(i - 1).time())) {
                throw new InputException(file, pl, pointLabel + ": times must increase, and " + Quantity.format(t, Kind.TIME)
                        + " comes after " + Quantity.format(points.get(i - 1).time(), Kind.TIME) + "; sort the points by time");
            }
            if (t > length * (1 + 1e-9)) {
                throw new InputException(file, pl, pointLabel + ": " + Quantity.format(t, Kind.TIME) + " is after the end of"
                        + " the stage (" + Quantity.format(length, Kind.TIME) + "); end the schedule within the stage's length");
            }
            points.add(new TemperatureSchedule.Point(t, k));
        }
        return new TemperatureSchedule(points);
    }

    /** Output intervals should be whole numbers of steps. */
    private void checkIntervals(Tbl tb, String name, double dt, OutputSpec output) {
        Map<String, Double> intervals = new LinkedHashMap<>();
        intervals.put("energies", output.energies());
        if (output.writesTrajectory()) intervals.put("trajectory", output.trajectory());
        if (!output.checkpoint().wallClock() && output.checkpoint().periodic()) intervals.put("checkpoint", output.checkpoint().value());
        for (Map.Entry<String, Double> e : intervals.entrySet()) {
            double n = e.getValue() / dt;
            long r = Math.max(1, Math.round(n));
            if (Math.abs(n - r) > 1e-6 * Math.max(1, n)) {
                warnIn(tb, "[output] " + e.getKey() + " = " + Quantity.format(e.getValue(), Kind.TIME) + " is not a whole"
                        + " number of time steps of " + Quantity.format(dt, Kind.TIME) + "; this stage uses every " + r
                        + " steps (" + Quantity.format(r * dt, Kind.TIME) + ")");
            }
        }
    }

    // ------------------------------------------------------------------ [[analysis]]

    private List<AnalysisSpec> analyses(Tbl root, List<StageSpec> stages, OutputSpec output) {
        Object v = root.get("analysis");
        if (v == null) return List.of();
        if (v instanceof TomlTable) {
            throw new InputException(file, root.line("analysis"), "[analysis]: analyses are written [[analysis]] (double"
                    + " brackets), one per analysis; change [analysis] to [[analysis]]");
        }
        if (!(v instanceof TomlArray arr) || !allTables(arr)) {
            throw at(root, "analysis", "expected [[analysis]] tables; write each analysis as an [[analysis]] block");
        }
        List<AnalysisSpec> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            TomlPosition pos = arr.inputPositionOf(i);
            Tbl tb = new Tbl(arr.getTable(i), "[[analysis]] #" + (i + 1), "[[analysis]] #" + (i + 1) + ": ",
                    pos == null ? 0 : pos.line());
            out.add(analysis(tb, stages, output));
        }
        return out;
    }

    private AnalysisSpec analysis(Tbl tb, List<StageSpec> stages, OutputSpec output) {
        if (!tb.has("type")) {
            List<String> all = new ArrayList<>(List.of("stage", "type"));
            all.addAll(AnalysisOptions.allNames());
            for (String k : tb.t.keySet()) {
                if (all.contains(k.replace('_', '-'))) continue;
                String near = suggest(k, all);
                throw keyError(tb, k, "unknown key '" + k + "'" + (near != null ? "; did you mean '" + near + "'?"
                        : "; an analysis takes stage, type and the options of sheath analyze TYPE (see " + DOC + ")"));
            }
            throw in(tb, "no type; add type = \"rdf\" (rdf, shells or msd)");
        }
        AnalysisSpec.Type type = choice(tb, "type", "analysis type", names(AnalysisSpec.Type.class), null);
        Map<String, Option> table = AnalysisOptions.of(type);
        // keys first, so that a typo gets a did-you-mean rather than "missing"
        Map<String, String> canonical = new LinkedHashMap<>();
        for (String k : tb.t.keySet()) {
            if (k.equals("stage") || k.equals("type")) continue;
            String c = k.replace('_', '-');
            if (!table.containsKey(c)) {
                List<String> choices = new ArrayList<>(List.of("stage", "type"));
                choices.addAll(table.keySet());
                String near = suggest(k, choices);
                if (near != null) throw keyError(tb, k, "unknown key '" + k + "'; did you mean '" + near + "'?");
                if (AnalysisOptions.allNames().contains(c)) {
                    throw keyError(tb, k, "'" + k + "' is not an option of sheath analyze " + type.deckName() + "; remove it"
                            + " (it takes " + String.join(", ", table.keySet()) + ")");
                }
                throw keyError(tb, k, "unknown key '" + k + "'; an " + type.deckName() + " analysis takes stage, type, "
                        + String.join(", ", table.keySet()));
            }
            String prev = canonical.put(c, k);
            if (prev != null) throw keyError(tb, k, "'" + k + "' repeats '" + prev + "'; keep one");
        }
        if (!tb.has("stage")) throw in(tb, "no stage; add stage = \"NAME\" naming the md stage whose trajectory to analyse");
        String stageName = string(tb, "stage");
        StageSpec stage = stages.stream().filter(s -> s.name().equals(stageName)).findFirst().orElse(null);
        tb.name = "[[analysis]] #" + tb.name.substring(tb.name.indexOf('#') + 1) + " (" + type.deckName() + " of '" + stageName + "')";
        if (stage == null) {
            List<String> names = stages.stream().map(StageSpec::name).toList();
            String near = suggest(stageName, names);
            throw at(tb, "stage", "no stage is named '" + stageName + "'; the stages are " + String.join(", ", names)
                    + (near != null ? " (did you mean '" + near + "'?)" : ""));
        }
        if (!(stage instanceof MdStage)) {
            throw at(tb, "stage", "'" + stageName + "' is a minimize stage and writes no trajectory; name an md stage");
        }
        if (!output.writesTrajectory()) {
            throw at(tb, "stage", "[output] trajectory = 0 writes no frames to analyse; set trajectory = \"1 ps\" in [output]");
        }
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : canonical.entrySet()) {
            options.put(e.getKey(), optionValues(tb, e.getValue(), table.get(e.getKey())));
        }
        for (Map.Entry<String, Option> e : table.entrySet()) {
            if (e.getValue().required() && !options.containsKey(e.getKey())) {
                throw in(tb, "sheath analyze " + type.deckName() + " needs " + e.getKey() + "; add " + e.getKey() + " = "
                        + exampleOf(e.getKey()));
            }
        }
        return new AnalysisSpec(stageName, type, options, tb.line);
    }

    private static String exampleOf(String option) {
        return switch (option) {
            case "ref" -> "\"name LI\"";
            case "sel" -> "\"resname DMF and name O1\"";
            case "species" -> "{ DMF = \"resname DMF and name O1\", TFSI = \"resname TFSI and name O1 O2 O3 O4\" }";
            default -> "...";
        };
    }

    private List<String> optionValues(Tbl tb, String key, Option o) {
        Object v = tb.get(key);
        int line = tb.line(key);
        if (o.named()) {
            List<String> out = new ArrayList<>();
            if (v instanceof TomlTable t) {
                for (String name : orderedKeys(t)) out.add(name + "=" + scalar(tb, key, t.get(List.of(name)), o.kind(), line));
            } else if (v instanceof String || v instanceof TomlArray) {
                List<Object> items = v instanceof TomlArray a ? a.toList() : List.of(v);
                for (Object item : items) {
                    if (!(item instanceof String s) || s.indexOf('=') <= 0 || s.indexOf('=') == s.length() - 1) {
                        throw at(tb, key, "expected NAME=VALUE entries, or a table: " + key + " = { DMF = ... }");
                    }
                    int eq = s.indexOf('=');
                    out.add(s.substring(0, eq).trim() + "=" + scalar(tb, key, s.substring(eq + 1).trim(), o.kind(), line));
                }
            } else {
                throw at(tb, key, "expected a table of NAME = value, e.g. " + key + " = { DMF = ... }");
            }
            if (out.isEmpty()) throw at(tb, key, "empty; give at least one NAME = value");
            return out;
        }
        return List.of(scalar(tb, key, v, o.kind(), line));
    }

    /** One option value as the command line takes it, with units converted. */
    private String scalar(Tbl tb, String key, Object v, AnalysisOptions.Kind kind, int line) {
        String label = tb.value(key);
        switch (kind) {
            case SELECTION, WORD, NAMED_SELECTION -> {
                if (!(v instanceof String s) || s.isBlank()) {
                    throw new InputException(file, line, label + ": expected a non-empty string in quotes, e.g. "
                            + key + " = \"resname DMF and name O1\"");
                }
                List<String> choices = choicesOf(key);
                if (kind == AnalysisOptions.Kind.WORD && !choices.isEmpty() && !choices.contains(s.trim().toLowerCase(Locale.ROOT))) {
                    throw new InputException(file, line, label + ": use " + orList(choices));
                }
                return kind == AnalysisOptions.Kind.WORD && !choices.isEmpty() ? s.trim().toLowerCase(Locale.ROOT) : s.trim();
            }
            case FLAG -> {
                if (!(v instanceof Boolean b)) throw new InputException(file, line, label + ": expected true or false (no quotes)");
                return b.toString();
            }
            case LENGTH, NAMED_LENGTH -> {
                double x = quantityOf(v, Kind.LENGTH, line, label, key);
                if (!(x > 0)) throw new InputException(file, line, label + ": must be > 0 nm");
                return plain(x);
            }
            case TIME -> {
                double x = quantityOf(v, Kind.TIME, line, label, key);
                if (x < 0) throw new InputException(file, line, label + ": must be >= 0 ps");
                return plain(x);
            }
            case TEMPERATURE -> {
                double x = quantityOf(v, Kind.TEMPERATURE, line, label, key);
                if (!(x > 0)) throw new InputException(file, line, label + ": must be > 0 K");
                return plain(x);
            }
            case COUNT -> {
                if (!(v instanceof Long n) || n < 0) throw new InputException(file, line, label + ": expected a whole number >= 0");
                return n.toString();
            }
            case NUMBER, NAMED_NUMBER -> {
                if (v instanceof Long || v instanceof Double) return plain(((Number) v).doubleValue());
                if (v instanceof String s) {
                    try {
                        return plain(Double.parseDouble(s.trim()));
                    } catch (NumberFormatException e) {
                        // fall through
                    }
                }
                throw new InputException(file, line, label + ": expected a number");
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    private static List<String> choicesOf(String key) {
        String c = key.replace('_', '-');
        for (AnalysisSpec.Type t : AnalysisSpec.Type.values()) {
            Option o = AnalysisOptions.of(t).get(c);
            if (o != null && !o.choices().isEmpty()) return o.choices();
        }
        return List.of();
    }

    /** A number as the command line takes it: 12 significant digits, no trailing zeros (0.28, not 0.27999999999999997). */
    private static String plain(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) return Long.toString((long) x);
        return new java.math.BigDecimal(x).round(new java.math.MathContext(12)).stripTrailingZeros().toString();
    }
}
