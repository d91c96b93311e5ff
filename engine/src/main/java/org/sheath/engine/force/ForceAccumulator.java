package org.sheath.engine.force;

import java.util.Arrays;

/**
 * Where forces put their results: per-atom forces (structure of arrays, kJ/mol/nm), energies per
 * {@link EnergyTerm} (kJ/mol) and the virial.
 *
 * <p>The virial is stored as W = Σ r_ij ⊗ f_ij over interacting pairs (and the equivalent for
 * many-body and reciprocal-space terms), row-major 3×3, kJ/mol. GROMACS's Ξ is −½W; the pressure
 * tensor is P = (2·Ekin + W) / V.
 */
public final class ForceAccumulator {
    public final int natoms;
    public final double[] fx, fy, fz;
    public final double[] virial = new double[9];
    /**
     * The part of each diagonal element of {@link #virial} that comes from an isotropic long-range
     * correction (the dispersion correction's W_αα), reported on its own as GROMACS's "Pres. DC".
     */
    public double dispersionVirial;
    private final double[] energies = new double[EnergyTerm.values().length];

    public ForceAccumulator(int natoms) {
        this.natoms = natoms;
        this.fx = new double[natoms];
        this.fy = new double[natoms];
        this.fz = new double[natoms];
    }

    /**
     * A view that adds forces into the given arrays (another accumulator's) and keeps its own energies and
     * virial: threads whose items touch disjoint atoms write forces in place and sum the rest afterwards.
     */
    public ForceAccumulator(double[] fx, double[] fy, double[] fz) {
        this.natoms = fx.length;
        this.fx = fx;
        this.fy = fy;
        this.fz = fz;
    }

    /** Zeroes energies and virial only (a view's forces belong to its owner). */
    public void clearEnergiesAndVirial() {
        Arrays.fill(virial, 0);
        Arrays.fill(energies, 0);
        dispersionVirial = 0;
    }

    /** Adds another accumulator's energies and virial, not its forces. */
    public void addEnergiesAndVirial(ForceAccumulator other) {
        for (int k = 0; k < 9; k++) virial[k] += other.virial[k];
        dispersionVirial += other.dispersionVirial;
        for (int k = 0; k < energies.length; k++) energies[k] += other.energies[k];
    }

    public void clear() {
        Arrays.fill(fx, 0);
        Arrays.fill(fy, 0);
        Arrays.fill(fz, 0);
        clearEnergiesAndVirial();
    }

    public void addEnergy(EnergyTerm term, double e) {
        energies[term.ordinal()] += e;
    }

    public double energy(EnergyTerm term) {
        return energies[term.ordinal()];
    }

    public double potentialEnergy() {
        double sum = 0;
        for (double e : energies) sum += e;
        return sum;
    }

    /** Adds another accumulator (e.g. a thread's private one) into this one. */
    public void add(ForceAccumulator other) {
        for (int i = 0; i < natoms; i++) {
            fx[i] += other.fx[i];
            fy[i] += other.fy[i];
            fz[i] += other.fz[i];
        }
        addEnergiesAndVirial(other);
    }
}
