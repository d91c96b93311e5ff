package org.sheath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sheath.engine.protocol.RunCheckpoint;

/**
 * {@code sheath run} on malformed decks (exit code 2, one line naming the deck and the line, no stack
 * trace; the deck model's own tests cover 98 cases, these check the wiring through the command line),
 * and a run that blows up: it stops with a message and leaves the last good checkpoint and the frames
 * written so far readable.
 */
class RunErrorsTest {
    @TempDir Path dir;
    Path deck;
    String good;

    @BeforeEach
    void files() throws IOException, URISyntaxException {
        Path res = Path.of(RunErrorsTest.class.getResource("run/small.toml").toURI()).getParent();
        for (String f : List.of("small.top", "small.gro")) Files.copy(res.resolve(f), dir.resolve(f));
        good = Files.readString(res.resolve("small.toml"));
        deck = dir.resolve("bad.toml");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown key, did you mean     | cutoff = 0.9                  | cutof = 0.9                 | 10 | [forces]: unknown key 'cutof'; did you mean 'cutoff'?",
        "wrong type                    | seed = 5                      | seed = \"five\"              | 3  | expected a whole number",
        "missing file                  | topology = \"small.top\"       | topology = \"gone.top\"      | 6  | gone.top",
        "zero dt                       | dt = \"1 fs\"                  | dt = 0                      | 30 | dt",
        "unknown ensemble              | ensemble = \"nvt\"             | ensemble = \"nvx\"           | 29 | nvx",
        "unknown thermostat            | thermostat = \"v-rescale\"     | thermostat = \"berendsen\"   | 33 | berendsen",
        "npt without pressure          | pressure = \"1 bar\"           | # no pressure               | 36 | needs a pressure",
        "stage name repeated           | name = \"nvt\"                 | name = \"heat\"              | 50 | heat",
        "lbfgs with constraints        | steps = 200                   | algorithm = \"lbfgs\"        | 20 | lbfgs",
    })
    void malformedDeckExit2OneLine(String what, String from, String to, int line, String message) throws IOException {
        assertThat(good).as(what).contains(from.strip());
        Files.writeString(deck, good.replaceFirst(java.util.regex.Pattern.quote(from.strip()), to.strip()));
        Cli.Result r = Cli.run("run", deck.toString(), "-o", dir.resolve("out").toString(), "--threads", "1");
        assertThat(r.code()).as(what + ": " + r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).as(what + ": one line").hasSize(1);
        assertThat(r.err()).as(what).startsWith("sheath: error: " + deck + ":" + line + ": ").contains(message)
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void compositionWithAnUnknownSpecies() throws IOException {
        Files.writeString(deck, good.replace("topology = \"small.top\"\ncoordinates = \"small.gro\"",
                "molecules = { LI = 2, TFSI = 2, DMG = 40 }\ndensity = 0.9"));
        Cli.Result r = Cli.run("run", deck.toString(), "-o", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).singleElement().satisfies(l -> assertThat(l).contains(deck + ":").contains("DMG"));
    }

    @Test
    void missingDeck() {
        Cli.Result r = Cli.run("run", dir.resolve("nothing.toml").toString(), "-o", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).singleElement().satisfies(l -> assertThat(l).contains("nothing.toml").contains("no such deck"));
    }

    @Test
    void blowUpStopsWithAMessageAndLeavesTheCheckpointAndFrames() throws IOException {
        // 20 fs steps with the C-H bonds rigid but every other bond flexible: the heavy-atom bonds blow up
        String d = good.replace("""
                [[stage]]
                name = "em\"""", """
                [[stage]]
                name = "hot"
                type = "md"
                ensemble = "nvt"
                dt = "20 fs"
                length = "40 ps"
                temperature = 300
                thermostat = "v-rescale"

                [[stage]]
                name = "em\"""").replace("energies = \"0.02 ps\"", "energies = \"0.04 ps\"")
                .replace("trajectory = \"0.1 ps\"", "trajectory = \"0.04 ps\"").replace("checkpoint = \"0.1 ps\"", "checkpoint = \"0.2 ps\"");
        Files.writeString(deck, d);
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("run", deck.toString(), "-o", out.toString(), "--threads", "1");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).singleElement().satisfies(l -> assertThat(l).contains("stage 'hot' blew up at t = ")
                .contains("last good checkpoint").contains("checkpoint.cpt").contains("hot.xtc").doesNotContain("Exception"));
        RunCheckpoint cp = RunCheckpoint.read(out.resolve("checkpoint.cpt"));
        assertThat(cp.stage()).isZero();
        List<String> xtc = RunCommandTest.frames(out.resolve("hot.xtc"));
        assertThat(xtc).isNotEmpty().doesNotHaveDuplicates();
        assertThat(RunCommandTest.frames(out.resolve("hot.h5"))).isEqualTo(xtc);
        assertThat(cp.xtcFrames()).isLessThanOrEqualTo(xtc.size());
        assertThat(Files.readString(out.resolve("summary.json"))).contains("blew up in stage 'hot'");
    }

    @Test
    void resumingWithAnotherDeckOrReplicaIsRefused() throws IOException {
        Files.writeString(deck, good);
        Path out = dir.resolve("out");
        // stops at once (this JVM is older than 1 s): leaves the first checkpoint
        assertThat(Cli.run("run", deck.toString(), "-o", out.toString(), "--threads", "1", "--max-hours", "0.0003").code()).isEqualTo(3);
        Cli.Result other = Cli.run("run", deck.toString(), "-o", out.toString(), "--threads", "1", "--resume", "--replica", "4");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("written with seed").contains("same replica");
        Files.writeString(deck, good.replace("seed = 5", "seed = 6"));
        Cli.Result changed = Cli.run("run", deck.toString(), "-o", out.toString(), "--threads", "1", "--resume");
        assertThat(changed.code()).isEqualTo(2);
        assertThat(changed.err().strip().lines()).singleElement().satisfies(l -> assertThat(l).contains("written for another deck"));
    }
}
