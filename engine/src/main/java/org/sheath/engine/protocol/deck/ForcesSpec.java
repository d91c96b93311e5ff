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
 * @param listBuffer     Verlet pair-list buffer, nm: pairs within rc + buffer are listed. NaN (the default): md
 *                       stages size it from {@code verletBufferTolerance}; set: the list is rebuilt by the
 *                       exact displacement rule (or every nstlist steps when nstlist is set too)
 * @param constraints    which bonds are rigid ({@link Constraints#NONE}, as GROMACS's default)
 * @param kernel         the pair kernel ({@link NonbondedKernel#CLUSTER}: single precision, as mdrun runs)
 * @param verletBufferTolerance energy-drift tolerance the buffer of md stages is sized for, kJ/mol/ps per atom (0.005)
 * @param nstlist        list lifetime in steps (0: chosen with the buffer, among 10–100)
 */
public record ForcesSpec(double cutoff, double ewaldRtol, double fourierSpacing, int pmeOrder,
                         Modifier vdwModifier, Modifier coulombModifier, DispCorrMode dispCorr,
                         Constraints constraints, double listBuffer, NonbondedKernel kernel, double verletBufferTolerance,
                         int nstlist) {
    public static final ForcesSpec DEFAULTS = new ForcesSpec(1.2, 1e-5, 0.12, 4, Modifier.POTENTIAL_SHIFT,
            Modifier.POTENTIAL_SHIFT, DispCorrMode.ENER_PRES, Constraints.NONE, Double.NaN, NonbondedKernel.CLUSTER,
            org.sheath.engine.force.nonbonded.VerletBuffer.DEFAULT_TOLERANCE, 0);
    /** The buffer of minimisation stages, and the one the box checks assume when md stages size theirs: nm. */
    public static final double NOMINAL_BUFFER = 0.1;

    /** Whether md stages size the buffer from the drift tolerance (no list_buffer given). */
    public boolean tolerantBuffer() {
        return Double.isNaN(listBuffer);
    }

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
        return cutoff + (tolerantBuffer() ? NOMINAL_BUFFER : listBuffer);
    }

    /**
     * The engine's non-bonded options for these settings, with the exact displacement rule and the given
     * buffer (or the nominal one); md stages replace the list settings (see VerletBuffer).
     */
    public NonbondedOptions nonbondedOptions() {
        return new NonbondedOptions(cutoff, ewaldRtol, fourierSpacing, pmeOrder, vdwModifier, coulombModifier, dispCorr,
                tolerantBuffer() ? NOMINAL_BUFFER : listBuffer, kernel, tolerantBuffer() ? 0 : nstlist);
    }
}
