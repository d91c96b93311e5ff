package org.sheath.engine.force.nonbonded;

import java.util.Locale;

/**
 * GROMACS's {@code DispCorr}: long-range dispersion correction for the energy only ({@link #ENER}), for
 * energy and pressure ({@link #ENER_PRES}, Sheath's default as for liquids) or none ({@link #NO}).
 * (GROMACS's AllEner/AllEnerPres, which also correct the repulsion, are not supported.)
 */
public enum DispCorrMode {
    NO("no"),
    ENER("Ener"),
    ENER_PRES("EnerPres");

    private final String mdpName;

    DispCorrMode(String mdpName) {
        this.mdpName = mdpName;
    }

    public String mdpName() {
        return mdpName;
    }

    public static DispCorrMode parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (DispCorrMode m : values()) if (m.mdpName.toLowerCase(Locale.ROOT).equals(k)) return m;
        throw new IllegalArgumentException("unknown DispCorr '" + s + "': use EnerPres, Ener or no");
    }
}
