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
 *                       when an atom has moved more than buffer/2 (0: rebuilt whenever a position or the box changed)
 * @param kernel         the pair kernel: double-precision reference (default) or single-precision cluster
 * @param nstlist        0: the list is rebuilt when an atom has moved more than buffer/2 (exact); n &gt; 0: it is
 *                       rebuilt on every step that is a multiple of n (GROMACS's nstlist; the buffer then comes
 *                       from an energy-drift tolerance, see {@link VerletBuffer})
 * @param nstprune       cluster kernel only: 0, or dynamic pruning every this many steps (GROMACS's dual
 *                       pair list: the list of rc + listBuffer lives nstlist steps, the kernel runs on the pairs
 *                       within rc + pruneBuffer, cut from it every nstprune steps)
 * @param pruneBuffer    the inner list's buffer, nm
 */
public record NonbondedOptions(double cutoff, double ewaldRtol, double fourierSpacing, int pmeOrder,
                               Modifier vdwModifier, Modifier coulombModifier, DispCorrMode dispCorr,
                               double listBuffer, NonbondedKernel kernel, int nstlist, int nstprune, double pruneBuffer) {
    public static final NonbondedOptions DEFAULTS = new NonbondedOptions(1.2, 1e-5, 0.12, 4,
            Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT, DispCorrMode.ENER_PRES, 0.0);

    /** Without dynamic pruning. */
    public NonbondedOptions(double cutoff, double ewaldRtol, double fourierSpacing, int pmeOrder, Modifier vdwModifier,
                            Modifier coulombModifier, DispCorrMode dispCorr, double listBuffer, NonbondedKernel kernel, int nstlist) {
        this(cutoff, ewaldRtol, fourierSpacing, pmeOrder, vdwModifier, coulombModifier, dispCorr, listBuffer, kernel, nstlist, 0, 0.0);
    }

    /** With the reference kernel. */
    public NonbondedOptions(double cutoff, double ewaldRtol, double fourierSpacing, int pmeOrder, Modifier vdwModifier,
                            Modifier coulombModifier, DispCorrMode dispCorr, double listBuffer) {
        this(cutoff, ewaldRtol, fourierSpacing, pmeOrder, vdwModifier, coulombModifier, dispCorr, listBuffer,
                NonbondedKernel.REFERENCE, 0);
    }

    /** With the exact displacement rule. */
    public NonbondedOptions(double cutoff, double ewaldRtol, double fourierSpacing, int pmeOrder, Modifier vdwModifier,
                            Modifier coulombModifier, DispCorrMode dispCorr, double listBuffer, NonbondedKernel kernel) {
        this(cutoff, ewaldRtol, fourierSpacing, pmeOrder, vdwModifier, coulombModifier, dispCorr, listBuffer, kernel, 0);
    }

    public NonbondedOptions {
        if (!(cutoff > 0) || Double.isInfinite(cutoff)) throw new IllegalArgumentException("cut-off must be positive: " + cutoff);
        if (!(ewaldRtol > 0 && ewaldRtol < 1)) throw new IllegalArgumentException("ewald-rtol must be in (0, 1): " + ewaldRtol);
        if (!(fourierSpacing > 0)) throw new IllegalArgumentException("fourier-spacing must be positive: " + fourierSpacing);
        if (pmeOrder < 3 || pmeOrder > 12) throw new IllegalArgumentException("pme-order must be 3..12: " + pmeOrder);
        if (!(listBuffer >= 0)) throw new IllegalArgumentException("pair-list buffer must be >= 0: " + listBuffer);
        if (nstlist < 0) throw new IllegalArgumentException("nstlist must be >= 0: " + nstlist);
        if (nstprune < 0) throw new IllegalArgumentException("nstprune must be >= 0: " + nstprune);
        if (!(pruneBuffer >= 0)) throw new IllegalArgumentException("prune buffer must be >= 0: " + pruneBuffer);
        if (vdwModifier == null || coulombModifier == null || dispCorr == null || kernel == null) throw new NullPointerException();
    }

    public NonbondedOptions withCutoff(double rc) {
        return new NonbondedOptions(rc, ewaldRtol, fourierSpacing, pmeOrder, vdwModifier, coulombModifier, dispCorr, listBuffer, kernel, nstlist, nstprune, pruneBuffer);
    }

    public NonbondedOptions withModifiers(Modifier vdw, Modifier coulomb) {
        return new NonbondedOptions(cutoff, ewaldRtol, fourierSpacing, pmeOrder, vdw, coulomb, dispCorr, listBuffer, kernel, nstlist, nstprune, pruneBuffer);
    }

    public NonbondedOptions withDispCorr(DispCorrMode mode) {
        return new NonbondedOptions(cutoff, ewaldRtol, fourierSpacing, pmeOrder, vdwModifier, coulombModifier, mode, listBuffer, kernel, nstlist, nstprune, pruneBuffer);
    }

    public NonbondedOptions withListBuffer(double buffer) {
        return new NonbondedOptions(cutoff, ewaldRtol, fourierSpacing, pmeOrder, vdwModifier, coulombModifier, dispCorr, buffer, kernel, nstlist, nstprune, pruneBuffer);
    }

    public NonbondedOptions withKernel(NonbondedKernel k) {
        return new NonbondedOptions(cutoff, ewaldRtol, fourierSpacing, pmeOrder, vdwModifier, coulombModifier, dispCorr, listBuffer, k, nstlist, nstprune, pruneBuffer);
    }

    /** Dynamic pruning of the cluster kernel's list every n steps to rc + innerBuffer (n = 0: off). */
    public NonbondedOptions withPruning(int n, double innerBuffer) {
        return new NonbondedOptions(cutoff, ewaldRtol, fourierSpacing, pmeOrder, vdwModifier, coulombModifier, dispCorr,
                listBuffer, kernel, nstlist, n, innerBuffer);
    }

    /** A list of rc + buffer rebuilt every n steps (n = 0: by the displacement rule), without pruning. */
    public NonbondedOptions withListLifetime(double buffer, int n) {
        return new NonbondedOptions(cutoff, ewaldRtol, fourierSpacing, pmeOrder, vdwModifier, coulombModifier, dispCorr, buffer, kernel, n);
    }

    /** Pair-list radius rc + buffer. */
    public double rlist() {
        return cutoff + listBuffer;
    }
}
