package org.sheath.engine.build;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import org.sheath.forcefields.InputException;

/**
 * What to build: species and how many molecules of each, in order. The order is kept: it becomes the
 * order of {@code [ molecules ]} and of the coordinates.
 */
public final class Composition {
    /** One species and its molecule count (positive). */
    public record Entry(String species, int count) {
        public Entry {
            if (species == null || species.isBlank()) throw new InputException("a species name is empty");
            if (count <= 0) {
                throw new InputException("the count of " + species + " must be a positive whole number, got " + count);
            }
        }
    }

    private final List<Entry> entries;

    private Composition(List<Entry> entries) {
        if (entries.isEmpty()) throw new InputException("the composition is empty; give species and counts, e.g. LI=20,TFSI=20,DMF=250");
        Set<String> seen = new HashSet<>();
        for (Entry e : entries) {
            if (!seen.add(e.species().toUpperCase(Locale.ROOT))) {
                throw new InputException(e.species() + " is given twice in the composition; give each species once with its total count");
            }
        }
        this.entries = List.copyOf(entries);
    }

    public static Composition of(List<Entry> entries) {
        return new Composition(entries);
    }

    /** Alternating names and counts: {@code of("LI", 20, "TFSI", 20)}. */
    public static Composition of(Object... namesAndCounts) {
        if (namesAndCounts.length % 2 != 0) throw new IllegalArgumentException("names and counts must alternate");
        List<Entry> e = new ArrayList<>();
        for (int i = 0; i < namesAndCounts.length; i += 2) {
            e.add(new Entry((String) namesAndCounts[i], (Integer) namesAndCounts[i + 1]));
        }
        return new Composition(e);
    }

    /**
     * Parses {@code LI=20,ZN=4,TFSI=28,DMF=250} (also {@code LI:20}; spaces allowed).
     *
     * @throws InputException one line naming the bad item
     */
    public static Composition parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InputException("the composition is empty; give species and counts, e.g. LI=20,TFSI=20,DMF=250");
        }
        List<Entry> out = new ArrayList<>();
        for (String item : text.split(",")) {
            String it = item.strip();
            int eq = Math.max(it.indexOf('='), it.indexOf(':'));
            if (it.isEmpty() || eq <= 0 || eq == it.length() - 1) {
                throw new InputException("bad composition item '" + it + "' in '" + text.strip() + "'; expected NAME=COUNT, e.g. LI=20");
            }
            String name = it.substring(0, eq).strip();
            String num = it.substring(eq + 1).strip();
            long count;
            try {
                count = Long.parseLong(num);
            } catch (NumberFormatException e) {
                throw new InputException("bad count '" + num + "' for " + name + " in '" + text.strip()
                        + "'; the count must be a positive whole number, e.g. " + name + "=20");
            }
            if (count <= 0 || count > Integer.MAX_VALUE) {
                throw new InputException("the count of " + name + " must be a positive whole number, got " + num);
            }
            out.add(new Entry(name, (int) count));
        }
        return new Composition(out);
    }

    public List<Entry> entries() {
        return entries;
    }

    public int molecules() {
        long n = 0;
        for (Entry e : entries) n += e.count();
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    /** As parsed: {@code LI=20,ZN=4}. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(",");
        for (Entry e : entries) j.add(e.species() + "=" + e.count());
        return j.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Composition c && c.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }
}
