package org.sheath.engine.protocol.deck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options an {@code [[analysis]]} of each type takes: the long options of {@code sheath analyze
 * TYPE} that make sense in a deck (the runner chooses topology, trajectory, outputs and threads).
 */
final class AnalysisOptions {
    private AnalysisOptions() {
    }

    enum Kind {
        /** a selection string, e.g. "resname DMF and name O1" */
        SELECTION,
        /** a word */
        WORD,
        /** true/false */
        FLAG,
        LENGTH,
        TIME,
        TEMPERATURE,
        /** a whole number >= 0 (frame indices and strides) */
        COUNT,
        /** a number without unit */
        NUMBER,
        /** repeatable NAME=SELECTION */
        NAMED_SELECTION,
        /** repeatable NAME=LENGTH */
        NAMED_LENGTH,
        /** repeatable NAME=NUMBER */
        NAMED_NUMBER
    }

    record Option(Kind kind, boolean required, List<String> choices) {
        boolean named() {
            return kind == Kind.NAMED_SELECTION || kind == Kind.NAMED_LENGTH || kind == Kind.NAMED_NUMBER;
        }
    }

    private static final Map<AnalysisSpec.Type, Map<String, Option>> OPTIONS = new LinkedHashMap<>();

    static {
        Map<String, Option> rdf = new LinkedHashMap<>();
        rdf.put("ref", new Option(Kind.SELECTION, true, List.of()));
        rdf.put("sel", new Option(Kind.SELECTION, true, List.of()));
        rdf.put("bin", new Option(Kind.LENGTH, false, List.of()));
        rdf.put("rmax", new Option(Kind.LENGTH, false, List.of()));
        rdf.put("norm", new Option(Kind.WORD, false, List.of("rdf", "density", "none")));
        rdf.put("exclude-same-molecule", new Option(Kind.FLAG, false, List.of()));
        rdf.put("ref-site", new Option(Kind.WORD, false, List.of("atom", "com", "cog")));
        rdf.put("sel-site", new Option(Kind.WORD, false, List.of("atom", "com", "cog")));
        rdf.put("site-group", new Option(Kind.WORD, false, List.of("molecule", "residue")));
        rdf.put("shell-radius", new Option(Kind.LENGTH, false, List.of()));
        rdf.put("smooth", new Option(Kind.LENGTH, false, List.of()));
        common(rdf);
        OPTIONS.put(AnalysisSpec.Type.RDF, rdf);

        Map<String, Option> shells = new LinkedHashMap<>();
        shells.put("ref", new Option(Kind.SELECTION, true, List.of()));
        shells.put("ref-site", new Option(Kind.WORD, false, List.of("atom", "com", "cog")));
        shells.put("species", new Option(Kind.NAMED_SELECTION, true, List.of()));
        shells.put("radius", new Option(Kind.NAMED_LENGTH, false, List.of()));
        shells.put("anion", new Option(Kind.WORD, false, List.of()));
        shells.put("cations", new Option(Kind.SELECTION, false, List.of()));
        shells.put("cation-radius", new Option(Kind.LENGTH, false, List.of()));
        shells.put("no-residence", new Option(Kind.FLAG, false, List.of()));
        shells.put("dt", new Option(Kind.TIME, false, List.of()));
        common(shells);
        OPTIONS.put(AnalysisSpec.Type.SHELLS, shells);

        Map<String, Option> msd = new LinkedHashMap<>();
        msd.put("sel", new Option(Kind.SELECTION, true, List.of()));
        msd.put("site", new Option(Kind.WORD, false, List.of("atom", "com", "cog")));
        msd.put("site-group", new Option(Kind.WORD, false, List.of("molecule", "residue")));
        msd.put("fit-start", new Option(Kind.TIME, false, List.of()));
        msd.put("fit-end", new Option(Kind.TIME, false, List.of()));
        msd.put("temperature", new Option(Kind.TEMPERATURE, false, List.of()));
        msd.put("charge", new Option(Kind.NAMED_NUMBER, false, List.of()));
        msd.put("dt", new Option(Kind.TIME, false, List.of()));
        common(msd);
        OPTIONS.put(AnalysisSpec.Type.MSD, msd);
    }

    private static void common(Map<String, Option> m) {
        m.put("begin", new Option(Kind.COUNT, false, List.of()));
        m.put("end", new Option(Kind.COUNT, false, List.of()));
        m.put("step", new Option(Kind.COUNT, false, List.of()));
    }

    static Map<String, Option> of(AnalysisSpec.Type type) {
        return OPTIONS.get(type);
    }

    static boolean isFlag(AnalysisSpec.Type type, String name) {
        Option o = OPTIONS.get(type).get(name);
        return o != null && o.kind() == Kind.FLAG;
    }

    /** Every option name of any type (to tell "not for this type" from "unknown"). */
    static Set<String> allNames() {
        Set<String> s = new java.util.LinkedHashSet<>();
        OPTIONS.values().forEach(m -> s.addAll(m.keySet()));
        return s;
    }
}
