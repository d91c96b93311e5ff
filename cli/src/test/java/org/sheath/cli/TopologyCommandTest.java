package org.sheath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyCommandTest {
    static final Path DMF = Path.of("../../shared/reference/forcefield-sources/freesolv-gaff-am1bcc/mobley_8011706");
    @TempDir Path dir;


    @Test
    void reportsMoleculesChargesAndTerms() {
        Cli.Result r = Cli.run("topology", "-p", DMF + ".top", "-c", DMF + ".gro");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("MOL").contains("12 atoms").contains("harmonic bond").contains("non-integral");
        assertThat(r.out()).contains("warning: molecule type MOL has a non-integral net charge -0.000200 e");
    }

    @Test
    void jsonAndNeutralize() throws Exception {
        Cli.Result r = Cli.run("topology", "-p", DMF + ".top", "--neutralize", "--json");
        assertThat(r.code()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.at("/report/atoms").asInt()).isEqualTo(12);
        assertThat(Math.abs(doc.at("/report/totalCharge").asDouble())).isLessThan(1e-12);
        assertThat(doc.at("/report/termCounts/HARMONIC_ANGLE").asInt()).isEqualTo(18);
        assertThat(doc.at("/report/warnings")).isEmpty();
    }

    @Test
    void malformedTopologyExitsWithCode2AndOneLine() throws Exception {
        Path bad = dir.resolve("bad.top");
        Files.writeString(bad, "[ defaults ]\n1 2 yes 0.5 0.8333\n[ atomtypez ]\n");
        Cli.Result r = Cli.run("topology", "-p", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("sheath: error: " + bad + ":3: unknown directive [ atomtypez ]; check the "
                + "spelling (e.g. [ atoms ], [ bonds ], [ dihedrals ])");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void atomCountMismatchWithCoordinatesExitsWithCode2() throws Exception {
        Path gro = dir.resolve("two.gro");
        Files.writeString(gro, "t\n    1\n    1MOL     C1    1   0.000   0.000   0.000\n   3.0 3.0 3.0\n");
        Cli.Result r = Cli.run("topology", "-p", DMF + ".top", "-c", gro.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("two.gro: 1 atoms, but the topology").doesNotContain("Exception");
    }

    @Test
    void missingFileAndUnknownOptionExitWithCode2() {
        assertThat(Cli.run("topology", "-p", dir.resolve("none.top").toString()).code()).isEqualTo(2);
        Cli.Result r = Cli.run("topology", "-p", DMF + ".top", "--bogus");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--bogus'");
    }

    @Test
    void exportWritesAGromacsTopologyThatReadsBack() {
        Path out = dir.resolve("flat.top");
        assertThat(Cli.run("topology", "-p", DMF + ".top", "--export-gromacs", out.toString()).code()).isZero();
        Cli.Result again = Cli.run("topology", "-p", out.toString(), "--json");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("\"HARMONIC_BOND\" : 11");
    }

    @Test
    void emptyTopologiesAreErrors(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path empty = tmp.resolve("empty.top"), noCounts = tmp.resolve("zero.top");
        java.nio.file.Files.writeString(empty, "");
        java.nio.file.Files.writeString(noCounts, "#include \"electrolyte.ff/forcefield.itp\"\n#include \"electrolyte.ff/li.itp\"\n"
                + "[ system ]\nx\n[ molecules ]\nLI 0\n");
        Cli.Result a = Cli.run("topology", "-p", empty.toString());
        assertThat(a.code()).isEqualTo(2);
        assertThat(a.err().strip()).isEqualTo("sheath: error: " + empty + ": no [ molecules ] section: the topology describes no "
                + "atoms; list the molecule types and their counts under [ molecules ]");
        Cli.Result b = Cli.run("topology", "-p", noCounts.toString());
        assertThat(b.code()).as(b.err()).isEqualTo(2);
        assertThat(b.err()).contains("all [ molecules ] counts are 0");
    }

    @Test
    void atomsListsTheNamesSelectionsUse() throws Exception {
        Cli.Result t = Cli.run("topology", "-p", "../inputs/litfsi-zn-dmf/system.top", "--atoms");
        assertThat(t.code()).isZero();
        assertThat(t.out()).contains("atoms per molecule type").containsPattern("\\n    TFSI\\n")
                .containsPattern("10 O3 +tfsi_OBT +TFSI +-0\\.53000");
        Cli.Result j = Cli.run("topology", "-p", "../inputs/litfsi-zn-dmf/system.top", "--atoms", "--json");
        com.fasterxml.jackson.databind.JsonNode d = new com.fasterxml.jackson.databind.ObjectMapper().readTree(j.out());
        assertThat(d.at("/atoms/TFSI")).hasSize(15);
        assertThat(d.at("/atoms/TFSI/9/name").asText()).isEqualTo("O3");
        assertThat(d.at("/atoms/TFSI/9/type").asText()).isEqualTo("tfsi_OBT");
        assertThat(d.at("/atoms/LI/0/charge").asDouble()).isEqualTo(1.0);
    }
}
