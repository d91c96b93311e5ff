package org.sheath.forcefields.gromacs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sheath.forcefields.InputException;

/**
 * The subset of the C preprocessor that GROMACS topologies use: {@code #include} (relative to the
 * including file, then the include directories, then {@code $GMXLIB}, then Sheath's bundled library),
 * {@code #define}/{@code #undef}, {@code #ifdef}/{@code #ifndef}/{@code #else}/{@code #endif}, and
 * whole-word macro substitution in the remaining lines. Every output line remembers its file and
 * line number for error messages.
 */
public final class Preprocessor {
    /** A line after preprocessing, with its origin. */
    public record Line(String text, String file, int number) {
        public InputException error(String message) {
            return new InputException(file, number, message);
        }
    }

    private static final int MAX_INCLUDE_DEPTH = 64;

    private final List<Path> includeDirs;
    private final Map<String, String> defines = new LinkedHashMap<>();
    private final List<Line> out = new ArrayList<>();

    /**
     * @param includeDirs extra directories searched for {@code #include} (like {@code -I})
     * @param defines     predefined macros (like {@code -D}); {@code SHEATH} is always defined
     */
    public Preprocessor(List<Path> includeDirs, Map<String, String> defines) {
        this.includeDirs = new ArrayList<>(includeDirs);
        String gmxlib = System.getenv("GMXLIB");
        if (gmxlib != null) {
            for (String d : gmxlib.split(":")) if (!d.isBlank()) this.includeDirs.add(Path.of(d));
        }
        this.defines.put("SHEATH", "");
        this.defines.putAll(defines);
    }

    public List<Line> process(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file.toString(), 0, "file not found");
        }
        return process(TextFile.of(file));
    }

    public List<Line> process(TextFile file) {
        processFile(file, new ArrayList<>());
        return out;
    }

    private void processFile(TextFile file, List<String> stack) {
        if (stack.size() > MAX_INCLUDE_DEPTH || stack.contains(file.key())) {
            throw new InputException(file.displayName(), 0, "recursive #include of this file");
        }
        stack.add(file.key());
        List<String> raw = file.readLines();
        // condition stack: each entry is {active-before, this-branch-taken, line-number}
        List<int[]> conditions = new ArrayList<>();
        boolean active = true;
        String name = file.displayName();
        for (int i = 0; i < raw.size(); i++) {
            int lineNo = i + 1;
            String text = raw.get(i);
            while (text.endsWith("\\") && i + 1 < raw.size()) {
                text = text.substring(0, text.length() - 1) + " " + raw.get(++i);
            }
            String trimmed = text.strip();
            if (trimmed.startsWith("#")) {
                String directive = stripComment(trimmed.substring(1)).strip();
                String word = firstWord(directive);
                String rest = directive.substring(word.length()).strip();
                switch (word) {
                    case "ifdef", "ifndef" -> {
                        if (rest.isEmpty()) throw new InputException(name, lineNo, "#" + word + " needs a macro name");
                        boolean defined = defines.containsKey(firstWord(rest));
                        boolean take = word.equals("ifdef") == defined;
                        conditions.add(new int[] {active ? 1 : 0, take ? 1 : 0, lineNo, 0});
                        active = active && take;
                    }
                    case "else" -> {
                        if (conditions.isEmpty()) throw new InputException(name, lineNo, "#else without #ifdef/#ifndef");
                        int[] c = conditions.get(conditions.size() - 1);
                        if (c[3] == 1) throw new InputException(name, lineNo, "second #else for the #ifdef at line " + c[2]);
                        c[3] = 1;
                        active = c[0] == 1 && c[1] == 0;
                    }
                    case "endif" -> {
                        if (conditions.isEmpty()) throw new InputException(name, lineNo, "#endif without #ifdef/#ifndef");
                        int[] c = conditions.remove(conditions.size() - 1);
                        active = c[0] == 1;
                    }
                    case "define" -> {
                        if (!active) break;
                        if (rest.isEmpty()) throw new InputException(name, lineNo, "#define needs a macro name");
                        String macro = firstWord(rest);
                        defines.put(macro, rest.substring(macro.length()).strip());
                    }
                    case "undef" -> {
                        if (active) defines.remove(firstWord(rest));
                    }
                    case "include" -> {
                        if (!active) break;
                        include(file, rest, name, lineNo, stack);
                    }
                    default -> {
                        if (active) {
                            throw new InputException(name, lineNo, "unsupported preprocessor directive '#" + word
                                    + "' (GROMACS topologies use #include, #define, #undef, #ifdef, #ifndef, #else, #endif)");
                        }
                    }
                }
                continue;
            }
            if (active) out.add(new Line(substitute(text), name, lineNo));
        }
        if (!conditions.isEmpty()) {
            int[] c = conditions.get(conditions.size() - 1);
            throw new InputException(name, c[2], "#ifdef/#ifndef is not closed by #endif before the end of the file");
        }
        stack.remove(stack.size() - 1);
    }

    private void include(TextFile from, String arg, String name, int lineNo, List<String> stack) {
        String target = arg;
        if ((target.startsWith("\"") && target.endsWith("\"") || target.startsWith("<") && target.endsWith(">"))
                && target.length() >= 2) {
            target = target.substring(1, target.length() - 1);
        } else {
            throw new InputException(name, lineNo, "#include needs a file name in quotes, e.g. #include \"molecule.itp\"");
        }
        Optional<TextFile> found = from.sibling(target);
        for (int k = 0; found.isEmpty() && k < includeDirs.size(); k++) {
            Path p = includeDirs.get(k).resolve(target);
            if (Files.isRegularFile(p)) found = Optional.of(TextFile.of(p));
        }
        if (found.isEmpty()) found = TextFile.bundled(target);
        if (found.isEmpty()) {
            throw new InputException(name, lineNo, "cannot find include file '" + target
                    + "' (looked next to this file, in the -I directories" + (includeDirs.isEmpty() ? " (none given)" : " " + includeDirs)
                    + " and in the bundled library); fix the path or add -I DIR");
        }
        TextFile target0 = found.get();
        if (stack.contains(target0.key())) {
            throw new InputException(name, lineNo, "recursive #include: '" + target + "' is already being read ("
                    + target0.displayName() + " includes itself through this line); remove this #include");
        }
        if (stack.size() >= MAX_INCLUDE_DEPTH) {
            throw new InputException(name, lineNo, "#include nested deeper than " + MAX_INCLUDE_DEPTH
                    + " files; flatten the includes");
        }
        processFile(target0, stack);
    }

    private String substitute(String text) {
        if (defines.isEmpty()) return text;
        String current = text;
        for (int pass = 0; pass < 8; pass++) {
            String next = substituteOnce(current);
            if (next.equals(current)) return next;
            current = next;
        }
        return current;
    }

    private String substituteOnce(String text) {
        StringBuilder sb = null;
        int n = text.length();
        int i = 0;
        int commentAt = text.indexOf(';');
        int end = commentAt < 0 ? n : commentAt;
        while (i < end) {
            char c = text.charAt(i);
            if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < end && isIdent(text.charAt(j))) j++;
                // identifiers glued to a digit or dot on the left are parts of numbers (e.g. 1e5)
                boolean partOfNumber = i > 0 && (Character.isDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '.');
                String word = text.substring(i, j);
                String value = partOfNumber ? null : defines.get(word);
                if (value != null) {
                    if (sb == null) sb = new StringBuilder(text.substring(0, i));
                    sb.append(value);
                } else if (sb != null) {
                    sb.append(word);
                }
                i = j;
            } else {
                if (sb != null) sb.append(c);
                i++;
            }
        }
        if (sb == null) return text;
        sb.append(text, end, n);
        return sb.toString();
    }

    private static boolean isIdent(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static String firstWord(String s) {
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) i++;
        return s.substring(0, i);
    }

    static String stripComment(String s) {
        int c = s.indexOf(';');
        return c < 0 ? s : s.substring(0, c);
    }

    /** Macros defined at the end of processing. */
    public Map<String, String> defines() {
        return defines;
    }
}
