package org.sheath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study decks of inputs/ run through {@code sheath run} as written — the full composition, forces,
 * thermostats, barostats and analyses — with every stage cut to a few steps (the full runs take days):
 * the box is built and neutral, it fits the deck's cut-off, every stage and every analysis completes.
 */
class StudyDecksSmokeTest {
    private static final int EM_STEPS = 10;
    /** Each md stage's simulated length: 24 fs, with a frame every 2 fs the 13 frames an MSD fit needs. */
    private static final double MD_PS = 0.024;

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"litfsi-dol-dme", "lipf6-ec-emc-fec", "litfsi-lipf6-lino3-fec-dmc"})
    void runsEveryStageAndAnalysisOfTheDeck(String name) throws IOException {
        Path source = Path.of("..", "inputs", name + ".toml");
        String text = Files.readString(source);
        Path deck = dir.resolve(name + ".toml");
        Files.writeString(deck, shortened(text));
        Path out = dir.resolve("run");

        Cli.Result r = Cli.run("run", deck.toString(), "-o", out.toString(), "--no-progress");

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("built: Built " + atoms(text) + " atoms").contains(", neutral.");
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"status\" : \"complete\"");
        for (String stage : stageNames(text)) assertThat(out.resolve(stage + ".gro")).as(stage).isRegularFile();
        long analyses = Pattern.compile("(?m)^\\[\\[analysis]]").matcher(text).results().count();
        List<String> written;
        try (var files = Files.list(out.resolve("analysis"))) {
            written = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(written.stream().filter(f -> f.endsWith(".csv")).count()).as(written.toString()).isEqualTo(analyses);
        assertThat(r.out() + r.err()).doesNotContainIgnoringCase("nan");
        // no warning but those the deck announces ("# expected warning: TEXT")
        List<String> expected = expectedWarnings(text);
        for (String line : (r.out() + r.err()).split("\\R"))
            if (line.contains("warning")) assertThat(expected).as(line).anyMatch(line::contains);
    }

    /** The deck with each md stage cut to 24 fs (its temperature schedule squeezed to fit), each minimisation to EM_STEPS, and outputs every other step. */
    static String shortened(String deck) {
        String[] blocks = deck.split("(?m)^(?=\\[\\[)");
        StringBuilder sb = new StringBuilder();
        for (String b : blocks) {
            if (b.startsWith("[[stage]]")) b = shortenedStage(b);
            sb.append(b);
        }
        return sb.toString()
                .replaceFirst("(?m)^energies = .*$", "energies = \"2 fs\"")
                .replaceFirst("(?m)^trajectory = .*$", "trajectory = \"2 fs\"");
    }

    private static String shortenedStage(String stage) {
        if (stage.contains("type = \"minimize\"")) return stage.replaceFirst("(?m)^steps = \\d+", "steps = " + EM_STEPS);
        double dt = ps(value(stage, "dt")), length = ps(value(stage, "length"));
        double squeeze = MD_PS / length;
        stage = stage.replaceFirst("(?m)^length = .*$", "steps = " + Math.round(MD_PS / dt));
        Matcher schedule = Pattern.compile("(?m)^temperature = (\\[\\[.*]])").matcher(stage);
        if (schedule.find()) {
            Matcher point = Pattern.compile("\\[\\s*([0-9.eE+-]+)\\s*,\\s*([0-9.eE+-]+)\\s*]").matcher(schedule.group(1));
            List<String> points = new ArrayList<>();
            while (point.find()) points.add(String.format(Locale.ROOT, "[%.6f, %s]", Double.parseDouble(point.group(1)) * squeeze, point.group(2)));
            stage = stage.substring(0, schedule.start(1)) + "[" + String.join(", ", points) + "]" + stage.substring(schedule.end(1));
        }
        return stage;
    }

    private static String value(String block, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + " = \"([^\"]+)\"").matcher(block);
        if (!m.find()) throw new AssertionError("no " + key + " in " + block);
        return m.group(1);
    }

    private static double ps(String quantity) {
        String[] p = quantity.trim().split("\\s+");
        double v = Double.parseDouble(p[0]);
        return switch (p[1]) {
            case "fs" -> v * 1e-3;
            case "ps" -> v;
            case "ns" -> v * 1e3;
            default -> throw new AssertionError("unit " + p[1]);
        };
    }

    static List<String> expectedWarnings(String deck) {
        return Pattern.compile("(?m)^# expected warning: (.*)$").matcher(deck).results().map(m -> m.group(1).trim()).toList();
    }

    private static List<String> stageNames(String deck) {
        List<String> names = new ArrayList<>();
        for (String b : deck.split("(?m)^(?=\\[\\[)")) if (b.startsWith("[[stage]]")) names.add(value(b, "name"));
        return names;
    }

    /** Atoms of the deck's composition, from the bundled library's molecule sizes. */
    private static int atoms(String deck) {
        Matcher m = Pattern.compile("(?m)^molecules = \\{(.*)}").matcher(deck);
        assertThat(m.find()).isTrue();
        int n = 0;
        for (String kv : m.group(1).split(",")) {
            String[] p = kv.split("=");
            n += Integer.parseInt(p[1].trim())
                    * org.sheath.engine.protocol.deck.BundledSpecies.find(p[0].trim()).orElseThrow().atoms();
        }
        return n;
    }
}
