package org.sheath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.sheath.engine.protocol.RunHooks;
import org.sheath.engine.protocol.RunLog;
import org.sheath.engine.protocol.RunOptions;
import org.sheath.engine.protocol.RunStop;
import org.sheath.engine.protocol.StageRunner;
import org.sheath.engine.protocol.deck.Deck;
import org.sheath.forcefields.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sheath run DECK -o DIR}: runs an input deck's stages into a run directory, with checkpoints,
 * {@code --resume}, {@code --max-hours}, replicas and signal handling (SIGTERM, SIGINT, SIGUSR1 write a
 * checkpoint and stop). Exit codes: 0 done, 2 bad input or a blow-up, 3 stopped at {@code --max-hours},
 * 128 + n stopped by signal n (143 for SIGTERM), 1 internal error.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an input deck (TOML, docs/deck.md): its stages in order (minimize, md in nve/nvt/npt), "
                + "energies, trajectories, checkpoints and analyses into the folder -o.")
final class RunCommand implements Callable<Integer> {
    static final int STOPPED_TIME = 3;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DECK", description = "the input deck, e.g. inputs/demo.toml")
    Path deckFile;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "the run folder (created; one that holds an earlier run needs --resume)")
    Path dir;

    @Option(names = "--threads", paramLabel = "N",
            description = "worker threads (default: SLURM_CPUS_PER_TASK, else all processors)")
    Integer threads;

    @Option(names = "--resume", description = "continue the run in DIR from its checkpoint (or start it if there is none)")
    boolean resume;

    @Option(names = "--max-hours", paramLabel = "H", description = "stop cleanly, with a checkpoint, before H hours of wall time")
    Double maxHours;

    @Option(names = "--replica", paramLabel = "K",
            description = "replica index: derives the seeds (default: SLURM_ARRAY_TASK_ID if set, else none)")
    Integer replica;

    @Option(names = "--progress-interval", paramLabel = "S", defaultValue = "30",
            description = "seconds between progress lines without a terminal (default ${DEFAULT-VALUE})")
    double progressSeconds;

    @Option(names = "--no-progress", description = "no progress bar on a terminal (progress lines go to log.txt)")
    boolean noProgress;

    @Option(names = "--debug", description = "print stack traces of errors")
    boolean debug;

    @Override
    public Integer call() throws IOException {
        Deck deck = Deck.read(deckFile);
        int n = threads != null ? threads : envInt("SLURM_CPUS_PER_TASK", Runtime.getRuntime().availableProcessors());
        if (n < 1) throw new InputException("--threads must be at least 1, got " + n);
        OptionalInt rep = replica != null ? OptionalInt.of(replica) : envOptional("SLURM_ARRAY_TASK_ID");
        if (rep.isPresent() && rep.getAsInt() < 0) throw new InputException("--replica must be >= 0, got " + rep.getAsInt());
        if (maxHours != null && !(maxHours > 0)) throw new InputException("--max-hours must be > 0, got " + maxHours);
        if (!(progressSeconds > 0)) throw new InputException("--progress-interval must be > 0 s, got " + progressSeconds);
        long start = ManagementFactory.getRuntimeMXBean().getStartTime();
        RunOptions o = new RunOptions(dir, n, resume, maxHours == null ? 0 : maxHours, rep, start, progressSeconds);
        PrintWriter out = spec.commandLine().getOut();
        RunStop stop = new RunStop();
        List<Runnable> restore = Signals.install(stop);
        StageRunner.Outcome outcome;
        try (RunLog log = new RunLog(out)) {
            outcome = new StageRunner(deck, o, log, new Hooks(n), stop).run();
        } finally {
            restore.forEach(Runnable::run);
        }
        return switch (outcome.status()) {
            case COMPLETE, ALREADY_COMPLETE -> 0;
            case STOPPED_TIME -> STOPPED_TIME;
            case STOPPED_SIGNAL -> 128 + stop.number();
        };
    }

    private static int envInt(String name, int fallback) {
        OptionalInt v = envOptional(name);
        return v.isPresent() ? v.getAsInt() : fallback;
    }

    private static OptionalInt envOptional(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) return OptionalInt.empty();
        try {
            return OptionalInt.of(Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            throw new InputException("environment variable " + name + "='" + v + "' is not a whole number");
        }
    }

    /** Analyses through {@code sheath analyze} in this process; a progress bar on a terminal. */
    private final class Hooks implements RunHooks {
        private final int threads;

        Hooks(int threads) {
            this.threads = threads;
        }

        @Override
        public List<String> analyze(AnalysisJob job) {
            List<String> args = new ArrayList<>();
            args.add("analyze");
            args.addAll(job.spec().cliArgs());
            args.addAll(List.of("-s", job.topology().toString(), "-f", job.trajectory().toString()));
            for (String d : job.defines()) args.add("-D" + d);
            Path csv = Path.of(job.outBase() + ".csv"), png = Path.of(job.outBase() + ".png"), jsonFile = Path.of(job.outBase() + ".json");
            // --force: the run folder's analysis files are the run's own (a resumed run writes them again)
            args.addAll(List.of("-o", csv.toString(), "--plot", png.toString(), "--json", "--threads", Integer.toString(threads),
                    "--no-progress", "--force"));
            StringWriter so = new StringWriter(), se = new StringWriter();
            int code = SheathCommand.run(new PrintWriter(so, true), new PrintWriter(se, true), args.toArray(String[]::new));
            if (code != 0) {
                String msg = se.toString().strip().lines().findFirst().orElse("exit code " + code)
                        .replaceFirst("^sheath: (error|internal error): ", "");
                throw new InputException(msg);
            }
            try {
                Files.writeString(jsonFile, so.toString());
                JsonNode doc = new ObjectMapper().readTree(so.toString());
                String where = job.outBase().getParent().getFileName() + "/" + job.outBase().getFileName() + ".{csv,json,png}";
                return summaryLines(job, doc, where);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public StageProgress progress(String stage, long total) {
            if (noProgress || System.console() == null) return null;
            ProgressBar bar = new ProgressBarBuilder().setTaskName(stage).setInitialMax(total).setUnit(" steps", 1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate().build();
            return new StageProgress() {
                @Override
                public void update(long done, String extra) {
                    bar.stepTo(done);
                    bar.setExtraMessage(extra);
                }

                @Override
                public void close() {
                    bar.close();
                }
            };
        }
    }

    /** One line per result: the first-shell CN of an RDF, the mean CNs of shells, the diffusion coefficients of an MSD. */
    static List<String> summaryLines(RunHooks.AnalysisJob job, JsonNode doc, String where) {
        String head = "analysis #" + job.index() + " " + job.spec().type().deckName() + " on '" + job.spec().stage() + "'";
        List<String> lines = new ArrayList<>();
        switch (job.spec().type()) {
            case RDF -> {
                JsonNode p = doc.path("parameters"), s = doc.path("firstShell"), pk = doc.path("firstPeak");
                lines.add(String.format(Locale.ROOT, "%s: %s -> %s: first-shell CN = %.3f (r < %.3f nm; peak at %.3f nm), %d frames; %s",
                        head, p.path("ref").asText(), p.path("sel").asText(), s.path("cn").asDouble(Double.NaN),
                        s.path("radius").asDouble(Double.NaN), pk.path("r").asDouble(Double.NaN),
                        doc.path("frames").path("count").asInt(0), where));
            }
            case SHELLS -> {
                Map<String, String> cn = new LinkedHashMap<>();
                JsonNode sp = doc.path("species");
                for (Iterator<Map.Entry<String, JsonNode>> it = sp.fields(); it.hasNext(); ) {
                    var e = it.next();
                    cn.put(e.getKey(), String.format(Locale.ROOT, "%.3f", e.getValue().path("meanCn").asDouble(Double.NaN)));
                }
                lines.add(head + ": " + doc.path("parameters").path("ref").asText() + ": mean CN " + cn + "; " + where);
            }
            case MSD -> {
                Map<String, String> d = new LinkedHashMap<>();
                JsonNode sp = doc.path("species");
                for (Iterator<Map.Entry<String, JsonNode>> it = sp.fields(); it.hasNext(); ) {
                    var e = it.next();
                    d.put(e.getKey(), String.format(Locale.ROOT, "%.3g", e.getValue().path("d1e9M2PerS").asDouble(Double.NaN)));
                }
                lines.add(head + ": D (1e-9 m^2/s) " + d + "; " + where);
            }
        }
        return lines;
    }
}
