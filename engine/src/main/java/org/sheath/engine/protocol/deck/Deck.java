package org.sheath.engine.protocol.deck;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sheath.forcefields.InputException;

/**
 * A validated input deck (TOML; every key in {@code docs/deck.md}). {@link #read(Path)} parses and checks
 * the whole deck and throws an {@link InputException} (one line: deck file, line, what is wrong, how to
 * fix) at the first problem; suspicious but allowed settings end up in {@link #warnings()}, one line each
 * in the same form.
 *
 * @param title    {@code title}, or the deck's file name without extension
 * @param seed     {@code seed} (default 1): building, velocities, stochastic thermostats and barostats
 * @param stages   in deck order, names unique
 * @param analyses in deck order; each names an md stage that writes a trajectory
 * @param deckDir  the folder relative paths were resolved against (absolute)
 * @param file     the deck file as given (the name messages use)
 * @param warnings one line each, {@code file:line: what; why it matters}
 */
public record Deck(String title, long seed, SystemSpec system, ForcesSpec forces, OutputSpec output,
                   List<StageSpec> stages, List<AnalysisSpec> analyses, Path deckDir, Path file, List<String> warnings) {
    public Deck {
        stages = List.copyOf(stages);
        analyses = List.copyOf(analyses);
        warnings = List.copyOf(warnings);
    }

    /** Reads and validates the deck file. */
    public static Deck read(Path file) {
        return DeckReader.read(file);
    }

    /**
     * Validates deck text as if it were the file {@code file} (relative paths resolve against its
     * folder, messages name it); the file itself is not read.
     */
    public static Deck parse(String text, Path file) {
        return new DeckReader(file).parse(text);
    }

    public Optional<StageSpec> stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The deck with another seed (e.g. derived from a replica index); stage seeds stay as written. */
    public Deck withSeed(long newSeed) {
        return new Deck(title, newSeed, system, forces, output, stages, analyses, deckDir, file, warnings);
    }
}
