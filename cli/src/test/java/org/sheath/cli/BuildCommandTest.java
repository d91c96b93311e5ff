package org.sheath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildCommandTest {
    @TempDir Path dir;

    @Test
    void buildsABoxThatTopologyAndEnergyAccept() throws Exception {
        Path out = dir.resolve("box");
        Cli.Result r = Cli.run("build", "--molecules", "LI=20,ZN=4,TFSI=28,DMF=250", "--density", "0.95", "--seed", "7",
                "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().strip().lines().count()).as("one paragraph").isEqualTo(1);
        assertThat(r.out()).contains("Built 3444 atoms in 302 molecules (LI 20, ZN 4, TFSI 28, DMF 250)")
                .contains("density 0.9500 g/cm3").contains("neutral").contains("Closest atoms of different molecules 0.2")
                .contains("Seed 7").contains("Wrote " + out.resolve("conf.gro"));
        String top = Files.readString(out.resolve("topol.top"));
        assertThat(top).startsWith("; sheath build --molecules LI=20,ZN=4,TFSI=28,DMF=250 --density 0.95 --seed 7\n")
                .contains("[ nonbond_params ]").doesNotContain("\n#include");
        assertThat(top.substring(top.lastIndexOf("[ molecules ]"))).containsSubsequence("LI 20", "ZN 4", "TFSI 28", "DMF 250");

        Cli.Result t = Cli.run("topology", "-p", out.resolve("topol.top").toString(), "-c", out.resolve("conf.gro").toString(), "--json");
        assertThat(t.code()).as(t.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(t.out());
        assertThat(doc.at("/report/atoms").asInt()).isEqualTo(3444);
        assertThat(doc.at("/coordinates/nameMismatches").asInt()).isZero();
        assertThat(doc.at("/coordinates/densityGcm3").asDouble()).isBetween(0.9499, 0.9501);

        Cli.Result e = Cli.run("energy", "-p", out.resolve("topol.top").toString(), "-c", out.resolve("conf.gro").toString(),
                "--threads", "2", "--json");
        assertThat(e.code()).as(e.err()).isZero();
        JsonNode en = new ObjectMapper().readTree(e.out()).get("energies");
        assertThat(Double.isFinite(en.get("Potential").asDouble())).isTrue();
        assertThat(en.get("LJ (SR)").asDouble()).isLessThan(1e5);
        assertThat(e.out()).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void refusesToOverwriteWithoutForceAndIsReproducible() throws Exception {
        Path out = dir.resolve("b");
        String[] args = {"build", "-m", "LI=4,TFSI=4,DMF=40", "--box", "2.6", "--seed", "3", "-o", out.toString()};
        assertThat(Cli.run(args).code()).isZero();
        String gro = Files.readString(out.resolve("conf.gro"));
        Cli.Result again = Cli.run(args);
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err().strip()).isEqualTo("sheath: error: " + out.resolve("conf.gro")
                + " already exists; use --force to overwrite it or another -o");
        assertThat(Files.readString(out.resolve("conf.gro"))).isEqualTo(gro);

        String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
        forced[args.length] = "--force";
        assertThat(Cli.run(forced).code()).isZero();
        assertThat(Files.readString(out.resolve("conf.gro"))).as("same seed, same file").isEqualTo(gro);

        Path other = dir.resolve("c");
        assertThat(Cli.run("build", "-m", "LI=4,TFSI=4,DMF=40", "--box", "2.6", "--seed", "4", "-o", other.toString()).code()).isZero();
        assertThat(Files.readString(other.resolve("conf.gro"))).isNotEqualTo(gro);
    }

    @Test
    void rectangularBoxDefinesAndTheCutoffNote() throws Exception {
        Path out = dir.resolve("d");
        Cli.Result r = Cli.run("build", "-m", "LI=4,TFSI=4,DMF=30", "--box", "2.0,2.2,2.4", "-DCHARGE_SCALE_0_8", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).startsWith("sheath: note: the box is 2.000 nm across, less than twice the default 1.2 nm cut-off; "
                + "use --cutoff 1.000 or less");
        assertThat(r.out()).contains("defines CHARGE_SCALE_0_8").contains("2.0000 x 2.2000 x 2.4000 nm box");
        String gro = Files.readString(out.resolve("conf.gro"));
        assertThat(gro.strip().lines().reduce((a, b) -> b).orElseThrow().strip()).isEqualTo("2.00000   2.20000   2.40000");
        Cli.Result t = Cli.run("topology", "-p", out.resolve("topol.top").toString(), "--json");
        JsonNode mols = new ObjectMapper().readTree(t.out()).at("/report/molecules");
        assertThat(mols.get(0).get("name").asText()).isEqualTo("LI");
        assertThat(mols.get(0).get("charge").asDouble()).isEqualTo(0.8, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(Cli.run("energy", "-p", out.resolve("topol.top").toString(), "-c", out.resolve("conf.gro").toString(),
                "--cutoff", "0.9", "--threads", "1").code()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown species   | -m LI=2,TFS=2 --box 3       | unknown species 'TFS'; did you mean TFSI? Known species in electrolyte.ff: DEC, DMC, DME, DMF, DOL, EC, EMC, FEC, FSI, LI, NO3, PF6, PVDF, PVHFP, SN, TFSI, ZN",
        "too dense         | -m LI=2,TFSI=2,DMF=40 --density 3.5 | do not fit",
        "zero density      | -m LI=2,TFSI=2 --density 0  | the density must be a positive number of g/cm3, got 0",
        "negative density  | -m LI=2,TFSI=2 --density -1 | the density must be a positive number of g/cm3, got -1",
        "bad box number    | -m LI=2,TFSI=2 --box 3,x,3  | --box '3,x,3': 'x' is not a number of nm",
        "two box numbers   | -m LI=2,TFSI=2 --box 3,3    | --box '3,3': give one edge",
        "negative box      | -m LI=2,TFSI=2 --box -3     | box edges must be positive numbers of nm, got -3",
        "zero count        | -m LI=0,TFSI=2 --box 3      | the count of LI must be a positive whole number, got 0",
        "negative count    | -m LI=-2,TFSI=2 --box 3     | the count of LI must be a positive whole number, got -2",
        "bad count         | -m LI=two --box 3           | bad count 'two' for LI",
        "twice             | -m LI=2,LI=3 --box 3        | LI is given twice",
        "bad define        | -m LI=2 --box 3 -D 2X       | bad macro name '2X'",
    })
    void badInputExitsWith2AndOneLine(String what, String args, String message) {
        Path out = dir.resolve("e");
        String[] a = (String.join(" ", "build", args.strip(), "-o", out.toString())).split(" ");
        Cli.Result r = Cli.run(a);
        assertThat(r.code()).as(what + ": " + r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).as(what + ": one line").isEqualTo(1);
        assertThat(r.err()).startsWith("sheath: error: ").contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
        assertThat(out.resolve("conf.gro")).doesNotExist();
    }

    @Test
    void usageErrorsExitWith2() {
        Path out = dir.resolve("f");
        assertThat(Cli.run("build", "-m", "LI=2", "--density", "1", "--box", "3", "-o", out.toString()).code()).isEqualTo(2);
        assertThat(Cli.run("build", "-m", "LI=2", "-o", out.toString()).code()).isEqualTo(2);
        assertThat(Cli.run("build", "--box", "3", "-o", out.toString()).code()).isEqualTo(2);
        assertThat(Cli.run("build", "-m", "LI=2", "--box", "3").code()).isEqualTo(2);
        assertThat(Cli.run("build", "-m", "LI=2", "--density", "abc", "-o", out.toString()).code()).isEqualTo(2);
        assertThat(Cli.run("build", "--help").code()).isZero();
    }

    @Test
    void outputPathThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Cli.Result r = Cli.run("build", "-m", "LI=2", "--box", "3", "-o", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("exists and is not a directory");
    }
}
