package org.sheath.engine.force.nonbonded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.State;
import org.sheath.forcefields.model.FlatTopology;

class DispersionCorrectionTest {
    /** Composite Simpson on [a, b] with n (even) intervals. */
    static double simpson(DoubleUnaryOperator f, double a, double b, int n) {
        double h = (b - a) / n, s = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int k = 1; k < n; k++) s += (k % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + k * h);
        return s * h / 3;
    }

    /** ∫_rc^∞ 4πr² g(r) dr by r = rc/t, t ∈ (0, 1]. */
    static double tail(DoubleUnaryOperator g, double rc) {
        return simpson(t -> t == 0 ? 0 : 4 * Math.PI * Math.pow(rc / t, 2) * g.applyAsDouble(rc / t) * rc / (t * t), 0, 1, 2000);
    }

    @Test
    void oneTypeFluidMatchesTheNumericalIntegralOfTheMissingDispersion() {
        // LJ fluid: sigma 0.34 nm, epsilon 1 kJ/mol; 2000 atoms in 30 nm³
        double sigma = 0.34, eps = 1.0, c6 = 4 * eps * Math.pow(sigma, 6), rc = 1.0;
        int n = 2000;
        double v = 30.0, rho = n / v;
        DoubleUnaryOperator disp = r -> -c6 / Math.pow(r, 6);
        DoubleUnaryOperator dDisp = r -> 6 * c6 / Math.pow(r, 7);
        // missing energy per pair beyond rc, and (potential-shift) the constant C6/rc⁶ removed inside rc
        double outside = tail(disp, rc);
        double inside = simpson(r -> 4 * Math.PI * r * r * (-c6 / Math.pow(rc, 6)), 0, rc, 2000);
        double eNone = 0.5 * n * rho * outside;
        // GROMACS counts the constant part for ρ·(4/3)πrc³ − 1 neighbours (the atom itself is no neighbour)
        double eShift = 0.5 * n * (rho * (outside + inside) - (-c6 / Math.pow(rc, 6)));
        // pressure: P = −(2π/3)ρ² ∫_rc^∞ r³ V'(r) dr = −(1/6)ρ² ∫ 4πr² · r V'(r) dr
        double pTail = -rho * rho / 6 * tail(r -> r * dDisp.applyAsDouble(r), rc);

        DispersionCorrection none = new DispersionCorrection(n, c6, rc, Modifier.NONE, DispCorrMode.ENER_PRES);
        DispersionCorrection shift = new DispersionCorrection(n, c6, rc, Modifier.POTENTIAL_SHIFT, DispCorrMode.ENER_PRES);
        assertThat(none.energy(v)).isCloseTo(eNone, within(1e-9 * Math.abs(eNone)));
        assertThat(shift.energy(v)).isCloseTo(eShift, within(1e-9 * Math.abs(eShift)));
        // closed form of the plain cut-off: −(2/3)πN²⟨C6⟩/(V rc³)
        assertThat(none.energy(v)).isCloseTo(-2.0 / 3 * Math.PI * n * n * c6 / (v * rc * rc * rc), within(1e-12 * Math.abs(eNone)));
        for (DispersionCorrection dc : new DispersionCorrection[] {none, shift}) {
            assertThat(dc.virialDiagonal(v) / v).isCloseTo(pTail, within(1e-9 * Math.abs(pTail)));
        }
        System.out.printf("DispCorr one-type fluid: E(none) %.9f vs integral %.9f, E(shift) %.9f vs %.9f, P %.9f vs %.9f kJ/mol/nm3%n",
                none.energy(v), eNone, shift.energy(v), eShift, none.virialDiagonal(v) / v, pTail);

        // modes: Ener has no virial, no has nothing
        State s = new State(1, Box.rectangular(Math.cbrt(v), Math.cbrt(v), Math.cbrt(v)));
        ForceAccumulator acc = new ForceAccumulator(1);
        new DispersionCorrection(n, c6, rc, Modifier.NONE, DispCorrMode.ENER).compute(s, acc);
        assertThat(acc.energy(EnergyTerm.DISPER_CORR)).isCloseTo(eNone, within(1e-9 * Math.abs(eNone)));
        assertThat(acc.virial).containsOnly(0.0);
        ForceAccumulator acc2 = new ForceAccumulator(1);
        new DispersionCorrection(n, c6, rc, Modifier.NONE, DispCorrMode.NO).compute(s, acc2);
        assertThat(acc2.potentialEnergy()).isZero();
    }

    @Test
    void averageC6IsOverAllNonExcludedPairsOfTheSystem() {
        FlatTopology top = Example.topology();
        int n = top.natoms, nt = top.ntypes;
        double sum = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (top.isExcluded(i, j)) continue;
                sum += top.c6[top.type[i] * nt + top.type[j]];
                pairs++;
            }
        }
        double brute = sum / pairs;
        double avg = DispersionCorrection.averageC6(top);
        System.out.printf("<C6> example box: %.12e (brute force over %d pairs %.12e)%n", avg, pairs, brute);
        assertThat(avg).isCloseTo(brute, within(1e-10 * brute));
    }
}
