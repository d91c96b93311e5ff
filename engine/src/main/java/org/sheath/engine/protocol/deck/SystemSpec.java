package org.sheath.engine.protocol.deck;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The deck's {@code [system]}: either a topology and coordinates on disk ({@link FromFiles}) or a
 * composition the builder packs ({@link Composition}). Preprocessor defines apply to both (the
 * builder's topology includes the bundled {@code .itp} files, which know e.g. {@code CHARGE_SCALE_0_8}).
 */
public sealed interface SystemSpec permits SystemSpec.FromFiles, SystemSpec.Composition {
    /** {@code NAME} or {@code NAME=VALUE}, as {@code -D} on the command line, in deck order. */
    List<String> defines();

    /** {@link #defines()} as the map {@code GromacsTopologyReader.Options} takes (a bare name maps to ""). */
    default Map<String, String> defineMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String d : defines()) {
            int eq = d.indexOf('=');
            if (eq < 0) m.put(d, "");
            else m.put(d.substring(0, eq), d.substring(eq + 1));
        }
        return m;
    }

    /**
     * @param topology    .top/.itp or .prmtop, resolved against the deck's folder, exists
     * @param coordinates .gro, .pdb, .inpcrd/.rst7, resolved against the deck's folder, exists
     */
    record FromFiles(Path topology, Path coordinates, List<String> defines) implements SystemSpec {
        public FromFiles {
            defines = List.copyOf(defines);
        }
    }

    /**
     * @param molecules bundled species name → count, in the order the deck writes them (the order of
     *                  the built topology's {@code [ molecules ]}); unmodifiable, iteration in that order
     * @param density   g/cm³, when the box follows from the composition's mass
     * @param box       box edges, nm, when given instead of a density
     */
    record Composition(Map<String, Integer> molecules, OptionalDouble density, Optional<BoxSize> box,
                       List<String> defines) implements SystemSpec {
        public Composition {
            molecules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(molecules));
            defines = List.copyOf(defines);
            if (density.isPresent() == box.isPresent()) {
                throw new IllegalArgumentException("a composition needs exactly one of density and box");
            }
        }
    }

    /** A rectangular box, edges in nm ({@code box = 3.7} gives a cube). */
    record BoxSize(double a, double b, double c) {
        public double minEdge() {
            return Math.min(a, Math.min(b, c));
        }

        public double volume() {
            return a * b * c;
        }
    }
}
