package org.sheath.analysis.plot;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.sheath.forcefields.InputException;
import org.w3c.dom.Document;

/**
 * Writes a chart as PNG (bitmap) or SVG by the file name's extension. The SVG comes from Batik's
 * SVG generator with text as {@code <text>} elements (editable, searchable, small), plus a
 * {@code <title>} and a {@code <desc>} (axes, series) for screen readers.
 */
public final class ChartFiles {
    public static final int WIDTH = 900, HEIGHT = 560;
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private ChartFiles() {
    }

    /** Writes {@code chart} to {@code out} (.png or .svg); {@code more} is added to the SVG description. */
    public static void save(JFreeChart chart, Path out, String more) {
        String n = out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean png = n.endsWith(".png"), svg = n.endsWith(".svg");
        if (!png && !svg) throw new InputException("--plot " + out + ": use a .png or .svg file name");
        try (OutputStream os = Files.newOutputStream(out)) {
            if (png) ChartUtils.writeChartAsPNG(os, chart, WIDTH, HEIGHT);
            else os.write(svg(chart, more).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(out + ": cannot write: " + e.getMessage(), e));
        }
    }

    static String svg(JFreeChart chart, String more) throws IOException {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation().createDocument(SVG_NS, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML DOM in this JDK", e);
        }
        SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
        ctx.setComment("Sheath");
        ctx.setEmbeddedFontsOn(false);
        SVGGraphics2D g = new SVGGraphics2D(ctx, false); // false: strings as <text>, not glyph outlines
        g.setSVGCanvasSize(new Dimension(WIDTH, HEIGHT));
        chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        StringWriter w = new StringWriter();
        g.stream(w, true);
        String text = w.toString();
        int open = text.indexOf("<svg");
        int end = open < 0 ? -1 : text.indexOf('>', open);
        if (end > 0) text = text.substring(0, end + 1) + "\n  " + metadata(chart, more) + text.substring(end + 1);
        return text;
    }

    private static String metadata(JFreeChart c, String more) {
        StringBuilder d = new StringBuilder();
        if (c.getPlot() instanceof XYPlot) {
            XYPlot p = (XYPlot) c.getPlot();
            d.append("x axis: ").append(p.getDomainAxis().getLabel()).append("; y axis: ").append(p.getRangeAxis().getLabel());
            if (p.getRangeAxisCount() > 1 && p.getRangeAxis(1) != null) d.append("; right y axis: ").append(p.getRangeAxis(1).getLabel());
            d.append("; series: ").append(String.join(", ", seriesNames(c)));
        } else if (c.getPlot() instanceof CategoryPlot) {
            CategoryPlot p = (CategoryPlot) c.getPlot();
            d.append("x axis: ").append(p.getDomainAxis().getLabel()).append("; y axis: ").append(p.getRangeAxis().getLabel());
        }
        if (more != null) d.append("; ").append(more);
        String title = c.getTitle() == null ? "" : c.getTitle().getText();
        return "<title>" + xml(title) + "</title><desc>" + xml(d.toString()) + "</desc>";
    }

    private static String xml(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The series names of every dataset of the plot, for the SVG description. */
    private static java.util.List<String> seriesNames(JFreeChart c) {
        java.util.List<String> names = new java.util.ArrayList<>();
        if (c.getPlot() instanceof XYPlot) {
            XYPlot p = (XYPlot) c.getPlot();
            for (int d = 0; d < p.getDatasetCount(); d++) {
                if (p.getDataset(d) == null) continue;
                for (int s = 0; s < p.getDataset(d).getSeriesCount(); s++) names.add(String.valueOf(p.getDataset(d).getSeriesKey(s)));
            }
        }
        return names;
    }
}
