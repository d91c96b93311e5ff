package org.sheath.analysis.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.sheath.analysis.core.Universe;
import org.sheath.forcefields.InputException;

/**
 * Atom selections in (a subset of) the MDAnalysis language:
 *
 * <pre>
 *   resname DMF            name O1 N1        type dmf_o       element Li
 *   resid 1-10 12 20:25    index 0-99        mol TFSI         moltype DMF      molnum 0-3
 *   name O*  (wildcards * and ?)             all              none
 *   A and B    A or B    not A    ( … )      (not binds tightest, then and, then or)
 * </pre>
 *
 * Several values after a keyword mean any of them. {@code resid} numbers residues as the topology
 * does (1-based); {@code index} and {@code molnum} are 0-based like MDAnalysis; ranges {@code a-b}
 * and {@code a:b} include both ends. Names, residue names, types and molecule types match case-
 * sensitively, elements case-insensitively.
 */
public final class Selection {
    static final List<String> KEYWORDS = List.of("resname", "name", "type", "element", "resid", "index", "mol",
            "moltype", "molnum", "all", "none");

    private final String text;
    private final Node root;
    /** The leaves that compare names (for the did-you-mean of an empty selection). */
    private final List<Leaf> nameLeaves;

    private Selection(String text, Node root, List<Leaf> nameLeaves) {
        this.text = text;
        this.root = root;
        this.nameLeaves = List.copyOf(nameLeaves);
    }

    public String text() {
        return text;
    }

    /** Parses a selection; throws {@link InputException} naming the selection and the fix. */
    public static Selection parse(String text) {
        List<String> tokens = tokenize(text);
        Parser p = new Parser(text, tokens);
        if (tokens.isEmpty()) throw p.error("the selection is empty; e.g. 'name O1' or 'resname LI'");
        Node n = p.or();
        if (p.pos < tokens.size()) {
            String t = tokens.get(p.pos);
            if (t.equals(")")) throw p.error("unbalanced ')'");
            throw p.error("unexpected '" + t + "'; join conditions with 'and' / 'or'");
        }
        return new Selection(text, n, p.nameLeaves);
    }

    /** Whether atom i of u is selected. */
    public boolean matches(Universe u, int i) {
        return root.test(u, i);
    }

    /** Indices (ascending) of the selected atoms; may be empty. */
    public int[] select(Universe u) {
        root.check(u, text);
        int[] out = new int[u.natoms];
        int n = 0;
        for (int i = 0; i < u.natoms; i++) if (root.test(u, i)) out[n++] = i;
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * As {@link #select(Universe)} but an empty result is an {@link InputException} naming the option
     * (e.g. {@code --ref}) and how to find valid names.
     */
    public int[] selectNonEmpty(Universe u, String option) {
        int[] a = select(u);
        if (a.length == 0) {
            throw new InputException(option + " '" + text + "' selects no atoms in " + u.source + hints(u)
                    + "; names are case-sensitive, element symbols not ('sheath topology -p FILE --atoms' lists the names)");
        }
        return a;
    }

    /** For each name value that matches no atom: "; no atom name 'Li' (did you mean 'LI'?)". */
    private String hints(Universe u) {
        StringBuilder b = new StringBuilder();
        for (Leaf l : nameLeaves) {
            java.util.Set<String> present = null;
            for (String v : l.exact) {
                boolean found = false;
                for (int i = 0; i < u.natoms && !found; i++) {
                    String s = l.field.get(u, i);
                    found = s != null && (l.ignoreCase ? s.equalsIgnoreCase(v) : s.equals(v));
                }
                if (found) continue;
                if (present == null) {
                    present = new java.util.TreeSet<>();
                    for (int i = 0; i < u.natoms; i++) {
                        String s = l.field.get(u, i);
                        if (s != null) present.add(s);
                    }
                }
                List<String> close = new ArrayList<>();
                for (String p : present) if (p.equalsIgnoreCase(v)) close.add(p);
                if (close.isEmpty()) {
                    int limit = v.length() <= 3 ? 1 : 2, best = limit + 1;
                    for (String p : present) {
                        int d = org.sheath.forcefields.text.EditDistance.distance(v, p);
                        if (d < best) {
                            best = d;
                            close.clear();
                        }
                        if (d == best && close.size() < 5) close.add(p);
                    }
                }
                b.append("; no ").append(l.label).append(" '").append(v).append("'");
                if (!close.isEmpty()) b.append(" (did you mean ").append(String.join(" or ", close.stream().map(c -> "'" + c + "'").toList())).append("?)");
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- parsing

    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(String.valueOf(c));
                i++;
            } else {
                int j = i;
                while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '(' && s.charAt(j) != ')') j++;
                out.add(s.substring(i, j));
                i = j;
            }
        }
        return out;
    }

    private static final class Parser {
        final String text;
        final List<String> t;
        final List<Leaf> nameLeaves = new ArrayList<>();
        int pos;

        Parser(String text, List<String> t) {
            this.text = text;
            this.t = t;
        }

        InputException error(String what) {
            return new InputException("selection '" + text + "': " + what);
        }

        String peek() {
            return pos < t.size() ? t.get(pos) : null;
        }

        Node or() {
            Node a = and();
            while ("or".equals(peek())) {
                pos++;
                Node b = and();
                Node l = a;
                a = new Node() {
                    @Override
                    boolean test(Universe u, int i) {
                        return l.test(u, i) || b.test(u, i);
                    }

                    @Override
                    void check(Universe u, String s) {
                        l.check(u, s);
                        b.check(u, s);
                    }
                };
            }
            return a;
        }

        Node and() {
            Node a = not();
            while ("and".equals(peek())) {
                pos++;
                Node b = not();
                Node l = a;
                a = new Node() {
                    @Override
                    boolean test(Universe u, int i) {
                        return l.test(u, i) && b.test(u, i);
                    }

                    @Override
                    void check(Universe u, String s) {
                        l.check(u, s);
                        b.check(u, s);
                    }
                };
            }
            return a;
        }

        Node not() {
            if ("not".equals(peek())) {
                pos++;
                Node a = not();
                return new Node() {
                    @Override
                    boolean test(Universe u, int i) {
                        return !a.test(u, i);
                    }

                    @Override
                    void check(Universe u, String s) {
                        a.check(u, s);
                    }
                };
            }
            return primary();
        }

        Node primary() {
            String k = peek();
            if (k == null) throw error("ends too early; a keyword or '(' is missing after the last 'and'/'or'/'not'");
            pos++;
            if (k.equals("(")) {
                Node n = or();
                if (!")".equals(peek())) throw error("missing ')'");
                pos++;
                return n;
            }
            if (k.equals(")")) throw error("unexpected ')'");
            String kw = k.toLowerCase(Locale.ROOT);
            switch (kw) {
                case "all":
                    return new Leaf((u, i) -> true);
                case "none":
                    return new Leaf((u, i) -> false);
                default:
                    break;
            }
            if (!KEYWORDS.contains(kw)) {
                throw error("unknown keyword '" + k + "'; use one of resname, name, type, element, resid, index, "
                        + "mol/moltype, molnum, all, none, combined with and/or/not and parentheses");
            }
            List<String> values = new ArrayList<>();
            while (peek() != null && !isReserved(peek())) values.add(t.get(pos++));
            if (values.isEmpty()) throw error("'" + k + "' needs a value, e.g. '" + k + " " + example(kw) + "'");
            switch (kw) {
                case "resname":
                    return strings("residue name", values, (u, i) -> u.residueName[i], false);
                case "name":
                    return strings("atom name", values, (u, i) -> u.atomName[i], false);
                case "element":
                    return strings("element", values, (u, i) -> u.element[i], true);
                case "mol":
                case "moltype":
                    return strings("molecule type", values, (u, i) -> u.moleculeType[u.molecule[i]], false);
                case "type": {
                    Leaf l = strings("atom type", values, (u, i) -> u.type == null ? null : u.type[i], false);
                    l.requiresTypes = true;
                    return l;
                }
                case "resid":
                    return ranges(k, values, (u, i) -> u.resid[i]);
                case "index":
                    return ranges(k, values, (u, i) -> i);
                case "molnum":
                    return ranges(k, values, (u, i) -> u.molecule[i]);
                default:
                    throw new AssertionError(kw);
            }
        }

        private static String example(String kw) {
            switch (kw) {
                case "resid": return "1-10";
                case "index": return "0-99";
                case "molnum": return "0";
                case "element": return "Li";
                case "resname": case "mol": case "moltype": return "DMF";
                case "type": return "dmf_o";
                default: return "O1";
            }
        }

        private boolean isReserved(String s) {
            return s.equals("(") || s.equals(")") || s.equals("and") || s.equals("or") || s.equals("not");
        }

        Leaf strings(String label, List<String> values, StringField f, boolean ignoreCase) {
            List<Pattern> pats = new ArrayList<>();
            List<String> exact = new ArrayList<>();
            for (String v : values) {
                if (v.indexOf('*') >= 0 || v.indexOf('?') >= 0) {
                    StringBuilder re = new StringBuilder();
                    for (char c : v.toCharArray()) {
                        if (c == '*') re.append(".*");
                        else if (c == '?') re.append('.');
                        else re.append(Pattern.quote(String.valueOf(c)));
                    }
                    pats.add(Pattern.compile(re.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0));
                } else {
                    exact.add(v);
                }
            }
            Leaf leaf = new Leaf((u, i) -> {
                String s = f.get(u, i);
                if (s == null) return false;
                for (String e : exact) if (ignoreCase ? e.equalsIgnoreCase(s) : e.equals(s)) return true;
                for (Pattern p : pats) if (p.matcher(s).matches()) return true;
                return false;
            });
            leaf.label = label;
            leaf.exact = exact;
            leaf.field = f;
            leaf.ignoreCase = ignoreCase;
            nameLeaves.add(leaf);
            return leaf;
        }

        Leaf ranges(String kw, List<String> values, IntField f) {
            List<long[]> rs = new ArrayList<>();
            for (String v : values) {
                try {
                    int dash = v.indexOf('-', 1);
                    int colon = v.indexOf(':');
                    int sep = dash > 0 ? dash : colon;
                    if (sep > 0) {
                        long a = Long.parseLong(v.substring(0, sep)), b = Long.parseLong(v.substring(sep + 1));
                        if (b < a) throw error("range '" + v + "' is backwards; write " + b + "-" + a);
                        rs.add(new long[] {a, b});
                    } else {
                        long a = Long.parseLong(v);
                        rs.add(new long[] {a, a});
                    }
                } catch (NumberFormatException e) {
                    throw error("'" + kw + "' takes numbers or ranges like 1-10 or 1:10, not '" + v + "'");
                }
            }
            return new Leaf((u, i) -> {
                long x = f.get(u, i);
                for (long[] r : rs) if (x >= r[0] && x <= r[1]) return true;
                return false;
            });
        }
    }

    // ---------------------------------------------------------------- tree

    private interface StringField {
        String get(Universe u, int i);
    }

    private interface IntField {
        long get(Universe u, int i);
    }

    private interface Test {
        boolean test(Universe u, int i);
    }

    private abstract static class Node {
        abstract boolean test(Universe u, int i);

        abstract void check(Universe u, String text);
    }

    private static final class Leaf extends Node {
        final Test t;
        boolean requiresTypes;
        // for hints, on leaves that compare names: what is compared, the exact values (no wildcards), how
        String label;
        List<String> exact = List.of();
        StringField field;
        boolean ignoreCase;

        Leaf(Test t) {
            this.t = t;
        }

        @Override
        boolean test(Universe u, int i) {
            return t.test(u, i);
        }

        @Override
        void check(Universe u, String text) {
            if (requiresTypes && u.type == null) {
                throw new InputException("selection '" + text + "': " + u.source + " has no atom types (a coordinate "
                        + "file); give a .top or .prmtop with -s, or select by name");
            }
        }
    }
}
