package org.sheath.engine.protocol.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every example deck in inputs/ parses without warnings (but those it announces), and a built box fits its cut-off — so that a
 * user's first `sheath run inputs/X.toml` does not stop at its deck (the long ones are not run in CI).
 */
class InputDecksTest {
    @Test
    void everyExampleDeckParsesWithoutWarnings() throws Exception {
        List<Path> decks;
        try (Stream<Path> s = Files.walk(Path.of("..", "inputs"), 2)) {
            decks = s.filter(p -> p.toString().endsWith(".toml")).sorted().toList();
        }
        assertThat(decks).extracting(p -> p.getFileName().toString()).contains("demo.toml", "pll.toml", "pllz.toml", "equilibrate.toml");
        for (Path p : decks) {
            Deck d = Deck.read(p);
            // a deck may keep a setting Sheath warns about when it says so: "# expected warning: TEXT"
            List<String> expected = java.util.regex.Pattern.compile("(?m)^# expected warning: (.*)$")
                    .matcher(Files.readString(p)).results().map(m -> m.group(1).trim()).toList();
            assertThat(d.warnings()).as(p.toString()).allMatch(w -> expected.stream().anyMatch(w::contains));
            assertThat(d.warnings()).as(p + ": an expected warning that no longer comes").hasSizeGreaterThanOrEqualTo(expected.size());
            assertThat(d.stages()).as(p.toString()).isNotEmpty();
            if (d.system() instanceof SystemSpec.Composition c) {
                assertThat(c.molecules()).as(p.toString()).isNotEmpty();
                assertThat(BundledSpecies.all().keySet()).as(p.toString()).containsAll(c.molecules().keySet());
            }
        }
    }
}
