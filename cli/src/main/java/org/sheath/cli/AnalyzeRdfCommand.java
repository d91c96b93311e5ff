package org.sheath.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sheath.analysis.core.AnalysisRunner;
import org.sheath.analysis.core.Universe;
import org.sheath.analysis.rdf.RdfAnalysis;
import org.sheath.analysis.rdf.RdfOptions;
import org.sheath.analysis.rdf.RdfReport;
import org.sheath.analysis.rdf.RdfResult;
import org.sheath.analysis.select.Sites;
import org.sheath.forcefields.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sheath analyze rdf}: g(r), running coordination number and the first solvation shell. */
@Command(name = "rdf", mixinStandardHelpOptions = true,
        description = "Radial distribution function g(r) between two selections, the running coordination number "
                + "and the first shell (peak, minimum, CN).")
final class AnalyzeRdfCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin AnalyzeOptions common;

    @Option(names = "--ref", required = true, paramLabel = "SEL", description = "reference selection, e.g. 'name LI'")
    String ref;

    @Option(names = "--sel", required = true, paramLabel = "SEL", description = "selection counted around the reference, e.g. 'resname DMF and name O1'")
    String sel;

    @Option(names = "--bin", paramLabel = "NM", defaultValue = "0.002", description = "bin width, nm (default ${DEFAULT-VALUE})")
    double bin;

    @Option(names = "--rmax", paramLabel = "NM", description = "largest distance, nm (default: half the shortest box height of the first frame)")
    Double rmax;

    @Option(names = "--norm", paramLabel = "rdf|density|none", defaultValue = "rdf",
            description = "rdf: g(r); density: number density around a ref site (nm^-3); none: mean count per ref site and bin")
    String norm;

    @Option(names = "--exclude-same-molecule", description = "leave out pairs within one molecule (normalised by the pairs left)")
    boolean excludeSameMolecule;

    @Option(names = "--ref-site", paramLabel = "atom|com|cog", defaultValue = "atom", description = "reference sites (default ${DEFAULT-VALUE})")
    String refSite;

    @Option(names = "--sel-site", paramLabel = "atom|com|cog", defaultValue = "atom", description = "selection sites (default ${DEFAULT-VALUE})")
    String selSite;

    @Option(names = "--site-group", paramLabel = "molecule|residue", defaultValue = "molecule",
            description = "com/cog per molecule or per residue (default ${DEFAULT-VALUE})")
    String siteGroup;

    @Option(names = "--shell-radius", paramLabel = "NM", description = "first-shell radius for the CN, nm (default: the first minimum found)")
    Double shellRadius;

    @Option(names = "--smooth", paramLabel = "NM", defaultValue = "0.01",
            description = "sigma of the Gaussian smoothing for the peak/minimum search, nm (default ${DEFAULT-VALUE})")
    double smooth;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.csv|xvg|json",
            description = "write r, g, cn: CSV, GROMACS .xvg with legends, or JSON (summary and whole curve), by the extension")
    Path output;

    @Option(names = "--plot", paramLabel = "FILE.png|svg", description = "plot g(r) with the running CN on a second axis")
    Path plot;

    @Option(names = "--json", description = "print a JSON summary (parameters, peak, minimum, CN, frames, timing) instead of text")
    boolean json;

    @Override
    public Integer call() {
        if (output != null) OutputFiles.prepare(output, "-o", common.force, spec.commandLine().getErr(), "csv", "xvg", "json");
        if (plot != null) OutputFiles.prepare(plot, "--plot", common.force, spec.commandLine().getErr(), "png", "svg");
        RdfOptions.Norm n;
        try {
            n = RdfOptions.Norm.valueOf(norm.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException("--norm '" + norm + "': use rdf, density or none");
        }
        Sites.Grouping g;
        try {
            g = Sites.Grouping.valueOf(siteGroup.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException("--site-group '" + siteGroup + "': use molecule or residue");
        }
        RdfOptions o = new RdfOptions(ref, sel, Sites.Mode.parse(refSite, "--ref-site"), Sites.Mode.parse(selSite, "--sel-site"),
                g, bin, rmax == null ? Double.NaN : rmax, n, excludeSameMolecule, shellRadius == null ? Double.NaN : shellRadius,
                smooth);
        AnalysisRunner.Options run = common.runOptions();
        RdfResult res = AnalyzeOptions.inputErrors(() -> {
            Universe u = common.universe();
            return AnalysisRunner.run(new RdfAnalysis(), u, o, common.reader(), common.trajectory.toString(), run);
        });
        AnalyzeOptions.warnings(res.run(), spec.commandLine().getErr());
        if (output != null) RdfReport.write(output, res);
        if (plot != null) org.sheath.analysis.plot.Plots.rdf(res, plot);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(RdfReport.json(res));
        } else {
            RdfResult.Shell s = res.shell();
            out.printf(Locale.ROOT, "RDF %s -> %s: %d x %d sites, %s, bin %.4g nm, rmax %.4g nm%n",
                    ref, sel, res.refSites(), res.selSites(), res.run().describe(), res.binWidth(), res.rmax());
            if (Double.isNaN(s.peakR())) out.println("  first peak     none found below rmax (no pairs, or g rises to the end)");
            else if (res.options().norm() == RdfOptions.Norm.RDF) out.printf(Locale.ROOT, "  first peak     r = %.4f nm  g = %.4f%n", s.peakR(), s.peakG());
            else out.printf(Locale.ROOT, "  first peak     r = %.4f nm  g = %.4f; %s = %.6g (--norm %s, as in the outputs)%n", s.peakR(),
                    s.peakG(), res.options().norm() == RdfOptions.Norm.DENSITY ? "density (nm^-3)" : "count per ref site",
                    res.valueAtPeak(), res.options().norm().name().toLowerCase(Locale.ROOT));
            if (Double.isNaN(s.minR())) out.println("  first minimum  none found after the first peak below rmax");
            else out.printf(Locale.ROOT, "  first minimum  r = %.4f nm  g = %.4f (smoothed)%n", s.minR(), s.minG());
            if (Double.isNaN(s.cn())) out.println("  first shell    no radius (no first minimum; give --shell-radius)");
            else out.printf(Locale.ROOT, "  first shell    CN(%.4f nm) = %.4f%s%n", s.radius(), s.cn(), s.automatic() ? "" : " (--shell-radius)");
            out.printf(Locale.ROOT, "  %.2f s on %d threads (%.0f frames/s)%s%n", res.run().seconds(), res.run().threads(),
                    res.run().frames() / res.run().seconds(), output == null ? "" : "; wrote " + output);
            if (!res.note().isEmpty()) out.println("  note: " + res.note());
        }
        out.flush();
        return 0;
    }
}
