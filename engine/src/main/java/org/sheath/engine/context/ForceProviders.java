package org.sheath.engine.context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.bonded.BondedForces;
import org.sheath.engine.force.bonded.BondedTermForce;
import org.sheath.engine.force.ewald.EwaldParameters;
import org.sheath.engine.force.nonbonded.DispCorrMode;
import org.sheath.engine.force.nonbonded.DispersionCorrection;
import org.sheath.engine.force.nonbonded.NonbondedForce;
import org.sheath.engine.force.nonbonded.NonbondedKernel;
import org.sheath.engine.force.nonbonded.NonbondedOptions;
import org.sheath.engine.force.nonbonded.cluster.ClusterNonbondedForce;
import org.sheath.engine.force.nonbonded.PairForce14;
import org.sheath.engine.force.pme.PmeForce;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.TermKind;

/**
 * The registry of force kinds by name, and the default set of a Verlet-scheme PME run as
 * {@code gmx grompp} sets it up: bonded terms, listed 1-4 pairs, the LJ + real-space Ewald pair
 * kernel, the dispersion correction and PME. A new kind (a fast kernel, an external field) is one
 * {@link ForceProvider} registered here with {@link #register}.
 */
public final class ForceProviders {
    /** The default force kinds in evaluation order. */
    public static final List<String> DEFAULTS = List.of("bonded", "pairs-14", "nonbonded", "dispcorr", "pme");

    private static final Map<String, ForceProvider> REGISTRY = new LinkedHashMap<>();

    static {
        register(provider("bonded", ForceProviders::bonded));
        register(provider("pairs-14", b -> {
            PairForce14 pairs = PairForce14.of(b.system().topology);
            if (pairs.size() > 0) b.add(pairs);
        }));
        register(provider("nonbonded", ForceProviders::nonbonded));
        register(provider("dispcorr", b -> {
            if (b.options().dispCorr() != DispCorrMode.NO) {
                b.add(new DispersionCorrection(b.system().topology, b.options().cutoff(), b.options().vdwModifier(),
                        b.options().dispCorr()));
            }
        }));
        register(provider("pme", b -> {
            EwaldParameters ewald = b.ewald();
            if (ewald != null) {
                FlatTopology top = b.system().topology;
                ClusterNonbondedForce cluster = b.find(ClusterNonbondedForce.class);
                if (cluster != null && cluster.correctsEwaldExclusions()) { // the kernel subtracts the excluded pairs
                    b.add(new PmeForce(b.system().charges, top.exclOffsets, top.exclAtoms, ewald.beta(), ewald.nx(), ewald.ny(),
                            ewald.nz(), ewald.order(), EnergyTerm.COULOMB_SR, null));
                } else {
                    b.add(PmeForce.gromacsVerletSplit(b.system().charges, top.exclOffsets, top.exclAtoms, ewald));
                }
            }
        }));
    }

    private ForceProviders() {
    }

    /** Adds (or replaces) a force kind. */
    public static synchronized void register(ForceProvider p) {
        REGISTRY.put(p.name(), p);
    }

    /** The provider of that name, or an IllegalArgumentException listing the known ones. */
    public static synchronized ForceProvider get(String name) {
        ForceProvider p = REGISTRY.get(name.toLowerCase(Locale.ROOT));
        if (p == null) throw new IllegalArgumentException("unknown force '" + name + "'; known: " + REGISTRY.keySet());
        return p;
    }

    public static synchronized List<String> names() {
        return new ArrayList<>(REGISTRY.keySet());
    }

    private static ForceProvider provider(String name, java.util.function.Consumer<ForceSet.Builder> body) {
        return new ForceProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void addTo(ForceSet.Builder builder) {
                body.accept(builder);
            }
        };
    }

    /** The pair kernel the options name; the cluster kernel falls back to the reference where it cannot run. */
    private static void nonbonded(ForceSet.Builder b) {
        EwaldParameters ewald = b.ewald();
        NonbondedOptions o = b.options();
        FlatTopology top = b.system().topology;
        double beta = ewald == null ? 0.0 : ewald.beta();
        if (o.kernel() == NonbondedKernel.CLUSTER) {
            if (ClusterNonbondedForce.supports(top, b.box())) {
                ClusterNonbondedForce f = ClusterNonbondedForce.of(top, o.cutoff(), o.listBuffer(), beta, o.vdwModifier(),
                        o.coulombModifier(), true);
                f.setListLifetime(o.nstlist());
                f.setPruning(o.nstprune(), o.pruneBuffer());
                b.add(f);
                return;
            }
            b.warn("the cluster kernel needs a rectangular box and LJ parameters that follow one combination rule; "
                    + (b.box().isRectangular() ? "this type table has pair overrides" : "this box is triclinic")
                    + ": using the double-precision reference kernel");
        }
        NonbondedForce f = NonbondedForce.of(top, o.cutoff(), o.listBuffer(), beta, o.vdwModifier(), o.coulombModifier());
        f.setListLifetime(o.nstlist());
        b.add(f);
    }

    /** Bonded terms; harmonic bonds that constraints replace are left out (as grompp does). */
    private static void bonded(ForceSet.Builder b) {
        FlatTopology top = b.system().topology;
        boolean[] replaced = b.constrainedBonds();
        for (TermKind kind : TermKind.values()) {
            if (!BondedForces.hasEnergy(kind)) continue;
            FlatTopology.Terms t = top.terms(kind);
            if (kind == TermKind.HARMONIC_BOND && replaced != null) t = withoutTerms(t, replaced);
            if (t.count() == 0) continue;
            BondedTermForce f = BondedForces.create(t);
            b.add(f);
        }
    }

    private static FlatTopology.Terms withoutTerms(FlatTopology.Terms t, boolean[] drop) {
        int ar = t.kind().atomCount(), np = t.kind().paramCount();
        int keep = 0;
        for (int k = 0; k < t.count(); k++) if (!drop[k]) keep++;
        int[] atoms = new int[keep * ar];
        double[] params = new double[keep * np];
        int n = 0;
        for (int k = 0; k < t.count(); k++) {
            if (drop[k]) continue;
            System.arraycopy(t.atoms(), k * ar, atoms, n * ar, ar);
            System.arraycopy(t.params(), k * np, params, n * np, np);
            n++;
        }
        return new FlatTopology.Terms(t.kind(), keep, atoms, params);
    }
}
