package org.sheath.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sheath.engine.context.Context;
import org.sheath.engine.context.ForceSet;
import org.sheath.engine.force.nonbonded.NonbondedKernel;
import org.sheath.engine.force.nonbonded.NonbondedOptions;
import org.sheath.engine.integrate.Dynamics;
import org.sheath.engine.integrate.VelocityVerlet;
import org.sheath.engine.integrate.Velocities;
import org.sheath.engine.integrate.constraint.ConstraintMode;
import org.sheath.engine.integrate.constraint.ConstraintSet;
import org.sheath.engine.integrate.thermostat.VRescale;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;

/**
 * NVE energy conservation on the bundled LiTFSI + Zn(TFSI)2 / DMF box (3 444 atoms, rc 1.2 nm, PME
 * rtol 1e-5, 0.12 nm spacing, pair-list buffer 0.1 nm with the exact displacement rule): 20 ps (sheath.eq.ps) of
 * v-rescale NVT at 300 K from Maxwell velocities, then 20 ps NVE; drift = least-squares slope of the
 * total energy per atom. Thresholds of the dynamics issue: ≤ 5e-5 kJ/mol/ps per atom.
 */
@Tag("validation")
class ValidationNveTest {
    static final int THREADS = Integer.getInteger("sheath.threads", 2);
    static final double NVE_PS = Double.parseDouble(System.getProperty("sheath.nve.ps", "20"));
    static final double EQ_PS = Double.parseDouble(System.getProperty("sheath.eq.ps", "20"));
    /** Pair kernel: reference (default) or cluster; results of the cluster kernel get a "-cluster" suffix. */
    static final NonbondedKernel KERNEL = NonbondedKernel.parse(System.getProperty("sheath.kernel", "reference"));
    /** "exact" (default: buffer 0.1 nm, displacement rule) or "tolerance" (buffer and nstlist for 0.005 kJ/mol/ps per atom). */
    static final boolean TOLERANCE = "tolerance".equals(System.getProperty("sheath.verlet", "exact"));
    /**
     * The dynamics issue's 5e-5 kJ/mol/ps per atom for the exact list; with a tolerance-sized buffer the
     * performance issue's bound: no more than the tolerance the buffer was sized for.
     */
    static final double LIMIT = TOLERANCE ? org.sheath.engine.force.nonbonded.VerletBuffer.DEFAULT_TOLERANCE : 5e-5;
    static final String SUFFIX = (KERNEL == NonbondedKernel.CLUSTER ? "-cluster" : "") + (TOLERANCE ? "-tolerance" : "");

    static Map<String, Object> nve(ConstraintMode mode, double dt) throws Exception {
        MdSystem sys = Bundled.system();
        State s = Bundled.state(sys);
        ConstraintSet cs = ConstraintSet.of(sys, mode);
        NonbondedOptions o = NonbondedOptions.DEFAULTS.withListBuffer(0.1).withKernel(KERNEL);
        if (TOLERANCE) {
            o = Runs.toleranceList(sys, s, o, dt, 300, cs);
        }
        ForceSet fs = ForceSet.builder(sys, o, s.box).constrainedBonds(cs.replacedBonds()).addDefaults().build();
        try (Context c = new Context(sys, s, fs, THREADS)) {
            Dynamics d = new Dynamics(c, cs, true, 300, 7);
            Velocities.maxwell(d, 300, 7);
            long eq = Math.round(EQ_PS / dt);
            new VelocityVerlet(d, dt, new VRescale(0.1), null, null, 100).run(eq);
            VelocityVerlet nve = new VelocityVerlet(d, dt, null, null, null, 10);
            Runs.Recorder rec = new Runs.Recorder(10);
            nve.addReporter(rec);
            long t0 = System.nanoTime();
            nve.run(Math.round(NVE_PS / dt));
            double wall = (System.nanoTime() - t0) * 1e-9;
            double[] t = rec.series(rec.t), e = rec.series(rec.cons);
            double slope = Runs.slope(t, e) / s.natoms, sd = Runs.residualSd(t, e) / s.natoms;
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("system", "inputs/litfsi-zn-dmf (3444 atoms)");
            r.put("constraints", mode.deckName());
            r.put("kernel", c.pairSearch() instanceof org.sheath.engine.force.nonbonded.cluster.ClusterNonbondedForce k
                    ? k.kernelName() : "reference");
            r.put("dt_ps", dt);
            r.put("nve_ps", NVE_PS);
            r.put("drift_kJ_mol_ps_atom", slope);
            r.put("sigma_kJ_mol_atom", sd);
            r.put("mean_T_K", Runs.mean(rec.series(rec.temp)));
            r.put("pair_list_builds", c.pairSearch().listBuilds());
            r.put("list_buffer_nm", o.listBuffer());
            r.put("nstlist", o.nstlist());
            r.put("verlet_buffer_tolerance", TOLERANCE ? org.sheath.engine.force.nonbonded.VerletBuffer.DEFAULT_TOLERANCE : 0.0);
            r.put("threads", THREADS);
            r.put("wall_s", wall);
            r.put("ns_per_day", NVE_PS * 1e-3 / (wall / 86400));
            r.put("cost_table", nve.timer().table());
            System.out.println(nve.driftLine());
            System.out.println(nve.timer().table());
            return r;
        }
    }

    @Test
    void unconstrainedAt1fs() throws Exception {
        Map<String, Object> r = nve(ConstraintMode.NONE, 0.001);
        Runs.write("nve-none-1fs" + SUFFIX, r);
        assertThat(Math.abs((double) r.get("drift_kJ_mol_ps_atom"))).isLessThanOrEqualTo(LIMIT);
    }

    @Test
    void hBondsAt2fs() throws Exception {
        Map<String, Object> r = nve(ConstraintMode.H_BONDS, 0.002);
        Runs.write("nve-hbonds-2fs" + SUFFIX, r);
        assertThat(Math.abs((double) r.get("drift_kJ_mol_ps_atom"))).isLessThanOrEqualTo(LIMIT);
    }
}
