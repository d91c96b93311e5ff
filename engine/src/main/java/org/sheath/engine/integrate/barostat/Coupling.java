package org.sheath.engine.integrate.barostat;

import java.util.Locale;
import org.sheath.engine.context.EnergyReport;

/**
 * Which box dimensions move together: isotropic (x, y, z as one), semi-isotropic (x with y; z alone,
 * for orthorhombic boxes: membranes, interfaces) or anisotropic (each diagonal element alone).
 */
public enum Coupling {
    ISOTROPIC("isotropic", new int[] {0, 0, 0}, 1),
    SEMI_ISOTROPIC("semi-isotropic", new int[] {0, 0, 1}, 2),
    ANISOTROPIC("anisotropic", new int[] {0, 1, 2}, 3);

    public final String deckName;
    /** The group of each dimension. */
    final int[] group;
    final int groups;

    Coupling(String name, int[] group, int groups) {
        this.deckName = name;
        this.group = group;
        this.groups = groups;
    }

    /**
     * Per-group values from one for x and y and one for z: the group holding z gets {@code z} unless the
     * coupling is isotropic (then the two must be equal).
     */
    double[] perGroup(double xy, double z, String what) {
        if (this == ISOTROPIC && xy != z) {
            throw new IllegalArgumentException("isotropic coupling takes one " + what + ", not " + xy + " and " + z);
        }
        double[] v = new double[3];
        for (int g = 0; g < groups; g++) v[g] = this != ISOTROPIC && g == group[2] ? z : xy;
        return v;
    }

    /** P₀ of each group in kJ/mol/nm³ from values in bar (finite). */
    double[] groupPressures(double xyBar, double zBar) {
        for (double p : new double[] {xyBar, zBar}) {
            if (!Double.isFinite(p)) throw new IllegalArgumentException("pressure must be finite: " + p);
        }
        return perGroup(xyBar / EnergyReport.PRESFAC, zBar / EnergyReport.PRESFAC, "pressure");
    }

    /** κ of each group in nm³·mol/kJ from values in 1/bar (positive). */
    double[] groupCompressibilities(double xyPerBar, double zPerBar) {
        for (double k : new double[] {xyPerBar, zPerBar}) {
            if (!(k > 0)) throw new IllegalArgumentException("compressibility must be > 0 1/bar: " + k);
        }
        return perGroup(xyPerBar * EnergyReport.PRESFAC, zPerBar * EnergyReport.PRESFAC, "compressibility");
    }

    /** Number of dimensions in group g. */
    int size(int g) {
        int n = 0;
        for (int a = 0; a < 3; a++) if (group[a] == g) n++;
        return n;
    }

    public static Coupling parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (k.equals("semiisotropic")) k = "semi-isotropic";
        for (Coupling c : values()) if (c.deckName.equals(k)) return c;
        throw new IllegalArgumentException("unknown pressure coupling '" + s + "'; use isotropic, semi-isotropic or anisotropic");
    }
}
