package org.sheath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sheath.analysis.traj.Frame;
import org.sheath.analysis.traj.TrajectoryFormats;
import org.sheath.analysis.traj.TrajectoryReader;
import org.sheath.engine.protocol.RunCheckpoint;

/**
 * {@code sheath run} end to end on the small deck (512 atoms, minimize → nvt anneal → npt → nvt, rdf):
 * the run directory's files; a run killed with SIGKILL at random points (and once stopped with SIGTERM)
 * and resumed each time ends bit for bit where the uninterrupted run ends, with every energy row and
 * frame exactly once; an existing run is not overwritten without --resume.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunCommandTest {
    static final String THREADS = "2";
    Path tmp;
    Path deck;
    Path reference;
    Cli.Result referenceResult;

    @BeforeAll
    void uninterrupted(@TempDir Path tmpDir) throws IOException, URISyntaxException {
        tmp = tmpDir;
        Path res = Path.of(RunCommandTest.class.getResource("run/small.toml").toURI()).getParent();
        Path d = tmp.resolve("deck");
        Files.createDirectories(d);
        for (String f : List.of("small.toml", "small.top", "small.gro")) Files.copy(res.resolve(f), d.resolve(f));
        deck = d.resolve("small.toml");
        reference = tmp.resolve("reference");
        referenceResult = Cli.run("run", deck.toString(), "-o", reference.toString(), "--threads", THREADS);
    }

    @Test
    void writesTheRunDirectory() throws IOException {
        assertThat(referenceResult.code()).as(referenceResult.err()).isZero();
        for (String f : List.of("energies.csv", "log.txt", "summary.json", "checkpoint.cpt", "em.gro", "heat.gro", "npt.gro", "nvt.gro",
                "heat.xtc", "npt.xtc", "nvt.xtc", "heat.h5", "nvt.h5", "analysis/1-rdf-nvt.csv", "analysis/1-rdf-nvt.json",
                "analysis/1-rdf-nvt.png")) {
            assertThat(reference.resolve(f)).as(f).isRegularFile();
        }
        assertThat(reference.resolve(".lock")).doesNotExist();
        List<String> csv = Files.readAllLines(reference.resolve("energies.csv"));
        assertThat(csv.get(0)).startsWith("stage,step,time,Bond,Angle,")
                .endsWith(",Potential,Kinetic En.,Total Energy,Conserved En.,Temperature,Pressure,Volume,Density");
        int cols = csv.get(0).split(",", -1).length;
        assertThat(csv.subList(1, csv.size())).allSatisfy(r -> assertThat(r.split(",", -1)).hasSize(cols));
        assertThat(csv.stream().filter(r -> r.startsWith("heat,"))).hasSize(31); // 0.6 ps every 0.02 ps, step 0 included
        assertThat(csv.stream().filter(r -> r.startsWith("em,"))).first().satisfies(r -> assertThat(r).contains(",,,,,,"));
        // one clock: the npt stage starts where the anneal ended
        assertThat(csv.stream().filter(r -> r.startsWith("npt,0,"))).singleElement().satisfies(r -> assertThat(r).startsWith("npt,0,0.6,"));
        assertThat(frames(reference.resolve("nvt.xtc"))).hasSize(7).first().isEqualTo("0 1.2");
        assertThat(frames(reference.resolve("nvt.h5"))).isEqualTo(frames(reference.resolve("nvt.xtc")));

        JsonNode s = new ObjectMapper().readTree(reference.resolve("summary.json").toFile());
        assertThat(s.path("status").asText()).isEqualTo("complete");
        assertThat(s.path("stages")).hasSize(4);
        JsonNode nvt = s.path("stages").get(3);
        assertThat(nvt.path("name").asText()).isEqualTo("nvt");
        assertThat(nvt.path("temperature_K").path("mean").asDouble()).isBetween(200.0, 400.0);
        assertThat(nvt.path("temperature_K").path("error").isNumber()).isTrue();
        assertThat(nvt.path("density_kg_m3").path("mean").asDouble()).isBetween(500.0, 800.0);
        assertThat(nvt.path("ns_per_day").asDouble()).isPositive();
        assertThat(nvt.path("drift_kJ_mol_ps_atom").isNumber()).isTrue();
        assertThat(s.path("analyses").get(0).path("lines").get(0).asText()).contains("first-shell CN = ");

        String log = Files.readString(reference.resolve("log.txt"));
        assertThat(log).contains("Conserved energy drift").contains("Neighbour search").contains("first-shell CN = ").contains("PME: grid ");
        assertThat(referenceResult.out()).contains("first-shell CN = ").contains("run complete");
    }

    @Test
    void refusesAnEarlierRunWithoutResumeAndSaysSoWhenComplete() throws IOException {
        long before = Files.size(reference.resolve("energies.csv"));
        Cli.Result again = Cli.run("run", deck.toString(), "-o", reference.toString(), "--threads", THREADS);
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err().strip().lines()).singleElement().satisfies(l -> assertThat(l).contains("holds an earlier run")
                .contains("--resume"));
        assertThat(Files.size(reference.resolve("energies.csv"))).isEqualTo(before);
        Cli.Result done = Cli.run("run", deck.toString(), "-o", reference.toString(), "--threads", THREADS, "--resume");
        assertThat(done.code()).isZero();
        assertThat(done.out()).contains("already complete");
    }

    @Test
    void maxHoursStopsWithACheckpoint() throws IOException {
        Path dir = tmp.resolve("maxhours");
        // this JVM has run for longer than 0.0003 h (1 s) already: the run stops at its first chance
        Cli.Result r = Cli.run("run", deck.toString(), "-o", dir.toString(), "--threads", THREADS, "--max-hours", "0.0003");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("stopped by --max-hours").contains("--resume");
        assertThat(RunCheckpoint.read(dir.resolve("checkpoint.cpt")).phase()).isEqualTo(RunCheckpoint.Phase.START);
    }

    /** A session that ends between the last stage and its analyses (killed there) resumes to the stage's end state. */
    @Test
    void resumingBetweenTheLastStageAndItsAnalysesKeepsTheFinalState() throws IOException {
        assertThat(referenceResult.code()).isZero();
        Path dir = tmp.resolve("ended");
        Files.createDirectories(dir.resolve("analysis"));
        try (var files = Files.walk(reference)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) Files.copy(f, dir.resolve(reference.relativize(f).toString()));
        }
        RunCheckpoint done = RunCheckpoint.read(reference.resolve("checkpoint.cpt"));
        RunCheckpoint ended = new RunCheckpoint(done.deckHash(), done.seed(), done.threads(), done.stage() - 1,
                RunCheckpoint.Phase.ENDED, done.time(), done.box(), done.x(), done.y(), done.z(), done.vx(), done.vy(), done.vz(),
                done.stageBox(), done.dynamics(), done.energiesBytes(), done.energiesRows(), done.xtcFrames(), done.h5Frames(),
                done.stageWallSeconds(), done.stageSteps(), done.runWallSeconds(), done.stageSummaries());
        ended.write(dir.resolve("checkpoint.cpt"));
        Cli.Result r = Cli.run("run", deck.toString(), "-o", dir.toString(), "--threads", THREADS, "--resume");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        RunCheckpoint after = RunCheckpoint.read(dir.resolve("checkpoint.cpt"));
        assertThat(after.phase()).isEqualTo(RunCheckpoint.Phase.DONE);
        assertThat(after.x()).as("final x").isEqualTo(done.x());
        assertThat(after.vz()).as("final vz").isEqualTo(done.vz());
        assertThat(Files.mismatch(reference.resolve("analysis/1-rdf-nvt.csv"), dir.resolve("analysis/1-rdf-nvt.csv"))).isEqualTo(-1);
    }

    /**
     * Kills a child {@code sheath run} with SIGKILL at 5 random points (each after the child wrote a new
     * checkpoint), stops it once with SIGTERM, resumes each time, and compares with the uninterrupted run.
     */
    @Test
    void killedAndResumedRunsEqualTheUninterruptedOne() throws Exception {
        assertThat(referenceResult.code()).isZero();
        Path dir = tmp.resolve("killed");
        Random rnd = new Random(20241201);
        int kills = 0, terms = 0, sessions = 0;
        List<String> resumedAt = new ArrayList<>();
        while (true) {
            sessions++;
            assertThat(sessions).as("sessions").isLessThan(40);
            Path out = tmp.resolve("session" + sessions + ".out");
            Process p = child(dir, out);
            boolean interrupt = kills < 5 || terms < 1;
            if (interrupt && waitForNewCheckpoint(p, dir.resolve("checkpoint.cpt"))) {
                Thread.sleep(rnd.nextInt(1500));
                if (p.isAlive()) {
                    if (kills == 2 && terms == 0) {
                        p.destroy(); // SIGTERM
                        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
                        if (p.exitValue() != 0) {
                            assertThat(p.exitValue()).isEqualTo(143);
                            String o = Files.readString(out);
                            assertThat(o).contains("stopped by SIGTERM").contains("resume with: sheath run").contains("--resume");
                            terms++;
                            resumedAt.add("TERM");
                        }
                    } else {
                        p.destroyForcibly(); // SIGKILL
                        p.waitFor(60, TimeUnit.SECONDS);
                        kills++;
                        resumedAt.add("KILL");
                    }
                    continue;
                }
            }
            assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
            if (p.exitValue() == 0 && Files.readString(out).contains("run complete")) {
                if (kills >= 5 && terms >= 1) break;
                // finished before enough interruptions: start over (should not happen with these lengths)
                throw new AssertionError("the run finished after " + kills + " kills: " + resumedAt);
            }
            assertThat(p.exitValue()).as(Files.readString(out)).isZero();
        }
        assertThat(kills).isGreaterThanOrEqualTo(5);
        System.out.println("kill test: " + sessions + " sessions, interruptions " + resumedAt);
        for (String f : List.of("energies.csv", "em.gro", "heat.gro", "npt.gro", "nvt.gro", "heat.xtc", "npt.xtc", "nvt.xtc",
                "analysis/1-rdf-nvt.csv")) {
            assertThat(Files.mismatch(reference.resolve(f), dir.resolve(f))).as(f + " differs from the uninterrupted run's").isEqualTo(-1);
        }
        for (String stage : List.of("heat", "npt", "nvt")) {
            assertThat(frames(dir.resolve(stage + ".h5"))).as(stage + ".h5").isEqualTo(frames(reference.resolve(stage + ".h5")));
            assertThat(frames(dir.resolve(stage + ".xtc"))).doesNotHaveDuplicates();
        }
        RunCheckpoint a = RunCheckpoint.read(reference.resolve("checkpoint.cpt")), b = RunCheckpoint.read(dir.resolve("checkpoint.cpt"));
        assertThat(b.phase()).isEqualTo(RunCheckpoint.Phase.DONE);
        assertThat(b.x()).as("final x, bit for bit").isEqualTo(a.x());
        assertThat(b.y()).isEqualTo(a.y());
        assertThat(b.z()).isEqualTo(a.z());
        assertThat(b.vx()).as("final vx, bit for bit").isEqualTo(a.vx());
        assertThat(b.vy()).isEqualTo(a.vy());
        assertThat(b.vz()).isEqualTo(a.vz());
        assertThat(b.box()).isEqualTo(a.box());
        assertThat(b.time()).isEqualTo(a.time());
    }

    private Process child(Path dir, Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the module flag as ./sheath and this JVM have it: without it the child would run the scalar kernel
        ProcessBuilder pb = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                "org.sheath.cli.SheathCommand",
                "run", deck.toString(), "-o", dir.toString(), "--threads", THREADS, "--resume", "--progress-interval", "1000");
        pb.redirectErrorStream(true).redirectOutput(out.toFile());
        return pb.start();
    }

    /** Waits until the child has written a checkpoint of its own (true), or has ended (false). */
    private static boolean waitForNewCheckpoint(Process p, Path cp) throws Exception {
        long before = Files.exists(cp) ? Files.getLastModifiedTime(cp).toMillis() : -1;
        byte[] old = Files.exists(cp) ? Files.readAllBytes(cp) : null;
        while (p.isAlive()) {
            Thread.sleep(50);
            if (Files.exists(cp) && (Files.getLastModifiedTime(cp).toMillis() != before
                    || (old != null && !java.util.Arrays.equals(old, readQuietly(cp))))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] readQuietly(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            return null;
        }
    }

    /** "step time" of each frame. */
    static List<String> frames(Path traj) {
        List<String> l = new ArrayList<>();
        try (TrajectoryReader r = TrajectoryFormats.open(traj)) {
            Frame f = new Frame();
            while (r.next(f)) l.add(f.step + " " + (float) f.time);
        }
        return l;
    }
}
