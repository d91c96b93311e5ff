package org.sheath.engine.integrate;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.sheath.engine.context.Context;
import org.sheath.engine.integrate.constraint.Constraints;
import org.sheath.engine.system.State;

/**
 * What the parts of an MD step share (the integrator's view of a {@link Context}): state, masses,
 * constraints, degrees of freedom, the current reference temperature, the random stream, the virial of
 * the last force evaluation plus the constraint virial, and kinetic-energy helpers. Thermostats and
 * barostats read and change the state through it.
 */
public final class Dynamics {
    /** Boltzmann's constant, kJ/mol/K (GROMACS's BOLTZ = RGAS/1000, CODATA 2018). */
    public static final double KB = 8.31446261815324e-3;

    private final Context context;
    public final State state;
    public final double[] mass, invMass;
    public final Constraints constraints;
    public final int natoms;
    private final double dof;
    private final boolean comRemoval;
    private double referenceTemperature;
    private final RestorableUniformRandomProvider rng;
    private final ContinuousSampler gauss;
    /** Virial W = Σ r⊗f of the last force evaluation (forces and constraints), row-major. */
    public final double[] virial = new double[9];
    /** The constraint part of {@link #virial}, from the last velocity-constraint stage. */
    public final double[] constraintVirial = new double[9];
    private final double[] ekin = new double[9];
    /** The MTK strain rates of the current step (null without an extended-system barostat): velocity constraints need them. */
    public double[] strainRates;
    private double removedKinetic;

    public Dynamics(Context context, Constraints constraints, boolean comRemoval, double temperature, long seed) {
        this.context = context;
        this.state = context.state();
        this.mass = context.system().masses;
        this.natoms = state.natoms;
        this.invMass = new double[natoms];
        for (int i = 0; i < natoms; i++) {
            if (!(mass[i] > 0)) {
                throw new IllegalArgumentException(context.system().describeAtom(i) + " has mass " + mass[i]
                        + "; dynamics needs positive masses (virtual sites are not supported)");
            }
            invMass[i] = 1.0 / mass[i];
        }
        this.constraints = constraints == null ? Constraints.NONE : constraints;
        this.constraints.attach(context.pool());
        this.comRemoval = comRemoval;
        this.dof = 3.0 * natoms - this.constraints.count() - (comRemoval ? 3 : 0);
        if (!(dof > 0)) throw new IllegalArgumentException("no degrees of freedom left: " + natoms + " atoms, "
                + this.constraints.count() + " constraints");
        this.referenceTemperature = temperature;
        this.rng = RandomSource.XO_SHI_RO_256_PP.create(seed);
        this.gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    public Context context() {
        return context;
    }

    /** N_dof = 3N − N_constraints − 3 (with centre-of-mass motion removal). */
    public double degreesOfFreedom() {
        return dof;
    }

    public boolean removesComMotion() {
        return comRemoval;
    }

    /** The thermostat's target now (an annealing schedule changes it every step), K. */
    public double referenceTemperature() {
        return referenceTemperature;
    }

    public void setReferenceTemperature(double t) {
        this.referenceTemperature = t;
    }

    public RestorableUniformRandomProvider random() {
        return rng;
    }

    /** The random stream's state (for checkpoints). */
    public byte[] saveRandomState() {
        return ((org.apache.commons.rng.core.RandomProviderDefaultState) rng.saveState()).getState();
    }

    public void restoreRandomState(byte[] state) {
        rng.restoreState(new org.apache.commons.rng.core.RandomProviderDefaultState(state));
    }

    /** A standard normal deviate from the dynamics' random stream. */
    public double gaussian() {
        return gauss.sample();
    }

    /** ½Σmv², kJ/mol. */
    public double kineticEnergy() {
        double[] vx = state.vx, vy = state.vy, vz = state.vz;
        double k = 0;
        for (int i = 0; i < natoms; i++) k += mass[i] * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]);
        return 0.5 * k;
    }

    /** The kinetic-energy tensor ½Σm v⊗v (row-major, into the dynamics' buffer, returned). */
    public double[] kineticTensor() {
        double[] vx = state.vx, vy = state.vy, vz = state.vz;
        double xx = 0, xy = 0, xz = 0, yy = 0, yz = 0, zz = 0;
        for (int i = 0; i < natoms; i++) {
            double m = mass[i];
            xx += m * vx[i] * vx[i]; xy += m * vx[i] * vy[i]; xz += m * vx[i] * vz[i];
            yy += m * vy[i] * vy[i]; yz += m * vy[i] * vz[i]; zz += m * vz[i] * vz[i];
        }
        double[] e = ekin;
        e[0] = 0.5 * xx; e[1] = 0.5 * xy; e[2] = 0.5 * xz;
        e[3] = e[1]; e[4] = 0.5 * yy; e[5] = 0.5 * yz;
        e[6] = e[2]; e[7] = e[5]; e[8] = 0.5 * zz;
        return e;
    }

    /** Instantaneous temperature 2K/(N_dof·k_B) for a kinetic energy K. */
    public double temperature(double kinetic) {
        return 2 * kinetic / (dof * KB);
    }

    public void scaleVelocities(double lambda) {
        double[] vx = state.vx, vy = state.vy, vz = state.vz;
        for (int i = 0; i < natoms; i++) {
            vx[i] *= lambda;
            vy[i] *= lambda;
            vz[i] *= lambda;
        }
    }

    /** Removes the centre-of-mass velocity (if enabled), counting the kinetic energy removed. */
    public void removeComMotion() {
        if (!comRemoval) return;
        removedKinetic += Velocities.removeComMotion(state, mass);
    }

    /**
     * Kinetic energy taken out by centre-of-mass motion removal so far (a stochastic thermostat gives the
     * centre of mass momentum; removing it is energy leaving the system), kJ/mol: added to the conserved quantity.
     */
    public double removedKinetic() {
        return removedKinetic;
    }

    public void setRemovedKinetic(double e) {
        removedKinetic = e;
    }
}
