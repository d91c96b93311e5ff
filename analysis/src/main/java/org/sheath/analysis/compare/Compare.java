package org.sheath.analysis.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sheath.forcefields.InputException;

/**
 * Side-by-side Markdown table of several runs' JSON results ({@code sheath analyze rdf|shells|msd --json}).
 * Each file belongs to a run label; files with the same label (e.g. one run's RDF, shells and MSD) fill
 * one column. Rows are the union of the quantities found, in order of first appearance; a run without a
 * quantity shows "–".
 */
public final class Compare {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Compare() {
    }

    /** Reads the files and builds the table; {@code labels} null or empty for the file names. */
    public static String table(List<Path> files, List<String> labels) {
        if (files.isEmpty()) throw new InputException("give at least one JSON result to compare");
        if (labels != null && !labels.isEmpty() && labels.size() != files.size()) {
            throw new InputException("--labels has " + labels.size() + " labels for " + files.size()
                    + " files; give one label per file (repeat a label to put several files of one run in one column)");
        }
        Map<String, Map<String, String>> columns = new LinkedHashMap<>();
        List<String> rows = new ArrayList<>();
        for (int k = 0; k < files.size(); k++) {
            Path f = files.get(k);
            String label = labels == null || labels.isEmpty() ? stem(f) : labels.get(k);
            JsonNode doc;
            try {
                doc = MAPPER.readTree(Files.readAllBytes(f));
            } catch (IOException e) {
                throw new InputException(f + ": cannot read a JSON result: " + firstLine(e.getMessage()));
            }
            Map<String, String> col = columns.computeIfAbsent(label, x -> new LinkedHashMap<>());
            Map<String, String> vals = rows(doc, f);
            for (Map.Entry<String, String> e : vals.entrySet()) {
                if (!rows.contains(e.getKey())) rows.add(e.getKey());
                col.put(e.getKey(), e.getValue());
            }
        }
        StringBuilder sb = new StringBuilder("| quantity |");
        for (String l : columns.keySet()) sb.append(' ').append(l).append(" |");
        sb.append("\n|---|");
        for (int k = 0; k < columns.size(); k++) sb.append("---|");
        sb.append('\n');
        for (String r : rows) {
            sb.append("| ").append(r.replace("|", "\\|")).append(" |");
            for (Map<String, String> col : columns.values()) sb.append(' ').append(col.getOrDefault(r, "–")).append(" |");
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The rows of one JSON result. */
    static Map<String, String> rows(JsonNode d, Path f) {
        Map<String, String> m = new LinkedHashMap<>();
        String kind = d.path("analysis").asText("");
        if (kind.isEmpty() && d.has("firstShell")) kind = "rdf";
        switch (kind) {
            case "rdf": {
                String p = "RDF " + d.at("/parameters/ref").asText() + " – " + d.at("/parameters/sel").asText() + ": ";
                m.put(p + "first peak r (nm)", num(d.at("/firstPeak/r"), "%.3f"));
                m.put(p + "first peak g", num(d.at("/firstPeak/g"), "%.2f"));
                m.put(p + "first minimum r (nm)", num(d.at("/firstMinimum/r"), "%.3f"));
                m.put(p + "first-shell CN", num(d.at("/firstShell/cn"), "%.2f"));
                break;
            }
            case "shells": {
                String ref = d.at("/parameters/refLabel").asText();
                Iterator<Map.Entry<String, JsonNode>> it = d.path("species").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String p = ref + " shell, " + e.getKey() + ": ";
                    m.put(p + "CN", num(e.getValue().path("meanCn"), "%.2f"));
                    m.put(p + "radius (nm)", num(e.getValue().path("radiusNm"), "%.3f"));
                    JsonNode res = e.getValue().path("residence");
                    if (!res.isMissingNode()) {
                        String t = num(res.path("integralPs"), "%.3g");
                        if (!res.path("decayedBelow1OverE").asBoolean(true)) {
                            t = res.path("atLeastPs").isNumber() ? "> " + num(res.path("atLeastPs"), "%.3g") + " (not decayed)"
                                    : "≥ " + t + " (not decayed)";
                        }
                        m.put(p + "residence time (ps, ∫C)", t);
                    }
                }
                JsonNode pr = d.path("pairing");
                if (!pr.isMissingNode()) {
                    String p = ref + " pairing with " + pr.path("anion").asText() + ": ";
                    m.put(p + "SSIP %", pct(pr.path("ssip")));
                    m.put(p + "CIP %", pct(pr.path("cip")));
                    m.put(p + "AGG %", pct(pr.path("agg")));
                }
                int k = 0;
                for (JsonNode c : d.path("compositions")) {
                    if (k++ == 5) break;
                    m.put(ref + " shell: " + c.path("label").asText() + " %", pct(c.path("fraction")));
                }
                break;
            }
            case "msd": {
                Iterator<Map.Entry<String, JsonNode>> it = d.path("species").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode s = e.getValue();
                    String err = s.path("dError1e9M2PerS").isNumber() ? " ± " + sig(s.path("dError1e9M2PerS"), 2) : "";
                    m.put("D " + e.getKey() + " (1e-9 m²/s)", num(s.path("d1e9M2PerS"), "%.3g") + err);
                    m.put("D " + e.getKey() + " fit window (ps)", sig(s.path("fitStartPs"), 4) + "–" + sig(s.path("fitEndPs"), 4));
                    JsonNode beta = s.path("logLogSlope");
                    boolean diffusive = s.has("diffusive") ? s.path("diffusive").asBoolean()
                            : beta.isNumber() && beta.asDouble() >= org.sheath.analysis.transport.DiffusionFit.Fit.MIN_DIFFUSIVE
                            && beta.asDouble() <= org.sheath.analysis.transport.DiffusionFit.Fit.MAX_DIFFUSIVE;
                    m.put("D " + e.getKey() + " log-log slope", (beta.isNumber() ? String.format(Locale.ROOT, "%.2f", beta.asDouble()) : "–")
                            + (diffusive ? "" : " (not diffusive)"));
                }
                JsonNode ne = d.path("nernstEinstein");
                if (ne.path("conductivityMSPerCm").isNumber()) {
                    m.put("σ Nernst–Einstein (mS/cm)", num(ne.path("conductivityMSPerCm"), "%.3g"));
                    m.put("t+ (Nernst–Einstein)", num(ne.path("transferenceCation"), "%.3f"));
                }
                break;
            }
            default:
                throw new InputException(f + ": not a sheath analyze rdf/shells/msd JSON result");
        }
        return m;
    }

    private static String num(JsonNode n, String fmt) {
        return n.isNumber() ? String.format(Locale.ROOT, fmt, n.asDouble()) : "–";
    }

    /** A number to {@code digits} significant digits without trailing zeros. */
    private static String sig(JsonNode n, int digits) {
        if (!n.isNumber()) return "–";
        return new java.math.BigDecimal(n.asDouble()).round(new java.math.MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    private static String pct(JsonNode n) {
        return n.isNumber() ? String.format(Locale.ROOT, "%.1f", 100 * n.asDouble()) : "–";
    }

    private static String stem(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
