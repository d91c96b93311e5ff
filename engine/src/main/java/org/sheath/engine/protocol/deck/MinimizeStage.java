package org.sheath.engine.protocol.deck;

/**
 * An energy minimization stage ({@code type = "minimize"}).
 *
 * @param steps  most steps (default 5000)
 * @param emtol  stop when the largest force is below this, kJ/mol/nm (default 100)
 * @param emstep initial (steep) or largest (lbfgs, fire) displacement per step, nm (default 0.01)
 */
public record MinimizeStage(String name, Algorithm algorithm, long steps, double emtol, double emstep, int line)
        implements StageSpec {
    public enum Algorithm implements DeckValue {
        STEEP("steep"), LBFGS("lbfgs"), FIRE("fire");

        private final String name;

        Algorithm(String name) {
            this.name = name;
        }

        @Override
        public String deckName() {
            return name;
        }
    }

    @Override
    public String type() {
        return "minimize";
    }
}
