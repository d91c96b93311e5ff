package org.sheath.engine.integrate;

/**
 * Least-squares line through (time, conserved energy) samples, kept as running sums (no storage): its
 * slope is the drift, reported per atom in kJ/mol/ps as GROMACS's "Conserved energy drift"; also the
 * standard deviation of the residuals (the fluctuation around the line).
 */
public final class ConservedDrift {
    private long n;
    private double t0 = Double.NaN, e0;
    private double st, se, stt, ste, see;

    public void reset() {
        n = 0;
        t0 = Double.NaN;
        st = se = stt = ste = see = 0;
    }

    public void add(double time, double energy) {
        if (n == 0) {
            t0 = time;
            e0 = energy;
        }
        double t = time - t0, e = energy - e0; // shifted for precision
        n++;
        st += t;
        se += e;
        stt += t * t;
        ste += t * e;
        see += e * e;
    }

    /** The running sums, for checkpoints. */
    public double[] save() {
        return new double[] {n, t0, e0, st, se, stt, ste, see};
    }

    public void restore(double[] s) {
        n = (long) s[0]; t0 = s[1]; e0 = s[2]; st = s[3]; se = s[4]; stt = s[5]; ste = s[6]; see = s[7];
    }

    public long samples() {
        return n;
    }

    /** Slope dE/dt, kJ/mol/ps (NaN with fewer than two samples). */
    public double slope() {
        if (n < 2) return Double.NaN;
        double d = n * stt - st * st;
        return d == 0 ? Double.NaN : (n * ste - st * se) / d;
    }

    /** Standard deviation of the residuals around the fitted line, kJ/mol. */
    public double residualSd() {
        if (n < 3) return Double.NaN;
        double b = slope();
        double a = (se - b * st) / n;
        double ss = see - 2 * a * se - 2 * b * ste + n * a * a + 2 * a * b * st + b * b * stt;
        return Math.sqrt(Math.max(ss, 0) / (n - 2));
    }
}
