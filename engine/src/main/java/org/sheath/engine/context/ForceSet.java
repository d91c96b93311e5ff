package org.sheath.engine.context;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.Force;
import org.sheath.engine.force.bonded.BondedForces;
import org.sheath.engine.force.bonded.BondedTermForce;
import org.sheath.engine.force.ewald.EwaldParameters;
import org.sheath.engine.force.nonbonded.DispCorrMode;
import org.sheath.engine.force.nonbonded.DispersionCorrection;
import org.sheath.engine.force.nonbonded.NonbondedForce;
import org.sheath.engine.force.nonbonded.NonbondedOptions;
import org.sheath.engine.force.nonbonded.PairForce14;
import org.sheath.engine.force.pme.PmeForce;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.MdSystem;
import org.sheath.forcefields.InputException;

/**
 * The forces of a system, set up the way {@code gmx grompp} would for a Verlet-scheme PME run with the
 * given options: non-bonded pair kernel (LJ + real-space Ewald), 1-4 pairs, dispersion correction,
 * PME (reported as GROMACS does: self and exclusion corrections in "Coulomb (SR)"), and the bonded
 * terms. Also the energy terms that a report should list and the setup warnings (e.g. net charge).
 */
public final class ForceSet {
    /** |net charge| above which a warning is issued (grompp's threshold for its note). */
    public static final double NET_CHARGE_TOLERANCE = 1e-4;

    private final List<Force> forces;
    private final List<EnergyTerm> terms;
    private final List<String> warnings;
    private final NonbondedForce nonbonded;
    private final EwaldParameters ewald;
    private final NonbondedOptions options;

    private ForceSet(List<Force> forces, List<EnergyTerm> terms, List<String> warnings, NonbondedForce nonbonded,
                     EwaldParameters ewald, NonbondedOptions options) {
        this.forces = Collections.unmodifiableList(forces);
        this.terms = Collections.unmodifiableList(terms);
        this.warnings = Collections.unmodifiableList(warnings);
        this.nonbonded = nonbonded;
        this.ewald = ewald;
        this.options = options;
    }

    /**
     * @throws InputException if the box is too small for the cut-off (and pair-list buffer)
     */
    public static ForceSet create(MdSystem system, NonbondedOptions options, Box box) {
        checkBox(box, options);
        List<Force> forces = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        var top = system.topology;

        List<EnergyTerm> terms = new ArrayList<>();
        for (BondedTermForce f : BondedForces.termForces(top)) {
            forces.add(f);
            if (!terms.contains(f.energyTerm())) terms.add(f.energyTerm());
        }

        PairForce14 pairs = PairForce14.of(top);
        if (pairs.size() > 0) forces.add(pairs);

        boolean charged = false;
        for (double q : system.charges) charged |= q != 0;
        EwaldParameters ewald = charged
                ? EwaldParameters.fromMdp(box, options.cutoff(), options.ewaldRtol(), options.fourierSpacing(), options.pmeOrder())
                : null;
        NonbondedForce nb = NonbondedForce.of(top, options.cutoff(), options.listBuffer(), charged ? ewald.beta() : 0.0,
                options.vdwModifier(), options.coulombModifier());
        forces.add(nb);
        if (options.dispCorr() != DispCorrMode.NO) {
            forces.add(new DispersionCorrection(top, options.cutoff(), options.vdwModifier(), options.dispCorr()));
        }
        if (charged) forces.add(PmeForce.gromacsVerletSplit(system.charges, top.exclOffsets, top.exclAtoms, ewald));

        double qt = system.totalCharge();
        if (Math.abs(qt) > NET_CHARGE_TOLERANCE) {
            warnings.add(String.format(Locale.ROOT, "the system has a net charge of %+.6f e; PME adds a uniform "
                    + "neutralizing background (as GROMACS does), which can bias energies and dynamics: check the "
                    + "[ molecules ] counts or the charges", qt));
        }

        if (pairs.size() > 0) {
            terms.add(EnergyTerm.LJ_14);
            terms.add(EnergyTerm.COULOMB_14);
        }
        terms.add(EnergyTerm.LJ_SR);
        if (options.dispCorr() != DispCorrMode.NO) terms.add(EnergyTerm.DISPER_CORR);
        terms.add(EnergyTerm.COULOMB_SR);
        if (charged) terms.add(EnergyTerm.COUL_RECIP);
        return new ForceSet(forces, terms, warnings, nb, ewald, options);
    }

    /** Throws an InputException naming the box, the cut-off and the fix when 2·rlist exceeds the shortest height. */
    public static void checkBox(Box box, NonbondedOptions options) {
        double h = box.minHeight();
        double rl = options.rlist();
        if (2 * rl > h * (1 + 1e-12)) {
            String what = options.listBuffer() > 0
                    ? "the cut-off " + options.cutoff() + " nm plus the pair-list buffer " + options.listBuffer() + " nm"
                    : "the cut-off " + options.cutoff() + " nm";
            throw new InputException(String.format(Locale.ROOT, "%s is too small for %s: its shortest height %.4f nm "
                    + "must be at least twice that (%.4f nm); use a larger box or a shorter --cutoff (at most %.4f nm)",
                    box, what, h, 2 * rl, 0.5 * h - options.listBuffer()));
        }
    }

    /** The forces in evaluation order. */
    public List<Force> forces() {
        return forces;
    }

    /** Energy terms to report, in GROMACS order. */
    public List<EnergyTerm> terms() {
        List<EnergyTerm> sorted = new ArrayList<>(terms);
        sorted.sort(null);
        return sorted;
    }

    public List<String> warnings() {
        return warnings;
    }

    public NonbondedForce nonbonded() {
        return nonbonded;
    }

    /** Ewald/PME parameters (β, grid), or null for a system without charges. */
    public EwaldParameters ewald() {
        return ewald;
    }

    public NonbondedOptions options() {
        return options;
    }
}
