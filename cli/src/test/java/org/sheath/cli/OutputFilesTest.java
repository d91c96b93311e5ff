package org.sheath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Analysis outputs: checked before the work, written in the format their extension names, never overwritten silently. */
class OutputFilesTest {
    static final String TOP = "../inputs/litfsi-zn-dmf/system.top";
    static final String XTC = "../analysis/src/test/resources/rdf/litfsi.xtc";
    @TempDir Path dir;

    Cli.Result rdf(String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("analyze", "rdf", "-s", TOP, "-f", XTC, "--ref", "name LI", "--sel", "name O1",
                "--last-frame", "4"));
        a.addAll(List.of(extra));
        return Cli.run(a.toArray(String[]::new));
    }

    @Test
    void badOutputsAreRefusedBeforeTheAnalysis() {
        Cli.Result missing = rdf("-o", dir.resolve("no/such/folder/g.csv").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("sheath: error: -o ").contains("does not exist; create it first");
        assertThat(missing.out()).isEmpty(); // nothing was analysed
        Cli.Result unknown = rdf("-o", dir.resolve("g.txt").toString());
        assertThat(unknown.err().strip()).endsWith("unknown format '.txt'; use .csv, .xvg, .json");
        Cli.Result plot = rdf("--plot", dir.resolve("g.pdf").toString());
        assertThat(plot.err().strip()).endsWith("unknown format '.pdf'; use .png, .svg");
        assertThat(Cli.run("analyze", "shells", "-s", TOP, "-f", XTC, "--ref", "name LI", "--species", "DMF=resname DMF and name O1",
                "-o", dir.resolve("s.xvg").toString()).err()).contains("unknown format '.xvg'; use .csv");
    }

    @Test
    void xvgAndJsonByTheExtension() throws Exception {
        Path xvg = dir.resolve("g.xvg"), json = dir.resolve("g.json");
        assertThat(rdf("-o", xvg.toString()).code()).isZero();
        List<String> x = Files.readAllLines(xvg);
        assertThat(x).contains("@    xaxis  label \"r (nm)\"", "@ s0 legend \"g(r)\"", "@ s1 legend \"CN\"");
        List<String> data = x.stream().filter(l -> !l.startsWith("#") && !l.startsWith("@")).toList();
        assertThat(data).hasSize(925).allSatisfy(l -> assertThat(l.trim().split("\\s+")).hasSize(3));
        assertThat(rdf("-o", json.toString()).code()).isZero();
        JsonNode d = new ObjectMapper().readTree(json.toFile());
        assertThat(d.at("/curve/rNm")).hasSize(925);
        assertThat(d.at("/curve/g")).hasSize(925);
        assertThat(d.at("/firstShell/cn").isNumber()).isTrue();
        Path msd = dir.resolve("m.xvg");
        assertThat(Cli.run("analyze", "msd", "-s", TOP, "-f", XTC, "--sel", "resname LI TFSI", "-o", msd.toString()).code()).isZero();
        assertThat(Files.readAllLines(msd)).contains("@ s0 legend \"LI\"", "@ s1 legend \"TFSI\"");
    }

    @Test
    void anExistingFileIsBackedUpUnlessForced() throws Exception {
        Path csv = dir.resolve("g.csv");
        Files.writeString(csv, "an earlier result\n");
        Cli.Result r = rdf("-o", csv.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("backed up " + csv + " to " + dir.resolve("#g.csv.1#"));
        assertThat(Files.readString(dir.resolve("#g.csv.1#"))).isEqualTo("an earlier result\n");
        assertThat(Files.readString(csv)).startsWith("# sheath analyze rdf");
        assertThat(rdf("-o", csv.toString()).code()).isZero();
        assertThat(dir.resolve("#g.csv.2#")).exists();
        Cli.Result forced = rdf("-o", csv.toString(), "--force");
        assertThat(forced.err()).doesNotContain("backed up");
        assertThat(dir.resolve("#g.csv.3#")).doesNotExist();
    }
}
