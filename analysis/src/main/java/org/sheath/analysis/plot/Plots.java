package org.sheath.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sheath.analysis.rdf.RdfResult;
import org.sheath.analysis.shells.ShellResult;
import org.sheath.analysis.transport.MsdResult;
import org.sheath.forcefields.InputException;

/**
 * Charts of the analyses with XChart: PNG (bitmap) or SVG (vector, through VectorGraphics2D), chosen by
 * the file name's extension. Rendering is headless (no display needed).
 */
public final class Plots {
    public static final int WIDTH = 900, HEIGHT = 560;
    private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    /** g(r) on the left axis, the running CN on the right one, the shell radius as a dashed line. */
    public static void rdf(RdfResult r, Path out) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(r.refLabel() + " – " + r.selLabel())
                .xAxisTitle("r (nm)      " + caption(r.run())).yAxisTitle(valueTitle(r)).build();
        style(c);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS); // below the axes: never over a curve
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        XYSeries g = c.addSeries(valueTitle(r), r.r(), r.value());
        g.setMarker(SeriesMarkers.NONE);
        g.setLineColor(new Color(0x1f77b4));
        double[] edges = new double[r.r().length];
        for (int k = 0; k < edges.length; k++) edges[k] = r.r()[k] + 0.5 * r.binWidth();
        XYSeries cn = c.addSeries("CN(r)", edges, r.cn());
        cn.setMarker(SeriesMarkers.NONE);
        cn.setLineColor(new Color(0xd62728));
        cn.setYAxisGroup(1);
        c.setYAxisGroupTitle(1, "coordination number");
        c.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        double rs = r.shell().radius();
        // the CN axis scaled to the first shell: its plateau (CN ~4 of 0..135 at rmax) is what is read off the plot
        if (Double.isFinite(r.shell().cn()) && r.shell().cn() > 0) {
            c.getStyler().setYAxisMin(1, 0.0);
            c.getStyler().setYAxisMax(1, niceCeiling(2.5 * r.shell().cn()));
        }
        if (Double.isFinite(rs)) {
            double top = 0;
            for (double v : r.value()) top = Math.max(top, v);
            XYSeries line = c.addSeries(String.format(Locale.ROOT, "shell %.3f nm, CN %.2f", rs, r.shell().cn()),
                    new double[] {rs, rs}, new double[] {0, top});
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(Color.DARK_GRAY);
            line.setLineStyle(DASHED);
        }
        save(c, out);
    }

    /** 1, 2, 2.5, 5 × 10^k at or above v. */
    static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) if (m * p >= v * (1 - 1e-12)) return m * p;
        return 10 * p;
    }

    /** "[md.xtc: 50 frames, t = 0-98 ps]": what the curve was computed from. */
    static String caption(org.sheath.analysis.core.RunInfo run) {
        if (run == null) return "";
        String frames = run.timeRange().isEmpty() ? run.describe() : run.frames() + " frames" + run.timeRange();
        return "[" + java.nio.file.Path.of(run.trajectory()).getFileName() + ": " + frames + "]";
    }

    private static String valueTitle(RdfResult r) {
        switch (r.options().norm()) {
            case RDF: return "g(r)";
            case DENSITY: return "density (nm^-3)";
            default: return "count per bin";
        }
    }

    /** The {@code top} most frequent shell compositions as bars (% of ref site × frame). */
    public static void compositions(ShellResult r, Path out, int top) {
        List<String> labels = new ArrayList<>();
        List<Double> pct = new ArrayList<>();
        for (ShellResult.Composition comp : r.compositions()) {
            if (labels.size() == top) break;
            labels.add(comp.label());
            pct.add(100 * comp.fraction());
        }
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Shell compositions of " + r.refLabel() + " (" + r.frames() + " frames)")
                .xAxisTitle("shell composition").yAxisTitle("fraction of " + r.refLabel() + " x frames (%)").build();
        style(c);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisLabelRotation(35);
        c.getStyler().setYAxisDecimalPattern("0.#");
        c.addSeries("fraction", labels, pct).setFillColor(new Color(0x1f77b4));
        StringBuilder bars = new StringBuilder("bars:");
        for (int k = 0; k < labels.size(); k++) bars.append(String.format(Locale.ROOT, " %s %.1f%%", labels.get(k), pct.get(k)));
        save(c, out, bars.toString());
    }

    /** MSD per species on log-log axes, with the fit line drawn over its window. */
    public static void msd(MsdResult r, Path out) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Mean squared displacement (" + r.options().sel() + ")")
                .xAxisTitle("t (ps)      " + caption(r.run())).yAxisTitle("MSD (nm²)").build();
        style(c);
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setXAxisLogarithmicDecadeOnly(false); // a run of 100 ps spans one decade: ticks inside it too
        c.getStyler().setYAxisLogarithmicDecadeOnly(false);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE); // beside the axes: never over a curve
        Color[] colors = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
            new Color(0xff7f0e), new Color(0x8c564b)};
        int n = r.time().length;
        int k = 0;
        for (MsdResult.Species s : r.species()) {
            Color col = colors[k++ % colors.length];
            int last = Math.max(1, n / 2);
            List<Double> t = new ArrayList<>(), m = new ArrayList<>();
            for (int i = 1; i <= last && i < n; i++) {
                if (s.msd()[i] > 0) {
                    t.add(r.time()[i]);
                    m.add(s.msd()[i]);
                }
            }
            if (t.isEmpty()) continue;
            XYSeries ser = c.addSeries(s.name(), t, m);
            ser.setMarker(SeriesMarkers.NONE);
            ser.setLineColor(col);
            var f = s.fit();
            double y0 = f.intercept() + 6 * f.d() * f.tStart(), y1 = f.intercept() + 6 * f.d() * f.tEnd();
            if (f.tStart() > 0 && y0 > 0 && y1 > 0) {
                XYSeries fit = c.addSeries(String.format(Locale.ROOT, "%s fit %.3g-%.3g ps, D = %.3g × 10⁻⁹ m²/s", s.name(),
                        f.tStart(), f.tEnd(), s.dSi9()), new double[] {f.tStart(), f.tEnd()}, new double[] {y0, y1});
                fit.setMarker(SeriesMarkers.CIRCLE);
                fit.setMarkerColor(col);
                fit.setLineColor(col.darker());
                fit.setLineStyle(DASHED);
            }
        }
        save(c, out);
    }

    private static String metadata(Chart<?, ?> c, String more) {
        StringBuilder d = new StringBuilder();
        d.append("x axis: ").append(c.getXAxisTitle()).append("; y axis: ").append(c.getYAxisTitle());
        String right = c.getYAxisGroupTitle(1);
        if (right != null && !right.equals(c.getYAxisTitle())) d.append("; right y axis: ").append(right);
        d.append("; series: ").append(String.join(", ", c.getSeriesMap().keySet()));
        if (more != null) d.append("; ").append(more);
        return "<title>" + xml(c.getTitle()) + "</title><desc>" + xml(d.toString()) + "</desc>";
    }

    private static String xml(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void style(Chart<?, ?> c) {
        Styler s = c.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setAntiAlias(true);
    }

    /**
     * Writes the chart as PNG or SVG by the extension of {@code out}. XChart draws text as outlines, so
     * an SVG gets a {@code <title>} and a {@code <desc>} (chart title, axis titles, series) after its
     * opening tag: the words stay searchable and readable by screen readers.
     */
    public static void save(Chart<?, ?> chart, Path out) {
        save(chart, out, null);
    }

    /** As {@link #save(Chart, Path)}, with more text for the SVG description. */
    public static void save(Chart<?, ?> chart, Path out, String more) {
        String n = out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean png = n.endsWith(".png"), svg = n.endsWith(".svg");
        if (!png && !svg) throw new InputException("--plot " + out + ": use a .png or .svg file name");
        try (OutputStream os = Files.newOutputStream(out)) {
            if (png) {
                BitmapEncoder.saveBitmap(chart, os, BitmapEncoder.BitmapFormat.PNG);
            } else {
                java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
                VectorGraphicsEncoder.saveVectorGraphic(chart, b, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                String text = b.toString(java.nio.charset.StandardCharsets.UTF_8);
                int open = text.indexOf("<svg");
                int end = open < 0 ? -1 : text.indexOf('>', open);
                if (end > 0) text = text.substring(0, end + 1) + "\n  " + metadata(chart, more) + text.substring(end + 1);
                os.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(out + ": cannot write: " + e.getMessage(), e));
        }
    }
}
