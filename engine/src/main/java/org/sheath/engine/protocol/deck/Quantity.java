package org.sheath.engine.protocol.deck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers with units as a deck writes them: {@code "2 fs"}, {@code "1 atm"}, {@code "12 Å"},
 * {@code "15 min"}. A bare number (or a string holding only a number) is in Sheath's internal unit of
 * its kind: nm, ps, K, bar, g/cm³, 1/bar, kJ/mol/nm; wall-clock times are in seconds.
 *
 * <p>{@link #parse} returns the value in the internal unit, or throws {@link UnitException} whose
 * message is the part after the key, e.g. {@code unknown time unit 'fz'; use fs, ps, ns or us}.
 */
public final class Quantity {
    private Quantity() {
    }

    /** A kind of quantity: its internal unit, and the units a string may carry with their factors to it. */
    public enum Kind {
        LENGTH("length", "nm", "nm 1; Å 0.1; A 0.1; angstrom 0.1; pm 0.001"),
        TIME("time", "ps", "fs 0.001; ps 1; ns 1000; us 1e6; µs 1e6; μs 1e6"),
        WALL_TIME("wall-clock time", "s", "s 1; sec 1; min 60; h 3600; hr 3600; d 86400"),
        TEMPERATURE("temperature", "K", "K 1"),
        PRESSURE("pressure", "bar", "bar 1; atm 1.01325; Pa 1e-5; kPa 0.01; MPa 10; GPa 10000"),
        DENSITY("density", "g/cm³", "g/cm³ 1; g/cm3 1; g/cm^3 1; g/mL 1; g/ml 1; kg/m³ 0.001; kg/m3 0.001; kg/m^3 0.001"),
        COMPRESSIBILITY("compressibility", "1/bar",
                "1/bar 1; /bar 1; bar^-1 1; 1/atm 0.9869232667160128; 1/Pa 1e5; 1/kPa 100; 1/MPa 0.1; 1/GPa 1e-4"),
        FORCE("force", "kJ/mol/nm", "kJ/mol/nm 1; kcal/mol/Å 41.84; kcal/mol/A 41.84");

        private final String label;
        private final String internal;
        private final Map<String, Double> units = new LinkedHashMap<>();
        /** The units named in error messages (one spelling each). */
        private final List<String> shown = new ArrayList<>();

        Kind(String label, String internal, String table) {
            this.label = label;
            this.internal = internal;
            double last = Double.NaN;
            for (String entry : table.split(";\\s*")) {
                String[] p = entry.trim().split(" ");
                double f = Double.parseDouble(p[1]);
                units.put(p[0], f);
                // show the first spelling of each factor, and of 1/bar etc. only the canonical one
                if (f != last && !shown.contains(p[0])) shown.add(p[0]);
                last = f;
            }
        }

        public String label() {
            return label;
        }

        /** The unit a bare number is in. */
        public String internalUnit() {
            return internal;
        }

        /** "fs, ps, ns or us" */
        public String unitList() {
            List<String> s = shown;
            if (s.size() == 1) return s.get(0);
            return String.join(", ", s.subList(0, s.size() - 1)) + " or " + s.get(s.size() - 1);
        }

        /** Units are case-sensitive: "mPa" is not "MPa". */
        Double factor(String unit) {
            return units.get(unit);
        }
    }

    /** A value that is not a number with a unit of the expected kind; the message says why and what to write. */
    public static final class UnitException extends IllegalArgumentException {
        public UnitException(String message) {
            super(message);
        }
    }

    private static final Pattern NUMBER = Pattern.compile(
            "^\\s*([+-]?(?:\\d+(?:_\\d+)*(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(.*?)\\s*$");

    /** The value of {@code text} in {@code kind}'s internal unit. */
    public static double parse(String text, Kind kind) {
        Matcher m = NUMBER.matcher(text);
        if (!m.matches()) {
            throw new UnitException("not a number with a " + kind.label + " unit; write e.g. \"" + example(kind) + "\"");
        }
        double value = Double.parseDouble(m.group(1).replace("_", ""));
        String unit = normalizeUnit(m.group(2));
        if (unit.isEmpty()) return value;
        Double f = kind.factor(unit);
        if (f != null) return value * f;
        Kind other = kindOf(unit);
        if (other == Kind.WALL_TIME && kind == Kind.TIME) {
            throw new UnitException("'" + unit + "' is a wall-clock unit; simulated times use " + kind.unitList());
        }
        if (other == Kind.TIME && kind == Kind.WALL_TIME) {
            throw new UnitException("'" + unit + "' is a simulated-time unit; wall-clock times use " + kind.unitList());
        }
        if (other != null) {
            throw new UnitException("'" + unit + "' is a " + other.label + " unit, not a " + kind.label + " unit; use "
                    + kind.unitList());
        }
        throw new UnitException("unknown " + kind.label + " unit '" + unit + "'; use " + kind.unitList());
    }

    /** The kind whose units include {@code unit} (as written in a string), or null. */
    public static Kind kindOf(String unit) {
        String u = normalizeUnit(unit);
        for (Kind k : Kind.values()) if (k.units.containsKey(u)) return k;
        return null;
    }

    /** The unit part of a string such as "15 min" (empty when it is a bare number), or null when it is no number. */
    public static String unitOf(String text) {
        Matcher m = NUMBER.matcher(text);
        return m.matches() ? normalizeUnit(m.group(2)) : null;
    }

    private static String normalizeUnit(String unit) {
        // Å may be typed as the combining form; ° K is not a thing
        return unit.trim().replace('\u212B', 'Å').replace("per ", "1/");
    }

    static String example(Kind kind) {
        return switch (kind) {
            case LENGTH -> "1.2 nm";
            case TIME -> "2 fs";
            case WALL_TIME -> "15 min";
            case TEMPERATURE -> "300 K";
            case PRESSURE -> "1 bar";
            case DENSITY -> "0.95 g/cm3";
            case COMPRESSIBILITY -> "4.5e-5 1/bar";
            case FORCE -> "100 kJ/mol/nm";
        };
    }

    /** A short rendering of a value in its internal unit, e.g. "0.002 ps". */
    static String format(double value, Kind kind) {
        return trim(value) + " " + kind.internal;
    }

    static String trim(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) return s.replaceAll("\\.?0+e", "e");
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
