package org.sheath.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * "Did you mean" for mistyped subcommands by edit distance with transpositions ({@code analyze rfd} → {@code rdf}):
 * picocli's own suggestions compare letter pairs and find nothing for a swap of two letters in a short name.
 */
final class SubcommandSuggestions implements CommandLine.IParameterExceptionHandler {
    private final CommandLine.IParameterExceptionHandler fallback;

    SubcommandSuggestions(CommandLine.IParameterExceptionHandler fallback) {
        this.fallback = fallback;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) throws Exception {
        CommandLine cl = ex.getCommandLine();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !cl.getSubcommands().isEmpty() && !u.getUnmatched().isEmpty()) {
            String word = u.getUnmatched().get(0);
            String hint = didYouMean(cl, word);
            if (!word.startsWith("-") && !hint.isEmpty()) {
                String path = cl.getCommandSpec().qualifiedName();
                cl.getErr().println("sheath: unknown command '" + path + " " + word + "'" + hint);
                return cl.getCommandSpec().exitCodeOnInvalidInput();
            }
        }
        return fallback.handleParseException(ex, args);
    }

    /** "; did you mean 'sheath analyze rdf'?" for the closest subcommand names of cl, or "" if none is close. */
    static String didYouMean(CommandLine cl, String word) {
        List<String> close = new ArrayList<>();
        int best = Integer.MAX_VALUE;
        for (String name : cl.getSubcommands().keySet()) {
            int d = org.sheath.forcefields.text.EditDistance.distance(word.toLowerCase(java.util.Locale.ROOT), name);
            if (d > Math.max(1, Math.min(2, name.length() / 3))) continue;
            if (d < best) {
                best = d;
                close.clear();
            }
            if (d == best) close.add(name);
        }
        if (close.isEmpty()) return "";
        String path = cl.getCommandSpec().qualifiedName();
        List<String> quoted = close.stream().map(n -> "'" + path + " " + n + "'").toList();
        return "; did you mean " + String.join(" or ", quoted) + "?";
    }
}
