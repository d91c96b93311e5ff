package org.sheath.engine.integrate.minimize;

import org.sheath.engine.context.Context;
import org.sheath.engine.force.Force;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.integrate.constraint.ConstraintFailureException;
import org.sheath.engine.integrate.constraint.Constraints;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;

/**
 * Energy, forces and Fmax of the context's current positions for the minimisers: forces with the
 * constraint components projected out, the largest |F_i| and its atom, the RMS force. Its arrays are
 * allocated once per minimisation; an evaluation allocates nothing.
 *
 * <p>Projection: the constraint forces are the Lagrange-multiplier forces −Jᵀλ that make the
 * acceleration M⁻¹F tangent to the constraints (J M⁻¹ F' = 0, with the system's masses, the metric the
 * constraint solver uses). They are found with the constraints' own velocity stage (RATTLE / SETTLE)
 * applied to v = F/m and F' = m·v', so shared atoms (CH3 groups, rigid waters) are handled exactly. At a
 * constrained minimum F is a sum of constraint forces and F' = 0. The state's velocities serve as
 * scratch and are restored.
 */
final class Evaluator {
    final Context context;
    final State state;
    final Constraints constraints;
    private final MdSystem system;
    private final double[] svx, svy, svz;
    private final int n;
    private ForceAccumulator acc;

    /** Results of the last successful {@link #evaluate}. */
    double energy, fmax, rmsForce;
    int fmaxAtom = -1;
    long evaluations;

    Evaluator(Context context, Constraints constraints) {
        this.context = context;
        this.state = context.state();
        this.system = context.system();
        this.constraints = constraints == null ? Constraints.NONE : constraints;
        this.n = state.natoms;
        boolean c = this.constraints.count() > 0;
        this.svx = c ? new double[n] : null;
        this.svy = c ? new double[n] : null;
        this.svz = c ? new double[n] : null;
        this.acc = context.forces();
    }

    boolean constrained() {
        return constraints.count() > 0;
    }

    /** The forces of the last evaluation (projected). */
    ForceAccumulator forces() {
        return acc;
    }

    /**
     * Evaluates the current positions. With {@code trial} set, a non-finite energy or force or a failure
     * of the constraint projection returns false (the caller rejects the step) instead of throwing.
     */
    boolean evaluate(boolean trial) {
        evaluations++;
        double e;
        try {
            acc = context.computeForces(Force.ENERGY);
            e = acc.potentialEnergy();
            if (!Double.isFinite(e)) throw new Context.NonFiniteException("non-finite potential energy " + e);
            if (constrained()) project();
        } catch (Context.NonFiniteException | ConstraintFailureException ex) {
            if (!trial) throw ex;
            return false;
        }
        energy = e;
        double[] fx = acc.fx, fy = acc.fy, fz = acc.fz;
        double best = -1, sum = 0;
        int bi = -1;
        for (int i = 0; i < n; i++) {
            double f2 = fx[i] * fx[i] + fy[i] * fy[i] + fz[i] * fz[i];
            sum += f2;
            if (f2 > best) {
                best = f2;
                bi = i;
            }
        }
        fmax = bi < 0 ? 0 : Math.sqrt(best);
        fmaxAtom = bi;
        rmsForce = n == 0 ? 0 : Math.sqrt(sum / n);
        return true;
    }

    /** Puts the starting positions onto the constraints (as GROMACS's init_em), reference = themselves. */
    void constrainStart(double[] xr, double[] yr, double[] zr) {
        if (!constrained()) return;
        System.arraycopy(state.x, 0, xr, 0, n);
        System.arraycopy(state.y, 0, yr, 0, n);
        System.arraycopy(state.z, 0, zr, 0, n);
        constraints.constrainPositions(state, xr, yr, zr, 0);
    }

    private void project() {
        double[] vx = state.vx, vy = state.vy, vz = state.vz, m = system.masses;
        double[] fx = acc.fx, fy = acc.fy, fz = acc.fz;
        System.arraycopy(vx, 0, svx, 0, n);
        System.arraycopy(vy, 0, svy, 0, n);
        System.arraycopy(vz, 0, svz, 0, n);
        try {
            for (int i = 0; i < n; i++) {
                double w = m[i] > 0 ? 1 / m[i] : 0;
                vx[i] = fx[i] * w;
                vy[i] = fy[i] * w;
                vz[i] = fz[i] * w;
            }
            constraints.constrainVelocities(state, 1.0, null);
            for (int i = 0; i < n; i++) {
                if (!(m[i] > 0)) continue;
                fx[i] = vx[i] * m[i];
                fy[i] = vy[i] * m[i];
                fz[i] = vz[i] * m[i];
            }
        } finally {
            System.arraycopy(svx, 0, vx, 0, n);
            System.arraycopy(svy, 0, vy, 0, n);
            System.arraycopy(svz, 0, vz, 0, n);
        }
    }

    MinimizationResult result(String algorithm, MinimizationResult.Stop stop, long steps, double emtol) {
        return new MinimizationResult(algorithm, stop, steps, emtol, energy, fmax, fmaxAtom,
                fmaxAtom >= 0 ? system.describeAtom(fmaxAtom) : "no atoms", rmsForce, evaluations);
    }
}
