package org.sheath.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sheath.analysis.plot.Plots;
import org.sheath.analysis.select.Sites;
import org.sheath.analysis.shells.Residence;
import org.sheath.analysis.shells.ShellOptions;
import org.sheath.analysis.shells.ShellReport;
import org.sheath.analysis.shells.ShellResult;
import org.sheath.analysis.shells.Shells;
import org.sheath.forcefields.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sheath analyze shells}: solvation-shell compositions, coordination numbers, ion pairing, residence times. */
@Command(name = "shells", mixinStandardHelpOptions = true,
        description = "Solvation shells of the ref ions: molecules of each species within the shell radius (default: "
                + "first minimum of the ref-species RDF), mean CN, shell compositions, SSIP/CIP/AGG, residence times.")
final class AnalyzeShellsCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin AnalyzeOptions common;

    @Option(names = "--ref", required = true, paramLabel = "SEL", description = "the solvated ions, e.g. 'name LI'")
    String ref;

    @Option(names = "--ref-site", paramLabel = "atom|com|cog", defaultValue = "atom", description = "ref sites (default ${DEFAULT-VALUE})")
    String refSite;

    @Option(names = "--species", required = true, paramLabel = "NAME=SEL",
            description = "a coordinating species and its atoms, e.g. DMF='resname DMF and name O1' (repeatable)")
    List<String> species = new ArrayList<>();

    @Option(names = "--radius", paramLabel = "NAME=NM", description = "shell radius of a species, nm (repeatable; default: first RDF minimum)")
    List<String> radii = new ArrayList<>();

    @Option(names = "--anion", paramLabel = "NAME", description = "the species that is the anion, for SSIP/CIP/AGG")
    String anion;

    @Option(names = "--cations", paramLabel = "SEL", description = "other cations that make an anion aggregated, e.g. 'name ZN'")
    String cations;

    @Option(names = "--cation-radius", paramLabel = "NM", description = "their radius towards the anion's atoms (default: first RDF minimum)")
    Double cationRadius;

    @Option(names = "--no-residence", description = "skip residence times (then frames need not be evenly spaced)")
    boolean noResidence;

    @Option(names = "--frame-time", paramLabel = "PS",
            description = "time between frames of the file, ps, for files without frame times (default: the frames' times)")
    Double dt;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.csv", description = "write the shell compositions as CSV")
    Path output;

    @Option(names = "--acf", paramLabel = "FILE.csv", description = "write the residence autocorrelation C(t) per species as CSV")
    Path acf;

    @Option(names = "--plot", paramLabel = "FILE.png|svg", description = "bar chart of the most frequent shell compositions")
    Path plot;

    @Option(names = "--json", description = "print a JSON document instead of text")
    boolean json;

    @Override
    public Integer call() {
        if (output != null) OutputFiles.prepare(output, "-o", common.force, spec.commandLine().getErr(), "csv");
        if (acf != null) OutputFiles.prepare(acf, "--acf", common.force, spec.commandLine().getErr(), "csv");
        if (plot != null) OutputFiles.prepare(plot, "--plot", common.force, spec.commandLine().getErr(), "png", "svg");
        Map<String, String> sel = new LinkedHashMap<>();
        for (String s : species) {
            String[] kv = pair(s, "--species", "NAME=SEL, e.g. DMF='resname DMF and name O1'");
            if (sel.put(kv[0], kv[1]) != null) throw new InputException("--species " + kv[0] + " is given twice");
        }
        Map<String, Double> rad = new LinkedHashMap<>();
        for (String r : radii) {
            String[] kv = pair(r, "--radius", "NAME=NM, e.g. DMF=0.32");
            if (!sel.containsKey(kv[0])) {
                throw new InputException("--radius " + kv[0] + ": unknown species; give one of " + String.join(", ", sel.keySet()));
            }
            rad.put(kv[0], number(kv[1], "--radius " + kv[0]));
        }
        if (anion != null && !sel.containsKey(anion)) {
            throw new InputException("--anion " + anion + ": unknown species; give one of " + String.join(", ", sel.keySet()));
        }
        if (cations != null && anion == null) throw new InputException("--cations needs --anion");
        List<ShellOptions.Species> list = new ArrayList<>();
        sel.forEach((n, s) -> list.add(new ShellOptions.Species(n, s, rad.getOrDefault(n, Double.NaN))));
        ShellOptions o = ShellOptions.of(ref, list).withRefSite(Sites.Mode.parse(refSite, "--ref-site"))
                .withAnion(anion, cations, cationRadius == null ? Double.NaN : cationRadius)
                .withResidence(!noResidence).withDt(dt == null ? Double.NaN : dt);
        var run = common.runOptions();
        ShellResult res = AnalyzeOptions.inputErrors(() -> Shells.run(common.universe(), o, common.reader(),
                common.trajectory.toString(), run));
        AnalyzeOptions.warnings(res.run(), spec.commandLine().getErr());
        if (output != null) ShellReport.writeCompositions(output, res);
        if (acf != null) {
            if (res.residence() == null) throw new InputException("--acf needs residence times; drop --no-residence");
            ShellReport.writeAcf(acf, res);
        }
        if (plot != null) Plots.compositions(res, plot, 12);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ShellReport.json(res));
        } else {
            print(out, res);
        }
        out.flush();
        return 0;
    }

    private void print(PrintWriter out, ShellResult r) {
        out.printf(Locale.ROOT, "Shells of %s (%d sites, %s): %s%s%n", ref, r.refSites(), r.refLabel(), r.run().describe(),
                Double.isNaN(r.dt()) ? "" : String.format(Locale.ROOT, ", dt %.4g ps", r.dt()));
        out.printf(Locale.ROOT, "  %-10s %-16s %7s   %s%n", "species", "radius (nm)", "mean CN",
                r.residence() == null ? "" : "residence (ps): integral / 1/e / fit");
        for (int s = 0; s < r.speciesCount(); s++) {
            String res = "";
            if (r.residence() != null) {
                Residence.Result q = r.residence()[s];
                res = q.decayed() || q.pairs() == 0
                        ? String.format(Locale.ROOT, "%s / %s / %s", f(q.tauIntegral()), f(q.tauCutoff()), f(q.tauFit()))
                        : String.format(Locale.ROOT, "> %s (C(t) still above 1/e at the longest lag: longer than the run can tell)",
                                f(q.atLeast()));
            }
            out.printf(Locale.ROOT, "  %-10s %-16s %7.3f   %s%n", r.options().species().get(s).name(),
                    String.format(Locale.ROOT, "%.3f (%s)", r.radius()[s], r.radiusFromRdf()[s] ? "RDF min" : "given"), r.meanCn()[s], res);
        }
        out.println("  shell compositions (% of sites x frames):");
        int k = 0;
        for (ShellResult.Composition c : r.compositions()) {
            if (k++ == 10) {
                out.printf(Locale.ROOT, "    ... %d more%s%n", r.compositions().size() - 10, output == null ? " (-o for all)" : "");
                break;
            }
            out.printf(Locale.ROOT, "    %-28s %6.2f%n", c.label(), 100 * c.fraction());
        }
        if (r.pairing() != null) {
            ShellResult.Pairing p = r.pairing();
            out.printf(Locale.ROOT, "  pairing with %s: SSIP %.1f %%  CIP %.1f %%  AGG %.1f %%%s%n", p.anion(), 100 * p.ssip(), 100 * p.cip(),
                    100 * p.agg(), p.extraCations() > 0 ? String.format(Locale.ROOT, " (other cations: %d sites, radius %.3f nm)",
                            p.extraCations(), p.cationRadius()) : "");
        }
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3g", v);
    }

    static String[] pair(String s, String option, String form) {
        int eq = s.indexOf('=');
        if (eq <= 0 || eq == s.length() - 1) throw new InputException(option + " '" + s + "': use " + form);
        return new String[] {s.substring(0, eq).trim(), s.substring(eq + 1).trim()};
    }

    static double number(String s, String option) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InputException(option + " '" + s + "' is not a number");
        }
    }
}
