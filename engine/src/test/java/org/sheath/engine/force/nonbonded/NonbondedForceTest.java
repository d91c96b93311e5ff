package org.sheath.engine.force.nonbonded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sheath.engine.parallel.WorkerPool;
import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.force.ewald.EwaldParameters;
import org.sheath.engine.force.ewald.RealSpaceEwald;
import org.sheath.engine.system.State;
import org.sheath.forcefields.model.FlatTopology;

/** The pair kernel against the O(N²) references, across threads, and the pair-list buffer logic. */
class NonbondedForceTest {
    static final double RC = 1.2;

    static double maxAbs(double[]... a) {
        double m = 0;
        for (double[] v : a) for (double x : v) m = Math.max(m, Math.abs(x));
        return m;
    }

    static double maxDiff(ForceAccumulator p, ForceAccumulator q) {
        double m = 0;
        for (int i = 0; i < p.natoms; i++) {
            m = Math.max(m, Math.abs(p.fx[i] - q.fx[i]));
            m = Math.max(m, Math.abs(p.fy[i] - q.fy[i]));
            m = Math.max(m, Math.abs(p.fz[i] - q.fz[i]));
        }
        return m;
    }

    static double virialDiff(ForceAccumulator p, ForceAccumulator q) {
        double m = 0;
        for (int k = 0; k < 9; k++) m = Math.max(m, Math.abs(p.virial[k] - q.virial[k]));
        return m;
    }

    private void kernelMatchesReferences(State s, Modifier mod) {
        FlatTopology top = Example.topology();
        double beta = EwaldParameters.ewaldCoefficient(RC, 1e-5);
        NonbondedForce nb = NonbondedForce.of(top, RC, 0.0, beta, mod, mod);
        ForceAccumulator fast = new ForceAccumulator(top.natoms);
        nb.compute(s, fast);

        ForceAccumulator lj = new ForceAccumulator(top.natoms);
        double elj = BruteForceLj.compute(top, s, RC, mod == Modifier.POTENTIAL_SHIFT, lj);
        ForceAccumulator ref = new ForceAccumulator(top.natoms);
        new RealSpaceEwald(top.charge, top.exclOffsets, top.exclAtoms, beta, RC, mod == Modifier.POTENTIAL_SHIFT).compute(s, ref);
        double ec = ref.energy(EnergyTerm.COULOMB_SR);
        ref.add(lj);

        assertThat(Math.abs(fast.energy(EnergyTerm.LJ_SR) - elj)).isLessThan(1e-10 * Math.abs(elj));
        assertThat(Math.abs(fast.energy(EnergyTerm.COULOMB_SR) - ec)).isLessThan(1e-10 * Math.abs(ec));
        double fmax = maxAbs(ref.fx, ref.fy, ref.fz);
        double df = maxDiff(fast, ref);
        assertThat(df).isLessThan(1e-10 * fmax);
        double dw = virialDiff(fast, ref);
        assertThat(dw).isLessThan(1e-10 * maxAbs(ref.virial));
        System.out.printf("kernel vs O(N^2) (%s, %s): dE_LJ/E %.1e, dE_C/E %.1e, max|dF|/max|F| %.1e, max|dW|/max|W| %.1e, %d pairs%n",
                s.box.isRectangular() ? "cubic" : "triclinic", mod, Math.abs(fast.energy(EnergyTerm.LJ_SR) - elj) / Math.abs(elj),
                Math.abs(fast.energy(EnergyTerm.COULOMB_SR) - ec) / Math.abs(ec), df / fmax, dw / maxAbs(ref.virial), nb.pairList().size());
    }

    @Test
    void kernelMatchesReferencesCubicShifted() {
        kernelMatchesReferences(Example.state(), Modifier.POTENTIAL_SHIFT);
    }

    @Test
    void kernelMatchesReferencesTriclinicUnshifted() {
        kernelMatchesReferences(Example.triclinicState(), Modifier.NONE);
    }

    @Test
    void twoThreadsGiveTheSameResultAsOne() {
        FlatTopology top = Example.topology();
        State s = Example.state();
        double beta = EwaldParameters.ewaldCoefficient(RC, 1e-5);
        ForceAccumulator[] out = new ForceAccumulator[2];
        for (int t = 1; t <= 2; t++) {
            try (WorkerPool pool = new WorkerPool(t)) {
                NonbondedForce nb = NonbondedForce.of(top, RC, 0.0, beta, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT);
                nb.setPool(pool);
                out[t - 1] = new ForceAccumulator(top.natoms);
                nb.compute(s, out[t - 1]);
            }
        }
        for (EnergyTerm term : new EnergyTerm[] {EnergyTerm.LJ_SR, EnergyTerm.COULOMB_SR}) {
            double a = out[0].energy(term), b = out[1].energy(term);
            assertThat(Math.abs(a - b)).isLessThanOrEqualTo(1e-12 * Math.abs(a));
        }
        double df = maxDiff(out[0], out[1]) / maxAbs(out[0].fx, out[0].fy, out[0].fz);
        double dw = virialDiff(out[0], out[1]) / maxAbs(out[0].virial);
        assertThat(df).isLessThanOrEqualTo(1e-12);
        assertThat(dw).isLessThanOrEqualTo(1e-12);
        System.out.printf("threads 1 vs 2: max|dF|/max|F| %.1e, max|dW|/max|W| %.1e%n", df, dw);
    }

    @Test
    void bufferedListIsReusedUntilAtomsMoveHalfTheBufferAndGivesTheSameForces() {
        FlatTopology top = Example.topology();
        State s = Example.state();
        double beta = EwaldParameters.ewaldCoefficient(RC, 1e-5);
        NonbondedForce buffered = NonbondedForce.of(top, RC, 0.1, beta, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT);
        NonbondedForce fresh = NonbondedForce.of(top, RC, 0.0, beta, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT);
        buffered.compute(s, new ForceAccumulator(top.natoms));
        assertThat(buffered.pairList().builds()).isEqualTo(1);
        // move every atom by up to 0.04 nm (< buffer/2) and wrap some across the box: list is reused
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < top.natoms; i++) {
            s.x[i] += 0.04 * (rnd.nextDouble() * 2 - 1) / Math.sqrt(3);
            s.y[i] += 0.04 * (rnd.nextDouble() * 2 - 1) / Math.sqrt(3);
            s.z[i] += 0.04 * (rnd.nextDouble() * 2 - 1) / Math.sqrt(3);
        }
        ForceAccumulator a = new ForceAccumulator(top.natoms), b = new ForceAccumulator(top.natoms);
        buffered.compute(s, a);
        fresh.compute(s, b);
        assertThat(buffered.pairList().builds()).isEqualTo(1);
        assertThat(Math.abs(a.energy(EnergyTerm.LJ_SR) - b.energy(EnergyTerm.LJ_SR))).isLessThan(1e-10 * Math.abs(b.energy(EnergyTerm.LJ_SR)));
        assertThat(Math.abs(a.energy(EnergyTerm.COULOMB_SR) - b.energy(EnergyTerm.COULOMB_SR)))
                .isLessThan(1e-10 * Math.abs(b.energy(EnergyTerm.COULOMB_SR)));
        assertThat(maxDiff(a, b)).isLessThan(1e-10 * maxAbs(b.fx, b.fy, b.fz));
        // one atom moves further than buffer/2: rebuilt
        s.x[0] += 0.06;
        buffered.compute(s, new ForceAccumulator(top.natoms));
        assertThat(buffered.pairList().builds()).isEqualTo(2);
    }

    @Test
    void pairListHasNoExcludedPairsAndFindsTheClosestPair() {
        FlatTopology top = Example.topology();
        State s = Example.state();
        PairList list = new PairList(top.natoms, RC, 0, top.exclOffsets, top.exclAtoms);
        list.build(s.box, s.x, s.y, s.z);
        double best = Double.POSITIVE_INFINITY;
        long count = 0;
        double[] d = new double[3];
        for (int i = 0; i < top.natoms; i++) {
            for (int k = list.start(i); k < list.start(i + 1); k++) {
                int j = list.partner(k);
                assertThat(j).isGreaterThan(i);
                assertThat(top.isExcluded(i, j)).isFalse();
                d[0] = s.x[j] - s.x[i]; d[1] = s.y[j] - s.y[i]; d[2] = s.z[j] - s.z[i];
                s.box.minimumImage(d);
                best = Math.min(best, Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]));
                count++;
            }
        }
        assertThat(count).isEqualTo(list.size());
        assertThat(list.closestDistance()).isCloseTo(best, org.assertj.core.api.Assertions.within(1e-12));
    }
}
