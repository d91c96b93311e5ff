package org.sheath.engine.protocol.deck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code [[analysis]]}: run on an md stage's trajectory when that stage ends, with the options of
 * {@code sheath analyze TYPE}. Option names are the command's long options without "--" ({@code ref},
 * {@code sel}, {@code rmax}, {@code exclude-same-molecule}); the deck may write them with '_' or '-'.
 * Values are strings in the command's units (lengths nm, times ps, K) after unit conversion; a flag is
 * "true" or "false"; a repeatable option ({@code species}, {@code radius}, {@code charge}) has one
 * {@code NAME=VALUE} string per repeat.
 *
 * @param options option name → values, in deck order
 * @param line    line of the {@code [[analysis]]} header
 */
public record AnalysisSpec(String stage, Type type, Map<String, List<String>> options, int line) {
    public enum Type implements DeckValue {
        RDF("rdf"), SHELLS("shells"), MSD("msd");

        private final String name;

        Type(String name) {
            this.name = name;
        }

        @Override
        public String deckName() {
            return name;
        }
    }

    public AnalysisSpec {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        options.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        options = Collections.unmodifiableMap(copy);
    }

    /** The single value of an option, or null when absent. */
    public String option(String name) {
        List<String> v = options.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /**
     * The options as {@code sheath analyze TYPE} arguments, e.g. {@code [rdf, --ref, name LI, --sel, ...]}
     * (flags that are false are left out; the runner adds -s, -f and the outputs).
     */
    public List<String> cliArgs() {
        List<String> args = new ArrayList<>();
        args.add(type.deckName());
        options.forEach((k, values) -> {
            for (String v : values) {
                if (v.equals("true") && AnalysisOptions.isFlag(type, k)) {
                    args.add("--" + k);
                } else if (v.equals("false") && AnalysisOptions.isFlag(type, k)) {
                    continue;
                } else if (k.equals("end")) { // the deck's end is exclusive, --last-frame inclusive
                    args.add("--last-frame");
                    args.add(Long.toString(Long.parseLong(v) - 1));
                } else {
                    args.add("--" + CLI_NAMES.getOrDefault(k, k));
                    args.add(v);
                }
            }
        });
        return args;
    }

    /**
     * Deck keys (a contract) whose command-line option has another name: the deck's begin/end/step count frames
     * (the command line's -b/-e/--dt are times, as in gmx), its dt is the time between frames of the file.
     */
    private static final java.util.Map<String, String> CLI_NAMES = java.util.Map.of("begin", "first-frame", "step", "stride",
            "dt", "frame-time");
}
