package org.sheath.analysis.rdf;

import org.sheath.analysis.select.Sites;

/**
 * Options of an RDF.
 *
 * @param ref reference selection (the centres)
 * @param sel selection counted around them
 * @param refSite atoms, or per-molecule/residue centre of mass/geometry of {@code ref}
 * @param selSite the same for {@code sel}
 * @param grouping what a com/cog site is a centre of: each molecule or each residue
 * @param bin requested bin width, nm (the bins are rmax / round(rmax / bin) wide)
 * @param rmax longest distance, nm; NaN for half the shortest box height of the first frame
 *     (rounded down to a whole number of bins)
 * @param norm rdf (g(r)), density (number density of sel around a ref site, nm⁻³) or none
 *     (mean number of sel sites per ref site in each bin)
 * @param excludeSameMolecule leave out pairs within one molecule (and normalise by the pairs left)
 * @param shellRadius first-shell radius for the coordination number, nm; NaN to find the first
 *     minimum automatically
 * @param smooth σ of the Gaussian that smooths g(r) before the peak/minimum search, nm
 */
public record RdfOptions(String ref, String sel, Sites.Mode refSite, Sites.Mode selSite, Sites.Grouping grouping,
                         double bin, double rmax, Norm norm, boolean excludeSameMolecule, double shellRadius,
                         double smooth) {
    public enum Norm { RDF, DENSITY, NONE }

    public static final double DEFAULT_BIN = 0.002;
    public static final double DEFAULT_SMOOTH = 0.01;

    public static RdfOptions of(String ref, String sel) {
        return new RdfOptions(ref, sel, Sites.Mode.ATOM, Sites.Mode.ATOM, Sites.Grouping.MOLECULE, DEFAULT_BIN, Double.NaN,
                Norm.RDF, false, Double.NaN, DEFAULT_SMOOTH);
    }

    public RdfOptions withBin(double b) {
        return new RdfOptions(ref, sel, refSite, selSite, grouping, b, rmax, norm, excludeSameMolecule, shellRadius, smooth);
    }

    public RdfOptions withRmax(double r) {
        return new RdfOptions(ref, sel, refSite, selSite, grouping, bin, r, norm, excludeSameMolecule, shellRadius, smooth);
    }

    public RdfOptions withNorm(Norm n) {
        return new RdfOptions(ref, sel, refSite, selSite, grouping, bin, rmax, n, excludeSameMolecule, shellRadius, smooth);
    }

    public RdfOptions withExcludeSameMolecule(boolean e) {
        return new RdfOptions(ref, sel, refSite, selSite, grouping, bin, rmax, norm, e, shellRadius, smooth);
    }

    public RdfOptions withSites(Sites.Mode r, Sites.Mode s, Sites.Grouping g) {
        return new RdfOptions(ref, sel, r, s, g, bin, rmax, norm, excludeSameMolecule, shellRadius, smooth);
    }

    public RdfOptions withShellRadius(double r) {
        return new RdfOptions(ref, sel, refSite, selSite, grouping, bin, rmax, norm, excludeSameMolecule, r, smooth);
    }

    public RdfOptions withSmooth(double s) {
        return new RdfOptions(ref, sel, refSite, selSite, grouping, bin, rmax, norm, excludeSameMolecule, shellRadius, s);
    }
}
