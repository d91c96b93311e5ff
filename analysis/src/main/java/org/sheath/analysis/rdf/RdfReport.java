package org.sheath.analysis.rdf;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.sheath.analysis.io.Csv;
import org.sheath.analysis.io.Json;

/** RDF results as CSV (r, g, cn) and as a JSON document (parameters, shell, frames, timing). */
public final class RdfReport {
    private RdfReport() {
    }

    /** The value column's name for the chosen normalisation. */
    static String valueColumn(RdfOptions.Norm n) {
        switch (n) {
            case RDF: return "g";
            case DENSITY: return "density_nm-3";
            default: return "count";
        }
    }

    /** By the file's extension: .csv, .xvg (GROMACS, with legends) or .json (the summary and the whole curve). */
    public static void write(Path file, RdfResult res) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".xvg")) {
            String y = switch (res.options().norm()) {
                case RDF -> "g(r)";
                case DENSITY -> "number density (nm^-3)";
                default -> "count per ref site";
            };
            org.sheath.analysis.io.Xvg.write(file, comments(res), "RDF " + res.options().ref() + " - " + res.options().sel(), "r (nm)",
                    y, new String[] {y, "CN"}, res.r(), res.value(), res.cn());
        } else if (n.endsWith(".json")) {
            Map<String, Object> doc = document(res);
            Map<String, Object> curve = new LinkedHashMap<>();
            curve.put("rNm", res.r());
            curve.put(valueColumn(res.options().norm()), res.value());
            curve.put("cn", res.cn());
            doc.put("curve", curve);
            Json.write(file, doc);
        } else {
            writeCsv(file, res);
        }
    }

    public static void writeCsv(Path file, RdfResult res) {
        Csv.write(file, comments(res), new String[] {"r_nm", valueColumn(res.options().norm()), "cn"}, res.r(), res.value(), res.cn());
    }

    public static void writeCsv(java.io.Writer w, RdfResult res) throws java.io.IOException {
        Csv.write(w, comments(res), new String[] {"r_nm", valueColumn(res.options().norm()), "cn"}, res.r(), res.value(), res.cn());
    }

    private static String[] comments(RdfResult res) {
        RdfOptions o = res.options();
        String[] c = {
            String.format(Locale.ROOT, "sheath analyze rdf: ref '%s' (%s, %d sites), sel '%s' (%s, %d sites)", o.ref(),
                    o.refSite().name().toLowerCase(Locale.ROOT), res.refSites(), o.sel(), o.selSite().name().toLowerCase(Locale.ROOT),
                    res.selSites()),
            String.format(Locale.ROOT, "%s of %s, bin %.6g nm, rmax %.6g nm, norm %s, exclude same molecule %s; "
                    + "cn = running coordination number at the bin's upper edge", res.run().describe(),
                    java.nio.file.Path.of(res.run().trajectory()).getFileName(),
                    res.binWidth(), res.rmax(),
                    o.norm().name().toLowerCase(Locale.ROOT), o.excludeSameMolecule())};
        if (res.note().isEmpty()) return c;
        String[] withNote = java.util.Arrays.copyOf(c, c.length + 1);
        withNote[c.length] = "note: " + res.note();
        return withNote;
    }

    public static Map<String, Object> document(RdfResult res) {
        RdfOptions o = res.options();
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Object> par = new LinkedHashMap<>();
        par.put("ref", o.ref());
        par.put("sel", o.sel());
        par.put("refSite", o.refSite().name().toLowerCase(Locale.ROOT));
        par.put("selSite", o.selSite().name().toLowerCase(Locale.ROOT));
        par.put("siteGrouping", o.grouping().name().toLowerCase(Locale.ROOT));
        par.put("binNm", res.binWidth());
        par.put("bins", res.r().length);
        par.put("rmaxNm", res.rmax());
        par.put("norm", o.norm().name().toLowerCase(Locale.ROOT));
        par.put("excludeSameMolecule", o.excludeSameMolecule());
        par.put("smoothSigmaNm", o.smooth());
        par.put("shellRadiusNm", Json.num(o.shellRadius()));
        doc.put("parameters", par);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("refSites", res.refSites());
        counts.put("selSites", res.selSites());
        counts.put("allowedPairs", res.pairs());
        counts.put("meanVolumeNm3", res.meanVolume());
        counts.put("pairDensityNm3", res.density());
        doc.put("sites", counts);
        RdfResult.Shell s = res.shell();
        Map<String, Object> peak = new LinkedHashMap<>();
        peak.put("r", Json.num(s.peakR()));
        peak.put("g", Json.num(s.peakG()));
        if (o.norm() != RdfOptions.Norm.RDF) peak.put(valueColumn(o.norm()), Json.num(res.valueAtPeak()));
        doc.put("firstPeak", peak);
        Map<String, Object> min = new LinkedHashMap<>();
        min.put("r", Json.num(s.minR()));
        min.put("gSmoothed", Json.num(s.minG()));
        doc.put("firstMinimum", min);
        Map<String, Object> shell = new LinkedHashMap<>();
        shell.put("radius", Json.num(s.radius()));
        shell.put("from", s.automatic() ? "first minimum" : "--shell-radius");
        shell.put("cn", Json.num(s.cn()));
        doc.put("firstShell", shell);
        Map<String, Object> fr = new LinkedHashMap<>();
        fr.put("trajectory", res.run().trajectory());
        fr.put("start", res.run().start());
        fr.put("stop", res.run().stop());
        fr.put("step", res.run().step());
        fr.put("count", res.run().frames());
        fr.put("firstTimePs", Json.num(res.run().firstTime()));
        fr.put("lastTimePs", Json.num(res.run().lastTime()));
        if (!res.run().warning().isEmpty()) fr.put("warning", res.run().warning());
        doc.put("frames", fr);
        if (!res.note().isEmpty()) doc.put("note", res.note());
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("threads", res.run().threads());
        t.put("strategy", res.run().strategy().name().toLowerCase(Locale.ROOT));
        t.put("seconds", res.run().seconds());
        t.put("framesPerSecond", res.run().frames() / res.run().seconds());
        doc.put("timing", t);
        return doc;
    }

    public static String json(RdfResult res) {
        return Json.write(document(res));
    }
}
