package org.sheath.engine.validation;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sheath.engine.build.Composition;

/** The full study composition (3 444 atoms) packed fresh by the builder, minimised with steep to Fmax ≤ 100 at rc 1.2 nm. */
@Tag("validation")
class ValidationMinimizeTest {
    @Test
    void studyCompositionFromAFreshPacking() {
        org.sheath.engine.integrate.minimize.PackedBoxMinimizationTestAccess.run(Composition.parse("ZN=4,LI=20,TFSI=28,DMF=250"), 1.2, 20000);
    }
}
