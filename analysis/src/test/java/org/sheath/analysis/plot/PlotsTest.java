package org.sheath.analysis.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sheath.analysis.core.AnalysisRunner;
import org.sheath.analysis.core.Universe;
import org.sheath.analysis.rdf.RdfAnalysis;
import org.sheath.analysis.rdf.RdfOptions;
import org.sheath.analysis.rdf.RdfResult;
import org.sheath.analysis.select.Sites;
import org.sheath.analysis.shells.ShellOptions;
import org.sheath.analysis.shells.ShellResult;
import org.sheath.analysis.shells.Shells;
import org.sheath.analysis.traj.TrajectoryFormats;
import org.sheath.analysis.traj.TrajectoryReader;
import org.sheath.analysis.transport.MsdAnalysis;
import org.sheath.analysis.transport.MsdOptions;
import org.sheath.analysis.transport.MsdResult;
import org.sheath.forcefields.InputException;
import org.w3c.dom.Document;

/** The charts are valid PNG/SVG files of the expected size with their axis titles (written to target/plots to look at). */
class PlotsTest {
    static final Path OUT = Path.of("target/plots");
    static Universe u;
    static final Supplier<TrajectoryReader> XTC = () -> TrajectoryFormats.open(Path.of("src/test/resources/rdf/litfsi.xtc"));
    static final AnalysisRunner.Options RUN = AnalysisRunner.Options.defaults().withThreads(2);

    @BeforeAll
    static void load() throws Exception {
        Files.createDirectories(OUT);
        u = Universe.load(Path.of("../inputs/litfsi-zn-dmf/system.top"));
    }

    static void assertPng(Path p) throws Exception {
        byte[] b = Files.readAllBytes(p);
        assertThat(b.length).isGreaterThan(10_000);
        assertThat(java.util.Arrays.copyOf(b, 8)).containsExactly(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a);
        assertThat(new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("IHDR");
        ByteBuffer bb = ByteBuffer.wrap(b, 16, 8);
        assertThat(bb.getInt()).isEqualTo(Plots.WIDTH);
        assertThat(bb.getInt()).isEqualTo(Plots.HEIGHT);
        var img = javax.imageio.ImageIO.read(p.toFile());
        // not blank: many distinct colours
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) for (int x = 0; x < img.getWidth(); x += 3) colours.add(img.getRGB(x, y));
        assertThat(colours.size()).isGreaterThan(20);
    }

    /** The SVG's words as drawn: the contents of its {@code <text>} elements, one per line. */
    static String svgText(Path p) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var texts = f.newDocumentBuilder().parse(p.toFile()).getElementsByTagName("text");
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < texts.getLength(); i++) s.append(texts.item(i).getTextContent()).append('\n');
        return s.toString();
    }

    static String assertSvg(Path p) throws Exception {
        byte[] b = Files.readAllBytes(p);
        // real text, not glyph outlines: small and editable
        assertThat(b.length).isLessThan(200_000);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // no network
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(b));
        assertThat(d.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(d.getDocumentElement().getAttribute("width")).startsWith(Integer.toString(Plots.WIDTH));
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void rdfWithCoordinationNumber() throws Exception {
        RdfResult r = AnalysisRunner.run(new RdfAnalysis(), u, RdfOptions.of("name LI", "resname DMF and name O1").withRmax(1.0),
                XTC, "litfsi.xtc", RUN);
        Plots.rdf(r, OUT.resolve("rdf.png"));
        assertPng(OUT.resolve("rdf.png"));
        Plots.rdf(r, OUT.resolve("rdf.svg"));
        String svg = assertSvg(OUT.resolve("rdf.svg"));
        assertThat(svg).contains("r (nm)").contains("g(r)").contains("coordination number");
        // a chemist's title and a caption with the trajectory, frames and time range
        assertThat(r.refLabel()).isEqualTo("Li");
        assertThat(r.selLabel()).isEqualTo("O(DMF)");
        assertThat(svg).contains("<title>Li – O(DMF)</title>");
        // drawn as text: title, axes, ticks, legend and the caption with trajectory, frames and time range
        assertThat(svgText(OUT.resolve("rdf.svg"))).contains("Li – O(DMF)\n", "r (nm)\n", "g(r)\n", "coordination number\n",
                "CN(r)\n", "0.5\n", "[litfsi.xtc: 50 frames, t = 0-98 ps]\n");
    }

    @Test
    void coordinationAxisIsScaledToTheFirstShell() {
        assertThat(Plots.niceCeiling(2.5 * 3.87)).isEqualTo(10.0);
        assertThat(Plots.niceCeiling(2.5 * 6.0)).isEqualTo(20.0);
        assertThat(Plots.niceCeiling(0.9)).isEqualTo(1.0);
        assertThat(Plots.niceCeiling(2.1)).isEqualTo(2.5);
    }

    @Test
    void shellCompositions() throws Exception {
        ShellOptions o = ShellOptions.of("name LI", List.of(new ShellOptions.Species("DMF", "resname DMF and name O1", 0.3),
                new ShellOptions.Species("TFSI", "resname TFSI and name O O1 O2 O3", 0.3))).withResidence(false);
        ShellResult r = Shells.run(u, o, XTC, "litfsi.xtc", RUN);
        Plots.compositions(r, OUT.resolve("shells.png"), 10);
        assertPng(OUT.resolve("shells.png"));
        Plots.compositions(r, OUT.resolve("shells.svg"), 10);
        assertThat(assertSvg(OUT.resolve("shells.svg"))).contains("shell composition").contains(r.compositions().get(0).label());
        assertThat(svgText(OUT.resolve("shells.svg"))).contains("shell composition\n", r.compositions().get(0).label() + "\n");
    }

    @Test
    void msdLogLogWithFitWindow() throws Exception {
        MsdResult r = AnalysisRunner.run(new MsdAnalysis(), u, MsdOptions.of("resname LI TFSI DMF").withSite(Sites.Mode.COM),
                XTC, "litfsi.xtc", RUN);
        Plots.msd(r, OUT.resolve("msd.png"));
        assertPng(OUT.resolve("msd.png"));
        Plots.msd(r, OUT.resolve("msd.svg"));
        assertThat(assertSvg(OUT.resolve("msd.svg"))).contains("t (ps)").contains("MSD (nm²)").contains("LI fit");
        // decades labelled on both axes, D in 10⁻⁹ m²/s
        assertThat(svgText(OUT.resolve("msd.svg"))).contains("t (ps)\n", "MSD (nm²)\n", "10\n", "1\n", "× 10⁻⁹ m²/s\n");
    }

    @Test
    void decadeLabels() {
        assertThat(Plots.decadeLabel(1)).isEqualTo("1");
        assertThat(Plots.decadeLabel(100)).isEqualTo("100");
        assertThat(Plots.decadeLabel(0.01)).isEqualTo("0.01");
        assertThat(Plots.decadeLabel(1e-5)).isEqualTo("10⁻⁵");
        assertThat(Plots.decadeLabel(1e6)).isEqualTo("10⁶");
    }

    @Test
    void unknownExtensionIsAnInputError() {
        var chart = new org.jfree.chart.JFreeChart(new org.jfree.chart.plot.XYPlot());
        assertThatThrownBy(() -> ChartFiles.save(chart, OUT.resolve("x.gif"), null))
                .isInstanceOf(InputException.class).hasMessageContaining("use a .png or .svg");
    }
}
