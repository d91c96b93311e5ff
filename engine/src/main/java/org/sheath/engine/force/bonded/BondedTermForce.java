package org.sheath.engine.force.bonded;

import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.Force;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.system.State;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.TermKind;

/**
 * All terms of one bonded functional form ({@link TermKind}) as a {@link Force}. The terms are read
 * from the flat arrays of {@link FlatTopology.Terms}: atoms[k*arity + a] (global, 0-based) and
 * params[k*nparams + p]; subclasses convert parameters to internal units (radians) once, at
 * construction.
 *
 * <p>{@link #compute(State, ForceAccumulator, int, int)} evaluates a sub-range of terms so that a caller
 * can split the work over threads, each with its own accumulator. Every vector between two atoms of a
 * term is taken with the minimum image, so molecules may straddle the periodic box. The virial added is
 * W = Σ_a r_a ⊗ F_a with the atoms' positions unwrapped (by minimum image) relative to the term's first
 * atom, row-major. Nothing is allocated per call.
 */
public abstract class BondedTermForce implements Force {
    protected final TermKind kind;
    protected final EnergyTerm energyTerm;
    protected final int count;
    protected final int[] atoms;

    protected BondedTermForce(FlatTopology.Terms terms, TermKind expected, EnergyTerm energyTerm) {
        if (terms.kind() != expected) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " takes " + expected + " terms, not " + terms.kind());
        }
        if (terms.atoms().length != terms.count() * expected.atomCount()
                || terms.params().length != terms.count() * expected.paramCount()) {
            throw new IllegalArgumentException(expected + ": array lengths do not match " + terms.count() + " terms");
        }
        this.kind = expected;
        this.energyTerm = energyTerm;
        this.count = terms.count();
        this.atoms = terms.atoms();
        int arity = expected.atomCount();
        int[] lo = new int[count], hi = new int[count];
        for (int k = 0; k < count; k++) {
            lo[k] = Integer.MAX_VALUE;
            hi[k] = -1;
            for (int a = 0; a < arity; a++) {
                lo[k] = Math.min(lo[k], atoms[k * arity + a]);
                hi[k] = Math.max(hi[k], atoms[k * arity + a]);
            }
        }
        this.parallel = new org.sheath.engine.force.RangeParallel(count, this::compute, lo, hi);
    }

    public final TermKind kind() {
        return kind;
    }

    /** Where this force reports its energy. */
    public final EnergyTerm energyTerm() {
        return energyTerm;
    }

    /** Number of terms; {@link #compute(State, ForceAccumulator, int, int)} takes a range in [0, termCount). */
    public final int termCount() {
        return count;
    }

    @Override
    public java.util.Set<EnergyTerm> energyTerms() {
        return java.util.Set.of(energyTerm);
    }

    @Override
    public String name() {
        return energyTerm.gromacsName();
    }

    private final org.sheath.engine.force.RangeParallel parallel;

    @Override
    public void attach(org.sheath.engine.parallel.WorkerPool pool) {
        parallel.attach(pool);
    }

    /** All terms; on the context's threads when there are enough of them (see RangeParallel). */
    @Override
    public final void compute(State state, ForceAccumulator out, int flags) {
        parallel.compute(state, out);
    }

    /** Adds forces, energy and virial of terms from (inclusive) to to (exclusive). */
    public abstract void compute(State state, ForceAccumulator out, int from, int to);

    /** Degrees to radians, for parameter conversion. */
    static double rad(double degrees) {
        return Math.toRadians(degrees);
    }

    /** Copy of params with the entries at the given offsets (within each term) converted to radians. */
    static double[] toRadians(double[] params, int nparams, int... offsets) {
        double[] p = params.clone();
        for (int k = 0; k < p.length; k += nparams) {
            for (int o : offsets) p[k + o] = rad(p[k + o]);
        }
        return p;
    }
}
