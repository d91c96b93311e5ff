package org.sheath.engine.force.ewald;

import org.sheath.engine.math.Erfc;
import org.sheath.engine.system.Box;

/**
 * Ewald/PME parameters chosen the way GROMACS chooses them, so that a run set up from an .mdp gives the
 * same β and the same PME grid as {@code gmx grompp}.
 *
 * @param beta  Ewald splitting coefficient β (GROMACS's ewaldcoeff_q), nm⁻¹
 * @param nx    PME grid points along box vector a
 * @param ny    PME grid points along b
 * @param nz    PME grid points along c
 * @param order PME interpolation order (GROMACS pme-order; 4 = cubic B-splines)
 */
public record EwaldParameters(double beta, int nx, int ny, int nz, int order) {

    public EwaldParameters {
        if (!(beta > 0)) throw new IllegalArgumentException("beta must be positive: " + beta);
        if (order < 3 || order > 12) throw new IllegalArgumentException("pme order out of range: " + order);
        if (nx < order || ny < order || nz < order) {
            throw new IllegalArgumentException("PME grid " + nx + "x" + ny + "x" + nz + " smaller than the order " + order);
        }
    }

    /**
     * From .mdp-style settings: β from rcoulomb and ewald-rtol ({@link #ewaldCoefficient}), the grid
     * from fourier-spacing ({@link #pmeGridSize}).
     */
    public static EwaldParameters fromMdp(Box box, double rcoulomb, double ewaldRtol, double fourierSpacing, int pmeOrder) {
        int[] n = pmeGridSize(box, fourierSpacing, pmeOrder);
        return new EwaldParameters(ewaldCoefficient(rcoulomb, ewaldRtol), n[0], n[1], n[2], pmeOrder);
    }

    /**
     * The Ewald coefficient β with erfc(β·rc) = rtol, found as GROMACS's calc_ewaldcoeff_q does it:
     * double β from 5 until erfc(β·rc) ≤ rtol (i doublings), then i + 60 bisection steps on [0, β].
     * (GROMACS does this in its working precision; in double the result agrees to the last bits.)
     */
    public static double ewaldCoefficient(double rc, double rtol) {
        if (!(rc > 0) || !(rtol > 0 && rtol < 1)) throw new IllegalArgumentException("need rc > 0 and 0 < rtol < 1");
        double beta = 5;
        int i = 0;
        do {
            i++;
            beta *= 2;
        } while (Erfc.erfc(beta * rc) > rtol);
        int n = i + 60;
        double low = 0, high = beta;
        for (i = 0; i < n; i++) {
            beta = (low + high) / 2;
            if (Erfc.erfc(beta * rc) > rtol) low = beta;
            else high = beta;
        }
        return beta;
    }

    /** GROMACS's minimalPmeGridSize: 2·(order − 1) points per dimension. */
    public static int minimalPmeGridSize(int pmeOrder) {
        return 2 * (pmeOrder - 1);
    }

    // GROMACS calcgrid.cpp: small sizes from a list, larger ones fac2 * base with fac2 a power of two,
    // divisible by 4 (except 90 is allowed, 140 is not). These lists are GROMACS's timing-based choice.
    private static final int[] GRID_INIT = {6, 8, 10, 12, 14, 16, 20, 24, 25, 28, 32, 36, 40, 42, 44};
    private static final int[] GRID_BASE = {45, 48, 50, 52, 54, 56, 60, 64, 70, 72, 75, 80, 81, 84};

    /**
     * The number of FFT grid points GROMACS's calcFftGrid picks for a box vector of the given length:
     * nmin = (int)(length/spacing + 0.999), at least minPoints; then the smallest entry ≥ nmin of
     * {6, 8, 10, 12, 14, 16, 20, 24, 25, 28, 32, 36, 40, 42, 44}, or above 44 the smallest
     * fac2·base ≥ nmin with fac2 the power of two for which fac2·84 ≥ nmin, base one of
     * {48, 50, …, 84} (GROMACS's loop never tries 45) and fac2·base divisible by 4 (not 140; 90 allowed).
     */
    public static int fftGridSize(double length, double spacing, int minPoints) {
        if (!(spacing > 0)) throw new IllegalArgumentException("invalid fourier spacing: " + spacing);
        int nmin = (int) (length / spacing + 0.999);
        nmin = Math.max(nmin, minPoints);
        int i = GRID_INIT.length - 1;
        if (GRID_INIT[i] >= nmin) {
            while (i > 0 && GRID_INIT[i - 1] >= nmin) i--;
            return GRID_INIT[i];
        }
        int fac2 = 1;
        i = GRID_BASE.length - 1;
        while (fac2 * GRID_BASE[i] < nmin) fac2 *= 2;
        int n = -1;
        do {
            int attempt = fac2 * GRID_BASE[i];
            if (((attempt % 4 == 0 && attempt != 140) || attempt == 90) && attempt >= nmin) n = attempt;
            i--;
        } while (i > 0);
        return n;
    }

    /**
     * PME grid for a box: per dimension {@link #fftGridSize} of the length of the box vector (not the
     * box height: GROMACS uses |a|, |b|, |c| so that triclinic grids keep the spacing along the vectors),
     * with the minimum {@link #minimalPmeGridSize}.
     */
    public static int[] pmeGridSize(Box box, double fourierSpacing, int pmeOrder) {
        double la = box.ax();
        double lb = Math.sqrt(box.bx() * box.bx() + box.by() * box.by());
        double lc = Math.sqrt(box.cx() * box.cx() + box.cy() * box.cy() + box.cz() * box.cz());
        int min = minimalPmeGridSize(pmeOrder);
        return new int[] {fftGridSize(la, fourierSpacing, min), fftGridSize(lb, fourierSpacing, min),
                fftGridSize(lc, fourierSpacing, min)};
    }
}
