package org.sheath.analysis.transport;

/**
 * Nernst–Einstein conductivity from self-diffusion (ideal, no ion correlations):
 * σ_NE = e² / (V k_B T) Σ_i N_i z_i² D_i, and the transference-number estimate
 * t₊ = Σ_{cations} N z² D / Σ_{all} N z² D. Input units: V nm³, D nm²/ps, T K; σ in S/m.
 */
public final class NernstEinstein {
    /** Elementary charge, C; Boltzmann constant, J/K (exact SI values). */
    public static final double E = 1.602176634e-19, KB = 1.380649e-23;

    private NernstEinstein() {
    }

    /** σ_NE in S/m for species with counts n, charges z (e) and D (nm²/ps) in a volume (nm³) at temperature T (K). */
    public static double conductivity(double volumeNm3, double temperature, int[] n, double[] z, double[] d) {
        double s = 0;
        for (int i = 0; i < n.length; i++) s += n[i] * z[i] * z[i] * d[i] * 1e-6; // m²/s
        return E * E / (volumeNm3 * 1e-27 * KB * temperature) * s;
    }

    /** t₊ = Σ_{z>0} N z² D / Σ N z² D (NaN when nothing is charged). */
    public static double transference(int[] n, double[] z, double[] d) {
        double plus = 0, all = 0;
        for (int i = 0; i < n.length; i++) {
            double w = n[i] * z[i] * z[i] * d[i];
            all += w;
            if (z[i] > 0) plus += w;
        }
        return all > 0 ? plus / all : Double.NaN;
    }
}
