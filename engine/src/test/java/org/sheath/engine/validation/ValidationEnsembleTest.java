package org.sheath.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sheath.engine.context.EnergyReport;
import org.sheath.engine.integrate.Dynamics;
import org.sheath.engine.integrate.TemperatureSchedule;
import org.sheath.engine.integrate.VelocityVerlet;
import org.sheath.engine.integrate.Velocities;
import org.sheath.engine.integrate.barostat.Barostat;
import org.sheath.engine.integrate.barostat.Barostats;
import org.sheath.engine.integrate.barostat.Coupling;
import org.sheath.engine.integrate.thermostat.Thermostat;
import org.sheath.engine.integrate.thermostat.Thermostats;

/**
 * Ensemble checks on rigid TIP3P water (7³ = 343 molecules by default, SETTLE, 2 fs): NVT per thermostat (⟨T⟩, canonical
 * kinetic-energy variance 2⟨K⟩²/N_dof, conserved drift), NPT per barostat (⟨P⟩ against its block standard
 * error, volume-fluctuation compressibility against the finite-difference one from 1 and 1000 bar), and an
 * annealing schedule (each tenth's mean temperature within 2 % of the schedule).
 */
@Tag("validation")
class ValidationEnsembleTest {
    static final int THREADS = Integer.getInteger("sheath.threads", 2);
    static final double NVT_PS = Double.parseDouble(System.getProperty("sheath.nvt.ps", "100"));
    static final double NPT_PS = Double.parseDouble(System.getProperty("sheath.npt.ps", "100"));
    static final int K = Integer.getInteger("sheath.water.k", 7);
    static final String BAROSTATS = System.getProperty("sheath.barostats", "c-rescale,mtk");
    /** A results name (e.g. npt-water-c-rescale) whose two-pressure compressibility to use instead of a 1000-bar run. */
    static final String KAPPA_FROM = System.getProperty("sheath.kappa.from", "");
    /** Seed of the NPT runs' velocities and stochastic barostat: the 1- and 1000-bar runs share it, so their noise is correlated. */
    static final long SEED = Long.getLong("sheath.seed", 23);
    /**
     * Seeds of the barostat runs (-Dsheath.seeds=101,102,103,104; default -Dsheath.seed alone). The compressibility
     * check pools them: the fluctuation κ of one 100 ps run scatters by ~25 %, so one run cannot test 20 %.
     */
    static final String SEEDS = System.getProperty("sheath.seeds", Long.toString(SEED));
    static final String THERMOSTATS = System.getProperty("sheath.thermostats", String.join(",", Thermostats.names()));

    @Test
    void thermostats() throws Exception {
        for (String name : THERMOSTATS.split(",")) {
            try (WaterBox w = new WaterBox(K, THREADS)) {
                double tau = name.equals("langevin") ? 1.0 : name.equals("nose-hoover") ? 0.5 : 0.1;
                Thermostat th = Thermostats.create(name, tau, 3);
                Dynamics d = w.dynamics(300, 17);
                new VelocityVerlet(d, 0.002, th, null, null, 10).run(5000);
                VelocityVerlet vv = new VelocityVerlet(d, 0.002, th, null, null, 10);
                Runs.Recorder rec = new Runs.Recorder(10);
                vv.addReporter(rec);
                long t0 = System.nanoTime();
                vv.run(Math.round(NVT_PS / 0.002));
                double wall = (System.nanoTime() - t0) * 1e-9;
                double[] t = rec.series(rec.temp), k = rec.series(rec.kin), time = rec.series(rec.t), e = rec.series(rec.cons);
                double meanK = Runs.mean(k), varK = Runs.variance(k), canon = 2 * meanK * meanK / d.degreesOfFreedom();
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("system", "TIP3P " + K * K * K + " (SETTLE), rc 0.9, PME 1e-5, 2 fs");
                r.put("thermostat", name);
                r.put("tau_t_ps", tau);
                r.put("ps", NVT_PS);
                r.put("mean_T_K", Runs.mean(t));
                r.put("mean_T_se_K", Runs.blockSe(t, 10));
                r.put("var_K", varK);
                r.put("canonical_var_K", canon);
                r.put("var_ratio", varK / canon);
                r.put("drift_kJ_mol_ps_atom", Runs.slope(time, e) / w.state.natoms);
                r.put("sigma_kJ_mol_atom", Runs.residualSd(time, e) / w.state.natoms);
                r.put("wall_s", wall);
                Runs.write("nvt-" + name, r);
                assertThat(Math.abs(Runs.mean(t) - 300)).as(name + " <T>").isLessThanOrEqualTo(1.0);
                assertThat(Math.abs(varK / canon - 1)).as(name + " var K").isLessThanOrEqualTo(0.10);
                assertThat(Math.abs((double) r.get("drift_kJ_mol_ps_atom"))).as(name + " drift").isLessThanOrEqualTo(5e-5);
            }
        }
    }

    private Map<String, Object> npt(String baro, double pressure, double ps, long seed) throws Exception {
        try (WaterBox w = new WaterBox(K, THREADS)) {
            Dynamics d = w.dynamics(300, seed);
            Barostat b = Barostats.create(baro, new Barostats.Settings(pressure, 4.5e-5, 2.0, 0.5, 3, 10, Coupling.ISOTROPIC));
            Thermostat th = Thermostats.create("nose-hoover", 0.5, 3);
            new VelocityVerlet(d, 0.002, th, b, null, 10).run(10000);
            VelocityVerlet vv = new VelocityVerlet(d, 0.002, th, b, null, 10);
            Runs.Recorder rec = new Runs.Recorder(10);
            vv.addReporter(rec);
            if (b instanceof org.sheath.engine.integrate.barostat.CRescale cr) cr.resetNoise();
            double lnV0 = Math.log(w.state.box.volume());
            long t0 = System.nanoTime();
            vv.run(Math.round(ps / 0.002));
            double wall = (System.nanoTime() - t0) * 1e-9;
            double[] p = rec.series(rec.pres), v = rec.series(rec.vol), rho = rec.series(rec.dens);
            double kt = Dynamics.KB * 300;
            double kappa = Runs.variance(v) / (kt * Runs.mean(v)) / EnergyReport.PRESFAC; // 1/bar
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("system", "TIP3P " + K * K * K + " (SETTLE), rc 0.9, PME 1e-5, 2 fs, Nose-Hoover 0.5 ps");
            r.put("barostat", baro);
            r.put("seed", seed);
            r.put("kernel", w.context.pairSearch() instanceof org.sheath.engine.force.nonbonded.cluster.ClusterNonbondedForce k
                    ? k.kernelName() : "reference");
            r.put("tau_p_ps", 2.0);
            r.put("pressure_bar", pressure);
            r.put("ps", ps);
            r.put("mean_P_bar", Runs.mean(p));
            r.put("mean_P_se_bar", Runs.blockSe(p, 10));
            if (b instanceof org.sheath.engine.integrate.barostat.CRescale cr) {
                // the barostat's own equation: <P> = P0 - kT/V + (tau_p/(kappa t))(ln(V1/V0) - sum of noise)
                double kap = 4.5e-5 * EnergyReport.PRESFAC, span = ps;
                double predicted = pressure - Dynamics.KB * 300 / Runs.mean(v) * EnergyReport.PRESFAC
                        + 2.0 / (kap * span) * (Math.log(w.state.box.volume()) - lnV0 - cr.noiseSum()) * EnergyReport.PRESFAC;
                r.put("barostat_noise_z", cr.noiseZ());
                r.put("mean_P_from_barostat_equation_bar", predicted);
                r.put("mean_P_noise_se_bar", 2.0 / (kap * span) * cr.noiseSum() / cr.noiseZ() * EnergyReport.PRESFAC);
            }
            r.put("mean_V_nm3", Runs.mean(v));
            r.put("density_kg_m3", Runs.mean(rho));
            r.put("density_se_kg_m3", Runs.blockSe(rho, 10));
            r.put("kappa_fluct_per_bar", kappa);
            r.put("drift_kJ_mol_ps_atom", vv.driftPerAtom());
            r.put("wall_s", wall);
            return r;
        }
    }

    @Test
    void barostats() throws Exception {
        String[] seeds = SEEDS.split(",");
        java.util.List<String> failures = new java.util.ArrayList<>(); // every seed runs and writes its result first
        for (String baro : BAROSTATS.split(",")) {
            double sumFluct = 0, sumFd = 0;
            for (String seedText : seeds) {
                long seed = Long.parseLong(seedText.trim());
                Map<String, Object> r1 = npt(baro, 1.0, NPT_PS, seed);
                double kappaFd;
                if (!KAPPA_FROM.isEmpty()) {
                    // the model's compressibility from the two-pressure densities of another barostat's run
                    var j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Runs.resultsDir().resolve(KAPPA_FROM + ".json").toFile());
                    kappaFd = j.get("kappa_two_pressures_per_bar").asDouble();
                    r1.put("kappa_two_pressures_from", KAPPA_FROM);
                } else {
                    Map<String, Object> r2 = npt(baro, 1000.0, NPT_PS / 2, seed);
                    double v1 = (double) r1.get("mean_V_nm3"), v2 = (double) r2.get("mean_V_nm3");
                    kappaFd = -Math.log(v2 / v1) / 999.0;
                    r1.put("mean_V_1000bar_nm3", v2);
                    r1.put("density_1000bar_kg_m3", r2.get("density_kg_m3"));
                    r1.put("mean_P_1000bar_bar", r2.get("mean_P_bar"));
                    r1.put("mean_P_1000bar_se_bar", r2.get("mean_P_se_bar"));
                }
                r1.put("kappa_two_pressures_per_bar", kappaFd);
                r1.put("kappa_ratio", (double) r1.get("kappa_fluct_per_bar") / kappaFd);
                String suffix = System.getProperty("sheath.results.suffix", seeds.length > 1 ? "-seed" + seed : "");
                Runs.write("npt-water-" + baro + suffix, r1);
                sumFluct += (double) r1.get("kappa_fluct_per_bar");
                sumFd += kappaFd;
                double se = (double) r1.get("mean_P_se_bar"), p = (double) r1.get("mean_P_bar");
                if (Math.abs(p - 1.0) > 2 * se) failures.add(String.format("%s seed %d: <P> %.1f bar, more than 2 SE (%.1f) from 1 bar", baro, seed, p, se));
            }
            double pooled = sumFluct / sumFd;
            System.out.printf("%s: pooled kappa ratio over %d seed(s) %.3f%n", baro, seeds.length, pooled);
            if (Math.abs(pooled - 1) > 0.2) failures.add(String.format("%s: kappa ratio %.3f pooled over %d seed(s)", baro, pooled, seeds.length));
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void annealing() throws Exception {
        try (WaterBox w = new WaterBox(K, THREADS)) {
            double len = 50;
            TemperatureSchedule sch = new TemperatureSchedule(new double[] {0, len}, new double[] {700, 300});
            Dynamics d = w.dynamics(700, 5);
            // the stage starts from a box at its first temperature (5 ps at 700 K), as an anneal after a
            // hold does: from the 300 K box, Maxwell velocities at 700 K drop to ~500 K by equipartition and
            // the first 5 ps tenth averaged 663 K against 680 K (2.5 %), a start-up transient, not the schedule
            Velocities.maxwell(d, 700, 5);
            new VelocityVerlet(d, 0.002, Thermostats.create("v-rescale", 0.1, 3), null, null, 10).run(2500);
            d.state.time = 0;
            d.state.step = 0;
            VelocityVerlet vv = new VelocityVerlet(d, 0.002, Thermostats.create("v-rescale", 0.1, 3), null, sch, 10);
            Runs.Recorder rec = new Runs.Recorder(10);
            vv.addReporter(rec);
            vv.run(Math.round(len / 0.002));
            double[] t = rec.series(rec.temp), time = rec.series(rec.t);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("system", "TIP3P " + K * K * K + " (SETTLE), v-rescale 0.1 ps, 700 -> 300 K over 50 ps, from 5 ps at 700 K");
            double worst = 0;
            double[] tenths = new double[10], targets = new double[10];
            for (int b = 0; b < 10; b++) {
                double sum = 0, tsum = 0;
                int n = 0;
                for (int i = 0; i < t.length; i++) {
                    if (time[i] > b * len / 10 && time[i] <= (b + 1) * len / 10) {
                        sum += t[i];
                        tsum += sch.at(time[i]);
                        n++;
                    }
                }
                tenths[b] = sum / n;
                targets[b] = tsum / n;
                worst = Math.max(worst, Math.abs(tenths[b] / targets[b] - 1));
            }
            r.put("tenth_mean_T_K", tenths);
            r.put("tenth_target_K", targets);
            r.put("worst_relative_deviation", worst);
            Runs.write("anneal-water", r);
            assertThat(worst).isLessThanOrEqualTo(0.02);
        }
    }
}
