package org.sheath.engine.context;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.Force;
import org.sheath.engine.force.ewald.EwaldParameters;
import org.sheath.engine.force.nonbonded.NonbondedOptions;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.MdSystem;
import org.sheath.forcefields.InputException;

/**
 * The forces of a system, built by name from {@link ForceProviders} (default: the way {@code gmx grompp}
 * sets up a Verlet-scheme PME run with the given options: bonded terms, 1-4 pairs, the non-bonded pair
 * kernel, dispersion correction, PME with self and exclusion corrections in "Coulomb (SR)"). Also the
 * energy terms a report should list (the union of what the forces write) and setup warnings.
 */
public final class ForceSet {
    /** |net charge| above which a warning is issued (grompp's threshold for its note). */
    public static final double NET_CHARGE_TOLERANCE = 1e-4;

    private final List<Force> forces;
    private final List<EnergyTerm> terms;
    private final List<String> warnings;
    private final EwaldParameters ewald;
    private final NonbondedOptions options;

    private ForceSet(Builder b) {
        this.forces = Collections.unmodifiableList(new ArrayList<>(b.forces));
        Set<EnergyTerm> t = EnumSet.noneOf(EnergyTerm.class);
        for (Force f : forces) t.addAll(f.energyTerms());
        this.terms = List.copyOf(t);
        this.warnings = Collections.unmodifiableList(new ArrayList<>(b.warnings));
        this.ewald = b.ewald;
        this.options = b.options;
    }

    /**
     * The default forces ({@link ForceProviders#DEFAULTS}).
     *
     * @throws InputException if the box is too small for the cut-off (and pair-list buffer)
     */
    public static ForceSet create(MdSystem system, NonbondedOptions options, Box box) {
        return builder(system, options, box).addDefaults().build();
    }

    /** A builder for a custom set: add providers by name or forces directly. */
    public static Builder builder(MdSystem system, NonbondedOptions options, Box box) {
        return new Builder(system, options, box);
    }

    /** Throws an InputException naming the box, the cut-off and the fix when 2·rlist exceeds the shortest height. */
    public static void checkBox(Box box, NonbondedOptions options) {
        double h = box.minHeight();
        double rl = options.rlist();
        if (2 * rl > h * (1 + 1e-12)) {
            String what = options.listBuffer() > 0
                    ? "the cut-off " + options.cutoff() + " nm plus the pair-list buffer " + options.listBuffer() + " nm"
                    : "the cut-off " + options.cutoff() + " nm";
            throw new InputException(String.format(Locale.ROOT, "%s is too small for %s: its shortest height %.4f nm "
                    + "must be at least twice that (%.4f nm); use a larger box (more molecules) or a cut-off of at "
                    + "most %.4f nm", box, what, h, 2 * rl, 0.5 * h - options.listBuffer()));
        }
    }

    /** The forces in evaluation order. */
    public List<Force> forces() {
        return forces;
    }

    /** The first force that is an instance of the type (e.g. {@link org.sheath.engine.force.PairSearch}), or null. */
    public <T> T find(Class<T> type) {
        for (Force f : forces) if (type.isInstance(f)) return type.cast(f);
        return null;
    }

    /** Energy terms to report, in GROMACS order. */
    public List<EnergyTerm> terms() {
        return terms;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** Ewald/PME parameters (β, grid), or null for a system without charges. */
    public EwaldParameters ewald() {
        return ewald;
    }

    public NonbondedOptions options() {
        return options;
    }

    /** Collects forces; providers read the system, options, box and constrained bonds from it. */
    public static final class Builder {
        private final MdSystem system;
        private final NonbondedOptions options;
        private final Box box;
        private final EwaldParameters ewald;
        private final List<Force> forces = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private boolean[] constrainedBonds;

        private Builder(MdSystem system, NonbondedOptions options, Box box) {
            checkBox(box, options);
            this.system = system;
            this.options = options;
            this.box = box;
            boolean charged = false;
            for (double q : system.charges) charged |= q != 0;
            this.ewald = charged
                    ? EwaldParameters.fromMdp(box, options.cutoff(), options.ewaldRtol(), options.fourierSpacing(), options.pmeOrder())
                    : null;
            double qt = system.totalCharge();
            if (Math.abs(qt) > NET_CHARGE_TOLERANCE) {
                warnings.add(String.format(Locale.ROOT, "the system has a net charge of %+.6f e; PME adds a uniform "
                        + "neutralizing background (as GROMACS does), which can bias energies and dynamics: check the "
                        + "[ molecules ] counts or the charges", qt));
            }
        }

        public MdSystem system() {
            return system;
        }

        public NonbondedOptions options() {
            return options;
        }

        public Box box() {
            return box;
        }

        /** β and the PME grid chosen for the box (null without charges): fixed for the whole run, as GROMACS keeps them. */
        public EwaldParameters ewald() {
            return ewald;
        }

        /**
         * Marks harmonic-bond terms (by index into the topology's HARMONIC_BOND terms) that constraints
         * replace; the bonded provider leaves them out. Call before {@link #addDefaults()}.
         */
        public Builder constrainedBonds(boolean[] mask) {
            this.constrainedBonds = mask == null ? null : mask.clone();
            return this;
        }

        public boolean[] constrainedBonds() {
            return constrainedBonds;
        }

        public Builder addDefaults() {
            for (String name : ForceProviders.DEFAULTS) add(name);
            return this;
        }

        /** Adds the forces of the named provider. */
        public Builder add(String providerName) {
            ForceProviders.get(providerName).addTo(this);
            return this;
        }

        public Builder add(Force force) {
            forces.add(force);
            return this;
        }

        /** The first force added so far that is a {@code type}, or null. */
        public <T> T find(Class<T> type) {
            for (Force f : forces) if (type.isInstance(f)) return type.cast(f);
            return null;
        }

        public Builder warn(String warning) {
            warnings.add(warning);
            return this;
        }

        public ForceSet build() {
            return new ForceSet(this);
        }
    }
}
