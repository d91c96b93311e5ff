package org.sheath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheath.analysis.traj.Frame;
import org.sheath.analysis.traj.TrajectoryFormats;
import org.sheath.analysis.traj.TrajectoryReader;
import org.sheath.engine.io.XtcWriter;

class AnalyzeShellsMsdCompareTest {
    static final String TOP = "../inputs/litfsi-zn-dmf/system.top";
    static final String XTC = "../analysis/src/test/resources/rdf/litfsi.xtc";
    static final String[] SPECIES = {"--species", "DMF=resname DMF and name O1", "--species", "TFSI=resname TFSI and name O O1 O2 O3"};
    @TempDir Path dir;


    static String[] cat(String[] a, String... b) {
        String[] o = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, o, a.length, b.length);
        return o;
    }

    static String[] shells(String... more) {
        return cat(cat(new String[] {"analyze", "shells", "-s", TOP, "-f", XTC, "--ref", "name LI", "--threads", "2"}, SPECIES), more);
    }

    @Test
    void shellsWithPairingCsvPlotAndJson() throws Exception {
        Path csv = dir.resolve("comp.csv"), png = dir.resolve("comp.png"), acf = dir.resolve("acf.csv");
        Cli.Result r = Cli.run(shells("--anion", "TFSI", "--cations", "name ZN", "-o", csv.toString(), "--plot", png.toString(),
                "--acf", acf.toString(), "--json"));
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        JsonNode d = new ObjectMapper().readTree(r.out());
        assertThat(d.at("/analysis").asText()).isEqualTo("shells");
        assertThat(d.at("/species/DMF/radiusFrom").asText()).isEqualTo("first minimum of the RDF");
        assertThat(d.at("/pairing/otherCations").asInt()).isEqualTo(4);
        assertThat(d.at("/pairing/ssip").asDouble() + d.at("/pairing/cip").asDouble() + d.at("/pairing/agg").asDouble())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Files.readAllLines(csv).get(1)).isEqualTo("composition,DMF,TFSI,count,fraction");
        assertThat(Files.readAllLines(acf).get(1)).isEqualTo("t_ps,C_DMF,C_TFSI");
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void zincShellsAsText() {
        Cli.Result r = Cli.run("analyze", "shells", "-s", TOP, "-f", XTC, "--ref", "name ZN", SPECIES[0], SPECIES[1], SPECIES[2], SPECIES[3],
                "--anion", "TFSI", "--cations", "name LI", "--radius", "DMF=0.3", "--radius", "TFSI=0.3", "--cation-radius", "0.3",
                "--threads", "1");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Shells of name ZN (4 sites, Zn): 50 frames").contains("0.300 (given)")
                .contains("pairing with TFSI: SSIP").contains("Zn(DMF)");
    }

    @Test
    void msdWithConductivityAndPlot() throws Exception {
        Path svg = dir.resolve("msd.svg"), csv = dir.resolve("msd.csv");
        Cli.Result r = Cli.run("analyze", "msd", "-s", TOP, "-f", XTC, "--sel", "resname LI ZN TFSI DMF", "--site", "com",
                "--temperature", "300", "--plot", svg.toString(), "-o", csv.toString(), "--json");
        assertThat(r.err()).isEmpty();
        JsonNode d = new ObjectMapper().readTree(r.out());
        assertThat(d.at("/species/LI/charge").asDouble()).isEqualTo(1.0);
        assertThat(d.at("/species/ZN/charge").asDouble()).isEqualTo(2.0);
        assertThat(d.at("/nernstEinstein/conductivitySPerM").asDouble()).isPositive();
        // 100 ps of a small box: the MSDs are not diffusive yet (log-log slopes ~0.7), and the result says so
        assertThat(d.at("/species/LI/logLogSlope").asDouble()).isLessThan(0.9);
        assertThat(d.at("/species/LI/diffusive").asBoolean()).isFalse();
        assertThat(d.at("/species/LI/warning").asText()).startsWith("LI: the MSD's log-log slope over ").contains("not diffusive");
        assertThat(Files.readString(svg)).contains("<svg").contains("MSD (nm²)");
        assertThat(Files.readAllLines(csv).get(1)).isEqualTo("t_ps,msd_ZN_nm2,msd_LI_nm2,msd_TFSI_nm2,msd_DMF_nm2");
        Cli.Result text = Cli.run("analyze", "msd", "-s", TOP, "-f", XTC, "--sel", "name LI", "--fit-start", "4", "--fit-end", "20",
                "--temperature", "300", "--charge", "LI=0.8");
        assertThat(text.out()).contains("LI").contains("4-20").contains("Nernst-Einstein: sigma =").contains("t+ = 1.000")
                .contains("(from non-diffusive fits: not converged)")
                .contains("warning: LI: the MSD's log-log slope over 4-20 ps is 0.");
        Path m1 = dir.resolve("msd1.json"), m2 = dir.resolve("msd2.json");
        Files.writeString(m1, Cli.run("analyze", "msd", "-s", TOP, "-f", XTC, "--sel", "name LI", "--json").out());
        Files.writeString(m2, Cli.run("analyze", "msd", "-s", TOP, "-f", XTC, "--sel", "name LI", "--json", "--first-frame", "10").out());
        Cli.Result c = Cli.run("analyze", "compare", m1.toString(), m2.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out().lines()).anySatisfy(l -> assertThat(l).startsWith("| D LI log-log slope |").contains("(not diffusive)"));
    }

    @Test
    void compareTwoRuns() throws Exception {
        Path a = dir.resolve("pll.json"), b = dir.resolve("pllz.json"), md = dir.resolve("table.md");
        Cli.Result ra = Cli.run(shells("--anion", "TFSI", "--no-residence", "--json", "--last-frame", "24"));
        Cli.Result rb = Cli.run(shells("--anion", "TFSI", "--no-residence", "--json", "--first-frame", "25", "--radius", "DMF=0.25"));
        Files.writeString(a, ra.out());
        Files.writeString(b, rb.out());
        Cli.Result c = Cli.run("analyze", "compare", a.toString(), b.toString(), "--labels", "PLL,PLLZ", "-o", md.toString());
        assertThat(c.err()).isEmpty();
        assertThat(c.code()).isZero();
        List<String> t = Files.readAllLines(md);
        assertThat(t.get(0)).isEqualTo("| quantity | PLL | PLLZ |");
        assertThat(t).anySatisfy(l -> assertThat(l).startsWith("| Li shell, DMF: CN |"));
        assertThat(t).anySatisfy(l -> assertThat(l).startsWith("| Li shell, DMF: radius (nm) |").endsWith(" 0.250 |"));
        assertThat(t).anySatisfy(l -> assertThat(l).startsWith("| Li pairing with TFSI: AGG % |"));
    }

    @Test
    void rdfPlot() throws Exception {
        Path png = dir.resolve("rdf.png");
        Cli.Result r = Cli.run("analyze", "rdf", "-s", TOP, "-f", XTC, "--ref", "name LI", "--sel", "resname DMF and name O1",
                "--rmax", "1.0", "--last-frame", "9", "--plot", png.toString());
        assertThat(r.code()).isZero();
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    static void assertOneLineError(Cli.Result r, String start) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("sheath: error: " + start).doesNotContain("\n");
    }

    @Test
    void badInputExitsWith2() throws Exception {
        assertOneLineError(Cli.run(shells("--radius", "EC=0.3")), "--radius EC: unknown species; give one of DMF, TFSI");
        assertOneLineError(Cli.run(shells("--species", "PF6=resname PF6")), "--species PF6 'resname PF6' selects no atoms");
        assertOneLineError(Cli.run(shells("--species", "oops")), "--species 'oops': use NAME=SEL");
        assertOneLineError(Cli.run(shells("--anion", "PF6")), "--anion PF6: unknown species");
        assertOneLineError(Cli.run("analyze", "msd", "-s", TOP, "-f", XTC, "--sel", "name Q"), "--sel 'name Q' selects no atoms");
        assertOneLineError(Cli.run("analyze", "msd", "-s", TOP, "-f", XTC, "--sel", "name LI", "--last-frame", "5"),
                "too few frames for an automatic MSD fit window of LI");
        assertOneLineError(Cli.run("analyze", "msd", "-s", TOP, "-f", XTC, "--sel", "name LI", "--temperature", "300",
                "--charge", "NA=1"), "--charge NA: no such species");
        // an XTC whose frames are not evenly spaced in time
        Path uneven = dir.resolve("uneven.xtc");
        try (TrajectoryReader in = TrajectoryFormats.open(Path.of(XTC)); XtcWriter w = XtcWriter.open(uneven, in.atomCount())) {
            Frame f = new Frame();
            for (int k = 0; k < 12 && in.next(f); k++) {
                f.time = k < 6 ? 2 * k : 2 * k + 1;
                w.append(f.step, f.time, f.box, f.x, f.y, f.z);
            }
        }
        assertOneLineError(Cli.run(cat(new String[] {"analyze", "shells", "-s", TOP, "-f", uneven.toString(), "--ref", "name LI",
                "--radius", "DMF=0.3", "--radius", "TFSI=0.3"}, SPECIES)), "residence times needs evenly spaced frames");
        assertOneLineError(Cli.run("analyze", "msd", "-s", TOP, "-f", uneven.toString(), "--sel", "name LI"),
                "an MSD needs evenly spaced frames");
        assertOneLineError(Cli.run("analyze", "compare", dir.resolve("missing.json").toString()), dir.resolve("missing.json") + ": cannot read");
    }
}
