package org.sheath.analysis.transport;

import java.util.List;
import org.sheath.analysis.core.RunInfo;

/**
 * MSD curves, diffusion coefficients and the Nernst–Einstein estimates.
 *
 * @param time lag times, ps (0, dt, 2 dt, …)
 * @param meanVolume mean box volume over the frames, nm³ (NaN without boxes)
 * @param conductivity σ_NE, S/m (NaN without a temperature)
 * @param transference t₊ estimate (NaN without a temperature)
 */
public record MsdResult(MsdOptions options, double[] time, List<Species> species, double dt, double meanVolume,
                        double conductivity, double transference, int frames, RunInfo run) {
    /**
     * @param name molecule type
     * @param sites number of sites averaged
     * @param molecules number of molecules they belong to (N in Nernst–Einstein)
     * @param charge net charge per molecule, e (NaN when unknown)
     * @param msd MSD per lag, nm²
     */
    public record Species(String name, int sites, int molecules, double charge, double[] msd, DiffusionFit.Fit fit) {
        /** D in 10⁻⁹ m²/s (1 nm²/ps = 10⁻⁶ m²/s). */
        public double dSi9() {
            return fit.d() * 1e3;
        }
    }
}
