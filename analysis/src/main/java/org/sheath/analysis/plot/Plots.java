package org.sheath.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.sheath.analysis.core.RunInfo;
import org.sheath.analysis.rdf.RdfResult;
import org.sheath.analysis.shells.ShellResult;
import org.sheath.analysis.transport.MsdResult;

/**
 * Charts of the analyses with JFreeChart, written by {@link ChartFiles} as PNG or SVG (text as text).
 * Rendering is headless (no display needed).
 */
public final class Plots {
    public static final int WIDTH = ChartFiles.WIDTH, HEIGHT = ChartFiles.HEIGHT;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font CAPTION = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Stroke LINE = new BasicStroke(1.6f);
    private static final Stroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b)};

    static {
        // JFreeChart draws rotated strings (y-axis titles, slanted category labels) through a TextLayout by
        // default, which an SVG receives as glyph outlines; drawString keeps them as text
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private Plots() {
    }

    /** g(r) on the left axis, the running CN on the right one, the shell radius as a dashed line. */
    public static void rdf(RdfResult r, java.nio.file.Path out) {
        XYSeriesCollection values = new XYSeriesCollection();
        XYSeries g = series(valueTitle(r));
        for (int k = 0; k < r.r().length; k++) g.add(r.r()[k], r.value()[k]);
        values.addSeries(g);
        XYLineAndShapeRenderer left = lines();
        left.setSeriesPaint(0, COLOURS[0]);
        double rs = r.shell().radius();
        if (Double.isFinite(rs)) {
            double top = 0;
            for (double v : r.value()) top = Math.max(top, v);
            XYSeries line = series(String.format(Locale.ROOT, "shell %.3f nm, CN %.2f", rs, r.shell().cn()));
            line.add(rs, 0);
            line.add(rs, top);
            values.addSeries(line);
            left.setSeriesPaint(1, Color.DARK_GRAY);
            left.setSeriesStroke(1, DASHED);
        }
        NumberAxis x = axis(new NumberAxis("r (nm)"));
        double rmax = r.r().length == 0 ? 1 : r.r()[r.r().length - 1] + 0.5 * r.binWidth();
        x.setRange(0, rmax);
        NumberAxis y = axis(new NumberAxis(valueTitle(r)));
        XYPlot plot = new XYPlot(values, x, y, left);

        XYSeriesCollection running = new XYSeriesCollection();
        XYSeries cn = series("CN(r)");
        for (int k = 0; k < r.r().length; k++) cn.add(r.r()[k] + 0.5 * r.binWidth(), r.cn()[k]);
        running.addSeries(cn);
        NumberAxis cnAxis = axis(new NumberAxis("coordination number"));
        // the CN axis scaled to the first shell: its plateau (CN ~4 of 0..135 at rmax) is what is read off the plot
        if (Double.isFinite(r.shell().cn()) && r.shell().cn() > 0) cnAxis.setRange(0, niceCeiling(2.5 * r.shell().cn()));
        XYLineAndShapeRenderer right = lines();
        right.setSeriesPaint(0, COLOURS[1]);
        plot.setRangeAxis(1, cnAxis);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        plot.setDataset(1, running);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, right);
        JFreeChart c = chart(r.refLabel() + " – " + r.selLabel(), plot, RectangleEdge.BOTTOM, r.run());
        ChartFiles.save(c, out, null);
    }

    /** 1, 2, 2.5, 5 × 10^k at or above v. */
    static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) if (m * p >= v * (1 - 1e-12)) return m * p;
        return 10 * p;
    }

    /** "[md.xtc: 50 frames, t = 0-98 ps]": what the curve was computed from. */
    static String caption(RunInfo run) {
        if (run == null) return "";
        String frames = run.timeRange().isEmpty() ? run.describe() : run.frames() + " frames" + run.timeRange();
        return "[" + java.nio.file.Path.of(run.trajectory()).getFileName() + ": " + frames + "]";
    }

    private static String valueTitle(RdfResult r) {
        switch (r.options().norm()) {
            case RDF: return "g(r)";
            case DENSITY: return "density (nm⁻³)";
            default: return "count per bin";
        }
    }

    /** The {@code top} most frequent shell compositions as bars (% of ref site × frame). */
    public static void compositions(ShellResult r, java.nio.file.Path out, int top) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        StringBuilder bars = new StringBuilder("bars:");
        int n = 0;
        for (ShellResult.Composition comp : r.compositions()) {
            if (n++ == top) break;
            double pct = 100 * comp.fraction();
            data.addValue(pct, "fraction", comp.label());
            bars.append(String.format(Locale.ROOT, " %s %.1f%%", comp.label(), pct));
        }
        CategoryAxis x = new CategoryAxis("shell composition");
        x.setLabelFont(LABEL);
        x.setTickLabelFont(TICK);
        x.setCategoryLabelPositions(CategoryLabelPositions.createUpRotationLabelPositions(Math.toRadians(35)));
        NumberAxis y = axis(new NumberAxis("fraction of " + r.refLabel() + " × frames (%)"));
        y.setNumberFormatOverride(new DecimalFormat("0.#"));
        BarRenderer bar = new BarRenderer();
        bar.setBarPainter(new StandardBarPainter());
        bar.setShadowVisible(false);
        bar.setSeriesPaint(0, COLOURS[0]);
        CategoryPlot plot = new CategoryPlot(data, x, y, bar);
        JFreeChart c = chart("Shell compositions of " + r.refLabel() + " (" + r.frames() + " frames)", plot, null, null);
        ChartFiles.save(c, out, bars.toString());
    }

    /** MSD per species on log-log axes with whole decades, the fit line drawn over its window. */
    public static void msd(MsdResult r, java.nio.file.Path out) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer ren = lines();
        int n = r.time().length, k = 0;
        double tLo = Double.POSITIVE_INFINITY, tHi = 0, mLo = Double.POSITIVE_INFINITY, mHi = 0;
        for (MsdResult.Species s : r.species()) {
            Color col = COLOURS[k++ % COLOURS.length];
            XYSeries ser = series(s.name());
            for (int i = 1; i <= Math.max(1, n / 2) && i < n; i++) {
                if (s.msd()[i] > 0 && r.time()[i] > 0) ser.add(r.time()[i], s.msd()[i]);
            }
            if (ser.getItemCount() == 0) continue;
            tLo = Math.min(tLo, ser.getMinX());
            tHi = Math.max(tHi, ser.getMaxX());
            mLo = Math.min(mLo, ser.getMinY());
            mHi = Math.max(mHi, ser.getMaxY());
            ren.setSeriesPaint(data.getSeriesCount(), col);
            data.addSeries(ser);
            var f = s.fit();
            double y0 = f.intercept() + 6 * f.d() * f.tStart(), y1 = f.intercept() + 6 * f.d() * f.tEnd();
            if (f.tStart() > 0 && y0 > 0 && y1 > 0) {
                XYSeries fit = series(String.format(Locale.ROOT, "%s fit %.3g-%.3g ps, D = %.3g × 10⁻⁹ m²/s", s.name(),
                        f.tStart(), f.tEnd(), s.dSi9()));
                fit.add(f.tStart(), y0);
                fit.add(f.tEnd(), y1);
                int at = data.getSeriesCount();
                ren.setSeriesPaint(at, col.darker());
                ren.setSeriesStroke(at, DASHED);
                ren.setSeriesShapesVisible(at, true);
                data.addSeries(fit);
                mLo = Math.min(mLo, Math.min(y0, y1));
                mHi = Math.max(mHi, Math.max(y0, y1));
            }
        }
        LogAxis x = decades("t (ps)", tLo, tHi), y = decades("MSD (nm²)", mLo, mHi);
        XYPlot plot = new XYPlot(data, x, y, ren);
        JFreeChart c = chart("Mean squared displacement (" + r.options().sel() + ")", plot, RectangleEdge.RIGHT, r.run());
        ChartFiles.save(c, out, null);
    }

    /** A log axis spanning whole decades around [lo, hi], labelled at each decade (1, 10, 100; 10⁻⁵ beyond). */
    static LogAxis decades(String label, double lo, double hi) {
        LogAxis a = axis(new LogAxis(label) {
            // LogAxis labels are attributed strings, which JFreeChart draws through a TextLayout (glyph outlines
            // in SVG): the same ticks as plain-text number ticks are drawn with drawString, as SVG text
            @Override
            public List refreshTicks(java.awt.Graphics2D g2, org.jfree.chart.axis.AxisState state,
                    java.awt.geom.Rectangle2D area, RectangleEdge edge) {
                List<Object> ticks = new ArrayList<>();
                for (Object o : super.refreshTicks(g2, state, area, edge)) {
                    org.jfree.chart.axis.ValueTick t = (org.jfree.chart.axis.ValueTick) o;
                    String text = t.getTickType() == org.jfree.chart.axis.TickType.MAJOR ? decadeLabel(t.getValue()) : "";
                    ticks.add(new org.jfree.chart.axis.NumberTick(t.getTickType(), t.getValue(), text, t.getTextAnchor(),
                            t.getRotationAnchor(), t.getAngle()));
                }
                return ticks;
            }
        });
        a.setBase(10);
        a.setTickUnit(new NumberTickUnit(1));
        a.setMinorTickCount(9);
        a.setMinorTickMarksVisible(true);
        if (lo > 0 && hi >= lo && Double.isFinite(hi)) {
            double e0 = Math.floor(Math.log10(lo) + 1e-9), e1 = Math.ceil(Math.log10(hi) - 1e-9);
            if (e1 <= e0) e1 = e0 + 1;
            a.setRange(Math.pow(10, e0), Math.pow(10, e1));
        }
        return a;
    }

    /** 10^k as a chemist writes it on an axis: 0.01 … 1000 in full, 10⁻⁵ / 10⁶ outside. */
    static String decadeLabel(double value) {
        int e = (int) Math.round(Math.log10(value));
        if (Math.abs(Math.log10(value) - e) > 1e-6) return new DecimalFormat("0.###").format(value);
        if (e >= -2 && e <= 3) return new DecimalFormat("0.##").format(Math.pow(10, e));
        String digits = Integer.toString(e), sup = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder s = new StringBuilder("10");
        for (char ch : digits.toCharArray()) s.append(ch == '-' ? '⁻' : sup.charAt(ch - '0'));
        return s.toString();
    }

    private static XYSeries series(String name) {
        return new XYSeries(name, false, true); // in the order given; a vertical line has two points at one x
    }

    private static XYLineAndShapeRenderer lines() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDefaultStroke(LINE);
        r.setAutoPopulateSeriesStroke(false);
        return r;
    }

    private static <A extends ValueAxis> A axis(A a) {
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
        if (a instanceof NumberAxis) ((NumberAxis) a).setAutoRangeIncludesZero(false);
        return a;
    }

    /** Title, white plot with light grid, legend at {@code legend} (outside the data; null = none), caption line. */
    private static JFreeChart chart(String title, Plot plot, RectangleEdge legend, RunInfo run) {
        Paint grid = new Color(0xdddddd);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        if (plot instanceof XYPlot) {
            ((XYPlot) plot).setDomainGridlinePaint(grid);
            ((XYPlot) plot).setRangeGridlinePaint(grid);
        } else if (plot instanceof CategoryPlot) {
            ((CategoryPlot) plot).setRangeGridlinePaint(grid);
        }
        JFreeChart c = new JFreeChart(title, TITLE, plot, legend != null);
        c.setBackgroundPaint(Color.WHITE);
        if (legend != null) {
            c.getLegend().setPosition(legend);
            c.getLegend().setItemFont(TICK);
            c.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        String cap = caption(run);
        if (!cap.isEmpty()) {
            TextTitle t = new TextTitle(cap, CAPTION);
            t.setPosition(RectangleEdge.BOTTOM);
            t.setHorizontalAlignment(HorizontalAlignment.RIGHT);
            t.setPaint(Color.DARK_GRAY);
            c.addSubtitle(t);
        }
        return c;
    }
}
