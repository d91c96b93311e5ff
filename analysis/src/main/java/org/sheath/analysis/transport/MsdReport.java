package org.sheath.analysis.transport;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.sheath.analysis.io.Csv;
import org.sheath.analysis.io.Json;

/** MSD results as CSV (t, MSD per species) and as a JSON document. */
public final class MsdReport {
    private MsdReport() {
    }

    /** By the file's extension: .csv, .xvg (GROMACS, one legend per species) or .json (the summary and the curves). */
    public static void write(Path file, MsdResult r) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int ns = r.species().size();
        if (n.endsWith(".xvg")) {
            String[] legends = new String[ns];
            double[][] cols = new double[ns + 1][];
            cols[0] = r.time();
            for (int i = 0; i < ns; i++) {
                legends[i] = r.species().get(i).name();
                cols[i + 1] = r.species().get(i).msd();
            }
            org.sheath.analysis.io.Xvg.write(file, new String[] {"sheath analyze msd: sel '" + r.options().sel() + "', " + r.frames()
                    + " frames"}, "MSD", "t (ps)", "MSD (nm^2)", legends, cols);
        } else if (n.endsWith(".json")) {
            Map<String, Object> doc = document(r);
            Map<String, Object> curves = new LinkedHashMap<>();
            curves.put("tPs", r.time());
            for (MsdResult.Species s : r.species()) curves.put(s.name(), s.msd());
            doc.put("msdNm2", curves);
            Json.write(file, doc);
        } else {
            writeCsv(file, r);
        }
    }

    public static void writeCsv(Path file, MsdResult r) {
        int n = r.species().size();
        String[] head = new String[n + 1];
        double[][] cols = new double[n + 1][];
        head[0] = "t_ps";
        cols[0] = r.time();
        for (int i = 0; i < n; i++) {
            head[i + 1] = "msd_" + r.species().get(i).name() + "_nm2";
            cols[i + 1] = r.species().get(i).msd();
        }
        Csv.write(file, new String[] {"sheath analyze msd: sel '" + r.options().sel() + "' ("
                + r.options().site().name().toLowerCase(Locale.ROOT) + " sites), " + (r.run() == null ? r.frames() + " frames"
                : r.run().describe()) + ", windowed over all time origins"},
                head, cols);
    }

    public static Map<String, Object> document(MsdResult r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("analysis", "msd");
        Map<String, Object> par = new LinkedHashMap<>();
        par.put("sel", r.options().sel());
        par.put("site", r.options().site().name().toLowerCase(Locale.ROOT));
        par.put("temperatureK", Json.num(r.options().temperature()));
        doc.put("parameters", par);
        Map<String, Object> sp = new LinkedHashMap<>();
        for (MsdResult.Species s : r.species()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sites", s.sites());
            m.put("molecules", s.molecules());
            m.put("charge", Json.num(s.charge()));
            DiffusionFit.Fit f = s.fit();
            m.put("dNm2PerPs", f.d());
            m.put("d1e9M2PerS", s.dSi9());
            m.put("dError1e9M2PerS", Json.num(f.dError() * 1e3));
            m.put("fitStartPs", f.tStart());
            m.put("fitEndPs", f.tEnd());
            m.put("fitWindow", f.automatic() ? "automatic" : "given");
            m.put("logLogSlope", Json.num(f.beta()));
            m.put("diffusive", f.diffusive());
            if (!f.diffusive()) m.put("warning", f.warning(s.name()));
            sp.put(s.name(), m);
        }
        doc.put("species", sp);
        Map<String, Object> ne = new LinkedHashMap<>();
        ne.put("meanVolumeNm3", Json.num(r.meanVolume()));
        ne.put("conductivitySPerM", Json.num(r.conductivity()));
        ne.put("conductivityMSPerCm", Json.num(r.conductivity() * 10));
        ne.put("transferenceCation", Json.num(r.transference()));
        doc.put("nernstEinstein", ne);
        Map<String, Object> fr = new LinkedHashMap<>();
        fr.put("trajectory", r.run().trajectory());
        fr.put("start", r.run().start());
        fr.put("stop", r.run().stop());
        fr.put("step", r.run().step());
        fr.put("count", r.frames());
        if (r.run() != null && !r.run().warning().isEmpty()) fr.put("warning", r.run().warning());
        fr.put("dtPs", r.dt());
        doc.put("frames", fr);
        return doc;
    }

    public static String json(MsdResult r) {
        return Json.write(document(r));
    }
}
