package org.sheath.analysis.rdf;

import org.sheath.analysis.core.RunInfo;

/**
 * Result of an RDF.
 *
 * @param r bin centres, nm
 * @param value the normalised histogram as asked for ({@link RdfOptions#norm()}): g(r), a density, or
 *     counts per reference site
 * @param g g(r) (always computed, for the shell search)
 * @param cn running coordination number at the upper edge of each bin: mean number of (allowed)
 *     sel sites closer than r[k] + dr/2 to a ref site
 * @param binWidth the actual bin width, nm
 * @param refSites number of reference sites
 * @param selSites number of selection sites
 * @param pairs allowed ordered (ref, sel) pairs per frame: the g(r) normalisation
 * @param meanVolume mean box volume, nm³
 * @param density mean density of allowed sel sites around a ref site, pairs / (refSites · V), nm⁻³
 * @param shell first peak, first minimum and first-shell coordination number
 * @param run frames, threads, timing
 * @param note what the user should know about how it was computed ("" if nothing): NPT frames whose box
 *             shrank below 2·rmax count only for the bins within their half-height
 * @param refLabel chemical names of the sites for titles ("Li", "O(DMF)"), or the selection text
 */
public record RdfResult(RdfOptions options, double[] r, double[] value, double[] g, double[] cn, double binWidth,
                        double rmax, int refSites, int selSites, long pairs, double meanVolume, double density,
                        Shell shell, RunInfo run, String note, String refLabel, String selLabel) {

    /**
     * First peak (position, raw height), first minimum after it (position, smoothed height) and the
     * coordination number at the shell radius. NaN where not found.
     *
     * @param automatic whether the shell radius is the minimum found (false: --shell-radius)
     */
    public record Shell(double peakR, double peakG, double minR, double minG, double radius, double cn, boolean automatic) {
    }

    /** Running coordination number at distance x (linear between bin edges), nm. */
    public double cnAt(double x) {
        return ShellFinder.cumulativeAt(cn, binWidth, x);
    }

    /** The curve as written ({@link #value}, in the --norm asked for) at the first peak; NaN without a peak. */
    public double valueAtPeak() {
        if (Double.isNaN(shell.peakR())) return Double.NaN;
        int k = (int) Math.min(value.length - 1, Math.max(0, Math.floor(shell.peakR() / binWidth)));
        return value[k];
    }
}
