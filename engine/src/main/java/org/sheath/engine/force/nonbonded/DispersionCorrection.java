package org.sheath.engine.force.nonbonded;

import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.Force;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.system.State;
import org.sheath.forcefields.model.FlatTopology;

/**
 * Long-range dispersion correction for a homogeneous fluid beyond the LJ cut-off, as GROMACS's
 * {@code DispCorr = Ener / EnerPres} (dispersion only, g(r) = 1 beyond rc). With N atoms, V the volume,
 * ρ = N/V and ⟨C6⟩ the average C6 (below):
 * <pre>
 *   vdw-modifier none:            E = −(2/3)·π·N·ρ·⟨C6⟩/rc³
 *   vdw-modifier potential-shift: E = (N/2)·⟨C6⟩·[−(8/3)·π·ρ/rc³ + 1/rc⁶]
 *   virial (EnerPres only):       W_αα = −(4/3)·π·N·ρ·⟨C6⟩/rc³ (each diagonal element; P_DC = −(4/3)πρ²⟨C6⟩/rc³)
 * </pre>
 * The potential-shift energy adds the constant C6/rc⁶ that the shift removed from every pair inside rc,
 * counted for a uniform density as ρ·(4/3)πrc³ neighbours per atom minus one (GROMACS's correction for
 * the atom itself). The shift has no force, so the virial is the same for both modifiers.
 *
 * <p>⟨C6⟩ is GROMACS's average over all atom pairs i &lt; j of the system except the excluded pairs
 * (bonded neighbours and 1-4 pairs, which the kernel never computes):
 * ⟨C6⟩ = [Σ_{i&lt;j} C6(t_i, t_j) − Σ_{excluded i&lt;j} C6(t_i, t_j)] / [N(N−1)/2 − N_excl].
 * No forces. Energy in "Disper. corr.".
 */
public final class DispersionCorrection implements Force {
    private final DispCorrMode mode;
    private final int natoms;
    private final double avgC6, rc;
    private final Modifier vdwModifier;

    public DispersionCorrection(FlatTopology top, double rc, Modifier vdwModifier, DispCorrMode mode) {
        this(top.natoms, averageC6(top), rc, vdwModifier, mode);
    }

    public DispersionCorrection(int natoms, double avgC6, double rc, Modifier vdwModifier, DispCorrMode mode) {
        this.natoms = natoms;
        this.avgC6 = avgC6;
        this.rc = rc;
        this.vdwModifier = vdwModifier;
        this.mode = mode;
    }

    /** GROMACS's ⟨C6⟩: over all pairs by type counts, minus the excluded pairs (see class comment). */
    public static double averageC6(FlatTopology top) {
        int nt = top.ntypes;
        long[] count = new long[nt];
        for (int i = 0; i < top.natoms; i++) count[top.type[i]]++;
        double csix = 0, npair = 0;
        for (int a = 0; a < nt; a++) {
            for (int b = a; b < nt; b++) {
                double np = a == b ? 0.5 * count[a] * (count[a] - 1) : (double) count[a] * count[b];
                csix += np * top.c6[a * nt + b];
                npair += np;
            }
        }
        long nexcl = 0;
        for (int i = 0; i < top.natoms; i++) {
            for (int k = top.exclOffsets[i]; k < top.exclOffsets[i + 1]; k++) {
                int j = top.exclAtoms[k];
                csix -= top.c6[top.type[i] * nt + top.type[j]];
                nexcl++;
            }
        }
        double denom = npair - nexcl;
        return denom <= 0 ? 0.0 : csix / denom;
    }

    public double averageC6() {
        return avgC6;
    }

    public DispCorrMode mode() {
        return mode;
    }

    /** Correction energy (kJ/mol) for a box of the given volume. */
    public double energy(double volume) {
        if (mode == DispCorrMode.NO) return 0;
        double rc3 = rc * rc * rc;
        double rho = natoms / volume;
        double numCorr = 0.5 * natoms;
        if (vdwModifier == Modifier.POTENTIAL_SHIFT) {
            return numCorr * avgC6 * (-8.0 * Math.PI * rho / (3.0 * rc3) + 1.0 / (rc3 * rc3));
        }
        return numCorr * avgC6 * (-4.0 * Math.PI * rho / (3.0 * rc3));
    }

    /** W_αα added to each diagonal element of the virial (kJ/mol); 0 unless EnerPres. */
    public double virialDiagonal(double volume) {
        if (mode != DispCorrMode.ENER_PRES) return 0;
        double rho = natoms / volume;
        return -4.0 * Math.PI * natoms * rho * avgC6 / (3.0 * rc * rc * rc);
    }

    @Override
    public java.util.Set<EnergyTerm> energyTerms() {
        return mode == DispCorrMode.NO ? java.util.Set.of() : java.util.Set.of(EnergyTerm.DISPER_CORR);
    }

    @Override
    public String name() {
        return "dispcorr";
    }

    @Override
    public void compute(State s, ForceAccumulator out, int flags) {
        if (mode == DispCorrMode.NO) return;
        double v = s.box.volume();
        out.addEnergy(EnergyTerm.DISPER_CORR, energy(v));
        if ((flags & VIRIAL) == 0) return;
        double w = virialDiagonal(v);
        out.dispersionVirial += w;
        out.virial[0] += w;
        out.virial[4] += w;
        out.virial[8] += w;
    }
}
