package org.sheath.engine.force.pme;

import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.Force;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.force.ewald.EwaldExclusionCorrection;
import org.sheath.engine.force.ewald.EwaldParameters;
import org.sheath.engine.force.ewald.EwaldTerms;
import org.sheath.engine.system.State;

/**
 * The long-range part of PME electrostatics as an engine {@link Force}:
 * <ul>
 *   <li>the mesh energy (smooth PME, {@link PmeReciprocal}) → "Coul. recip.";</li>
 *   <li>the neutralising-background term −f·π·Q²/(2Vβ²) for a net charge Q → "Coul. recip." (GROMACS
 *       adds it there via ewald_charge_correction);</li>
 *   <li>the self term −f·β/√π·Σq² → {@code selfTerm} (default "Coul. recip.");</li>
 *   <li>the excluded-pair correction −f·Σ_excl q_i·q_j·erf(βr)/r → {@code exclusionTerm}, or not at
 *       all when {@code exclusionTerm} is null (then the pair kernel must do it).</li>
 * </ul>
 * GROMACS (Verlet scheme) reports both the self term and the exclusion correction in "Coulomb (SR)"
 * because its nonbonded kernel computes them; {@link #gromacsVerletSplit} reproduces that split.
 * The sum of all terms is the same either way.
 */
public final class PmeForce implements Force {
    private final double[] q;
    private final double beta;
    private final PmeReciprocal mesh;
    private final EwaldExclusionCorrection exclusion;
    private final EnergyTerm selfTerm, exclusionTerm;
    private final double selfEnergy, netCharge;

    /** Mesh, background, self term and exclusion correction all in "Coul. recip.". */
    public PmeForce(double[] charges, int[] exclOffsets, int[] exclAtoms, double beta, int nx, int ny, int nz, int order) {
        this(charges, exclOffsets, exclAtoms, beta, nx, ny, nz, order, EnergyTerm.COUL_RECIP, EnergyTerm.COUL_RECIP);
    }

    public PmeForce(double[] charges, int[] exclOffsets, int[] exclAtoms, EwaldParameters p) {
        this(charges, exclOffsets, exclAtoms, p.beta(), p.nx(), p.ny(), p.nz(), p.order());
    }

    /**
     * @param selfTerm      where the self energy goes; null: not added (the caller does it)
     * @param exclusionTerm where the excluded-pair correction goes; null: not computed here
     */
    public PmeForce(double[] charges, int[] exclOffsets, int[] exclAtoms, double beta, int nx, int ny, int nz, int order,
                    EnergyTerm selfTerm, EnergyTerm exclusionTerm) {
        this.q = charges.clone();
        this.beta = beta;
        this.mesh = new PmeReciprocal(charges.length, nx, ny, nz, order);
        this.exclusion = exclusionTerm == null ? null
                : new EwaldExclusionCorrection(charges, exclOffsets, exclAtoms, beta, exclusionTerm);
        this.selfTerm = selfTerm;
        this.exclusionTerm = exclusionTerm;
        this.selfEnergy = EwaldTerms.selfEnergy(beta, EwaldTerms.sumOfSquares(charges));
        this.netCharge = EwaldTerms.sum(charges);
    }

    /**
     * GROMACS's reporting: mesh + background in "Coul. recip.", self term and exclusion correction in
     * "Coulomb (SR)" (as the Verlet nonbonded kernel adds them).
     */
    public static PmeForce gromacsVerletSplit(double[] charges, int[] exclOffsets, int[] exclAtoms, EwaldParameters p) {
        return new PmeForce(charges, exclOffsets, exclAtoms, p.beta(), p.nx(), p.ny(), p.nz(), p.order(),
                EnergyTerm.COULOMB_SR, EnergyTerm.COULOMB_SR);
    }

    @Override
    public String name() {
        return "pme";
    }

    @Override
    public void attach(org.sheath.engine.parallel.WorkerPool pool) {
        mesh.setPool(pool);
        if (exclusion != null) exclusion.attach(pool);
    }

    @Override
    public java.util.Set<EnergyTerm> energyTerms() {
        java.util.Set<EnergyTerm> t = java.util.EnumSet.of(EnergyTerm.COUL_RECIP);
        if (selfTerm != null) t.add(selfTerm);
        if (exclusionTerm != null) t.add(exclusionTerm);
        return t;
    }

    public PmeReciprocal mesh() {
        return mesh;
    }

    @Override
    public void compute(State s, ForceAccumulator out, int flags) {
        double e = mesh.compute(s.x, s.y, s.z, q, s.box, beta, out.fx, out.fy, out.fz, out.virial, (flags & VIRIAL) != 0);
        if (netCharge != 0) {
            double eb = EwaldTerms.backgroundEnergy(beta, netCharge, s.box.volume());
            EwaldTerms.addBackgroundVirial(eb, out.virial);
            e += eb;
        }
        out.addEnergy(EnergyTerm.COUL_RECIP, e);
        if (selfTerm != null) out.addEnergy(selfTerm, selfEnergy);
        if (exclusion != null) exclusion.compute(s, out);
    }
}
