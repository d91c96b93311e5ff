package org.sheath.engine.protocol.deck;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A molecular-dynamics stage ({@code type = "md"}).
 *
 * @param dt          time step, ps (default 0.001)
 * @param steps       number of steps (from {@code steps}, or {@code length}/dt rounded)
 * @param temperature reference temperature (nvt, npt) or the Maxwell temperature (nve with
 *                    {@code velocities = "maxwell"}); empty for nve that continues
 * @param thermostat  present exactly for nvt and npt
 * @param barostat    present exactly for npt
 * @param velocities  where the stage's velocities come from (default: maxwell, or continue when the
 *                    stage before is md)
 * @param seed        the stage's own seed, overriding the deck's
 * @param line        line of the stage's {@code [[stage]]} header
 */
public record MdStage(String name, Ensemble ensemble, double dt, long steps, Optional<TemperatureSchedule> temperature,
                      Optional<ThermostatSpec> thermostat, Optional<BarostatSpec> barostat, Velocities velocities,
                      CommRemoval commRemoval, OptionalLong seed, int line) implements StageSpec {
    public enum Ensemble implements DeckValue {
        NVE("nve"), NVT("nvt"), NPT("npt");

        private final String name;

        Ensemble(String name) {
            this.name = name;
        }

        @Override
        public String deckName() {
            return name;
        }
    }

    public enum Velocities implements DeckValue {
        /** Drawn from Maxwell–Boltzmann at the stage's first temperature (seeded). */
        MAXWELL("maxwell"),
        /** As the system has them: from the stage before, or from the coordinates file. */
        CONTINUE("continue");

        private final String name;

        Velocities(String name) {
            this.name = name;
        }

        @Override
        public String deckName() {
            return name;
        }
    }

    /** Centre-of-mass motion removal (GROMACS's comm-mode). */
    public enum CommRemoval implements DeckValue {
        LINEAR("linear"), ANGULAR("angular"), NONE("none");

        private final String name;

        CommRemoval(String name) {
            this.name = name;
        }

        @Override
        public String deckName() {
            return name;
        }
    }

    @Override
    public String type() {
        return "md";
    }

    /** Simulated length, ps. */
    public double length() {
        return steps * dt;
    }

    /** The seed this stage uses: its own, else the deck's. */
    public long seedOr(long deckSeed) {
        return seed.orElse(deckSeed);
    }
}
