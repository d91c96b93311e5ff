package org.sheath.analysis.shells;

import java.util.List;
import org.sheath.analysis.core.RunInfo;

/**
 * Result of a solvation-shell analysis.
 *
 * @param refLabel name of the ref ion in composition labels (its element for one-atom molecules,
 *     else the molecule type)
 * @param radius shell radius of each species, nm
 * @param radiusFromRdf whether each radius is the first minimum of the ref–species RDF (false: given)
 * @param meanCn mean number of molecules of each species in a ref site's shell
 * @param cnHistogram per species, the fraction of ref-frames with 0, 1, 2, … molecules of it
 * @param compositions the shell compositions, most frequent first
 * @param pairing SSIP/CIP/AGG of the anion species, or null
 * @param residence residence-time results per species, or null when not computed
 * @param frames number of frames analysed
 * @param dt time between analysed frames, ps (NaN when not needed or fewer than two frames)
 */
public record ShellResult(ShellOptions options, String refLabel, int refSites, double[] radius, boolean[] radiusFromRdf,
                          double[] meanCn, double[][] cnHistogram, List<Composition> compositions, Pairing pairing,
                          Residence.Result[] residence, int frames, double dt, RunInfo run) {
    /**
     * One shell composition.
     *
     * @param label e.g. {@code Li(DMF)3(TFSI)1} (species with zero molecules left out)
     * @param counts molecules of each species
     * @param count number of ref-frames (ref site × frame) with it
     * @param fraction count / (ref sites × frames)
     */
    public record Composition(String label, int[] counts, long count, double fraction) {
    }

    /**
     * Ion pairing of the ref ions with the anion species.
     *
     * @param ssip fraction of ref-frames with no anion in the shell
     * @param cip fraction with exactly one anion in the shell, coordinated by no other cation
     * @param agg fraction with two or more anions, or one that another cation also coordinates
     * @param cationRadius radius of the extra cations towards the anion (NaN when there are none)
     * @param extraCations number of extra cation sites (besides the ref sites)
     * @param anionCoordination fraction of anion-frames with 0, 1, 2, … cations (ref + extra) coordinating
     *     the anion (the anion-centred view: 0 free, 1 paired, ≥ 2 aggregated)
     */
    public record Pairing(String anion, double ssip, double cip, double agg, double cationRadius, int extraCations,
                          double[] anionCoordination) {
    }

    public int speciesCount() {
        return radius.length;
    }
}
