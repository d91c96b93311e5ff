package org.sheath.analysis.shells;

import java.util.List;
import org.sheath.analysis.select.Sites;

/**
 * Options of a solvation-shell (speciation) analysis.
 *
 * @param ref reference selection (the solvated ions, e.g. {@code name LI})
 * @param refSite atoms, or one centre per molecule/residue of {@code ref}
 * @param species the coordinating species, in output order
 * @param anion name of the species that is the anion for SSIP/CIP/AGG, or null for none
 * @param cations extra cations (besides the ref sites) that make an anion aggregated, e.g.
 *     {@code name ZN}; null for the ref sites only
 * @param cationRadius shell radius of the extra cations towards the anion's atoms, nm; NaN for
 *     automatic (first minimum of their RDF with the anion's selection)
 * @param residence whether to compute residence times (needs evenly spaced frames)
 * @param dt time per frame of the file, ps, overriding the frames' times; NaN to use them
 */
public record ShellOptions(String ref, Sites.Mode refSite, List<Species> species, String anion, String cations,
                           double cationRadius, boolean residence, double dt) {
    /**
     * A coordinating species: a molecule is in a ref site's shell when one of its selected atoms is
     * closer than {@code radius} (nm; NaN for the first minimum of the ref–species RDF).
     */
    public record Species(String name, String selection, double radius) {
        public Species withRadius(double r) {
            return new Species(name, selection, r);
        }
    }

    public static ShellOptions of(String ref, List<Species> species) {
        return new ShellOptions(ref, Sites.Mode.ATOM, List.copyOf(species), null, null, Double.NaN, true, Double.NaN);
    }

    public ShellOptions withAnion(String a, String cationSel, double cationR) {
        return new ShellOptions(ref, refSite, species, a, cationSel, cationR, residence, dt);
    }

    public ShellOptions withSpecies(List<Species> s) {
        return new ShellOptions(ref, refSite, List.copyOf(s), anion, cations, cationRadius, residence, dt);
    }

    public ShellOptions withCationRadius(double r) {
        return new ShellOptions(ref, refSite, species, anion, cations, r, residence, dt);
    }

    public ShellOptions withResidence(boolean r) {
        return new ShellOptions(ref, refSite, species, anion, cations, cationRadius, r, dt);
    }

    public ShellOptions withDt(double d) {
        return new ShellOptions(ref, refSite, species, anion, cations, cationRadius, residence, d);
    }

    public ShellOptions withRefSite(Sites.Mode m) {
        return new ShellOptions(ref, m, species, anion, cations, cationRadius, residence, dt);
    }

    /** Index of the named species, or −1. */
    public int speciesIndex(String name) {
        for (int s = 0; s < species.size(); s++) if (species.get(s).name().equals(name)) return s;
        return -1;
    }
}
