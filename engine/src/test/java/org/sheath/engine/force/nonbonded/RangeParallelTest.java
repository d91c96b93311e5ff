package org.sheath.engine.force.nonbonded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.Force;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.force.bonded.BondedForces;
import org.sheath.engine.force.bonded.BondedTermForce;
import org.sheath.engine.force.ewald.EwaldExclusionCorrection;
import org.sheath.engine.force.ewald.EwaldParameters;
import org.sheath.engine.parallel.WorkerPool;
import org.sheath.engine.system.State;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.TermKind;

/**
 * Bonded terms and the Ewald exclusion correction on three threads (RangeParallel) give what one thread
 * gives, to rounding, and the same bits on every call.
 */
class RangeParallelTest {
    @Test
    void threadedBondedTermsAndExclusionCorrectionMatchSerial() {
        FlatTopology top = Example.topology();
        State s = Example.state();
        try (WorkerPool pool = new WorkerPool(3)) {
            int checked = 0;
            for (TermKind kind : TermKind.values()) {
                if (!BondedForces.hasEnergy(kind) || top.terms(kind).count() < org.sheath.engine.force.RangeParallel.MIN_ITEMS) continue;
                BondedTermForce serial = BondedForces.create(top.terms(kind)), threaded = BondedForces.create(top.terms(kind));
                threaded.attach(pool);
                compare(kind.name(), serial, threaded, s, serial.energyTerm());
                checked++;
            }
            assertThat(checked).as("bonded kinds with enough terms to split").isGreaterThan(0);
            double beta = EwaldParameters.ewaldCoefficient(1.2, 1e-5);
            EwaldExclusionCorrection a = new EwaldExclusionCorrection(top.charge, top.exclOffsets, top.exclAtoms, beta);
            EwaldExclusionCorrection b = new EwaldExclusionCorrection(top.charge, top.exclOffsets, top.exclAtoms, beta);
            b.attach(pool);
            compare("exclusions", a, b, s, EnergyTerm.COULOMB_SR);
        }
    }

    /** Terms listed molecule by molecule are cut between molecules: each thread adds in place, the serial bits. */
    @Test
    void termsCutBetweenMoleculesGiveTheSerialForcesBitForBit() {
        FlatTopology top = Example.topology();
        State s = Example.state();
        int[] lo = new int[20_000], hi = new int[20_000];
        for (int k = 0; k < lo.length; k++) { // 4 items per "molecule" of 3 atoms
            lo[k] = 3 * (k / 4);
            hi[k] = lo[k] + 2;
        }
        org.sheath.engine.force.RangeParallel cut = new org.sheath.engine.force.RangeParallel(lo.length, (st, out, f, t) -> { }, lo, hi);
        try (WorkerPool pool = new WorkerPool(3)) {
            cut.attach(pool);
            assertThat(cut.inPlace()).as("molecule-ordered items are cut in place").isTrue();
        }
        for (int threads : new int[] {2, 3}) {
            try (WorkerPool pool = new WorkerPool(threads)) {
                for (TermKind kind : new TermKind[] {TermKind.HARMONIC_ANGLE, TermKind.PERIODIC_PROPER}) {
                    if (top.terms(kind).count() < org.sheath.engine.force.RangeParallel.MIN_ITEMS) continue;
                    BondedTermForce serial = BondedForces.create(top.terms(kind)), threaded = BondedForces.create(top.terms(kind));
                    threaded.attach(pool);
                    ForceAccumulator a = new ForceAccumulator(s.natoms), b = new ForceAccumulator(s.natoms);
                    serial.compute(s, a);
                    threaded.compute(s, b);
                    assertThat(b.fx).as(kind + " on " + threads + " threads").isEqualTo(a.fx);
                    assertThat(b.fz).isEqualTo(a.fz);
                }
                PairForce14 one = PairForce14.of(top), many = PairForce14.of(top);
                many.attach(pool);
                ForceAccumulator a = new ForceAccumulator(s.natoms), b = new ForceAccumulator(s.natoms);
                one.compute(s, a);
                many.compute(s, b);
                assertThat(b.fy).as("1-4 pairs").isEqualTo(a.fy);
                assertThat(b.energy(EnergyTerm.COULOMB_14)).isCloseTo(a.energy(EnergyTerm.COULOMB_14),
                        org.assertj.core.data.Offset.offset(1e-9 * Math.abs(a.energy(EnergyTerm.COULOMB_14))));
            }
        }
    }

    /** Items that share atoms across every possible cut (one molecule) fall back to per-thread accumulators. */
    @Test
    void withoutADisjointCutThreadsUsePrivateAccumulators() {
        int n = 5000;
        int[] lo = new int[n], hi = new int[n];
        for (int k = 0; k < n; k++) {
            lo[k] = 0; // every item touches atom 0
            hi[k] = 1 + k % 10;
        }
        ForceAccumulator serial = new ForceAccumulator(11), threaded = new ForceAccumulator(11);
        org.sheath.engine.force.RangeParallel.Kernel k = (st, out, from, to) -> {
            for (int i = from; i < to; i++) {
                out.fx[0] += 1;
                out.fx[1 + i % 10] -= 1;
            }
        };
        k.compute(null, serial, 0, n);
        org.sheath.engine.force.RangeParallel rp = new org.sheath.engine.force.RangeParallel(n, k, lo, hi);
        try (WorkerPool pool = new WorkerPool(2)) {
            rp.attach(pool);
            assertThat(rp.inPlace()).isFalse();
            rp.compute(null, threaded);
        }
        assertThat(threaded.fx).isEqualTo(serial.fx);
    }

    private static void compare(String what, Force serial, Force threaded, State s, EnergyTerm term) {
        ForceAccumulator a = new ForceAccumulator(s.natoms), b = new ForceAccumulator(s.natoms), c = new ForceAccumulator(s.natoms);
        serial.compute(s, a);
        threaded.compute(s, b);
        threaded.compute(s, c);
        double fmax = 0, df = 0;
        for (int i = 0; i < s.natoms; i++) {
            fmax = Math.max(fmax, Math.abs(a.fx[i]));
            df = Math.max(df, Math.max(Math.abs(a.fx[i] - b.fx[i]), Math.max(Math.abs(a.fy[i] - b.fy[i]), Math.abs(a.fz[i] - b.fz[i]))));
        }
        assertThat(df).as(what + " forces").isLessThan(1e-12 * fmax);
        assertThat(Math.abs(a.energy(term) - b.energy(term))).as(what + " energy").isLessThan(1e-12 * Math.abs(a.energy(term)));
        for (int k = 0; k < 9; k++) assertThat(Math.abs(a.virial[k] - b.virial[k])).isLessThan(1e-9 * (1 + Math.abs(a.virial[k])));
        assertThat(c.fx).as(what + " repeatable").isEqualTo(b.fx);
    }
}
