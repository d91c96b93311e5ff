package org.sheath.engine.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sheath.engine.integrate.Reporter;
import org.sheath.engine.integrate.StepReport;

/** Helpers of the validation runs: a recorder of observables, block averages, and the results folder. */
final class Runs {
    private Runs() {
    }

    /**
     * The options with a pair list sized for the default verlet-buffer-tolerance at dt and temperature (nstlist
     * chosen as `sheath run` does, build cost 5 kernel calls).
     */
    static org.sheath.engine.force.nonbonded.NonbondedOptions toleranceList(org.sheath.engine.system.MdSystem sys,
            org.sheath.engine.system.State s, org.sheath.engine.force.nonbonded.NonbondedOptions o, double dt, double temperature,
            org.sheath.engine.integrate.constraint.ConstraintSet cs) {
        var cp = cs.pairs();
        var vb = new org.sheath.engine.force.nonbonded.VerletBuffer(sys.topology, s.box.volume(), o.cutoff(),
                org.sheath.engine.force.ewald.EwaldParameters.ewaldCoefficient(o.cutoff(), o.ewaldRtol()), o.vdwModifier(),
                o.coulombModifier(), cp.i(), cp.j(), cp.length());
        double tol = org.sheath.engine.force.nonbonded.VerletBuffer.DEFAULT_TOLERANCE;
        if ("true".equals(System.getProperty("sheath.prune")) && o.kernel() == org.sheath.engine.force.nonbonded.NonbondedKernel.CLUSTER) {
            var d = vb.bestDualList(null, tol, dt, temperature, org.sheath.engine.protocol.StageRunner.LIST_BUILD_COST,
                    org.sheath.engine.protocol.StageRunner.PRUNE_COST, org.sheath.engine.protocol.StageRunner.CLUSTER_REACH,
                    0.5 * s.box.minHeight() - o.cutoff());
            System.out.println("dual list: " + d);
            return o.withListLifetime(d.outerBuffer(), d.nstlist()).withPruning(d.nstprune(), d.innerBuffer());
        }
        int n = vb.bestNstlist(tol, dt, temperature, org.sheath.engine.protocol.StageRunner.LIST_BUILD_COST);
        return o.withListLifetime(vb.bufferFor(tol, n, dt, temperature), n);
    }

    /** Records time series of the energy-step observables. */
    static final class Recorder implements Reporter {
        final long every;
        double[] t = new double[1024], temp = new double[1024], kin = new double[1024], pot = new double[1024],
                cons = new double[1024], pres = new double[1024], vol = new double[1024], dens = new double[1024],
                tref = new double[1024];
        int n;

        Recorder(long every) {
            this.every = every;
        }

        @Override
        public long interval() {
            return every;
        }

        @Override
        public void report(StepReport r) {
            if (n == t.length) {
                int c = 2 * n;
                t = Arrays.copyOf(t, c); temp = Arrays.copyOf(temp, c); kin = Arrays.copyOf(kin, c); pot = Arrays.copyOf(pot, c);
                cons = Arrays.copyOf(cons, c); pres = Arrays.copyOf(pres, c); vol = Arrays.copyOf(vol, c);
                dens = Arrays.copyOf(dens, c); tref = Arrays.copyOf(tref, c);
            }
            t[n] = r.time; temp[n] = r.temperature; kin[n] = r.kinetic; pot[n] = r.potential; cons[n] = r.conserved;
            pres[n] = r.pressure; vol[n] = r.volume; dens[n] = r.density; tref[n] = r.referenceTemperature;
            n++;
        }

        double[] series(double[] a) {
            return Arrays.copyOf(a, n);
        }
    }

    static double mean(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return s / a.length;
    }

    static double variance(double[] a) {
        double m = mean(a), s = 0;
        for (double v : a) s += (v - m) * (v - m);
        return s / (a.length - 1);
    }

    /** Standard error of the mean from nb blocks. */
    static double blockSe(double[] a, int nb) {
        int len = a.length / nb;
        double[] means = new double[nb];
        for (int b = 0; b < nb; b++) means[b] = mean(Arrays.copyOfRange(a, b * len, (b + 1) * len));
        return Math.sqrt(variance(means) / nb);
    }

    /** Least-squares slope of y against x. */
    static double slope(double[] x, double[] y) {
        double mx = mean(x), my = mean(y), sxy = 0, sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }

    /** SD of the residuals around the least-squares line. */
    static double residualSd(double[] x, double[] y) {
        double b = slope(x, y), a = mean(y) - b * mean(x), s = 0;
        for (int i = 0; i < x.length; i++) {
            double r = y[i] - a - b * x[i];
            s += r * r;
        }
        return Math.sqrt(s / (x.length - 2));
    }

    static Path resultsDir() throws IOException {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("inputs"))) p = p.getParent();
        Path d = p.resolve("validation/results");
        Files.createDirectories(d);
        return d;
    }

    static void write(String name, Map<String, Object> result) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("run", name);
        doc.put("date", java.time.LocalDate.now().toString());
        doc.put("java", System.getProperty("java.version"));
        doc.putAll(result);
        Path f = resultsDir().resolve(name + ".json");
        Files.writeString(f, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n");
        System.out.println("wrote " + f + ": " + doc);
    }
}
