package org.sheath.engine.protocol.deck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import org.sheath.forcefields.gromacs.TextFile;

/**
 * The molecule types of the bundled {@code electrolyte.ff} library, found where the topology reader
 * finds it ({@link TextFile#bundled}): every {@code .itp} of the folder except the force-field files,
 * with the name of its {@code [ moleculetype ]} and its mass (for the box a density gives).
 */
public final class BundledSpecies {
    /** The library folder, under {@link TextFile#LIBRARY_ROOT}. */
    public static final String LIBRARY = "electrolyte.ff";
    /** Used when the folder cannot be listed (an unusual class loader): the species the README names. */
    private static final List<String> FALLBACK = List.of("li", "zn", "tfsi", "pf6", "no3", "fsi", "dmf", "dme", "ec",
            "dol", "dmc", "dec", "emc", "fec", "sn", "pvdf", "pvhfp");

    /** A bundled molecule type: its name, its file in the library, its atoms and mass (amu). */
    public record Species(String name, String itp, int atoms, double mass) {
    }

    private static volatile Map<String, Species> cache;

    private BundledSpecies() {
    }

    /** Name → species, sorted by name. */
    public static Map<String, Species> all() {
        Map<String, Species> c = cache;
        if (c == null) {
            Map<String, Species> m = new TreeMap<>();
            for (String file : itpFiles()) {
                if (file.equals("forcefield.itp") || file.equals("ffnonbonded.itp") || file.equals("ffbonded.itp")) continue;
                TextFile.bundled(LIBRARY + "/" + file).flatMap(t -> read(file, t.readLines())).ifPresent(s -> m.put(s.name(), s));
            }
            cache = c = Collections.unmodifiableMap(m);
        }
        return c;
    }

    public static Optional<Species> find(String name) {
        return Optional.ofNullable(all().get(name));
    }

    private static List<String> itpFiles() {
        String dir = TextFile.LIBRARY_ROOT + LIBRARY + "/";
        URL url = BundledSpecies.class.getClassLoader().getResource(dir + "forcefield.itp");
        List<String> files = new ArrayList<>();
        try {
            if (url != null && url.getProtocol().equals("file")) {
                try (var s = Files.list(Path.of(url.toURI()).getParent())) {
                    s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".itp")).sorted().forEach(files::add);
                }
            } else if (url != null && url.getProtocol().equals("jar")) {
                JarURLConnection c = (JarURLConnection) url.openConnection();
                c.setUseCaches(false);
                try (var jar = c.getJarFile()) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        String n = e.nextElement().getName();
                        if (n.startsWith(dir) && n.endsWith(".itp") && n.indexOf('/', dir.length()) < 0) {
                            files.add(n.substring(dir.length()));
                        }
                    }
                }
                Collections.sort(files);
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            files.clear();
        }
        if (files.isEmpty()) for (String f : FALLBACK) files.add(f + ".itp");
        return files;
    }

    /** The first [ moleculetype ] of an .itp and the masses of its [ atoms ] (the first line of each atom number). */
    static Optional<Species> read(String file, List<String> lines) {
        String section = "";
        String name = null;
        Map<Integer, Double> masses = new LinkedHashMap<>();
        for (String raw : lines) {
            int semi = raw.indexOf(';');
            String line = (semi >= 0 ? raw.substring(0, semi) : raw).trim();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("[")) {
                String s = line.replace("[", "").replace("]", "").trim().toLowerCase(Locale.ROOT);
                if (s.equals("moleculetype") && name != null) break; // only the first molecule type
                section = s;
                continue;
            }
            String[] f = line.split("\\s+");
            if (section.equals("moleculetype") && name == null) {
                name = f[0];
            } else if (section.equals("atoms") && f.length >= 8) {
                try {
                    masses.putIfAbsent(Integer.parseInt(f[0]), Double.parseDouble(f[7]));
                } catch (NumberFormatException e) {
                    throw new UncheckedIOException(new IOException("bundled " + file + ": bad [ atoms ] line: " + raw));
                }
            }
        }
        if (name == null) return Optional.empty();
        double mass = masses.values().stream().mapToDouble(Double::doubleValue).sum();
        return Optional.of(new Species(name, LIBRARY + "/" + file, masses.size(), mass));
    }
}
