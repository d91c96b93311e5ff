package org.sheath.engine.force.nonbonded;

/**
 * Non-bonded settings, named after their GROMACS .mdp options (Verlet scheme, PME): one cut-off for
 * LJ and Coulomb (rvdw = rcoulomb), Ewald tolerance, PME grid spacing and order, the two modifiers
 * and the dispersion correction. {@link #DEFAULTS}: rc 1.2 nm, ewald-rtol 1e-5, fourier-spacing
 * 0.12 nm, pme-order 4, potential-shift for both, DispCorr = EnerPres, no pair-list buffer.
 *
 * @param cutoff         rc = rvdw = rcoulomb, nm
 * @param ewaldRtol      erfc(β·rc), GROMACS ewald-rtol
 * @param fourierSpacing largest PME grid spacing, nm
 * @param pmeOrder       PME interpolation order (3–12)
 * @param vdwModifier    LJ modifier
 * @param coulombModifier real-space Coulomb modifier
 * @param dispCorr       long-range dispersion correction
 * @param listBuffer     Verlet buffer: the pair list holds pairs within rc + buffer and is rebuilt
 *                       when an atom has moved more than buffer/2 (0: rebuilt every evaluation)
 * @param kernel         the pair kernel: double-precision reference (default) or single-precision cluster
 */
public record NonbondedOptions(double cutoff, double ewaldRtol, double fourierSpacing, int pmeOrder,
                               Modifier vdwModifier, Modifier coulombModifier, DispCorrMode dispCorr,
                               double listBuffer, NonbondedKernel kernel) {
    public static final NonbondedOptions DEFAULTS = new NonbondedOptions(1.2, 1e-5, 0.12, 4,
            Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT, DispCorrMode.ENER_PRES, 0.0);

    /** With the reference kernel. */
    public NonbondedOptions(double cutoff, double ewaldRtol, double fourierSpacing, int pmeOrder, Modifier vdwModifier,
                            Modifier coulombModifier, DispCorrMode dispCorr, double listBuffer) {
        this(cutoff, ewaldRtol, fourierSpacing, pmeOrder, vdwModifier, coulombModifier, dispCorr, listBuffer,
                NonbondedKernel.REFERENCE);
    }

    public NonbondedOptions {
        if (!(cutoff > 0) || Double.isInfinite(cutoff)) throw new IllegalArgumentException("cut-off must be positive: " + cutoff);
        if (!(ewaldRtol > 0 && ewaldRtol < 1)) throw new IllegalArgumentException("ewald-rtol must be in (0, 1): " + ewaldRtol);
        if (!(fourierSpacing > 0)) throw new IllegalArgumentException("fourier-spacing must be positive: " + fourierSpacing);
        if (pmeOrder < 3 || pmeOrder > 12) throw new IllegalArgumentException("pme-order must be 3..12: " + pmeOrder);
        if (!(listBuffer >= 0)) throw new IllegalArgumentException("pair-list buffer must be >= 0: " + listBuffer);
        if (vdwModifier == null || coulombModifier == null || dispCorr == null || kernel == null) throw new NullPointerException();
    }

    public NonbondedOptions withCutoff(double rc) {
        return new NonbondedOptions(rc, ewaldRtol, fourierSpacing, pmeOrder, vdwModifier, coulombModifier, dispCorr, listBuffer, kernel);
    }

    public NonbondedOptions withModifiers(Modifier vdw, Modifier coulomb) {
        return new NonbondedOptions(cutoff, ewaldRtol, fourierSpacing, pmeOrder, vdw, coulomb, dispCorr, listBuffer, kernel);
    }

    public NonbondedOptions withDispCorr(DispCorrMode mode) {
        return new NonbondedOptions(cutoff, ewaldRtol, fourierSpacing, pmeOrder, vdwModifier, coulombModifier, mode, listBuffer, kernel);
    }

    public NonbondedOptions withListBuffer(double buffer) {
        return new NonbondedOptions(cutoff, ewaldRtol, fourierSpacing, pmeOrder, vdwModifier, coulombModifier, dispCorr, buffer, kernel);
    }

    public NonbondedOptions withKernel(NonbondedKernel k) {
        return new NonbondedOptions(cutoff, ewaldRtol, fourierSpacing, pmeOrder, vdwModifier, coulombModifier, dispCorr, listBuffer, k);
    }

    /** Pair-list radius rc + buffer. */
    public double rlist() {
        return cutoff + listBuffer;
    }
}
