package org.sheath.forcefields.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The unit conversions of forcefields/README.md, checked against the published numbers. */
class UnitsTest {
    @Test
    void liMerzIodLithiumRoundTrips() {
        // AmberTools frcmod.ions1lm_iod: Li+ Rmin/2 1.315 Å, ε 0.00594975 kcal/mol; openmmforcefields: σ 0.23431 nm, ε 0.024894 kJ/mol
        assertThat(Units.sigmaFromRminHalf(1.315)).isCloseTo(0.23431, within(5e-6));
        assertThat(Units.kcalToKj(0.00594975)).isCloseTo(0.024894, within(5e-7));
        assertThat(Units.rminHalfFromSigma(Units.sigmaFromRminHalf(1.315))).isCloseTo(1.315, within(1e-12));
        assertThat(Units.rminHalfFromSigma(0.23431)).isCloseTo(1.315, within(5e-5));
        // openmmforcefields' unrounded conversion (ions1lm_iod.xml): σ 0.23430636287090922 nm, ε 0.024893754 kJ/mol
        assertThat(Units.sigmaFromRminHalf(1.315)).isCloseTo(0.23430636287090922, within(1e-15));
        assertThat(Units.kcalToKj(0.00594975)).isCloseTo(0.024893754, within(1e-12));
        assertThat(Units.kjToKcal(0.024893754)).isCloseTo(0.00594975, within(1e-12));
    }

    @Test
    void zincCompromiseSetRoundTrips() {
        assertThat(Units.sigmaFromRminHalf(1.271)).isCloseTo(0.226466, within(5e-7));
        assertThat(Units.kcalToKj(0.00330286)).isCloseTo(0.01381917, within(5e-9));
    }

    @Test
    void amberBondAndAngleConstants() {
        // GAFF c-n: K 478.2 kcal/mol/Å² ↔ 400 157.76 kJ/mol/nm² in the FreeSolv DMF topology
        assertThat(Units.bondKFromAmber(478.2)).isCloseTo(400157.76, within(1e-6));
        assertThat(Units.bondKFromAmber(1.0)).isCloseTo(836.8, within(1e-12));
        assertThat(Units.bondKToAmber(400157.76)).isCloseTo(478.2, within(1e-9));
        // GAFF c3-n-c3: K 63.13 ↔ 528.272 kJ/mol/rad²
        assertThat(Units.angleKFromAmber(63.13)).isCloseTo(528.27184, within(1e-9));
        assertThat(Units.angleKToAmber(528.27184)).isCloseTo(63.13, within(1e-9));
        // GAFF X-c-n-X: IDIVF 4, PK 10.0 → 10.46 kJ/mol
        assertThat(Units.torsionKFromAmber(10.0, 4)).isCloseTo(10.46, within(1e-12));
    }

    @Test
    void lennardJonesSigmaEpsilonRoundTrip() {
        LennardJones lj = LennardJones.fromSigmaEpsilon(0.23431, 0.024894);
        assertThat(lj.sigma()).isCloseTo(0.23431, within(1e-12));
        assertThat(lj.epsilon()).isCloseTo(0.024894, within(1e-14));
    }

    @Test
    void fourierToRyckaertBellemansMatchesTheFunction() {
        double[] rb = TermKind.fourierToRyckaertBellemans(32.773, -10.42, -3.195, 1.5);
        for (double phi = -Math.PI; phi <= Math.PI; phi += 0.1) {
            double f = 0.5 * (32.773 * (1 + Math.cos(phi)) + -10.42 * (1 - Math.cos(2 * phi))
                    + -3.195 * (1 + Math.cos(3 * phi)) + 1.5 * (1 - Math.cos(4 * phi)));
            double c = Math.cos(phi - Math.PI), r = 0, p = 1;
            for (double cn : rb) {
                r += cn * p;
                p *= c;
            }
            assertThat(r).isCloseTo(f, within(1e-10));
        }
    }
}
