package org.sheath.forcefields.coords;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Atom names of a coordinate file against the topology's, as grompp checks them: a different name usually
 * means the [ molecules ] order or counts do not match the file (molecules swapped), and every energy and
 * RDF computed from it is wrong although the atom counts agree. Files without names (AMBER inpcrd) pass.
 *
 * @param count    atoms whose names differ
 * @param examples the first few, "atom 13: O1 in the topology, C in the coordinates"
 */
public record AtomNameCheck(int count, List<String> examples) {
    /** How many mismatches {@link #examples} lists. */
    public static final int EXAMPLES = 5;

    /** Compares atom by atom (the counts must already agree; a shorter file is compared as far as it goes). */
    public static AtomNameCheck of(String[] topologyNames, Structure s) {
        int n = Math.min(topologyNames.length, s.natoms), count = 0;
        List<String> ex = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String c = s.atomName[i];
            if (c == null || c.isEmpty() || c.equals(topologyNames[i])) continue;
            if (count++ < EXAMPLES) {
                ex.add(String.format(Locale.ROOT, "atom %d: %s in the topology, %s in the coordinates", i + 1, topologyNames[i], c));
            }
        }
        return new AtomNameCheck(count, List.copyOf(ex));
    }

    /** One line for the user when names differ, naming the file and the likely fix. */
    public Optional<String> warning(String coordinatesFile) {
        if (count == 0) return Optional.empty();
        return Optional.of(String.format(Locale.ROOT, "%s: %d atom name(s) differ from the topology's (first: %s): the [ molecules ] "
                + "order or counts probably do not match the file; the topology's atoms are used", coordinatesFile, count, examples.get(0)));
    }
}
