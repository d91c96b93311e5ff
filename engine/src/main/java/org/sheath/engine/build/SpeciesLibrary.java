package org.sheath.engine.build;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sheath.forcefields.InputException;
import org.sheath.forcefields.coords.GroFile;
import org.sheath.forcefields.coords.Structure;
import org.sheath.forcefields.gromacs.GromacsTopologyReader;
import org.sheath.forcefields.gromacs.Preprocessor;
import org.sheath.forcefields.gromacs.TextFile;
import org.sheath.forcefields.model.Atom;
import org.sheath.forcefields.model.MoleculeType;
import org.sheath.forcefields.model.Topology;

/**
 * The species of a bundled force-field directory (e.g. {@code electrolyte.ff}), found by listing the
 * directory itself: every {@code .itp} that {@code forcefield.itp} does not include defines molecule
 * types; a type is a species when a {@code .gro} template of the same base name sits next to its
 * {@code .itp}. Nothing is hard-coded, so a species added to the library (an .itp and a .gro) is
 * buildable without code changes.
 */
public final class SpeciesLibrary {
    /** The bundled electrolyte library. */
    public static final String ELECTROLYTE = "electrolyte.ff";
    private static volatile SpeciesLibrary bundled;

    private final String directory;
    private final Map<String, Species> species;

    private SpeciesLibrary(String directory, Map<String, Species> species) {
        this.directory = directory;
        this.species = Collections.unmodifiableMap(species);
    }

    /** The bundled {@code electrolyte.ff} library (read once). */
    public static SpeciesLibrary bundled() {
        SpeciesLibrary b = bundled;
        if (b == null) {
            synchronized (SpeciesLibrary.class) {
                if (bundled == null) bundled = load(ELECTROLYTE);
                b = bundled;
            }
        }
        return b;
    }

    /** Reads the species of a directory of the bundled library. */
    public static SpeciesLibrary load(String directory) {
        List<String> files = TextFile.listBundled(directory);
        String ff = directory + "/forcefield.itp";
        if (!files.contains("forcefield.itp")) {
            throw new IllegalStateException("bundled library " + directory + " has no forcefield.itp (files: " + files + ")");
        }
        // files that forcefield.itp includes (ffnonbonded.itp, ...) hold parameters, not molecules
        Set<String> parameterFiles = new LinkedHashSet<>();
        for (Preprocessor.Line line : new Preprocessor(List.of(), Map.of()).process(bundledFile(ff))) {
            parameterFiles.add(line.file());
        }
        List<String> itps = new ArrayList<>();
        for (String f : files) {
            String path = directory + "/" + f;
            if (f.endsWith(".itp") && !parameterFiles.contains(bundledFile(path).displayName())) itps.add(path);
        }
        StringBuilder top = new StringBuilder("#include \"").append(ff).append("\"\n");
        for (String itp : itps) top.append("#include \"").append(itp).append("\"\n");
        Topology all = GromacsTopologyReader.read(TextFile.ofString("[bundled] " + directory + " species", top.toString()),
                GromacsTopologyReader.Options.DEFAULT);
        Map<String, Species> out = new LinkedHashMap<>();
        for (MoleculeType m : all.moleculeTypes().values()) {
            String itp = null;
            for (String candidate : itps) {
                if (bundledFile(candidate).displayName().equals(m.source().file())) itp = candidate;
            }
            if (itp == null) continue;
            String gro = itp.substring(0, itp.length() - ".itp".length()) + ".gro";
            if (!files.contains(gro.substring(directory.length() + 1))) continue;
            out.put(m.name(), species(m, itp, gro));
        }
        return new SpeciesLibrary(directory, out);
    }

    private static TextFile bundledFile(String path) {
        return TextFile.bundled(path).orElseThrow(() -> new IllegalStateException("bundled file " + path + " is missing"));
    }

    private static Species species(MoleculeType m, String itp, String gro) {
        TextFile file = bundledFile(gro);
        Structure s = GroFile.parse(file.readLines(), 0, file.displayName());
        List<Atom> atoms = m.atoms();
        if (s.natoms != atoms.size()) {
            throw new IllegalStateException(file.displayName() + " has " + s.natoms + " atoms but molecule type " + m.name()
                    + " in " + itp + " has " + atoms.size());
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < s.natoms; i++) {
            if (!s.atomName[i].equals(atoms.get(i).name())) {
                throw new IllegalStateException(file.displayName() + " atom " + (i + 1) + " is " + s.atomName[i] + " but "
                        + m.name() + " in " + itp + " has " + atoms.get(i).name() + " there");
            }
            names.add(s.atomName[i]);
        }
        return new Species(m.name(), itp, gro, names, Packer.Template.centred(m.name(), s.x, s.y, s.z));
    }

    /** The library directory, e.g. {@code electrolyte.ff}. */
    public String directory() {
        return directory;
    }

    /** The include that every topology of this library starts with, e.g. {@code electrolyte.ff/forcefield.itp}. */
    public String forceFieldItp() {
        return directory + "/forcefield.itp";
    }

    /** Species names in library order (the directory's .itp files sorted by name). */
    public List<String> names() {
        return List.copyOf(species.keySet());
    }

    /**
     * The species called {@code name}; a name that differs only in case is accepted.
     *
     * @throws InputException naming the known species and the closest one
     */
    public Species species(String name) {
        Species s = species.get(name);
        if (s != null) return s;
        for (Species t : species.values()) if (t.name().equalsIgnoreCase(name)) return t;
        String guess = closest(name);
        throw new InputException("unknown species '" + name + "'" + (guess == null ? "" : "; did you mean " + guess + "?")
                + " Known species in " + directory + ": " + String.join(", ", sortedNames()));
    }

    private List<String> sortedNames() {
        List<String> n = new ArrayList<>(species.keySet());
        Collections.sort(n);
        return n;
    }

    /** The known name nearest to {@code name} (edit distance at most 2, or sharing a prefix), or null. */
    private String closest(String name) {
        String q = name.toUpperCase(Locale.ROOT);
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String n : sortedNames()) {
            String u = n.toUpperCase(Locale.ROOT);
            int d = org.sheath.forcefields.text.EditDistance.distance(q, u);
            if (!q.isEmpty() && (u.startsWith(q) || q.startsWith(u))) d = Math.min(d, 1);
            if (d < bestD) {
                bestD = d;
                best = n;
            }
        }
        return bestD <= 2 ? best : null;
    }
}
