package org.sheath.analysis.shells;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sheath.analysis.io.Csv;
import org.sheath.analysis.io.Json;

/** Shell results as CSV (compositions; residence autocorrelations) and as a JSON document. */
public final class ShellReport {
    private ShellReport() {
    }

    /** One row per composition: label, molecules of each species, ref-frames, fraction. */
    public static void writeCompositions(Writer w, ShellResult r) throws IOException {
        w.write("# sheath analyze shells: ref '" + r.options().ref() + "' (" + r.refSites() + " sites), " + r.frames()
                + " frames; fraction = share of ref site x frame\n");
        StringBuilder sb = new StringBuilder("composition");
        for (ShellOptions.Species s : r.options().species()) sb.append(',').append(s.name());
        sb.append(",count,fraction\n");
        w.write(sb.toString());
        for (ShellResult.Composition c : r.compositions()) {
            sb.setLength(0);
            sb.append(c.label());
            for (int n : c.counts()) sb.append(',').append(n);
            sb.append(',').append(c.count()).append(',').append(String.format(Locale.ROOT, "%.8g", c.fraction())).append('\n');
            w.write(sb.toString());
        }
        w.flush();
    }

    public static void writeCompositions(Path file, ShellResult r) {
        try (Writer w = Files.newBufferedWriter(file)) {
            writeCompositions(w, r);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + ": cannot write: " + e.getMessage(), e));
        }
    }

    /** Lag time and C(τ) of every species (the shortest common length). */
    public static void writeAcf(Path file, ShellResult r) {
        Residence.Result[] res = r.residence();
        if (res == null) return;
        int n = Integer.MAX_VALUE;
        for (Residence.Result x : res) n = Math.min(n, x.acf().length);
        double[][] cols = new double[res.length + 1][n];
        String[] head = new String[res.length + 1];
        head[0] = "t_ps";
        for (int k = 0; k < n; k++) cols[0][k] = k * r.dt();
        for (int s = 0; s < res.length; s++) {
            head[s + 1] = "C_" + r.options().species().get(s).name();
            System.arraycopy(res[s].acf(), 0, cols[s + 1], 0, n);
        }
        Csv.write(file, new String[] {"occupancy autocorrelation C(t) of (ref site, molecule) pairs"}, head, cols);
    }

    public static Map<String, Object> document(ShellResult r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("analysis", "shells");
        Map<String, Object> par = new LinkedHashMap<>();
        par.put("ref", r.options().ref());
        par.put("refSite", r.options().refSite().name().toLowerCase(Locale.ROOT));
        par.put("refLabel", r.refLabel());
        par.put("refSites", r.refSites());
        doc.put("parameters", par);
        Map<String, Object> sp = new LinkedHashMap<>();
        for (int s = 0; s < r.speciesCount(); s++) {
            ShellOptions.Species x = r.options().species().get(s);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("selection", x.selection());
            m.put("radiusNm", r.radius()[s]);
            m.put("radiusFrom", r.radiusFromRdf()[s] ? "first minimum of the RDF" : "--radius");
            m.put("meanCn", r.meanCn()[s]);
            m.put("cnDistribution", r.cnHistogram()[s]);
            if (r.residence() != null) {
                Residence.Result q = r.residence()[s];
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("integralPs", Json.num(q.tauIntegral()));
                t.put("cutoffPs", Json.num(q.tauCutoff()));
                t.put("fitPs", Json.num(q.tauFit()));
                t.put("decayedBelow1OverE", q.decayed());
                // not decayed: longer than the run can tell; the longest lag is a lower bound
                if (!q.decayed() && q.pairs() > 0) t.put("atLeastPs", q.atLeast());
                t.put("pairs", q.pairs());
                m.put("residence", t);
            }
            sp.put(x.name(), m);
        }
        doc.put("species", sp);
        List<Object> comps = new ArrayList<>();
        for (ShellResult.Composition c : r.compositions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", c.label());
            m.put("counts", c.counts());
            m.put("fraction", c.fraction());
            comps.add(m);
        }
        doc.put("compositions", comps);
        if (r.pairing() != null) {
            ShellResult.Pairing p = r.pairing();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("anion", p.anion());
            m.put("ssip", p.ssip());
            m.put("cip", p.cip());
            m.put("agg", p.agg());
            m.put("otherCations", p.extraCations());
            m.put("otherCationRadiusNm", Json.num(p.cationRadius()));
            m.put("anionCoordinatedByNCations", p.anionCoordination());
            doc.put("pairing", m);
        }
        Map<String, Object> fr = new LinkedHashMap<>();
        fr.put("trajectory", r.run().trajectory());
        fr.put("start", r.run().start());
        fr.put("stop", r.run().stop());
        fr.put("step", r.run().step());
        fr.put("count", r.frames());
        if (r.run() != null && !r.run().warning().isEmpty()) fr.put("warning", r.run().warning());
        fr.put("dtPs", Json.num(r.dt()));
        doc.put("frames", fr);
        return doc;
    }

    public static String json(ShellResult r) {
        return Json.write(document(r));
    }
}
