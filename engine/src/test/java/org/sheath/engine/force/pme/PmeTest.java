package org.sheath.engine.force.pme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sheath.engine.force.ewald.EwaldTerms.ONE_4PI_EPS0;

import org.junit.jupiter.api.Test;
import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.force.ewald.EwaldParameters;
import org.sheath.engine.force.ewald.EwaldSum;
import org.sheath.engine.force.ewald.EwaldTerms;
import org.sheath.engine.force.ewald.TestSystems;
import org.sheath.engine.force.ewald.TestSystems.Charges;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.State;

class PmeTest {

    /** PME mesh + background (no self, no exclusions): the counterpart of EwaldSum RECIP|BACKGROUND. */
    static PmeForce meshOnly(Charges c, double beta, int[] n, int order) {
        return new PmeForce(c.q(), null, null, beta, n[0], n[1], n[2], order, null, null);
    }

    static ForceAccumulator run(PmeForce f, State s) {
        ForceAccumulator acc = new ForceAccumulator(s.natoms);
        f.compute(s, acc);
        return acc;
    }

    static double ewaldEnergy(EwaldSum ew, State s, int parts) {
        int n = s.natoms;
        return ew.accumulate(s, new double[n], new double[n], new double[n], new double[9], parts);
    }

    static double madelungPme(Charges c, double nn, double spacing, int order) {
        double rReal = 1.4;
        double beta = EwaldParameters.ewaldCoefficient(rReal, 1e-13);
        int[] n = EwaldParameters.pmeGridSize(c.state().box, spacing, order);
        PmeForce pme = new PmeForce(c.q(), null, null, beta, n[0], n[1], n[2], order);
        double e = run(pme, c.state()).potentialEnergy();
        EwaldSum real = new EwaldSum(c.q(), null, null, beta, rReal, 1.0);
        e += ewaldEnergy(real, c.state(), EwaldSum.REAL);
        return -e / (c.n() / 2.0) / ONE_4PI_EPS0 * nn;
    }

    @Test
    void madelungConstants() {
        double a = 0.5;
        double mNaCl = madelungPme(TestSystems.nacl(2, a), a / 2, 0.05, 8);
        double mTric = madelungPme(TestSystems.naclPrimitive(3, a), a / 2, 0.05, 8);
        double b = 0.4;
        double mCsCl = madelungPme(TestSystems.cscl(3, b), b * Math.sqrt(3) / 2, 0.05, 8);
        System.out.printf("PME Madelung NaCl (64 ions, cubic)        %.12f error %.2e%n", mNaCl, mNaCl - TestSystems.NACL_MADELUNG);
        System.out.printf("PME Madelung NaCl (54 ions, triclinic fcc) %.12f error %.2e%n", mTric, mTric - TestSystems.NACL_MADELUNG);
        System.out.printf("PME Madelung CsCl (54 ions)               %.12f error %.2e%n", mCsCl, mCsCl - TestSystems.CSCL_MADELUNG);
        assertThat(Math.abs(mNaCl - TestSystems.NACL_MADELUNG)).isLessThan(1e-6);
        assertThat(Math.abs(mTric - TestSystems.NACL_MADELUNG)).isLessThan(1e-6);
        assertThat(Math.abs(mCsCl - TestSystems.CSCL_MADELUNG)).isLessThan(1e-6);
    }

    @Test
    void forcesMatchFiniteDifferences() {
        Box box = new Box(2.0, 0.6, 1.9, -0.5, 0.7, 2.1);
        Charges c = TestSystems.electrolyte(box, 8, 3, 10, 2, 5);
        for (int order : new int[] {4, 5, 8}) {
            PmeForce pme = new PmeForce(c.q(), c.exclOffsets(), c.exclAtoms(), 3.1, 20, 18, 21, order);
            State s = c.state();
            ForceAccumulator f = run(pme, s);
            double frms = TestSystems.rms(f.fx, f.fy, f.fz);
            double h = 1e-5, worst = 0;
            for (int i = 0; i < s.natoms; i += 2) {
                for (int dim = 0; dim < 3; dim++) {
                    double[] coord = dim == 0 ? s.x : dim == 1 ? s.y : s.z;
                    double x0 = coord[i];
                    coord[i] = x0 + h;
                    double ep = run(pme, s).potentialEnergy();
                    coord[i] = x0 - h;
                    double em = run(pme, s).potentialEnergy();
                    coord[i] = x0;
                    double fd = -(ep - em) / (2 * h);
                    double an = dim == 0 ? f.fx[i] : dim == 1 ? f.fy[i] : f.fz[i];
                    worst = Math.max(worst, Math.abs(fd - an) / Math.max(Math.abs(an), frms));
                }
            }
            System.out.printf("PME (order %d) forces vs central differences: max relative error %.2e%n", order, worst);
            assertThat(worst).isLessThan(1e-6);
        }
    }

    @Test
    void virialMatchesStrainDerivativeIncludingBackground() {
        Box box = new Box(2.0, 0.4, 1.9, -0.3, 0.5, 2.0);
        Charges c = TestSystems.electrolyte(box, 8, 3, 10, 3, 7); // net charge +3
        PmeForce pme = new PmeForce(c.q(), c.exclOffsets(), c.exclAtoms(), 3.0, 20, 20, 21, 5);
        double[] w = run(pme, c.state()).virial;
        double scale = 0;
        for (double v : w) scale = Math.max(scale, Math.abs(v));
        double h = 1e-6, worst = 0;
        int[][] comps = {{0, 0}, {1, 1}, {2, 2}, {0, 1}, {0, 2}, {1, 2}};
        for (int[] ab : comps) {
            double[] eps = new double[9];
            eps[3 * ab[0] + ab[1]] = h;
            double ep = run(pme, TestSystems.deformed(c.state(), eps)).potentialEnergy();
            eps[3 * ab[0] + ab[1]] = -h;
            double em = run(pme, TestSystems.deformed(c.state(), eps)).potentialEnergy();
            double dEde = (ep - em) / (2 * h);
            worst = Math.max(worst, Math.abs(w[3 * ab[1] + ab[0]] + dEde) / scale);
        }
        System.out.printf("PME virial vs strain derivative (triclinic, charged): max error / max|W| %.2e%n", worst);
        assertThat(worst).isLessThan(1e-6);
        assertThat(Math.abs(w[1] - w[3]) + Math.abs(w[2] - w[6]) + Math.abs(w[5] - w[7])).isLessThan(1e-9 * scale);
    }

    @Test
    void netChargedBoxIncludesBackgroundTerm() {
        Box box = Box.rectangular(2.2, 2.2, 2.2);
        Charges c = TestSystems.electrolyte(box, 10, 4, 8, 4, 9);
        double beta = 3.0;
        PmeForce pme = meshOnly(c, beta, new int[] {40, 40, 40}, 6);
        double e = run(pme, c.state()).energy(EnergyTerm.COUL_RECIP);
        EwaldSum ew = new EwaldSum(c.q(), null, null, beta, 1.0, beta * Math.sqrt(-Math.log(1e-14)) / Math.PI);
        double eRecip = ewaldEnergy(ew, c.state(), EwaldSum.RECIP);
        double eBg = EwaldTerms.backgroundEnergy(beta, 4.0, box.volume());
        assertThat(eBg).isLessThan(-1.0);
        assertThat(Math.abs(e - (eRecip + eBg))).isLessThan(1e-6 * Math.abs(eRecip));
    }

    /** PME reciprocal forces against the Ewald reciprocal sum with the same β. */
    static double[] compareWithEwald(Box box, double spacing, int order, long seed) {
        Charges c = TestSystems.electrolyte(box, 80, 20, 300, 0, seed);
        double beta = EwaldParameters.ewaldCoefficient(1.2, 1e-5);
        int[] n = EwaldParameters.pmeGridSize(box, spacing, order);
        ForceAccumulator pme = run(meshOnly(c, beta, n, order), c.state());
        EwaldSum ew = new EwaldSum(c.q(), c.exclOffsets(), c.exclAtoms(), beta, 1.8, beta * Math.sqrt(-Math.log(1e-13)) / Math.PI);
        ForceAccumulator recip = new ForceAccumulator(c.n());
        double eRecip = ew.accumulate(c.state(), recip.fx, recip.fy, recip.fz, recip.virial, EwaldSum.RECIP);
        ForceAccumulator total = new ForceAccumulator(c.n());
        ew.accumulate(c.state(), total.fx, total.fy, total.fz, total.virial, EwaldSum.ALL);
        double err = TestSystems.rmsDiff(pme, recip);
        double relRecip = err / TestSystems.rms(recip.fx, recip.fy, recip.fz);
        double relTotal = err / TestSystems.rms(total.fx, total.fy, total.fz);
        double relE = Math.abs(pme.energy(EnergyTerm.COUL_RECIP) - eRecip) / Math.abs(eRecip);
        System.out.printf("PME vs Ewald, %d charges, grid %dx%dx%d order %d: RMS force error / RMS recip force %.2e,"
                + " / RMS total force %.2e, recip energy rel. error %.2e%n", c.n(), n[0], n[1], n[2], order, relRecip, relTotal, relE);
        return new double[] {relRecip, relTotal, relE};
    }

    @Test
    void pmeAgainstEwaldDefaultsAndTightSettings() {
        Box box = Box.rectangular(3.1, 3.1, 3.1);
        double[] def = compareWithEwald(box, 0.12, 4, 21);
        assertThat(def[0]).isLessThan(1e-3); // reciprocal forces alone
        assertThat(def[1]).isLessThan(1e-3); // relative to the total electrostatic force
        double[] tight = compareWithEwald(box, 0.06, 8, 21);
        assertThat(tight[0]).isLessThan(1e-5);
        assertThat(tight[1]).isLessThan(1e-5);
    }

    @Test
    void pmeAgainstEwaldTriclinic() {
        Box box = new Box(3.2, 0.8, 3.0, -0.9, 1.1, 2.9);
        double[] def = compareWithEwald(box, 0.12, 4, 22);
        assertThat(def[0]).isLessThan(1e-3); // reciprocal forces alone
        assertThat(def[1]).isLessThan(1e-3); // relative to the total electrostatic force
        double[] tight = compareWithEwald(box, 0.06, 8, 22);
        assertThat(tight[0]).isLessThan(1e-5);
    }

    /**
     * Threads and the cached influence function change only rounding: forces and energy of a random
     * triclinic system with 3 threads and forces-only steps equal the serial full computation to 1e-12,
     * and the cache follows a box change.
     */
    @Test
    void threadsAndTheCachedInfluenceFunctionChangeOnlyRounding() {
        Box box = new Box(3.2, 0.8, 3.0, -0.9, 1.1, 2.9);
        Charges c = TestSystems.electrolyte(box, 8, 3, 30, 0, 7);
        double beta = EwaldParameters.ewaldCoefficient(1.0, 1e-5);
        int[] n = EwaldParameters.pmeGridSize(box, 0.12, 4);
        PmeForce serial = meshOnly(c, beta, n, 4), threaded = meshOnly(c, beta, n, 4);
        try (org.sheath.engine.parallel.WorkerPool pool = new org.sheath.engine.parallel.WorkerPool(3)) {
            threaded.attach(pool);
            for (int round = 0; round < 2; round++) {
                State s = TestSystems.copy(c.state());
                if (round == 1) s.box = s.box.scaled(1.01, 1.01, 1.01); // the cache must follow the box
                ForceAccumulator a = new ForceAccumulator(s.natoms), b = new ForceAccumulator(s.natoms);
                serial.compute(s, a, org.sheath.engine.force.Force.ALL);
                threaded.compute(s, b, org.sheath.engine.force.Force.ENERGY);
                threaded.compute(s, new ForceAccumulator(s.natoms), org.sheath.engine.force.Force.ENERGY);
                double fmax = 0, df = 0;
                for (int i = 0; i < s.natoms; i++) {
                    fmax = Math.max(fmax, Math.abs(a.fx[i]));
                    df = Math.max(df, Math.max(Math.abs(a.fx[i] - b.fx[i]), Math.max(Math.abs(a.fy[i] - b.fy[i]),
                            Math.abs(a.fz[i] - b.fz[i]))));
                }
                double ea = a.energy(EnergyTerm.COUL_RECIP), eb = b.energy(EnergyTerm.COUL_RECIP);
                assertThat(df).isLessThan(1e-12 * fmax);
                assertThat(Math.abs(ea - eb)).isLessThan(1e-12 * Math.abs(ea));
            }
        }
    }
}
