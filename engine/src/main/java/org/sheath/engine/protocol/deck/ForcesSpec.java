package org.sheath.engine.protocol.deck;

import org.sheath.engine.force.nonbonded.DispCorrMode;
import org.sheath.engine.force.nonbonded.Modifier;
import org.sheath.engine.force.nonbonded.NonbondedKernel;
import org.sheath.engine.force.nonbonded.NonbondedOptions;

/**
 * The deck's {@code [forces]}; every key has the default of {@code sheath energy} ({@link #DEFAULTS}).
 *
 * @param cutoff         rc = rvdw = rcoulomb, nm (1.2)
 * @param ewaldRtol      erfc(β·rc) (1e-5)
 * @param fourierSpacing largest PME grid spacing, nm (0.12)
 * @param pmeOrder       PME interpolation order, 3–12 (4)
 * @param listBuffer     Verlet pair-list buffer, nm (0.1): pairs within rc + buffer are listed
 * @param constraints    which bonds are rigid ({@link Constraints#NONE}, as GROMACS's default)
 * @param kernel         the pair kernel ({@link NonbondedKernel#CLUSTER}: single precision, as mdrun runs)
 */
public record ForcesSpec(double cutoff, double ewaldRtol, double fourierSpacing, int pmeOrder,
                         Modifier vdwModifier, Modifier coulombModifier, DispCorrMode dispCorr,
                         Constraints constraints, double listBuffer, NonbondedKernel kernel) {
    public static final ForcesSpec DEFAULTS = new ForcesSpec(1.2, 1e-5, 0.12, 4, Modifier.POTENTIAL_SHIFT,
            Modifier.POTENTIAL_SHIFT, DispCorrMode.ENER_PRES, Constraints.NONE, 0.1, NonbondedKernel.CLUSTER);

    /** GROMACS's {@code constraints}; water with {@code [ settles ]} stays rigid whatever this says. */
    public enum Constraints implements DeckValue {
        NONE("none"), H_BONDS("h-bonds"), ALL_BONDS("all-bonds");

        private final String name;

        Constraints(String name) {
            this.name = name;
        }

        @Override
        public String deckName() {
            return name;
        }

        /** The largest time step that is usually stable with these constraints, ps (a warning above it). */
        public double usualMaxDt() {
            return switch (this) {
                case NONE -> 0.001;
                case H_BONDS -> 0.002;
                case ALL_BONDS -> 0.004;
            };
        }
    }

    /** Pair-list radius rc + buffer, nm: the box must be at least twice this wide. */
    public double rlist() {
        return cutoff + listBuffer;
    }

    /** The engine's non-bonded options for these settings. */
    public NonbondedOptions nonbondedOptions() {
        return new NonbondedOptions(cutoff, ewaldRtol, fourierSpacing, pmeOrder, vdwModifier, coulombModifier, dispCorr,
                listBuffer, kernel);
    }
}
