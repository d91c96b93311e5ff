package org.sheath.engine.integrate.barostat;

import org.sheath.engine.force.Force;
import org.sheath.engine.integrate.Dynamics;
import org.sheath.engine.system.State;

/**
 * Barostats that rescale the box every nstpcouple steps (C-rescale, Berendsen): they compute per-dimension
 * scaling factors μ_a from the pressure tensor at the end of a coupling step, and at the start of the next
 * step, on full-step velocities, scale positions by μ_a (and velocities by 1/μ_a if asked), restore the
 * constraints, change the box through the context and recompute the forces — so forces always belong to
 * the positions (one extra force evaluation per coupling event, 1/nstpcouple of the force cost).
 *
 * <p>The energy a scaling puts in is subtracted from the conserved quantity, and it is measured, not
 * estimated: kinetic energy before and after, potential energy of the coupling step and of the recomputed
 * forces. Two cheaper ways were measured wrong on rigid water (SETTLE), each a systematic drift of
 * 0.07 kJ/mol/ps per atom: the first-order estimate −Σ W_aa·ln μ_a (it misses twice the intramolecular
 * kinetic energy in the virial of rigid groups, and its second-order error has a sign), and scaling on
 * half-step velocities (their projection onto the constraints, which the end-of-step velocity constraint
 * would do anyway, was booked as work).
 */
abstract class RescalingBarostat implements Barostat {
    /** P₀ (kJ/mol/nm³) and κ (nm³·mol/kJ) of each coupling group. */
    protected final double[] pRef, kappa;
    protected final double tauP;
    protected final int nst;
    protected final Coupling coupling;
    private final double[] mu = new double[3], pDiag = new double[3];
    private double work;
    private double u0;
    private boolean pending;
    /** Diagnostics since the stage's start: Σ scalar pressure seen and couplings, Σ ln(μ_x μ_y μ_z) applied, ln V at the start. */
    private double seenSum, lnScaled, lnV0 = Double.NaN;
    private long couplings;
    private double[] xr, yr, zr;

    RescalingBarostat(double pressure, double pressureZ, double compressibility, double compressibilityZ, double tauP,
                      int nstpcouple, Coupling coupling) {
        if (!(tauP > 0)) throw new IllegalArgumentException("tau_p must be > 0 ps: " + tauP);
        if (nstpcouple < 1) throw new IllegalArgumentException("nstpcouple must be >= 1: " + nstpcouple);
        this.pRef = coupling.groupPressures(pressure, pressureZ);
        this.kappa = coupling.groupCompressibilities(compressibility, compressibilityZ);
        this.tauP = tauP;
        this.nst = nstpcouple;
        this.coupling = coupling;
    }

    @Override
    public void init(Dynamics d) {
        if (coupling != Coupling.ISOTROPIC && !d.state.box.isRectangular()) {
            throw new IllegalArgumentException(coupling.deckName + " " + name() + " coupling needs a rectangular box");
        }
        xr = new double[d.natoms];
        yr = new double[d.natoms];
        zr = new double[d.natoms];
        lnV0 = Math.log(d.state.box.volume()); // (restore puts a resumed stage's start back)
    }

    @Override
    public boolean needsVirial(long step) {
        return step % nst == 0;
    }

    /**
     * The scaling factors for one coupling event over time {@code interval} from the pressure-tensor diagonal
     * (kJ/mol/nm³) and volume.
     */
    protected abstract void factors(Dynamics d, double[] pDiag, double volume, double interval, double[] mu);

    /** Whether velocities are scaled by 1/μ (C-rescale: yes; Berendsen: no). */
    protected abstract boolean scalesVelocities();

    @Override
    public boolean needsEnergy(long step) {
        return step % nst == 0; // U before the scaling, for the work it does
    }

    /** Computes the factors from the pressure at the end of a coupling step; they are applied at the start of the next. */
    @Override
    public void endOfStep(Dynamics d, long step, double dt) {
        if (step % nst != 0) return;
        State s = d.state;
        double[] k = d.kineticTensor();
        double v = s.box.volume();
        double[] pd = pDiag;
        for (int a = 0; a < 3; a++) pd[a] = (2 * k[4 * a] + d.virial[4 * a]) / v;
        factors(d, pd, v, nst * dt, mu);
        seenSum += (pd[0] + pd[1] + pd[2]) / 3;
        couplings++;
        u0 = d.context().forces().potentialEnergy();
        pending = true;
    }

    /**
     * At the start of the step after a coupling step, on full-step velocities: scales box, positions (and
     * velocities) by the pending factors, restores the constraints, and recomputes the forces, so that the
     * first half kick uses forces of the scaled positions and the work done is known exactly.
     */
    @Override
    public void halfStepStart(Dynamics d, double dt) {
        if (!pending) return;
        pending = false;
        State s = d.state;
        double k0 = d.kineticEnergy();
        double mx = mu[0], my = mu[1], mz = mu[2];
        for (int i = 0; i < d.natoms; i++) {
            s.x[i] *= mx;
            s.y[i] *= my;
            s.z[i] *= mz;
            if (scalesVelocities()) {
                s.vx[i] /= mx;
                s.vy[i] /= my;
                s.vz[i] /= mz;
            }
        }
        d.context().setBox(s.box.scaled(mx, my, mz));
        lnScaled += Math.log(mx * my * mz);
        if (d.constraints.count() > 0) {
            System.arraycopy(s.x, 0, xr, 0, d.natoms);
            System.arraycopy(s.y, 0, yr, 0, d.natoms);
            System.arraycopy(s.z, 0, zr, 0, d.natoms);
            d.constraints.constrainPositions(s, xr, yr, zr, 0);
            d.constraints.constrainVelocities(s, 1.0, null);
        }
        d.context().updateNeighbors();
        double u1 = d.context().computeForces(Force.ENERGY).potentialEnergy();
        work += d.kineticEnergy() - k0 + u1 - u0;
    }

    @Override
    public double conservedEnergy(Dynamics d) {
        return -work;
    }

    @Override
    public double[] saveState() {
        return new double[] {work, pending ? 1 : 0, mu[0], mu[1], mu[2], u0, seenSum, couplings, lnScaled, lnV0};
    }

    @Override
    public void restore(double[] state) {
        work = state[0];
        pending = state[1] != 0;
        mu[0] = state[2];
        mu[1] = state[3];
        mu[2] = state[4];
        u0 = state[5];
        if (state.length >= 10) { // (checkpoints before the diagnostics: they start from the resume)
            seenSum = state[6];
            couplings = (long) state[7];
            lnScaled = state[8];
            lnV0 = state[9];
        }
    }

    /**
     * What the barostat saw since the stage started: the couplings, the mean pressure they acted on (bar) and
     * the volume change, with the part of ln V the scalings account for (all of it, unless something else
     * changed the box).
     */
    @Override
    public String statistics(Dynamics d) {
        if (couplings == 0) return name() + ": no coupling yet";
        double lnV = Math.log(d.state.box.volume());
        return String.format(java.util.Locale.ROOT, "%s: %d couplings, mean pressure seen %.1f bar (P0 %.1f bar); "
                + "volume %.3f -> %.3f nm3, ln V %+.5f, of which the scalings %+.5f%s", name(), couplings,
                seenSum / couplings * org.sheath.engine.context.EnergyReport.PRESFAC, pRef[0] * org.sheath.engine.context.EnergyReport.PRESFAC,
                Math.exp(lnV0), Math.exp(lnV), lnV - lnV0, lnScaled, extraStatistics());
    }

    /** More of {@link #statistics} (C-rescale: its noise), starting with "; ", or "". */
    protected String extraStatistics() {
        return "";
    }

    /** Mean of the pressure-tensor diagonal over each coupling group. */
    protected void groupPressure(double[] pDiag, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int a = 0; a < 3; a++) out[coupling.group[a]] += pDiag[a] / coupling.size(coupling.group[a]);
    }
}
