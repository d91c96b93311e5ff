package org.sheath.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sheath.engine.context.Context;
import org.sheath.engine.context.ForceSet;
import org.sheath.engine.force.nonbonded.NonbondedOptions;
import org.sheath.engine.integrate.Dynamics;
import org.sheath.engine.integrate.VelocityVerlet;
import org.sheath.engine.integrate.Velocities;
import org.sheath.engine.integrate.barostat.Barostats;
import org.sheath.engine.integrate.barostat.Coupling;
import org.sheath.engine.integrate.constraint.ConstraintMode;
import org.sheath.engine.integrate.constraint.ConstraintSet;
import org.sheath.engine.integrate.thermostat.Thermostats;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;

/**
 * Neat DMF (400 molecules, the bundled GAFF/AM1-BCC model) at 298.15 K and 1 bar: Sheath's NPT density
 * (Nosé–Hoover 0.5 ps + the barostat named by sheath.barostat, default c-rescale τ_p 2 ps; h-bonds, 2 fs,
 * rc 1.2 nm, PME 1e-5, EnerPres) against OpenMM on the same topology and settings
 * (validation/dmf-density/reference.json, made by openmm_density.py there). Criterion: within 0.5 %.
 */
@Tag("validation")
class ValidationDmfDensityTest {
    static final int THREADS = Integer.getInteger("sheath.threads", 2);
    static final double EQ_PS = Double.parseDouble(System.getProperty("sheath.eq.ps", "20"));
    static final double PROD_PS = Double.parseDouble(System.getProperty("sheath.npt.ps", "100"));
    static final String BAROSTAT = System.getProperty("sheath.barostat", "c-rescale");
    /** Pair kernel (reference or cluster); with cluster the list is sized for 0.005 kJ/mol/ps per atom (nstlist chosen). */
    static final org.sheath.engine.force.nonbonded.NonbondedKernel KERNEL =
            org.sheath.engine.force.nonbonded.NonbondedKernel.parse(System.getProperty("sheath.kernel", "reference"));

    @Test
    void densityMatchesOpenMM() throws Exception {
        String dir = "validation/dmf-density";
        MdSystem sys = Bundled.system(dir);
        State s = Bundled.state(sys, dir);
        ConstraintSet cs = ConstraintSet.of(sys, ConstraintMode.H_BONDS);
        NonbondedOptions o = NonbondedOptions.DEFAULTS.withListBuffer(0.1).withKernel(KERNEL);
        if (KERNEL == org.sheath.engine.force.nonbonded.NonbondedKernel.CLUSTER) {
            o = Runs.toleranceList(sys, s, o, 0.002, 298.15, cs);
        }
        ForceSet fs = ForceSet.builder(sys, o, s.box).constrainedBonds(cs.replacedBonds()).addDefaults().build();
        try (Context c = new Context(sys, s, fs, THREADS)) {
            double t = 298.15;
            Dynamics d = new Dynamics(c, cs, true, t, 3);
            Velocities.maxwell(d, t, 3);
            var settings = new Barostats.Settings(1.0, 4.5e-5, 2.0, 0.5, 3, 10, Coupling.ISOTROPIC);
            var th = Thermostats.create("nose-hoover", 0.5, 3);
            var baro = Barostats.create(BAROSTAT, settings);
            new VelocityVerlet(d, 0.002, th, baro, null, 50).run(Math.round(EQ_PS / 0.002));
            VelocityVerlet vv = new VelocityVerlet(d, 0.002, th, baro, null, 10);
            Runs.Recorder rec = new Runs.Recorder(10);
            vv.addReporter(rec);
            long t0 = System.nanoTime();
            vv.run(Math.round(PROD_PS / 0.002));
            double wall = (System.nanoTime() - t0) * 1e-9;
            double[] rho = rec.series(rec.dens), p = rec.series(rec.pres);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("system", "400 DMF (validation/dmf-density), h-bonds, 2 fs, rc 1.2, PME 1e-5, EnerPres, NH 0.5 ps");
            r.put("barostat", BAROSTAT);
            r.put("kernel", KERNEL.deckName);
            r.put("list_buffer_nm", o.listBuffer());
            r.put("nstlist", o.nstlist());
            r.put("equilibration_ps", EQ_PS);
            r.put("production_ps", PROD_PS);
            r.put("density_kg_m3", Runs.mean(rho));
            r.put("density_se_kg_m3", Runs.blockSe(rho, 10));
            r.put("mean_P_bar", Runs.mean(p));
            r.put("mean_P_se_bar", Runs.blockSe(p, 10));
            r.put("wall_s", wall);
            r.put("ns_per_day", PROD_PS * 1e-3 / (wall / 86400));
            r.put("cost_table", vv.timer().table());
            Path ref = Bundled.root().resolve(dir).resolve("reference.json");
            if (Files.exists(ref)) {
                JsonNode j = new ObjectMapper().readTree(ref.toFile());
                double openmm = j.get("density_kg_m3").asDouble();
                r.put("openmm_density_kg_m3", openmm);
                r.put("relative_difference", Runs.mean(rho) / openmm - 1);
            }
            Runs.write("npt-dmf-" + BAROSTAT + (KERNEL == org.sheath.engine.force.nonbonded.NonbondedKernel.CLUSTER ? "-cluster" : ""), r);
            if (r.containsKey("relative_difference")) {
                assertThat(Math.abs((double) r.get("relative_difference"))).isLessThanOrEqualTo(0.005);
            }
        }
    }
}
