package org.sheath.engine.integrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sheath.engine.context.Context;
import org.sheath.engine.force.Force;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.integrate.barostat.Barostat;
import org.sheath.engine.integrate.thermostat.Thermostat;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.State;
import org.sheath.forcefields.InputException;

/**
 * Velocity Verlet with the Trotter splitting that thermostat and barostat chains need (Tuckerman et al.
 * 2006; LAMMPS {@code fix nh}), RATTLE constraints and MTK box coupling. One step, as the loop in
 * {@link #step()} reads:
 * <pre>
 *   thermostat ½ · barostat ½ (MTK box momentum; a rescaling barostat scales with the previous step's
 *   factors and recomputes the forces) · kick ½ · drift (MTK-scaled; split around the Langevin O step)
 *   · SHAKE · box update · neighbour search · forces
 *   · kick ½ · RATTLE (constraint virial) · barostat ½ · thermostat ½ · centre-of-mass removal
 *   · rescaling barostat's factors · output
 * </pre>
 * each phase charged to a {@link PhaseTimer}. Energies and the virial are computed only on the steps
 * that report them (every {@code nstcalcenergy} steps, and at reporters' intervals) or that couple the
 * pressure. The conserved quantity is sampled on energy steps into a {@link ConservedDrift}. Nothing
 * is allocated per step except one {@link Box} per box change.
 *
 * <p>Blow-ups (non-finite forces, an atom moving more than {@link #MAX_STEP_DISPLACEMENT} in one step,
 * constraint failures) put the state back to the start of the failed step and throw a
 * {@link BlowUpException} naming the step and the atom.
 */
public final class VelocityVerlet implements Integrator {
    /** An atom that would move farther than this in one step (nm) means the system is blowing up. */
    public static final double MAX_STEP_DISPLACEMENT = 0.1;

    private final Dynamics d;
    private final Context ctx;
    private final State s;
    private final double dt;
    private final Thermostat thermostat;
    private final Barostat barostat;
    private final TemperatureSchedule schedule;
    private final int nstcalcenergy;
    private final List<Reporter> reporters = new ArrayList<>();
    private final PhaseTimer timer = new PhaseTimer();
    private java.util.Map<String, Double> forceBaseline = java.util.Map.of();
    private final ConservedDrift drift = new ConservedDrift();
    private final StepReport report = new StepReport();
    private final double totalMass;
    private final int n;
    private final double[] xr, yr, zr;
    private final double[] bx, by, bz, bvx, bvy, bvz;
    private final double[] forceVirial = new double[9];
    private Box backupBox;
    private long backupStep;
    private double backupTime;
    private double stageStart;
    private long stageStartStep;
    private boolean initialized;
    private long stepsDone;
    private ForceAccumulator acc;

    /**
     * @param thermostat    null for NVE
     * @param barostat      null for constant volume
     * @param schedule      the thermostat's reference temperature over stage time (null: constant at the dynamics' temperature)
     * @param nstcalcenergy compute energies at least every this many steps (for the drift and averages)
     */
    public VelocityVerlet(Dynamics dynamics, double dt, Thermostat thermostat, Barostat barostat,
                          TemperatureSchedule schedule, int nstcalcenergy) {
        if (!(dt > 0) || Double.isInfinite(dt)) throw new IllegalArgumentException("dt must be > 0 ps: " + dt);
        if (nstcalcenergy < 1) throw new IllegalArgumentException("nstcalcenergy must be >= 1: " + nstcalcenergy);
        this.d = dynamics;
        this.ctx = dynamics.context();
        this.s = dynamics.state;
        this.dt = dt;
        this.thermostat = thermostat;
        this.barostat = barostat;
        this.schedule = schedule;
        this.nstcalcenergy = nstcalcenergy;
        this.n = s.natoms;
        double m = 0;
        for (double mi : d.mass) m += mi;
        this.totalMass = m;
        xr = new double[n]; yr = new double[n]; zr = new double[n];
        bx = new double[n]; by = new double[n]; bz = new double[n];
        bvx = new double[n]; bvy = new double[n]; bvz = new double[n];
        this.stageStart = s.time;
    }

    public VelocityVerlet addReporter(Reporter r) {
        reporters.add(r);
        return this;
    }

    @Override
    public double timeStep() {
        return dt;
    }

    public PhaseTimer timer() {
        return timer;
    }

    /**
     * The phase table followed by the time of each force over the run of this context (GROMACS's cycle
     * accounting splits "Force" the same way): what limits the step.
     */
    public String costTable() {
        StringBuilder b = new StringBuilder(timer.table());
        double all = timer.totalSeconds();
        b.append(String.format(java.util.Locale.ROOT, "  %-18s %12s %8s%n", "Force (all calls)", "time (s)", "%"));
        ctx.forceSeconds().forEach((name, total) -> {
            double sec = total - forceBaseline.getOrDefault(name, 0.0);
            b.append(String.format(java.util.Locale.ROOT, "    %-16s %12.3f %8.1f%n", name, sec, all > 0 ? 100 * sec / all : 0));
        });
        return b.toString();
    }

    public ConservedDrift drift() {
        return drift;
    }

    public Dynamics dynamics() {
        return d;
    }

    /** The report of the last energy step. */
    public StepReport lastReport() {
        return report;
    }

    /** Steps done by this integrator. */
    public long stepsDone() {
        return stepsDone;
    }

    /** The conserved-energy drift per atom, kJ/mol/ps (slope of the least-squares line). */
    public double driftPerAtom() {
        return drift.slope() / n;
    }

    /** "Conserved energy drift: 1.23e-05 kJ/mol/ps per atom", as GROMACS prints it, with the fluctuation. */
    public String driftLine() {
        // a line needs two samples and its residuals three: say so rather than print NaN
        if (drift.samples() < 2) {
            return "Conserved energy drift: not measured (" + drift.samples() + " energy sample; an [output] energies interval shorter than the stage gives more)";
        }
        if (drift.samples() < 3) {
            return String.format(Locale.ROOT, "Conserved energy drift: %.2e kJ/mol/ps per atom (2 samples, no fluctuation)", driftPerAtom());
        }
        return String.format(Locale.ROOT, "Conserved energy drift: %.2e kJ/mol/ps per atom (fluctuation sigma %.2e kJ/mol per atom, %d samples)",
                driftPerAtom(), drift.residualSd() / n, drift.samples());
    }

    @Override
    public void run(long steps) {
        if (steps < 0) throw new IllegalArgumentException("steps must be >= 0: " + steps);
        if (!initialized) {
            initialize();
            forceBaseline = ctx.forceSeconds(); // the start-up evaluation is not a step's
        }
        timer.restart();
        long last = s.step + steps;
        for (long k = 0; k < steps; k++) step(s.step + 1 == last);
        timer.mark(Phase.OTHER);
        for (Reporter r : reporters) r.finish(report);
    }

    private double stageTime() {
        return s.time - stageStart;
    }

    private void updateReference() {
        if (schedule != null) d.setReferenceTemperature(schedule.at(stageTime()));
    }

    /**
     * A snapshot for an exact continuation (call between {@link #run} calls, e.g. from a reporter's
     * caller after run returns, or at a checkpoint interval).
     */
    public DynamicsCheckpoint checkpoint() {
        if (!initialized) initialize();
        double[][] list = ctx.pairSearch() == null ? null : ctx.pairSearch().listReference();
        return new DynamicsCheckpoint(s.step, s.time, s.box.toMatrix(), s.x.clone(), s.y.clone(), s.z.clone(),
                s.vx.clone(), s.vy.clone(), s.vz.clone(), stageStart, stageStartStep, stepsDone,
                d.referenceTemperature(), thermostat == null ? new double[0] : thermostat.saveState(),
                barostat == null ? new double[0] : barostat.saveState(), d.saveRandomState(), d.virial.clone(),
                d.constraintVirial.clone(), forceVirial.clone(), driftState(), list);
    }

    /**
     * Continues from a checkpoint instead of starting: restores the state and the variables, rebuilds the
     * pair list from its saved reference and computes the forces of the current step (no constraining of
     * the start, no step-0 report). The continued trajectory equals the uninterrupted one bit for bit
     * (same thread count).
     */
    public void resume(DynamicsCheckpoint c) {
        if (c.x().length != n) throw new IllegalArgumentException("checkpoint has " + c.x().length + " atoms, the system " + n);
        System.arraycopy(c.x(), 0, s.x, 0, n);
        System.arraycopy(c.y(), 0, s.y, 0, n);
        System.arraycopy(c.z(), 0, s.z, 0, n);
        System.arraycopy(c.vx(), 0, s.vx, 0, n);
        System.arraycopy(c.vy(), 0, s.vy, 0, n);
        System.arraycopy(c.vz(), 0, s.vz, 0, n);
        ctx.setBox(Box.fromMatrix(c.box()));
        s.step = c.step();
        s.time = c.time();
        stageStart = c.stageStart();
        stageStartStep = c.stageStartStep();
        stepsDone = c.stepsDone();
        d.setReferenceTemperature(c.referenceTemperature());
        if (thermostat != null) {
            thermostat.init(d);
            thermostat.restore(c.thermostat());
        }
        if (barostat != null) {
            barostat.init(d);
            barostat.restore(c.barostat());
        }
        d.restoreRandomState(c.random());
        System.arraycopy(c.virial(), 0, d.virial, 0, 9);
        System.arraycopy(c.constraintVirial(), 0, d.constraintVirial, 0, 9);
        System.arraycopy(c.forceVirial(), 0, forceVirial, 0, 9);
        drift.restore(c.drift());
        d.setRemovedKinetic(c.drift()[8]);
        if (c.pairList() != null && ctx.pairSearch() != null) ctx.pairSearch().rebuildList(c.pairList());
        acc = ctx.computeForces(Force.ALL);
        initialized = true;
    }

    /** The drift sums and, last, the kinetic energy removed with the centre-of-mass motion. */
    private double[] driftState() {
        double[] a = java.util.Arrays.copyOf(drift.save(), 9);
        a[8] = d.removedKinetic();
        return a;
    }

    /** Constrains the start, computes the forces of step 0 with energies and reports it. */
    private void initialize() {
        stageStart = s.time;
        stageStartStep = s.step;
        updateReference();
        if (d.constraints.count() > 0) {
            System.arraycopy(s.x, 0, xr, 0, n);
            System.arraycopy(s.y, 0, yr, 0, n);
            System.arraycopy(s.z, 0, zr, 0, n);
            d.constraints.constrainPositions(s, xr, yr, zr, 0);
            d.constraints.constrainVelocities(s, 1.0, null);
        }
        d.removeComMotion();
        if (thermostat != null) thermostat.init(d);
        if (barostat != null) barostat.init(d);
        ctx.updateNeighbors();
        acc = ctx.computeForces(Force.ALL);
        System.arraycopy(acc.virial, 0, forceVirial, 0, 9);
        initialConstraintVirial();
        initialized = true;
        sample();
        for (Reporter r : reporters) if (r.interval() > 0 && s.step % r.interval() == 0) r.report(report);
    }

    /**
     * The constraint virial at the start, from a trial step of length ε = dt/20 with the start's forces, then
     * undone. A trial half kick alone (velocity constraints on v + ½dt·F/m) misses the centripetal part of the
     * constraint forces, which in a real step comes through the drift and SHAKE: on freely rotating rigid
     * molecules it gave no constraint virial at all, a step-0 pressure too high by the whole 2·K_rot/3V. The
     * short step keeps the forces' change out of it (error O(ε)) and the rotation's discretisation too (O(ε²)).
     */
    private void initialConstraintVirial() {
        java.util.Arrays.fill(d.constraintVirial, 0);
        if (d.constraints.count() > 0) {
            double eps = 0.05 * dt;
            backup();
            kick(0.5 * eps, null);
            // the drift and SHAKE of driftConstrained, written out: that one charges the phase timer, not started yet
            System.arraycopy(s.x, 0, xr, 0, n);
            System.arraycopy(s.y, 0, yr, 0, n);
            System.arraycopy(s.z, 0, zr, 0, n);
            for (int i = 0; i < n; i++) {
                s.x[i] += eps * s.vx[i];
                s.y[i] += eps * s.vy[i];
                s.z[i] += eps * s.vz[i];
            }
            d.constraints.constrainPositions(s, xr, yr, zr, eps);
            kick(0.5 * eps, null);
            d.constraints.constrainVelocities(s, 0.5 * eps, d.constraintVirial);
            restoreBackup();
        }
        for (int a = 0; a < 9; a++) d.virial[a] = forceVirial[a] + d.constraintVirial[a];
    }

    private boolean isEnergyStep(long step, boolean lastOfRun) {
        if (lastOfRun || step % nstcalcenergy == 0) return true;
        for (Reporter r : reporters) if (r.needsEnergies() && r.interval() > 0 && step % r.interval() == 0) return true;
        return false;
    }

    private void step(boolean lastOfRun) {
        backup();
        try {
            timer.mark(Phase.OTHER);
            updateReference();
            double[] rates = barostat == null ? null : barostat.strainRates();
            d.strainRates = rates;
            if (thermostat != null) {
                thermostat.halfStep(d, dt);
                timer.mark(Phase.THERMOSTAT);
            }
            if (barostat != null) {
                barostat.halfStepStart(d, dt);
                timer.mark(Phase.BAROSTAT);
            }
            kick(0.5 * dt, rates);
            if (thermostat != null && thermostat.splitsDrift()) {
                driftConstrained(0.5 * dt, rates);
                thermostat.midStep(d, dt);
                timer.mark(Phase.THERMOSTAT);
                driftConstrained(0.5 * dt, rates);
            } else {
                driftConstrained(dt, rates);
            }
            s.step++;
            s.time = stageStart + (s.step - stageStartStep) * dt;
            ctx.updateNeighbors();
            timer.mark(Phase.NEIGHBOR);
            boolean energy = isEnergyStep(s.step, lastOfRun);
            boolean virial = energy || (barostat != null && barostat.needsVirial(s.step));
            boolean potential = energy || (barostat != null && barostat.needsEnergy(s.step));
            int flags = (potential ? Force.ENERGY : 0) | (virial ? Force.VIRIAL : 0);
            acc = ctx.computeForces(flags);
            if (virial) System.arraycopy(acc.virial, 0, forceVirial, 0, 9);
            timer.mark(Phase.FORCES);
            kick(0.5 * dt, rates);
            timer.mark(Phase.UPDATE);
            if (d.constraints.count() > 0) {
                java.util.Arrays.fill(d.constraintVirial, 0);
                d.constraints.constrainVelocities(s, 0.5 * dt, virial ? d.constraintVirial : null, rates);
                timer.mark(Phase.CONSTRAINTS);
            }
            if (virial) for (int a = 0; a < 9; a++) d.virial[a] = forceVirial[a] + d.constraintVirial[a];
            if (barostat != null) {
                barostat.halfStepEnd(d, dt);
                timer.mark(Phase.BAROSTAT);
            }
            updateReference(); // the second half step acts at the new time (annealing)
            if (thermostat != null) {
                thermostat.halfStep(d, dt);
                timer.mark(Phase.THERMOSTAT);
            }
            d.removeComMotion();
            checkVelocities();
            timer.mark(Phase.UPDATE);
            if (barostat != null) {
                barostat.endOfStep(d, s.step, dt);
                timer.mark(Phase.BAROSTAT);
            }
            stepsDone++;
            if (energy) sample();
            for (Reporter r : reporters) if (r.interval() > 0 && s.step % r.interval() == 0) r.report(report);
            timer.mark(Phase.OUTPUT);
        } catch (BlowUpException e) {
            restoreBackup();
            throw e;
        } catch (InputException e) {
            long failed = s.step;
            restoreBackup();
            throw new BlowUpException("step " + failed + ": " + e.getMessage().replaceFirst("^step \\d+: ", ""));
        }
    }

    private void sample() {
        double extra = d.removedKinetic();
        if (thermostat != null) extra += thermostat.conservedEnergy(d);
        if (barostat != null) extra += barostat.conservedEnergy(d);
        report.fill(d, acc, ctx.forceSet().terms(), totalMass, extra, thermostat == null ? null : thermostat.reportedKineticTensor());
        report.referenceTemperature = thermostat != null ? d.referenceTemperature() : Double.NaN;
        drift.add(s.time, report.conserved);
    }

    /** v ← v·e^{−γh} + h·F/m·e^{−γh/2}·sinhc(γh/2), γ_a = v_a + Σv_b/N_f (plain kick without MTK). */
    private void kick(double h, double[] rates) {
        double[] fx = acc.fx, fy = acc.fy, fz = acc.fz, im = d.invMass;
        double[] vx = s.vx, vy = s.vy, vz = s.vz;
        if (rates == null || (rates[0] == 0 && rates[1] == 0 && rates[2] == 0)) {
            for (int i = 0; i < n; i++) {
                double f = h * im[i];
                vx[i] += f * fx[i];
                vy[i] += f * fy[i];
                vz[i] += f * fz[i];
            }
            return;
        }
        double tr = (rates[0] + rates[1] + rates[2]) / d.degreesOfFreedom();
        double gx = rates[0] + tr, gy = rates[1] + tr, gz = rates[2] + tr;
        double ex = Math.exp(-gx * h), ey = Math.exp(-gy * h), ez = Math.exp(-gz * h);
        double cx = h * Math.exp(-0.5 * gx * h) * sinhc(0.5 * gx * h);
        double cy = h * Math.exp(-0.5 * gy * h) * sinhc(0.5 * gy * h);
        double cz = h * Math.exp(-0.5 * gz * h) * sinhc(0.5 * gz * h);
        for (int i = 0; i < n; i++) {
            vx[i] = vx[i] * ex + cx * im[i] * fx[i];
            vy[i] = vy[i] * ey + cy * im[i] * fy[i];
            vz[i] = vz[i] * ez + cz * im[i] * fz[i];
        }
    }

    /** Drift over h (MTK: r ← r·e^{v_a h} + v·h·e^{v_a h/2}·sinhc(v_a h/2), box scaled by e^{v_a h}), then SHAKE. */
    private void driftConstrained(double h, double[] rates) {
        boolean con = d.constraints.count() > 0;
        if (con) {
            System.arraycopy(s.x, 0, xr, 0, n);
            System.arraycopy(s.y, 0, yr, 0, n);
            System.arraycopy(s.z, 0, zr, 0, n);
        }
        double[] x = s.x, y = s.y, z = s.z, vx = s.vx, vy = s.vy, vz = s.vz;
        if (rates == null || (rates[0] == 0 && rates[1] == 0 && rates[2] == 0)) {
            for (int i = 0; i < n; i++) {
                x[i] += h * vx[i];
                y[i] += h * vy[i];
                z[i] += h * vz[i];
            }
        } else {
            double mx = Math.exp(rates[0] * h), my = Math.exp(rates[1] * h), mz = Math.exp(rates[2] * h);
            double cx = h * Math.exp(0.5 * rates[0] * h) * sinhc(0.5 * rates[0] * h);
            double cy = h * Math.exp(0.5 * rates[1] * h) * sinhc(0.5 * rates[1] * h);
            double cz = h * Math.exp(0.5 * rates[2] * h) * sinhc(0.5 * rates[2] * h);
            for (int i = 0; i < n; i++) {
                x[i] = x[i] * mx + cx * vx[i];
                y[i] = y[i] * my + cy * vy[i];
                z[i] = z[i] * mz + cz * vz[i];
            }
            ctx.setBox(s.box.scaled(mx, my, mz));
        }
        timer.mark(Phase.UPDATE);
        if (con) {
            d.constraints.constrainPositions(s, xr, yr, zr, h);
            timer.mark(Phase.CONSTRAINTS);
        }
    }

    static double sinhc(double x) {
        if (Math.abs(x) < 1e-4) {
            double x2 = x * x;
            return 1 + x2 / 6 * (1 + x2 / 20);
        }
        return Math.sinh(x) / x;
    }

    private void checkVelocities() {
        double lim = MAX_STEP_DISPLACEMENT / dt;
        double lim2 = lim * lim;
        double[] vx = s.vx, vy = s.vy, vz = s.vz;
        for (int i = 0; i < n; i++) {
            double v2 = vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i];
            if (!(v2 <= lim2)) {
                throw new BlowUpException(String.format(Locale.ROOT, "step %d: %s moves %.3g nm in one step (speed %.3g "
                        + "nm/ps): the system is blowing up; minimize first, use a shorter dt or a longer tau_t/tau_p, "
                        + "or check the topology", s.step, ctx.system().describeAtom(i), Math.sqrt(v2) * dt, Math.sqrt(v2)));
            }
        }
    }

    private void backup() {
        System.arraycopy(s.x, 0, bx, 0, n);
        System.arraycopy(s.y, 0, by, 0, n);
        System.arraycopy(s.z, 0, bz, 0, n);
        System.arraycopy(s.vx, 0, bvx, 0, n);
        System.arraycopy(s.vy, 0, bvy, 0, n);
        System.arraycopy(s.vz, 0, bvz, 0, n);
        backupBox = s.box;
        backupStep = s.step;
        backupTime = s.time;
    }

    private void restoreBackup() {
        System.arraycopy(bx, 0, s.x, 0, n);
        System.arraycopy(by, 0, s.y, 0, n);
        System.arraycopy(bz, 0, s.z, 0, n);
        System.arraycopy(bvx, 0, s.vx, 0, n);
        System.arraycopy(bvy, 0, s.vy, 0, n);
        System.arraycopy(bvz, 0, s.vz, 0, n);
        if (s.box != backupBox) {
            s.box = backupBox;
            try {
                ctx.setBox(backupBox);
            } catch (InputException ignored) {
                // the backup box passed the check when it was set
            }
        }
        s.step = backupStep;
        s.time = backupTime;
    }
}
