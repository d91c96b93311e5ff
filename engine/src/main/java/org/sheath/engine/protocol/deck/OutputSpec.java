package org.sheath.engine.protocol.deck;

/**
 * The deck's {@code [output]}.
 *
 * @param energies   simulated time between rows of energies.csv, ps (> 0; default 1 ps)
 * @param trajectory simulated time between trajectory frames, ps (0: no trajectory; default 10 ps)
 * @param format     trajectory file format(s) (default xtc)
 * @param checkpoint how often a checkpoint is written (default every 15 min of wall-clock time)
 */
public record OutputSpec(double energies, double trajectory, Format format, Checkpoint checkpoint) {
    public static final OutputSpec DEFAULTS = new OutputSpec(1.0, 10.0, Format.XTC,
            new Checkpoint(Checkpoint.Clock.WALL, 15 * 60));

    public boolean writesTrajectory() {
        return trajectory > 0;
    }

    public enum Format implements DeckValue {
        XTC("xtc"), H5MD("h5md"), BOTH("both");

        private final String name;

        Format(String name) {
            this.name = name;
        }

        @Override
        public String deckName() {
            return name;
        }

        public boolean xtc() {
            return this != H5MD;
        }

        public boolean h5md() {
            return this != XTC;
        }
    }

    /**
     * A checkpoint interval, kept as the deck wrote it: wall-clock ({@code "15 min"}) or simulated time
     * ({@code "10 ps"}, or a bare number, which is ps like every time in a deck). 0: only at the end of
     * each stage and on a signal.
     *
     * @param value seconds for {@link Clock#WALL}, ps for {@link Clock#SIMULATED}
     */
    public record Checkpoint(Clock clock, double value) {
        public enum Clock { WALL, SIMULATED }

        public boolean periodic() {
            return value > 0;
        }

        public boolean wallClock() {
            return clock == Clock.WALL;
        }
    }
}
