package org.sheath.engine.integrate;

import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.sheath.engine.system.State;

/** Initial velocities: Maxwell–Boltzmann from a seed, centre-of-mass motion removed, scaled to the temperature exactly. */
public final class Velocities {
    private Velocities() {
    }

    /**
     * Draws v from the Maxwell–Boltzmann distribution at T (each component N(0, k_B·T/m)), removes the
     * velocity components along the constraints and the centre-of-mass motion (if the dynamics does),
     * and scales them so that 2K/(N_dof·k_B) = T exactly. Same seed → same velocities.
     */
    public static void maxwell(Dynamics d, double temperature, long seed) {
        if (!(temperature >= 0)) throw new IllegalArgumentException("temperature must be >= 0: " + temperature);
        State s = d.state;
        ContinuousSampler g = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_SHI_RO_256_PP.create(seed));
        for (int i = 0; i < s.natoms; i++) {
            double sd = Math.sqrt(Dynamics.KB * temperature * d.invMass[i]);
            s.vx[i] = sd * g.sample();
            s.vy[i] = sd * g.sample();
            s.vz[i] = sd * g.sample();
        }
        d.constraints.constrainVelocities(s, 1.0, null);
        d.removeComMotion();
        double k = d.kineticEnergy();
        if (k > 0) d.scaleVelocities(Math.sqrt(temperature / d.temperature(k)));
    }

    /** Subtracts the mass-weighted mean velocity; returns the kinetic energy removed (½·M·v_com²). */
    public static double removeComMotion(State s, double[] mass) {
        double px = 0, py = 0, pz = 0, mt = 0;
        for (int i = 0; i < s.natoms; i++) {
            px += mass[i] * s.vx[i];
            py += mass[i] * s.vy[i];
            pz += mass[i] * s.vz[i];
            mt += mass[i];
        }
        px /= mt;
        py /= mt;
        pz /= mt;
        for (int i = 0; i < s.natoms; i++) {
            s.vx[i] -= px;
            s.vy[i] -= py;
            s.vz[i] -= pz;
        }
        return 0.5 * mt * (px * px + py * py + pz * pz);
    }
}
