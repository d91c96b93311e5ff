package org.sheath.engine.integrate.minimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sheath.engine.build.BuiltSystem;
import org.sheath.engine.build.Composition;
import org.sheath.engine.build.SystemBuilder;
import org.sheath.engine.context.Context;
import org.sheath.engine.context.ForceSet;
import org.sheath.engine.force.nonbonded.NonbondedOptions;
import org.sheath.engine.integrate.constraint.Constraints;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;

/**
 * Minimisation from an unminimised packing, as the deck runner does it after the builder: the study
 * composition scaled down (Zn(TFSI)2 + LiTFSI in DMF, ~1 000 atoms, fresh from the packer with its tens of
 * kbar) reaches Fmax ≤ 100 kJ/mol/nm with steepest descent, the energy never rising between accepted steps.
 * (The full 3 444-atom study composition is in the validation suite.)
 */
class PackedBoxMinimizationTest {
    static void minimizeFreshPacking(Composition comp, double cutoff, long steps) {
        BuiltSystem b = SystemBuilder.of(comp).density(0.95).seed(7).build();
        MdSystem sys = new MdSystem(b.flatTopology());
        State s = sys.newState(b.structure(), "packed");
        NonbondedOptions o = NonbondedOptions.DEFAULTS.withCutoff(cutoff).withListBuffer(0.1);
        try (Context c = new Context(sys, s, ForceSet.create(sys, o, s.box), 2)) {
            List<Double> energies = new ArrayList<>();
            MinimizationResult r = Minimizers.create("steep").minimize(c, Constraints.NONE,
                    new MinimizationOptions(100, steps, 0.01), (step, e, fmax) -> energies.add(e));
            System.out.println(b.atomCount() + " atoms packed at 0.95 g/cm3: " + r.summary());
            assertThat(r.converged()).as(r.summary()).isTrue();
            assertThat(r.fmax()).isLessThan(100);
            for (int k = 1; k < energies.size(); k++) assertThat(energies.get(k)).isLessThan(energies.get(k - 1));
            assertThat(energies.get(energies.size() - 1)).isLessThan(energies.get(0));
        }
    }

    @Test
    void freshPackingOfTheStudyCompositionReachesEmtol() {
        minimizeFreshPacking(Composition.parse("LI=6,ZN=1,TFSI=8,DMF=70"), 0.9, 5000);
    }
}
