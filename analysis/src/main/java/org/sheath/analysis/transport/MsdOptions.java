package org.sheath.analysis.transport;

import java.util.Map;
import org.sheath.analysis.select.Sites;

/**
 * Options of an MSD / diffusion analysis.
 *
 * @param sel the selection; its sites are grouped into species by molecule type
 * @param site atoms, or one centre of mass/geometry per molecule (or residue)
 * @param grouping what a com/cog site is the centre of
 * @param fitStart first lag time of the fit window, ps (NaN: automatic; see {@link DiffusionFit})
 * @param fitEnd last lag time of the fit window, ps (NaN: automatic, or a quarter of the run if fitStart is given)
 * @param temperature K, for the Nernst–Einstein conductivity (NaN: none)
 * @param moleculeCharge net charge of every molecule of the universe (from the topology), or null
 * @param charges charge per species (molecule type) name, overriding {@code moleculeCharge}
 * @param dt time per frame of the file, ps, overriding the frame times (NaN: use them)
 */
public record MsdOptions(String sel, Sites.Mode site, Sites.Grouping grouping, double fitStart, double fitEnd,
                         double temperature, double[] moleculeCharge, Map<String, Double> charges, double dt) {
    public static MsdOptions of(String sel) {
        return new MsdOptions(sel, Sites.Mode.ATOM, Sites.Grouping.MOLECULE, Double.NaN, Double.NaN, Double.NaN, null, Map.of(),
                Double.NaN);
    }

    public MsdOptions withSite(Sites.Mode m) {
        return new MsdOptions(sel, m, grouping, fitStart, fitEnd, temperature, moleculeCharge, charges, dt);
    }

    public MsdOptions withFit(double a, double b) {
        return new MsdOptions(sel, site, grouping, a, b, temperature, moleculeCharge, charges, dt);
    }

    public MsdOptions withConductivity(double t, double[] molQ, Map<String, Double> q) {
        return new MsdOptions(sel, site, grouping, fitStart, fitEnd, t, molQ, Map.copyOf(q), dt);
    }

    public MsdOptions withDt(double d) {
        return new MsdOptions(sel, site, grouping, fitStart, fitEnd, temperature, moleculeCharge, charges, d);
    }
}
