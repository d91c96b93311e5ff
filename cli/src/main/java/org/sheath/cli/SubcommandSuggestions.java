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
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), name);
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

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
