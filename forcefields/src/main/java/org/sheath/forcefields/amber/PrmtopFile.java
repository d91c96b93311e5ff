package org.sheath.forcefields.amber;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sheath.forcefields.InputException;

/**
 * The raw sections of an AMBER parameter/topology file (prmtop, "new" format with {@code %FLAG} and
 * {@code %FORMAT} lines): each section's values split into fixed-width Fortran fields as its format
 * ({@code 20a4}, {@code 5E16.8}, {@code 10I8}, {@code 1a80}, ...) says. Values are converted on request
 * and every error names the file and the line of the offending section.
 */
public final class PrmtopFile {

    /** A Fortran edit descriptor {@code (n)(type)(width)[.decimals]} as used by prmtop %FORMAT lines. */
    record Format(int perLine, char type, int width) {
        private static final Pattern P = Pattern.compile("\\(?\\s*(\\d*)\\s*([aAiIeEfFdDgG])\\s*(\\d+)(?:\\.\\d+)?\\s*\\)?");

        static Format parse(String s) {
            Matcher m = P.matcher(s.trim());
            if (!m.matches()) return null;
            int n = m.group(1).isEmpty() ? 1 : Integer.parseInt(m.group(1));
            int w = Integer.parseInt(m.group(3));
            if (n <= 0 || w <= 0) return null;
            return new Format(n, Character.toUpperCase(m.group(2).charAt(0)), w);
        }
    }

    /** One {@code %FLAG} section: its format, the 1-based line of the %FLAG and its data lines. */
    public static final class Section {
        final String flag;
        final Format format;
        final int line;
        final List<String> data = new ArrayList<>();
        final List<Integer> dataLines = new ArrayList<>();
        private List<String> fields;
        private List<Integer> fieldLines;

        Section(String flag, Format format, int line) {
            this.flag = flag;
            this.format = format;
            this.line = line;
        }

        public String flag() {
            return flag;
        }

        public int line() {
            return line;
        }

        private void split() {
            if (fields != null) return;
            fields = new ArrayList<>();
            fieldLines = new ArrayList<>();
            for (int k = 0; k < data.size(); k++) {
                String rawLine = data.get(k);
                String s = stripTrailing(rawLine);
                int w = format.width;
                int n = (s.length() + w - 1) / w;
                // character fields may be blank at the end of a line (a blank name): trust the line's width
                if (format.type == 'A' && !s.isEmpty()) n = Math.max(n, rawLine.length() / w);
                n = Math.min(n, format.perLine);
                for (int f = 0; f < n; f++) {
                    int pos = f * w;
                    String src = pos + w <= rawLine.length() ? rawLine : s;
                    fields.add(pos >= src.length() ? "" : src.substring(pos, Math.min(src.length(), pos + w)));
                    fieldLines.add(dataLines.get(k));
                }
            }
        }

        private static String stripTrailing(String s) {
            int e = s.length();
            while (e > 0 && Character.isWhitespace(s.charAt(e - 1))) e--;
            return s.substring(0, e);
        }

        /** Number of fields present. */
        public int size() {
            split();
            return fields.size();
        }
    }

    private final String file;
    private final Map<String, Section> sections = new LinkedHashMap<>();
    private final String version;

    private PrmtopFile(String file, String version) {
        this.file = file;
        this.version = version;
    }

    public String file() {
        return file;
    }

    public String version() {
        return version;
    }

    public static PrmtopFile read(Path path) {
        String name = path.toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot read AMBER prmtop: " + e.getMessage());
        }
        return parse(name, lines);
    }

    static PrmtopFile parse(String name, List<String> lines) {
        String version = null;
        PrmtopFile pf = null;
        Section current = null;
        String pendingFlag = null;
        int pendingLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            if (raw.endsWith("\r")) raw = raw.substring(0, raw.length() - 1);
            int lineNo = i + 1;
            if (raw.startsWith("%VERSION")) {
                version = raw.substring(8).trim();
                continue;
            }
            if (raw.startsWith("%COMMENT")) continue;
            if (raw.startsWith("%FLAG")) {
                if (pendingFlag != null) {
                    throw new InputException(name, pendingLine, "%FLAG " + pendingFlag + " is not followed by a %FORMAT line; the file is damaged");
                }
                String flag = raw.substring(5).trim();
                if (flag.isEmpty()) throw new InputException(name, lineNo, "%FLAG without a section name");
                pendingFlag = flag;
                pendingLine = lineNo;
                current = null;
                continue;
            }
            if (raw.startsWith("%FORMAT")) {
                if (pendingFlag == null) throw new InputException(name, lineNo, "%FORMAT without a preceding %FLAG");
                String spec = raw.substring(7).trim();
                Format f = Format.parse(spec);
                if (f == null) {
                    throw new InputException(name, lineNo, "unsupported Fortran format '" + spec + "' for %FLAG "
                            + pendingFlag + " (expected e.g. (10I8), (5E16.8), (20a4))");
                }
                if (pf == null) pf = new PrmtopFile(name, version);
                if (pf.sections.containsKey(pendingFlag)) {
                    throw new InputException(name, pendingLine, "%FLAG " + pendingFlag + " appears twice");
                }
                current = new Section(pendingFlag, f, pendingLine);
                pf.sections.put(pendingFlag, current);
                pendingFlag = null;
                continue;
            }
            if (raw.startsWith("%")) {
                throw new InputException(name, lineNo, "unknown prmtop directive '" + raw.trim() + "'");
            }
            if (current == null) {
                if (raw.isBlank()) continue;
                if (pendingFlag != null) {
                    throw new InputException(name, pendingLine, "%FLAG " + pendingFlag + " is not followed by a %FORMAT line; the file is damaged");
                }
                throw new InputException(name, lineNo, "data outside any %FLAG section; not an AMBER prmtop "
                        + "(old-format prmtops without %FLAG lines are not supported, convert them with ParmEd)");
            }
            current.data.add(raw);
            current.dataLines.add(lineNo);
        }
        if (pendingFlag != null) {
            throw new InputException(name, pendingLine, "%FLAG " + pendingFlag + " is not followed by a %FORMAT line; the file is truncated");
        }
        if (pf == null) throw new InputException(name, 0, "no %FLAG sections; not an AMBER prmtop");
        return pf;
    }

    public boolean has(String flag) {
        return sections.containsKey(flag);
    }

    public Section section(String flag) {
        return sections.get(flag);
    }

    public java.util.Set<String> flags() {
        return sections.keySet();
    }

    private Section require(String flag) {
        Section s = sections.get(flag);
        if (s == null) {
            throw new InputException(file, 0, "missing %FLAG " + flag + "; the prmtop is incomplete (write it again with tleap or ParmEd)");
        }
        return s;
    }

    private void checkCount(Section s, int expected, String what) {
        s.split();
        if (expected >= 0 && s.fields.size() != expected) {
            throw new InputException(file, s.line, "%FLAG " + s.flag + " has " + s.fields.size() + " values but "
                    + what + " requires " + expected + "; the file is truncated or inconsistent");
        }
    }

    /** Integers of a required section; {@code expected} &lt; 0 accepts any count. */
    public int[] ints(String flag, int expected, String what) {
        return ints(require(flag), expected, what);
    }

    /** Integers of a section or null when it is absent. */
    public int[] intsOrNull(String flag, int expected, String what) {
        Section s = sections.get(flag);
        return s == null ? null : ints(s, expected, what);
    }

    private int[] ints(Section s, int expected, String what) {
        checkCount(s, expected, what);
        if (s.format.type != 'I') {
            throw new InputException(file, s.line, "%FLAG " + s.flag + " should hold integers but its format is "
                    + s.format.type + s.format.width);
        }
        int[] out = new int[s.fields.size()];
        for (int k = 0; k < out.length; k++) {
            String f = s.fields.get(k).trim();
            try {
                out[k] = Integer.parseInt(f);
            } catch (NumberFormatException e) {
                throw new InputException(file, s.fieldLines.get(k), "%FLAG " + s.flag + ": '" + f + "' is not an integer");
            }
        }
        return out;
    }

    public double[] doubles(String flag, int expected, String what) {
        return doubles(require(flag), expected, what);
    }

    public double[] doublesOrNull(String flag, int expected, String what) {
        Section s = sections.get(flag);
        return s == null ? null : doubles(s, expected, what);
    }

    private double[] doubles(Section s, int expected, String what) {
        checkCount(s, expected, what);
        double[] out = new double[s.fields.size()];
        for (int k = 0; k < out.length; k++) {
            String f = s.fields.get(k).trim().replace('D', 'E').replace('d', 'E');
            try {
                out[k] = Double.parseDouble(f);
            } catch (NumberFormatException e) {
                throw new InputException(file, s.fieldLines.get(k), "%FLAG " + s.flag + ": '" + f + "' is not a number");
            }
            if (!Double.isFinite(out[k])) {
                throw new InputException(file, s.fieldLines.get(k), "%FLAG " + s.flag + ": value '" + f + "' is not finite");
            }
        }
        return out;
    }

    /** Character fields, trimmed. */
    public String[] strings(String flag, int expected, String what) {
        Section s = require(flag);
        checkCount(s, expected, what);
        String[] out = new String[s.fields.size()];
        for (int k = 0; k < out.length; k++) out[k] = s.fields.get(k).trim();
        return out;
    }

    /** Text of a free-text section such as TITLE (data lines joined by blanks, trimmed), or "" when absent. */
    public String text(String flag) {
        Section s = sections.get(flag);
        if (s == null) return "";
        return String.join(" ", s.data).trim();
    }

    InputException error(String flag, String message) {
        Section s = sections.get(flag);
        return new InputException(file, s == null ? 0 : s.line, message);
    }
}
