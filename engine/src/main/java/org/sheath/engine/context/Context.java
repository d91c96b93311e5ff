package org.sheath.engine.context;

import java.util.Locale;
import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.Force;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.force.PairSearch;
import org.sheath.engine.parallel.WorkerPool;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;
import org.sheath.forcefields.InputException;

/**
 * A system, its state, its forces and the worker threads (OpenMM's Context): evaluates forces,
 * energies and the virial of the current state, and is the one place a box change goes through
 * ({@link #setBox}), so that the forces that depend on the box hear of it.
 */
public final class Context implements AutoCloseable {
    /** Non-excluded atoms closer than this (nm) are an error (overlap). */
    public static final double MIN_DISTANCE = 0.05;

    private final MdSystem system;
    private final State state;
    private final ForceSet forceSet;
    private final WorkerPool pool;
    private final ForceAccumulator acc;
    private final PairSearch pairSearch;
    private long[] forceNanos = new long[0];

    public Context(MdSystem system, State state, ForceSet forceSet, int threads) {
        if (state.natoms != system.natoms) throw new IllegalArgumentException("state and system differ in atom count");
        this.system = system;
        this.state = state;
        this.forceSet = forceSet;
        this.pool = new WorkerPool(threads);
        this.acc = new ForceAccumulator(system.natoms);
        this.pairSearch = forceSet.find(PairSearch.class);
        for (Force f : forceSet.forces()) f.attach(pool);
    }

    public MdSystem system() {
        return system;
    }

    public State state() {
        return state;
    }

    public ForceSet forceSet() {
        return forceSet;
    }

    public int threads() {
        return pool.threads();
    }

    public WorkerPool pool() {
        return pool;
    }

    /** The accumulator of the last {@link #computeForces} call. */
    public ForceAccumulator forces() {
        return acc;
    }

    /** The force that keeps the pair list (null if none). */
    public PairSearch pairSearch() {
        return pairSearch;
    }

    /** Rebuilds the pair list if the atoms moved too far; returns whether it did (the integrator times this apart). */
    public boolean updateNeighbors() {
        return pairSearch != null && pairSearch.updatePairList(state);
    }

    /**
     * Clears and fills the accumulator with the forces of the current state, and energies/virial as
     * {@code flags} ({@link Force#ENERGY}, {@link Force#VIRIAL}) ask. The returned accumulator is the
     * context's own and is overwritten by the next call.
     *
     * @throws InputException (a {@link NonFiniteException}) if any force (or a computed energy) is not finite
     */
    public ForceAccumulator computeForces(int flags) {
        acc.clear();
        java.util.List<Force> list = forceSet.forces();
        if (forceNanos.length != list.size()) forceNanos = new long[list.size()];
        long t = System.nanoTime();
        for (int k = 0; k < list.size(); k++) {
            list.get(k).compute(state, acc, flags);
            long now = System.nanoTime();
            forceNanos[k] += now - t;
            t = now;
        }
        checkFinite();
        return acc;
    }

    /**
     * Seconds spent in each force since the context was made (all calls, whatever phase made them),
     * grouped as the cost table shows them: "nonbonded" (the pair kernel), "pme", "bonded" (every bonded
     * kind and the 1-4 pairs), and each other force by name.
     */
    public java.util.Map<String, Double> forceSeconds() {
        java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
        java.util.List<Force> list = forceSet.forces();
        for (int k = 0; k < list.size() && k < forceNanos.length; k++) {
            Force f = list.get(k);
            String group = f instanceof org.sheath.engine.force.bonded.BondedTermForce
                    || f instanceof org.sheath.engine.force.nonbonded.PairForce14 ? "bonded" : f.name();
            m.merge(group, forceNanos[k] * 1e-9, Double::sum);
        }
        return m;
    }

    /** Forces, energies and virial. */
    public ForceAccumulator computeForces() {
        ForceSet.checkBox(state.box, forceSet.options());
        return computeForces(Force.ALL);
    }

    /**
     * Changes the box (a barostat, after scaling the positions with it) and tells the forces.
     *
     * @throws InputException if the box became too small for the cut-off
     */
    public void setBox(Box box) {
        ForceSet.checkBox(box, forceSet.options());
        state.box = box;
        for (Force f : forceSet.forces()) f.boxChanged(state);
    }

    /** Forces and the energy report (Ekin from the state's velocities when useVelocities). */
    public EnergyReport energyReport(boolean useVelocities) {
        computeForces();
        return EnergyReport.of(acc, forceSet.terms(), state, system.masses, useVelocities, acc.dispersionVirial);
    }

    /**
     * Checks that no two non-excluded atoms are closer than {@link #MIN_DISTANCE} (builds the pair list).
     *
     * @throws InputException naming the two atoms and their distance
     */
    public void checkOverlaps() {
        if (pairSearch == null) return;
        pairSearch.updatePairList(state);
        if (pairSearch.closestDistance() < MIN_DISTANCE) {
            int[] p = pairSearch.closestPair();
            throw new InputException(String.format(Locale.ROOT, "%s and %s are %.4f nm apart (closer than %.2f nm and "
                    + "not excluded): minimize or fix the coordinates", system.describeAtom(p[0]), system.describeAtom(p[1]),
                    pairSearch.closestDistance(), MIN_DISTANCE));
        }
    }

    private void checkFinite() {
        boolean ok = true;
        for (EnergyTerm t : EnergyTerm.values()) ok &= Double.isFinite(acc.energy(t));
        for (double w : acc.virial) ok &= Double.isFinite(w);
        int bad = -1;
        for (int i = 0; i < acc.natoms && bad < 0; i++) {
            if (!Double.isFinite(acc.fx[i] + acc.fy[i] + acc.fz[i])) bad = i;
        }
        if (ok && bad < 0) return;
        int[] p = pairSearch == null ? new int[] {-1, -1} : pairSearch.closestPair();
        String msg;
        if (p[0] >= 0 && pairSearch.closestDistance() < 2 * MIN_DISTANCE) {
            msg = String.format(Locale.ROOT, "non-finite energy or force: %s and %s are %.4f nm apart: minimize or fix the "
                    + "coordinates", system.describeAtom(p[0]), system.describeAtom(p[1]), pairSearch.closestDistance());
        } else if (bad >= 0) {
            msg = "non-finite force on " + system.describeAtom(bad) + " (overlapping or non-finite coordinates?): minimize "
                    + "or fix the coordinates";
        } else {
            msg = "non-finite energy (overlapping or non-finite coordinates?): minimize or fix the coordinates";
        }
        throw new NonFiniteException(msg);
    }

    @Override
    public void close() {
        pool.close();
    }

    /** A non-finite energy or force: bad coordinates. */
    public static final class NonFiniteException extends InputException {
        public NonFiniteException(String message) {
            super(message);
        }
    }
}
