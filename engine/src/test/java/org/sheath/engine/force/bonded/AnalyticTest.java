package org.sheath.engine.force.bonded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.system.State;
import org.sheath.forcefields.model.TermKind;

/** Energies at geometries where the answer is known by construction. */
class AnalyticTest {
    static final int[] QUAD = {0, 1, 2, 3};

    @Test
    void harmonicBondEnergyAndForce() {
        State s = Kit.state(new double[][] {{1, 1, 1}, {1.15, 1, 1}}, Kit.BIG);
        HarmonicBond f = new HarmonicBond(Kit.terms(TermKind.HARMONIC_BOND, new int[] {0, 1}, new double[] {0.1, 1000}));
        ForceAccumulator acc = Kit.eval(f, s);
        assertThat(acc.energy(EnergyTerm.BOND)).isCloseTo(0.5 * 1000 * 0.05 * 0.05, within(1e-12));
        assertThat(acc.fx[1]).isCloseTo(-50, within(1e-10)); // stretched: pulled back
        assertThat(acc.fx[0]).isCloseTo(50, within(1e-10));
        assertThat(acc.virial[0]).isCloseTo(0.15 * -50, within(1e-10));
    }

    @Test
    void harmonicAngleEnergies() {
        Random rnd = new Random(11);
        double k = 400;
        for (double[] c : new double[][] {{90, 109.5}, {120, 120}, {180, 180}, {170, 180}, {179.999, 180}, {5, 60}, {0.5, 109.5}}) {
            State s = Kit.state(Kit.angle(rnd, c[0], new double[] {2, 2, 2}), Kit.BIG);
            HarmonicAngle f = new HarmonicAngle(Kit.terms(TermKind.HARMONIC_ANGLE, new int[] {0, 1, 2}, new double[] {c[1], k}));
            double d = Math.toRadians(c[0] - c[1]);
            ForceAccumulator acc = Kit.eval(f, s);
            assertThat(acc.energy(EnergyTerm.ANGLE)).as("θ=%s θ0=%s", c[0], c[1]).isCloseTo(0.5 * k * d * d, within(1e-9 * (1 + 0.5 * k * d * d)));
            for (int a = 0; a < 3; a++) assertThat(Double.isFinite(acc.fx[a] + acc.fy[a] + acc.fz[a])).isTrue();
        }
    }

    @Test
    void exactlyLinearAngleHasNoForceAtItsMinimum() {
        State s = Kit.state(new double[][] {{1, 1, 1}, {1.1, 1, 1}, {1.25, 1, 1}}, Kit.BIG);
        HarmonicAngle f = new HarmonicAngle(Kit.terms(TermKind.HARMONIC_ANGLE, new int[] {0, 1, 2}, new double[] {180, 500}));
        ForceAccumulator acc = Kit.eval(f, s);
        assertThat(acc.energy(EnergyTerm.ANGLE)).isZero();
        for (int a = 0; a < 3; a++) assertThat(new double[] {acc.fx[a], acc.fy[a], acc.fz[a]}).containsOnly(0.0);
    }

    @Test
    void ureyBradleyPutsBothPartsInUB() {
        // right angle, legs 0.1: 1-3 distance √2·0.1
        State s = Kit.state(new double[][] {{1.1, 1, 1}, {1, 1, 1}, {1, 1.1, 1}}, Kit.BIG);
        double[] p = {100, 300, 0.15, 5e4};
        ForceAccumulator acc = Kit.eval(new UreyBradley(Kit.terms(TermKind.UREY_BRADLEY, new int[] {0, 1, 2}, p)), s);
        double dth = Math.toRadians(90 - 100), dr = Math.sqrt(2) * 0.1 - 0.15;
        assertThat(acc.energy(EnergyTerm.UREY_BRADLEY)).isCloseTo(0.5 * 300 * dth * dth + 0.5 * 5e4 * dr * dr, within(1e-10));
        assertThat(acc.energy(EnergyTerm.ANGLE)).isZero();
        assertThat(acc.energy(EnergyTerm.BOND)).isZero();
    }

    /**
     * Butane-like C1-C2-C3-C4 with φ set by construction: looking along C2→C3, C4 turned clockwise
     * from C1 by φ. V = 1 + cos(φ − 90°) = 1 + sin φ separates +gauche from −gauche.
     */
    @Test
    void butaneDihedralSignConvention() {
        Random rnd = new Random(12);
        double[][] cases = {{180, 1}, {60, 1 + Math.sqrt(3) / 2}, {-60, 1 - Math.sqrt(3) / 2}, {0, 1}, {90, 2}, {-90, 0}, {120, 1 + Math.sqrt(3) / 2}};
        for (double[] c : cases) {
            State s = Kit.state(Kit.torsion(rnd, 111, 111, c[0], new double[] {5, 5, 5}), Kit.BIG);
            assertThat(Math.toDegrees(Kit.phi(s, 0, 1, 2, 3))).as("reference φ").isCloseTo(c[0], within(1e-9));
            PeriodicProper f = new PeriodicProper(Kit.terms(TermKind.PERIODIC_PROPER, QUAD, new double[] {90, 1, 1}));
            assertThat(Kit.energy(f, s)).as("φ=%s", c[0]).isCloseTo(c[1], within(1e-12));
        }
        // trans is 180°: V = k(1 + cos φ) is zero there and 2k at cis
        State trans = Kit.state(Kit.torsion(rnd, 111, 111, 180, new double[] {5, 5, 5}), Kit.BIG);
        State cis = Kit.state(Kit.torsion(rnd, 111, 111, 0, new double[] {5, 5, 5}), Kit.BIG);
        PeriodicProper f = new PeriodicProper(Kit.terms(TermKind.PERIODIC_PROPER, QUAD, new double[] {0, 3, 1}));
        assertThat(Kit.energy(f, trans)).isCloseTo(0, within(1e-12));
        assertThat(Kit.energy(f, cis)).isCloseTo(6, within(1e-12));
    }

    /** GROMACS's butane RB set (ψ = φ − 180°): 0 at trans, 44.8 kJ/mol at cis; gauche by the polynomial. */
    @Test
    void ryckaertBellemansButane() {
        double[] c = {9.28, 12.16, -13.12, -3.06, 26.24, -31.5};
        RyckaertBellemans f = new RyckaertBellemans(Kit.terms(TermKind.RYCKAERT_BELLEMANS, QUAD, c));
        Random rnd = new Random(13);
        for (double phi : new double[] {180, 0, 60, -60, 100}) {
            State s = Kit.state(Kit.torsion(rnd, 112, 112, phi, new double[] {5, 5, 5}), Kit.BIG);
            double u = Math.cos(Math.toRadians(phi - 180)), v = 0, pw = 1;
            for (double cn : c) { v += cn * pw; pw *= u; }
            assertThat(Kit.energy(f, s)).as("φ=%s", phi).isCloseTo(v, within(1e-10));
        }
        State trans = Kit.state(Kit.torsion(rnd, 112, 112, 180, new double[] {5, 5, 5}), Kit.BIG);
        State cis = Kit.state(Kit.torsion(rnd, 112, 112, 0, new double[] {5, 5, 5}), Kit.BIG);
        assertThat(Kit.energy(f, trans)).isCloseTo(0, within(1e-10));
        assertThat(Kit.energy(f, cis)).isCloseTo(44.8, within(1e-10));
    }

    @Test
    void fourierEqualsItsRbConversionAndTheFourierFormula() {
        Random rnd = new Random(14);
        for (int t = 0; t < 20; t++) {
            double[] fc = {-10 + 20 * rnd.nextDouble(), -10 + 20 * rnd.nextDouble(), -10 + 20 * rnd.nextDouble(), -10 + 20 * rnd.nextDouble()};
            double phi = -180 + 360 * rnd.nextDouble();
            State s = Kit.state(Kit.torsion(rnd, 100 + 20 * rnd.nextDouble(), 100 + 20 * rnd.nextDouble(), phi, new double[] {5, 5, 5}), Kit.BIG);
            Fourier four = new Fourier(Kit.terms(TermKind.FOURIER, QUAD, fc));
            RyckaertBellemans rb = new RyckaertBellemans(Kit.terms(TermKind.RYCKAERT_BELLEMANS, QUAD,
                    TermKind.fourierToRyckaertBellemans(fc[0], fc[1], fc[2], fc[3])));
            ForceAccumulator a = Kit.eval(four, s), b = Kit.eval(rb, s);
            double p = Math.toRadians(phi);
            double direct = 0.5 * (fc[0] * (1 + Math.cos(p)) + fc[1] * (1 - Math.cos(2 * p)) + fc[2] * (1 + Math.cos(3 * p)) + fc[3] * (1 - Math.cos(4 * p)));
            assertThat(a.energy(EnergyTerm.FOURIER_DIH)).isCloseTo(direct, within(1e-10));
            assertThat(a.energy(EnergyTerm.FOURIER_DIH)).isEqualTo(b.energy(EnergyTerm.RYCKAERT_BELL));
            assertThat(a.energy(EnergyTerm.RYCKAERT_BELL)).isZero();
            assertThat(a.fx).containsExactly(b.fx);
            assertThat(a.virial).containsExactly(b.virial);
        }
    }

    @Test
    void periodicImproperIsThePeriodicProperFormula() {
        Random rnd = new Random(15);
        for (int t = 0; t < 20; t++) {
            double[] p = {360 * rnd.nextDouble(), 10 * rnd.nextDouble(), 1 + rnd.nextInt(4)};
            State s = Kit.state(Kit.torsion(rnd, 110, 115, -180 + 360 * rnd.nextDouble(), new double[] {5, 5, 5}), Kit.BIG);
            ForceAccumulator a = Kit.eval(new PeriodicImproper(Kit.terms(TermKind.PERIODIC_IMPROPER, QUAD, p)), s);
            ForceAccumulator b = Kit.eval(new PeriodicProper(Kit.terms(TermKind.PERIODIC_PROPER, QUAD, p)), s);
            assertThat(a.energy(EnergyTerm.PERIODIC_IMPROPER)).isEqualTo(b.energy(EnergyTerm.PROPER_DIH));
            assertThat(a.energy(EnergyTerm.PROPER_DIH)).isZero();
            assertThat(a.fx).containsExactly(b.fx);
            assertThat(a.fy).containsExactly(b.fy);
            assertThat(a.fz).containsExactly(b.fz);
        }
    }

    @Test
    void harmonicImproperWrapsTheDifference() {
        Random rnd = new Random(16);
        double k = 50;
        // ξ = −170°, ξ0 = 170°: the difference is 20°, not 340°
        State s = Kit.state(Kit.torsion(rnd, 110, 110, -170, new double[] {5, 5, 5}), Kit.BIG);
        HarmonicImproper f = new HarmonicImproper(Kit.terms(TermKind.HARMONIC_IMPROPER, QUAD, new double[] {170, k}));
        double d = Math.toRadians(20);
        assertThat(Kit.energy(f, s)).isCloseTo(0.5 * k * d * d, within(1e-10));
        // planar (ξ = 0) at its minimum
        State planar = Kit.state(Kit.torsion(rnd, 120, 120, 0, new double[] {5, 5, 5}), Kit.BIG);
        HarmonicImproper g = new HarmonicImproper(Kit.terms(TermKind.HARMONIC_IMPROPER, QUAD, new double[] {0, k}));
        assertThat(Kit.energy(g, planar)).isCloseTo(0, within(1e-20));
    }

    @Test
    void collinearTorsionIsFiniteAndForceFree() {
        State s = Kit.state(new double[][] {{1, 1, 1}, {1.1, 1, 1}, {1.2, 1, 1}, {1.2, 1.1, 1}}, Kit.BIG);
        PeriodicProper f = new PeriodicProper(Kit.terms(TermKind.PERIODIC_PROPER, QUAD, new double[] {0, 2, 3}));
        ForceAccumulator acc = Kit.eval(f, s);
        assertThat(acc.energy(EnergyTerm.PROPER_DIH)).isEqualTo(4.0); // energy at φ = 0
        for (int a = 0; a < 4; a++) assertThat(new double[] {acc.fx[a], acc.fy[a], acc.fz[a]}).containsOnly(0.0);
    }
}
