package org.sheath.engine.force.ewald;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sheath.engine.force.ewald.EwaldTerms.ONE_4PI_EPS0;

import org.junit.jupiter.api.Test;
import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.State;
import org.sheath.engine.force.ewald.TestSystems.Charges;

class EwaldSumTest {

    static double energy(EwaldSum ew, State s, int parts) {
        int n = s.natoms;
        return ew.accumulate(s, new double[n], new double[n], new double[n], new double[9], parts);
    }

    static ForceAccumulator forces(EwaldSum ew, State s, int parts) {
        ForceAccumulator acc = new ForceAccumulator(s.natoms);
        ew.accumulate(s, acc.fx, acc.fy, acc.fz, acc.virial, parts);
        return acc;
    }

    @Test
    void madelungNaClConventionalAndPrimitiveCells() {
        double a = 0.5;
        Charges c = TestSystems.nacl(1, a);
        EwaldSum ew = EwaldSum.converged(c.q(), null, null, 1.0, 1e-14);
        double e = energy(ew, c.state(), EwaldSum.ALL);
        double m = -e / (c.n() / 2.0) / ONE_4PI_EPS0 * (a / 2);
        System.out.printf("Ewald NaCl (8-ion cubic cell): Madelung %.15f error %.2e%n", m, m - TestSystems.NACL_MADELUNG);
        assertThat(Math.abs(m - TestSystems.NACL_MADELUNG)).isLessThan(1e-10);

        Charges p = TestSystems.naclPrimitive(1, a); // triclinic, 2 ions
        EwaldSum ewp = EwaldSum.converged(p.q(), null, null, 1.2, 1e-14);
        double ep = energy(ewp, p.state(), EwaldSum.ALL);
        double mp = -ep / (p.n() / 2.0) / ONE_4PI_EPS0 * (a / 2);
        System.out.printf("Ewald NaCl (2-ion triclinic primitive cell): Madelung %.15f error %.2e%n", mp, mp - TestSystems.NACL_MADELUNG);
        assertThat(Math.abs(mp - TestSystems.NACL_MADELUNG)).isLessThan(1e-10);
    }

    @Test
    void madelungCsCl() {
        double a = 0.4;
        Charges c = TestSystems.cscl(2, a);
        EwaldSum ew = EwaldSum.converged(c.q(), null, null, 0.9, 1e-14);
        double e = energy(ew, c.state(), EwaldSum.ALL);
        double m = -e / (c.n() / 2.0) / ONE_4PI_EPS0 * (a * Math.sqrt(3) / 2);
        System.out.printf("Ewald CsCl: Madelung %.15f error %.2e%n", m, m - TestSystems.CSCL_MADELUNG);
        assertThat(Math.abs(m - TestSystems.CSCL_MADELUNG)).isLessThan(1e-10);
    }

    /** Total Ewald energy (with background and exclusion corrections) cannot depend on β. */
    @Test
    void totalEnergyIndependentOfBetaForChargedTriclinicBoxWithExclusions() {
        Box box = new Box(2.0, 0.5, 1.9, -0.4, 0.6, 1.8);
        Charges c = TestSystems.electrolyte(box, 10, 4, 12, 3, 11);
        double[] es = new double[3];
        double[] rr = {0.8, 1.1, 1.6};
        for (int k = 0; k < 3; k++) {
            EwaldSum ew = EwaldSum.converged(c.q(), c.exclOffsets(), c.exclAtoms(), rr[k], 1e-13);
            es[k] = energy(ew, c.state(), EwaldSum.ALL);
        }
        System.out.printf("Ewald charged triclinic box: E = %.10f %.10f %.10f kJ/mol%n", es[0], es[1], es[2]);
        assertThat(Math.abs(es[1] - es[0])).isLessThan(1e-8 * Math.abs(es[0]));
        assertThat(Math.abs(es[2] - es[0])).isLessThan(1e-8 * Math.abs(es[0]));
        // without the background term the energies differ (net charge +3)
        EwaldSum a = EwaldSum.converged(c.q(), c.exclOffsets(), c.exclAtoms(), rr[0], 1e-13);
        EwaldSum b = EwaldSum.converged(c.q(), c.exclOffsets(), c.exclAtoms(), rr[2], 1e-13);
        int noBg = EwaldSum.ALL & ~EwaldSum.BACKGROUND;
        assertThat(Math.abs(energy(a, c.state(), noBg) - energy(b, c.state(), noBg))).isGreaterThan(1.0);
    }

    @Test
    void forcesMatchFiniteDifferences() {
        Box box = new Box(1.9, 0.3, 2.0, -0.5, 0.4, 2.1);
        Charges c = TestSystems.electrolyte(box, 8, 3, 10, 2, 5);
        EwaldSum ew = EwaldSum.converged(c.q(), c.exclOffsets(), c.exclAtoms(), 1.0, 1e-13);
        State s = c.state();
        ForceAccumulator f = forces(ew, s, EwaldSum.ALL);
        double frms = TestSystems.rms(f.fx, f.fy, f.fz);
        double h = 1e-5, worst = 0;
        for (int i = 0; i < s.natoms; i += 3) {
            for (int dim = 0; dim < 3; dim++) {
                double[] coord = dim == 0 ? s.x : dim == 1 ? s.y : s.z;
                double x0 = coord[i];
                coord[i] = x0 + h;
                double ep = energy(ew, s, EwaldSum.ALL);
                coord[i] = x0 - h;
                double em = energy(ew, s, EwaldSum.ALL);
                coord[i] = x0;
                double fd = -(ep - em) / (2 * h);
                double an = dim == 0 ? f.fx[i] : dim == 1 ? f.fy[i] : f.fz[i];
                worst = Math.max(worst, Math.abs(fd - an) / Math.max(Math.abs(an), frms));
            }
        }
        System.out.printf("Ewald forces vs central differences (h=%g): max relative error %.2e%n", h, worst);
        assertThat(worst).isLessThan(1e-6);
    }

    @Test
    void virialMatchesStrainDerivative() {
        Box box = new Box(2.0, 0.4, 1.9, -0.3, 0.5, 2.0);
        Charges c = TestSystems.electrolyte(box, 8, 3, 10, 2, 7);
        EwaldSum ew = EwaldSum.converged(c.q(), c.exclOffsets(), c.exclAtoms(), 0.95, 1e-13);
        for (int parts : new int[] {EwaldSum.ALL, EwaldSum.RECIP, EwaldSum.REAL, EwaldSum.BACKGROUND, EwaldSum.EXCLUSION}) {
            ForceAccumulator f = forces(ew, c.state(), parts);
            double[] w = f.virial;
            double h = 1e-6, worst = 0, scale = 0;
            for (double v : w) scale = Math.max(scale, Math.abs(v));
            int[][] comps = {{0, 0}, {1, 1}, {2, 2}, {0, 1}, {0, 2}, {1, 2}};
            for (int[] ab : comps) {
                double[] eps = new double[9];
                eps[3 * ab[0] + ab[1]] = h;
                double ep = energy(ew, TestSystems.deformed(c.state(), eps), parts);
                eps[3 * ab[0] + ab[1]] = -h;
                double em = energy(ew, TestSystems.deformed(c.state(), eps), parts);
                double dEde = (ep - em) / (2 * h);
                // W_{beta alpha} = -dE/d eps_{alpha beta}
                double wba = w[3 * ab[1] + ab[0]];
                worst = Math.max(worst, Math.abs(wba + dEde) / scale);
            }
            assertThat(Math.abs(w[1] - w[3]) + Math.abs(w[2] - w[6]) + Math.abs(w[5] - w[7])).isLessThan(1e-9 * scale);
            System.out.printf("Ewald virial (parts %d) vs strain derivative: max error / max|W| %.2e%n", parts, worst);
            assertThat(worst).isLessThan(1e-6);
        }
    }

    @Test
    void forceInterfaceReportsTerms() {
        Box box = Box.rectangular(2, 2, 2);
        Charges c = TestSystems.electrolyte(box, 5, 2, 5, 1, 3);
        EwaldSum ew = EwaldSum.converged(c.q(), c.exclOffsets(), c.exclAtoms(), 0.9, 1e-10);
        ForceAccumulator acc = new ForceAccumulator(c.n());
        ew.compute(c.state(), acc);
        double real = energy(ew, c.state(), EwaldSum.REAL) + energy(ew, c.state(), EwaldSum.EXCLUSION);
        assertThat(acc.energy(EnergyTerm.COULOMB_SR)).isCloseTo(real, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(acc.potentialEnergy()).isCloseTo(energy(ew, c.state(), EwaldSum.ALL), org.assertj.core.data.Offset.offset(1e-8));
    }
}
