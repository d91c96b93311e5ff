package org.sheath.engine.protocol.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The TOML examples of docs/deck.md parse, without warnings. */
class DocsDeckTest {
    private static List<String> tomlBlocks() throws Exception {
        Path doc = Path.of("..", "docs", "deck.md");
        Matcher m = Pattern.compile("```toml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(doc));
        List<String> blocks = new ArrayList<>();
        while (m.find()) blocks.add(m.group(1));
        return blocks;
    }

    @Test
    void theFullExampleParses() throws Exception {
        String full = tomlBlocks().get(0);
        Deck deck = Deck.parse(full, Path.of("docs-example.toml"));
        assertThat(deck.warnings()).isEmpty();
        assertThat(deck.stages()).extracting(StageSpec::name).containsExactly("em", "anneal", "npt");
        assertThat(((SystemSpec.Composition) deck.system()).molecules().keySet()).containsExactly("LI", "ZN", "TFSI", "DMF");
    }

    @Test
    void theStageAndAnalysisExamplesParseTogether() throws Exception {
        List<String> blocks = tomlBlocks();
        assertThat(blocks).hasSize(4);
        Path dir = Path.of(DocsDeckTest.class.getResource("issue14/deck.toml").toURI()).getParent();
        String deck = "[system]\ntopology = \"system.top\"\ncoordinates = \"conf.gro\"\n[forces]\nconstraints = \"h-bonds\"\n"
                + blocks.get(1) + blocks.get(2) + blocks.get(3);
        Deck d = Deck.parse(deck, dir.resolve("docs-stages.toml"));
        assertThat(d.warnings()).isEmpty();
        assertThat(d.stages()).hasSize(2);
        assertThat(d.analyses().get(0).type()).isEqualTo(AnalysisSpec.Type.SHELLS);
    }
}
