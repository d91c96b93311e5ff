package org.sheath.engine.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sheath.engine.system.Box;
import org.sheath.forcefields.InputException;
import org.sheath.forcefields.coords.Structure;
import org.sheath.forcefields.gromacs.GromacsTopologyReader;
import org.sheath.forcefields.gromacs.TextFile;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.Topology;

/**
 * Builds a start box from bundled species: the topology (a GROMACS .top that includes the library's
 * {@code forcefield.itp} and each species' .itp, read back by the existing reader) and packed
 * coordinates ({@link Packer}).
 *
 * <pre>{@code
 * BuiltSystem s = SystemBuilder.of(Composition.parse("LI=20,ZN=4,TFSI=28,DMF=250"))
 *         .density(0.95)              // g/cm³; or .box(3.7) or .box(3.7, 3.7, 4.0) in nm
 *         .seed(7)
 *         .define("CHARGE_SCALE_0_8")
 *         .build();
 * }</pre>
 */
public final class SystemBuilder {
    /** amu/nm³ → g/cm³: 1.66053906660e-24 g / 1e-21 cm³. */
    public static final double AMU_PER_NM3_TO_G_PER_CM3 = 1.66053906660e-3;
    /** Default seed, so that a build without one is reproducible too. */
    public static final long DEFAULT_SEED = 1;
    /**
     * Margin added to the minimum distance while packing so that it still holds after rounding to the
     * 0.001 nm of a .gro file (each coordinate moves by at most 0.0005 nm, a distance by at most √3·0.001 nm).
     */
    public static final double GRO_ROUNDING_MARGIN = Math.sqrt(3) * 0.001;

    private final Composition composition;
    private SpeciesLibrary library;
    private Double density;
    private double[] edges;
    private long seed = DEFAULT_SEED;
    private double tolerance = Packer.DEFAULT_TOLERANCE;
    private int maxAttempts = Packer.DEFAULT_MAX_ATTEMPTS;
    private final Map<String, String> defines = new LinkedHashMap<>();
    private String title;

    private SystemBuilder(Composition composition) {
        this.composition = composition;
    }

    public static SystemBuilder of(Composition composition) {
        return new SystemBuilder(composition);
    }

    /** Target density in g/cm³: a cubic box of the volume that gives it. */
    public SystemBuilder density(double gPerCm3) {
        if (!(gPerCm3 > 0) || !Double.isFinite(gPerCm3)) {
            throw new InputException("the density must be a positive number of g/cm3, got " + fmt(gPerCm3));
        }
        this.density = gPerCm3;
        this.edges = null;
        return this;
    }

    /** A cubic box of this edge (nm). */
    public SystemBuilder box(double edge) {
        return box(edge, edge, edge);
    }

    /** A rectangular box a × b × c (nm). */
    public SystemBuilder box(double a, double b, double c) {
        for (double e : new double[] {a, b, c}) {
            if (!(e > 0) || !Double.isFinite(e)) throw new InputException("box edges must be positive numbers of nm, got " + fmt(e));
        }
        this.edges = new double[] {a, b, c};
        this.density = null;
        return this;
    }

    public SystemBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** A preprocessor macro written as {@code #define NAME} before the includes, e.g. CHARGE_SCALE_0_8. */
    public SystemBuilder define(String name) {
        return define(name, "");
    }

    /** {@code #define NAME VALUE} before the includes. */
    public SystemBuilder define(String name, String value) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new InputException("bad macro name '" + name + "'; use letters, digits and _ (e.g. CHARGE_SCALE_0_8)");
        }
        defines.put(name, value == null ? "" : value.strip());
        return this;
    }

    /** Minimum distance (nm) between atoms of different molecules; default 0.2 (Packmol's). */
    public SystemBuilder tolerance(double nm) {
        if (!(nm > 0) || !Double.isFinite(nm)) throw new InputException("the minimum distance must be a positive number of nm, got " + fmt(nm));
        this.tolerance = nm;
        return this;
    }

    /** Random positions tried per molecule before the overlap relaxation takes over. */
    public SystemBuilder maxAttempts(int n) {
        if (n < 1) throw new InputException("the number of attempts must be at least 1, got " + n);
        this.maxAttempts = n;
        return this;
    }

    /** The {@code [ system ]} name and .gro title; default: the composition. */
    public SystemBuilder title(String title) {
        this.title = title;
        return this;
    }

    /** Species from another library directory (default: the bundled electrolyte.ff). */
    public SystemBuilder library(SpeciesLibrary library) {
        this.library = library;
        return this;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Resolves the species, writes and reads the topology, sizes the box and packs the molecules.
     *
     * @throws InputException for an unknown species, a missing density/box, or molecules that do not fit
     */
    public BuiltSystem build() {
        if (density == null && edges == null) throw new InputException("give a target density (g/cm3) or a box (nm)");
        SpeciesLibrary lib = library != null ? library : SpeciesLibrary.bundled();
        List<Species> species = new ArrayList<>();
        List<Composition.Entry> resolved = new ArrayList<>();
        for (Composition.Entry e : composition.entries()) {
            Species s = lib.species(e.species());
            species.add(s);
            resolved.add(new Composition.Entry(s.name(), e.count()));
        }
        Composition comp = Composition.of(resolved);
        String name = title != null && !title.isBlank() ? title.strip() : comp.toString().replace(",", " ").replace("=", " ");

        String topText = topologyText(lib, comp, species, name);
        Topology top = GromacsTopologyReader.read(TextFile.ofString("[sheath build] topol.top", topText), GromacsTopologyReader.Options.DEFAULT);
        FlatTopology flat = FlatTopology.of(top);
        double mass = flat.totalMass();

        Box box;
        if (density != null) {
            double edge = Math.cbrt(mass * AMU_PER_NM3_TO_G_PER_CM3 / density);
            box = Box.rectangular(edge, edge, edge);
        } else {
            box = Box.rectangular(edges[0], edges[1], edges[2]);
        }

        List<Packer.Template> templates = new ArrayList<>();
        int[] counts = new int[species.size()];
        for (int i = 0; i < species.size(); i++) {
            templates.add(species.get(i).template());
            counts[i] = comp.entries().get(i).count();
        }
        Packer packer = new Packer(box, tolerance, GRO_ROUNDING_MARGIN, seed, maxAttempts, Packer.DEFAULT_MAX_RELAX_STEPS);
        Packer.Result packed;
        try {
            packed = packer.pack(templates, counts);
        } catch (InputException e) {
            throw new InputException(String.format(Locale.ROOT, "cannot pack %s into %s (%.4f g/cm3): %s", comp, describe(box),
                    mass * AMU_PER_NM3_TO_G_PER_CM3 / box.volume(), e.getMessage()));
        }
        Structure structure = new Structure(name + " (sheath build, seed " + seed + ")", flat.atomName.clone(),
                flat.residueName.clone(), flat.residueNumber.clone(), null, packed.x(), packed.y(), packed.z(),
                null, null, null, box.toMatrix());
        return new BuiltSystem(comp, species, topText, top, flat, structure, box, mass, tolerance, seed, Map.copyOf(defines), packed);
    }

    static String describe(Box box) {
        return String.format(Locale.ROOT, "a %.4f x %.4f x %.4f nm box", box.ax(), box.by(), box.cz());
    }

    private String topologyText(SpeciesLibrary lib, Composition comp, List<Species> species, String name) {
        StringBuilder t = new StringBuilder();
        t.append("; Written by sheath build: ").append(comp).append(", seed ").append(seed).append('\n');
        t.append("; Species from Sheath's bundled library ").append(lib.directory())
                .append(" (GROMACS: set GMXLIB to the directory that contains it).\n");
        for (Map.Entry<String, String> d : defines.entrySet()) {
            t.append("#define ").append(d.getKey());
            if (!d.getValue().isEmpty()) t.append(' ').append(d.getValue());
            t.append('\n');
        }
        t.append("#include \"").append(lib.forceFieldItp()).append("\"\n");
        Set<String> itps = new LinkedHashSet<>();
        for (Species s : species) itps.add(s.itp());
        for (String itp : itps) t.append("#include \"").append(itp).append("\"\n");
        t.append("\n[ system ]\n").append(name).append("\n\n[ molecules ]\n; name   count\n");
        for (Composition.Entry e : comp.entries()) t.append(String.format(Locale.ROOT, "%-8s %6d%n", e.species(), e.count()));
        return t.toString();
    }
}
