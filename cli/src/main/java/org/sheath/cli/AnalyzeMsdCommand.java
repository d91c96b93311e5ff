package org.sheath.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sheath.analysis.core.AnalysisRunner;
import org.sheath.analysis.plot.Plots;
import org.sheath.analysis.select.Sites;
import org.sheath.analysis.transport.Charges;
import org.sheath.analysis.transport.MsdAnalysis;
import org.sheath.analysis.transport.MsdOptions;
import org.sheath.analysis.transport.MsdReport;
import org.sheath.analysis.transport.MsdResult;
import org.sheath.forcefields.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sheath analyze msd}: MSD per species, self-diffusion, Nernst–Einstein conductivity and t+. */
@Command(name = "msd", mixinStandardHelpOptions = true,
        description = "Mean squared displacement per species (unwrapped, all time origins), self-diffusion coefficients, "
                + "Nernst-Einstein conductivity and transference number.")
final class AnalyzeMsdCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin AnalyzeOptions common;

    @Option(names = "--sel", required = true, paramLabel = "SEL", description = "atoms; species are their molecule types, e.g. 'resname LI TFSI DMF'")
    String sel;

    @Option(names = "--site", paramLabel = "atom|com|cog", defaultValue = "atom", description = "atoms or one centre per molecule (default ${DEFAULT-VALUE})")
    String site;

    @Option(names = "--site-group", paramLabel = "molecule|residue", defaultValue = "molecule",
            description = "com/cog per molecule or per residue (default ${DEFAULT-VALUE})")
    String siteGroup;

    @Option(names = "--fit-start", paramLabel = "PS", description = "start of the linear fit window, ps (default: automatic)")
    Double fitStart;

    @Option(names = "--fit-end", paramLabel = "PS", description = "end of the fit window, ps (default: automatic)")
    Double fitEnd;

    @Option(names = "--temperature", paramLabel = "K", description = "temperature for the Nernst-Einstein conductivity")
    Double temperature;

    @Option(names = "--charge", paramLabel = "NAME=Z", description = "net charge of a species, e (repeatable; default: from the topology)")
    List<String> charges = new ArrayList<>();

    @Option(names = "--frame-time", paramLabel = "PS",
            description = "time between frames of the file, ps, for files without frame times (default: the frames' times)")
    Double dt;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.csv|xvg|json",
            description = "write t and the MSD of every species: CSV, GROMACS .xvg or JSON, by the extension")
    Path output;

    @Option(names = "--plot", paramLabel = "FILE.png|svg", description = "log-log MSD with the fit windows")
    Path plot;

    @Option(names = "--json", description = "print a JSON document instead of text")
    boolean json;

    /** Up to 4 significant digits, no trailing zeros. */
    static String g(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    @Override
    public Integer call() {
        if (output != null) OutputFiles.prepare(output, "-o", common.force, spec.commandLine().getErr(), "csv", "xvg", "json");
        if (plot != null) OutputFiles.prepare(plot, "--plot", common.force, spec.commandLine().getErr(), "png", "svg");
        Sites.Grouping g;
        try {
            g = Sites.Grouping.valueOf(siteGroup.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException("--site-group '" + siteGroup + "': use molecule or residue");
        }
        Map<String, Double> q = new LinkedHashMap<>();
        for (String c : charges) {
            String[] kv = AnalyzeShellsCommand.pair(c, "--charge", "NAME=Z, e.g. LI=1");
            q.put(kv[0], AnalyzeShellsCommand.number(kv[1], "--charge " + kv[0]));
        }
        AnalysisRunner.Options run = common.runOptions();
        MsdResult res = AnalyzeOptions.inputErrors(() -> {
            var u = common.universe();
            double[] molQ = temperature == null ? null
                    : Charges.perMolecule(common.topology, common.preprocessing.options());
            MsdOptions o = new MsdOptions(sel, Sites.Mode.parse(site, "--site"), g, fitStart == null ? Double.NaN : fitStart,
                    fitEnd == null ? Double.NaN : fitEnd, temperature == null ? Double.NaN : temperature, molQ, Map.copyOf(q),
                    dt == null ? Double.NaN : dt);
            return AnalysisRunner.run(new MsdAnalysis(), u, o, common.reader(), common.trajectory.toString(), run);
        });
        AnalyzeOptions.warnings(res.run(), spec.commandLine().getErr());
        if (output != null) MsdReport.write(output, res);
        if (plot != null) Plots.msd(res, plot);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(MsdReport.json(res));
        } else {
            out.printf(Locale.ROOT, "MSD of %s (%s sites): %s, dt %.4g ps%n", sel, site,
                    res.run() == null ? res.frames() + " frames" : res.run().describe(), res.dt());
            out.printf(Locale.ROOT, "  %-8s %6s %7s  %-22s %-17s %9s%n", "species", "sites", "charge", "D (1e-9 m2/s)", "fit window (ps)", "log slope");
            for (MsdResult.Species s : res.species()) {
                var f = s.fit();
                out.printf(Locale.ROOT, "  %-8s %6d %7s  %-22s %-17s %9.3f%s%n", s.name(), s.sites(),
                        Double.isNaN(s.charge()) ? "-" : String.format(Locale.ROOT, "%+.3g", s.charge()),
                        String.format(Locale.ROOT, "%.4g +- %.2g", s.dSi9(), f.dError() * 1e3),
                        g(f.tStart()) + "-" + g(f.tEnd()) + (f.automatic() ? " auto" : ""), f.beta(), f.diffusive() ? "" : " (!)");
            }
            boolean allDiffusive = true;
            for (MsdResult.Species s : res.species()) allDiffusive &= s.fit().diffusive();
            if (!Double.isNaN(res.conductivity())) {
                out.printf(Locale.ROOT, "  Nernst-Einstein: sigma = %.4g S/m (%.4g mS/cm) at %s K, <V> = %.5g nm3; t+ = %.3f%s%n",
                        res.conductivity(), 10 * res.conductivity(), g(temperature), res.meanVolume(), res.transference(),
                        allDiffusive ? "" : " (from non-diffusive fits: not converged)");
            }
            for (MsdResult.Species s : res.species()) {
                if (!s.fit().diffusive()) out.println("  warning: " + s.fit().warning(s.name()));
            }
        }
        out.flush();
        return 0;
    }
}
