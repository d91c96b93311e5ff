package org.sheath.engine.force.ewald;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.force.ewald.TestSystems.Charges;
import org.sheath.engine.force.pme.PmeForce;
import org.sheath.engine.math.Erfc;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.State;

class RealSpaceEwaldTest {

    @Test
    void matchesEwaldSumRealPartAndShiftIsPerPairConstant() {
        Box box = new Box(2.6, 0.5, 2.5, -0.6, 0.7, 2.4);
        Charges c = TestSystems.electrolyte(box, 12, 4, 20, 0, 13);
        double beta = 3.2, rc = 1.0;
        State s = c.state();
        ForceAccumulator plain = new ForceAccumulator(c.n());
        new RealSpaceEwald(c.q(), c.exclOffsets(), c.exclAtoms(), beta, rc, false).compute(s, plain);
        ForceAccumulator ref = new ForceAccumulator(c.n());
        double eRef = new EwaldSum(c.q(), c.exclOffsets(), c.exclAtoms(), beta, rc, 1.0)
                .accumulate(s, ref.fx, ref.fy, ref.fz, ref.virial, EwaldSum.REAL);
        assertThat(plain.energy(EnergyTerm.COULOMB_SR)).isCloseTo(eRef, org.assertj.core.data.Offset.offset(1e-9 * Math.abs(eRef)));
        assertThat(TestSystems.rmsDiff(plain, ref)).isLessThan(1e-10 * TestSystems.rms(ref.fx, ref.fy, ref.fz));
        for (int k = 0; k < 9; k++) assertThat(plain.virial[k]).isCloseTo(ref.virial[k], org.assertj.core.data.Offset.offset(1e-8));

        // potential shift: E_shift = E - f * sum_{pairs within rc} qi qj erfc(beta rc)/rc; forces unchanged
        ForceAccumulator shifted = new ForceAccumulator(c.n());
        new RealSpaceEwald(c.q(), c.exclOffsets(), c.exclAtoms(), beta, rc, true).compute(s, shifted);
        double qqSum = 0;
        double[] d = new double[3];
        for (int i = 0; i < c.n(); i++)
            for (int j = i + 1; j < c.n(); j++) {
                d[0] = s.x[i] - s.x[j]; d[1] = s.y[i] - s.y[j]; d[2] = s.z[i] - s.z[j];
                box.minimumImage(d);
                if (d[0] * d[0] + d[1] * d[1] + d[2] * d[2] < rc * rc && !EwaldTerms.isExcluded(c.exclOffsets(), c.exclAtoms(), i, j)) {
                    qqSum += c.q()[i] * c.q()[j];
                }
            }
        double expected = plain.energy(EnergyTerm.COULOMB_SR) - EwaldTerms.ONE_4PI_EPS0 * qqSum * Erfc.erfc(beta * rc) / rc;
        assertThat(shifted.energy(EnergyTerm.COULOMB_SR)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(TestSystems.rmsDiff(plain, shifted)).isEqualTo(0.0);
    }

    /** Real space (cut-off) + PME + exclusion correction + self ≈ converged Ewald, with GROMACS's term split. */
    @Test
    void fullPmeElectrostaticsAgreeWithEwald() {
        Box box = Box.rectangular(2.7, 2.7, 2.7);
        Charges c = TestSystems.electrolyte(box, 30, 10, 80, 0, 17);
        EwaldParameters p = EwaldParameters.fromMdp(box, 1.2, 1e-5, 0.12, 4);
        ForceAccumulator acc = new ForceAccumulator(c.n());
        new RealSpaceEwald(c.q(), c.exclOffsets(), c.exclAtoms(), p.beta(), 1.2, false).compute(c.state(), acc);
        PmeForce.gromacsVerletSplit(c.q(), c.exclOffsets(), c.exclAtoms(), p).compute(c.state(), acc);
        ForceAccumulator ref = new ForceAccumulator(c.n());
        EwaldSum.converged(c.q(), c.exclOffsets(), c.exclAtoms(), 1.3, 1e-12).compute(c.state(), ref);
        double relF = TestSystems.rmsDiff(acc, ref) / TestSystems.rms(ref.fx, ref.fy, ref.fz);
        double relE = Math.abs(acc.potentialEnergy() - ref.potentialEnergy()) / Math.abs(ref.potentialEnergy());
        System.out.printf("Real(rc 1.2, rtol 1e-5) + PME(0.12, order 4) + excl + self vs converged Ewald: "
                + "RMS force rel. error %.2e, energy rel. error %.2e%n", relF, relE);
        assertThat(relF).isLessThan(1e-3);
        assertThat(relE).isLessThan(1e-3);
    }
}
