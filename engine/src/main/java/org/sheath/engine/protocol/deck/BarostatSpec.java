package org.sheath.engine.protocol.deck;

/**
 * A stage's barostat. For {@link Coupling#ISOTROPIC} the z values equal the xy ones.
 *
 * @param pressure         reference pressure (xy for semi-isotropic), bar
 * @param pressureZ        reference pressure along z, bar
 * @param tauP             coupling time, ps (default 2.0)
 * @param compressibility  isothermal compressibility (xy), 1/bar (default 4.5e-5, water's)
 * @param compressibilityZ along z, 1/bar
 * @param nstpcouple       steps between the couplings of a rescaling barostat (c-rescale, berendsen; default 10)
 */
public record BarostatSpec(Type type, double pressure, double pressureZ, double tauP, double compressibility,
                           double compressibilityZ, Coupling coupling, int nstpcouple) {
    public static final double DEFAULT_TAU_P = 2.0;
    public static final double DEFAULT_COMPRESSIBILITY = 4.5e-5;
    /** GROMACS 2022's value; each coupling costs one extra force evaluation here (about 10 % of an NPT step). */
    public static final int DEFAULT_NSTPCOUPLE = 10;

    /** With the default nstpcouple. */
    public BarostatSpec(Type type, double pressure, double pressureZ, double tauP, double compressibility,
                        double compressibilityZ, Coupling coupling) {
        this(type, pressure, pressureZ, tauP, compressibility, compressibilityZ, coupling, DEFAULT_NSTPCOUPLE);
    }

    public enum Type implements DeckValue {
        MTK("mtk"), C_RESCALE("c-rescale"), BERENDSEN("berendsen");

        private final String name;

        Type(String name) {
            this.name = name;
        }

        @Override
        public String deckName() {
            return name;
        }

        /** Draws random numbers (so uses the seed). */
        public boolean stochastic() {
            return this == C_RESCALE;
        }
    }

    public enum Coupling implements DeckValue {
        ISOTROPIC("isotropic"), SEMI_ISOTROPIC("semi-isotropic");

        private final String name;

        Coupling(String name) {
            this.name = name;
        }

        @Override
        public String deckName() {
            return name;
        }
    }
}
