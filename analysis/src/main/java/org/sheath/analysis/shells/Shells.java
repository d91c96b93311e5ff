package org.sheath.analysis.shells;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.sheath.analysis.core.AnalysisRunner;
import org.sheath.analysis.core.Universe;
import org.sheath.analysis.rdf.RdfAnalysis;
import org.sheath.analysis.rdf.RdfOptions;
import org.sheath.analysis.rdf.RdfResult;
import org.sheath.analysis.select.Selection;
import org.sheath.analysis.select.Sites;
import org.sheath.analysis.traj.TrajectoryReader;
import org.sheath.forcefields.InputException;

/**
 * Runs a shell analysis end to end: species without a radius get the first minimum of the ref–species
 * RDF (a first pass over the same frames with {@link RdfAnalysis}, same-molecule pairs excluded), the
 * extra cations likewise from their RDF with the anion's selection; then {@link ShellAnalysis}.
 */
public final class Shells {
    private Shells() {
    }

    /** The radii found or given, and the shell result. */
    public static ShellResult run(Universe u, ShellOptions o, Supplier<TrajectoryReader> open, String name,
                                  AnalysisRunner.Options run) {
        // selections first, so an empty one is named after its option (not after the RDF pass)
        Selection.parse(o.ref()).selectNonEmpty(u, "--ref");
        for (ShellOptions.Species sp : o.species()) Selection.parse(sp.selection()).selectNonEmpty(u, "--species " + sp.name());
        if (o.cations() != null) Selection.parse(o.cations()).selectNonEmpty(u, "--cations");
        List<ShellOptions.Species> species = new ArrayList<>();
        boolean[] fromRdf = new boolean[o.species().size()];
        for (int s = 0; s < o.species().size(); s++) {
            ShellOptions.Species sp = o.species().get(s);
            if (Double.isNaN(sp.radius())) {
                double r = firstMinimum(u, o.ref(), o.refSite(), sp.selection(), open, name, run,
                        "the " + o.ref() + " – " + sp.name() + " RDF", "--radius " + sp.name() + "=R");
                species.add(sp.withRadius(r));
                fromRdf[s] = true;
            } else {
                species.add(sp);
            }
        }
        ShellOptions full = o.withSpecies(species);
        if (o.anion() != null && o.cations() != null && Double.isNaN(o.cationRadius())) {
            int a = o.speciesIndex(o.anion());
            if (a < 0) {
                throw new InputException("--anion '" + o.anion() + "' is not a species; give one of the --species names: "
                        + String.join(", ", o.species().stream().map(ShellOptions.Species::name).toList()));
            }
            String extra = "(" + o.cations() + ") and not (" + o.ref() + ")";
            if (Selection.parse(extra).select(u).length > 0) {
                double r = firstMinimum(u, extra, Sites.Mode.ATOM, o.species().get(a).selection(), open, name, run,
                        "the RDF of the other cations (" + o.cations() + ") with " + o.anion(), "--cation-radius R");
                full = full.withCationRadius(r);
            }
        }
        ShellResult res = AnalysisRunner.run(new ShellAnalysis(), u, full, open, name, run);
        return new ShellResult(res.options(), res.refLabel(), res.refSites(), res.radius(), fromRdf, res.meanCn(),
                res.cnHistogram(), res.compositions(), res.pairing(), res.residence(), res.frames(), res.dt(), res.run());
    }

    private static double firstMinimum(Universe u, String ref, Sites.Mode refSite, String sel, Supplier<TrajectoryReader> open,
                                       String name, AnalysisRunner.Options run, String what, String fix) {
        RdfOptions ro = RdfOptions.of(ref, sel).withSites(refSite, Sites.Mode.ATOM, Sites.Grouping.MOLECULE)
                .withExcludeSameMolecule(true);
        RdfResult r = AnalysisRunner.run(new RdfAnalysis(), u, ro, open, name, run.withProgress(false));
        double m = r.shell().minR();
        if (Double.isNaN(m)) {
            throw new InputException(String.format(Locale.ROOT, "no first minimum found in %s (first peak at %s nm); give %s",
                    what, Double.isNaN(r.shell().peakR()) ? "none" : String.format(Locale.ROOT, "%.3f", r.shell().peakR()), fix));
        }
        return m;
    }
}
