package org.sheath.engine.protocol.deck;

/**
 * A stage's thermostat.
 *
 * @param tauT          coupling time, ps (for langevin the inverse friction 1/γ); defaults: nose-hoover
 *                      0.5, v-rescale 0.1, langevin 1.0
 * @param nhChainLength Nosé–Hoover chain length (default 3; 1 for the other thermostats)
 */
public record ThermostatSpec(Type type, double tauT, int nhChainLength) {
    public enum Type implements DeckValue {
        NOSE_HOOVER("nose-hoover", 0.5), V_RESCALE("v-rescale", 0.1), LANGEVIN("langevin", 1.0);

        private final String name;
        private final double defaultTau;

        Type(String name, double defaultTau) {
            this.name = name;
            this.defaultTau = defaultTau;
        }

        @Override
        public String deckName() {
            return name;
        }

        /** tau_t when the deck gives none, ps. */
        public double defaultTauT() {
            return defaultTau;
        }

        /** Draws random numbers (so uses the seed). */
        public boolean stochastic() {
            return this != NOSE_HOOVER;
        }
    }
}
