package org.sheath.engine.force.bonded;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sheath.engine.force.Force;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.TermKind;

/**
 * Entry point: the bonded forces of a topology, one {@link BondedTermForce} per functional form present.
 * A new form is one class plus one line in {@link #REGISTRY}. Kinds without energy (connections,
 * constraints, settles) have no entry and are skipped.
 */
public final class BondedForces {
    private static final Map<TermKind, Function<FlatTopology.Terms, BondedTermForce>> REGISTRY = new EnumMap<>(TermKind.class);

    static {
        REGISTRY.put(TermKind.HARMONIC_BOND, HarmonicBond::new);
        REGISTRY.put(TermKind.HARMONIC_ANGLE, HarmonicAngle::new);
        REGISTRY.put(TermKind.UREY_BRADLEY, UreyBradley::new);
        REGISTRY.put(TermKind.PERIODIC_PROPER, PeriodicProper::new);
        REGISTRY.put(TermKind.RYCKAERT_BELLEMANS, RyckaertBellemans::new);
        REGISTRY.put(TermKind.FOURIER, Fourier::new);
        REGISTRY.put(TermKind.PERIODIC_IMPROPER, PeriodicImproper::new);
        REGISTRY.put(TermKind.HARMONIC_IMPROPER, HarmonicImproper::new);
    }

    private BondedForces() {
    }

    /** Whether the kind has an energy-carrying implementation here. */
    public static boolean hasEnergy(TermKind kind) {
        return REGISTRY.containsKey(kind);
    }

    /** The force for one set of terms, or null for a kind without energy. */
    public static BondedTermForce create(FlatTopology.Terms terms) {
        Function<FlatTopology.Terms, BondedTermForce> f = REGISTRY.get(terms.kind());
        return f == null ? null : f.apply(terms);
    }

    /** One force per energy-carrying kind with at least one term, in {@link TermKind} order. */
    public static List<BondedTermForce> termForces(FlatTopology top) {
        List<BondedTermForce> list = new ArrayList<>();
        for (TermKind kind : TermKind.values()) {
            if (!REGISTRY.containsKey(kind)) continue;
            FlatTopology.Terms t = top.terms(kind);
            if (t.count() > 0) list.add(create(t));
        }
        return Collections.unmodifiableList(list);
    }

    /** {@link #termForces} as plain {@link Force}s. */
    public static List<Force> of(FlatTopology top) {
        return List.copyOf(termForces(top));
    }
}
