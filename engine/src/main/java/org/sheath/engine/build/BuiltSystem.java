package org.sheath.engine.build;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sheath.engine.system.Box;
import org.sheath.forcefields.coords.Structure;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.Topology;

/**
 * A built start box: the composition (species names as the library spells them), the topology as
 * .top text (includes by name), read ({@link Topology}) and expanded ({@link FlatTopology}), the packed
 * coordinates with atom and residue names ({@link Structure}, molecules whole, centres in the box),
 * the box, and how the packing went. The box is exposed so that callers can check it against their
 * cut-off.
 */
public final class BuiltSystem {
    private final Composition composition;
    private final List<Species> species;
    private final String topologyText;
    private final Topology topology;
    private final FlatTopology flat;
    private final Structure structure;
    private final Box box;
    private final double mass;
    private final double tolerance;
    private final long seed;
    private final Map<String, String> defines;
    private final Packer.Result packing;

    BuiltSystem(Composition composition, List<Species> species, String topologyText, Topology topology, FlatTopology flat,
                Structure structure, Box box, double mass, double tolerance, long seed, Map<String, String> defines,
                Packer.Result packing) {
        this.composition = composition;
        this.species = List.copyOf(species);
        this.topologyText = topologyText;
        this.topology = topology;
        this.flat = flat;
        this.structure = structure;
        this.box = box;
        this.mass = mass;
        this.tolerance = tolerance;
        this.seed = seed;
        this.defines = defines;
        this.packing = packing;
    }

    public Composition composition() { return composition; }
    /** The species in composition order. */
    public List<Species> species() { return species; }
    /** The .top: defines, {@code #include "electrolyte.ff/forcefield.itp"}, one include per species, [ system ], [ molecules ]. */
    public String topologyText() { return topologyText; }
    public Topology topology() { return topology; }
    public FlatTopology flatTopology() { return flat; }
    /** Coordinates (nm), atom/residue names and numbers, box. */
    public Structure structure() { return structure; }
    public Box box() { return box; }
    public int atomCount() { return flat.natoms; }
    /** Total mass (amu). */
    public double mass() { return mass; }
    /** Mass / box volume (g/cm³). */
    public double density() { return mass * SystemBuilder.AMU_PER_NM3_TO_G_PER_CM3 / box.volume(); }
    /** The minimum distance asked for (nm). */
    public double tolerance() { return tolerance; }
    /** The shortest distance between atoms of different molecules (nm, minimum image, before .gro rounding). */
    public double minDistance() { return packing.minDistance(); }
    public long seed() { return seed; }
    public Map<String, String> defines() { return defines; }
    public Packer.Result packing() { return packing; }

    /** One paragraph: atoms, molecules, box, density, charge, closest approach, seed, effort. */
    public String summary() {
        StringBuilder mol = new StringBuilder();
        for (Composition.Entry e : composition.entries()) {
            if (mol.length() > 0) mol.append(", ");
            mol.append(e.species()).append(' ').append(e.count());
        }
        double q = flat.totalCharge();
        String charge = Math.abs(q - Math.rint(q)) < 1e-6 && Math.rint(q) == 0 ? "neutral"
                : String.format(Locale.ROOT, "net charge %+.4f e", q);
        String defs = defines.isEmpty() ? "" : ", defines " + String.join(" ", defines.keySet());
        return String.format(Locale.ROOT, "Built %d atoms in %d molecules (%s) in %s (%.3f nm3): density %.4f g/cm3, "
                        + "mass %.2f amu, %s%s. Closest atoms of different molecules %.4f nm apart (asked for at least %.3f "
                        + "nm, periodic boundaries). Seed %d; %d insertion attempts, %d relaxation steps, %d re-insertions, %.2f s.",
                flat.natoms, composition.molecules(), mol, SystemBuilder.describe(box), box.volume(), density(), mass, charge,
                defs, minDistance(), tolerance, seed, packing.attempts(), packing.relaxSteps(), packing.reinserted(),
                packing.seconds());
    }
}
