package org.sheath.engine.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sheath.engine.build.BuiltSystem;
import org.sheath.engine.build.Composition;
import org.sheath.engine.build.SystemBuilder;
import org.sheath.engine.context.Context;
import org.sheath.engine.context.ForceSet;
import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.force.nonbonded.NonbondedOptions;
import org.sheath.engine.integrate.BlowUpException;
import org.sheath.engine.integrate.Dynamics;
import org.sheath.engine.integrate.Reporter;
import org.sheath.engine.integrate.StepReport;
import org.sheath.engine.integrate.VelocityVerlet;
import org.sheath.engine.integrate.Velocities;
import org.sheath.engine.integrate.barostat.Barostat;
import org.sheath.engine.integrate.barostat.Barostats;
import org.sheath.engine.integrate.barostat.Coupling;
import org.sheath.engine.integrate.constraint.ConstraintMode;
import org.sheath.engine.integrate.constraint.ConstraintSet;
import org.sheath.engine.integrate.minimize.MinimizationListener;
import org.sheath.engine.integrate.minimize.MinimizationOptions;
import org.sheath.engine.integrate.minimize.MinimizationResult;
import org.sheath.engine.integrate.minimize.Minimizer;
import org.sheath.engine.integrate.minimize.Minimizers;
import org.sheath.engine.integrate.thermostat.Thermostat;
import org.sheath.engine.integrate.thermostat.Thermostats;
import org.sheath.engine.io.H5mdWriter;
import org.sheath.engine.io.XtcWriter;
import org.sheath.engine.protocol.deck.AnalysisSpec;
import org.sheath.engine.protocol.deck.BarostatSpec;
import org.sheath.engine.protocol.deck.Deck;
import org.sheath.engine.protocol.deck.MdStage;
import org.sheath.engine.protocol.deck.MinimizeStage;
import org.sheath.engine.protocol.deck.OutputSpec;
import org.sheath.engine.protocol.deck.StageSpec;
import org.sheath.engine.protocol.deck.SystemSpec;
import org.sheath.engine.protocol.deck.ThermostatSpec;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;
import org.sheath.forcefields.InputException;
import org.sheath.forcefields.TopologyFiles;
import org.sheath.forcefields.coords.GroFile;
import org.sheath.forcefields.coords.Structure;
import org.sheath.forcefields.coords.StructureFiles;
import org.sheath.forcefields.gromacs.GromacsTopologyReader;
import org.sheath.forcefields.gromacs.GromacsTopologyWriter;
import org.sheath.forcefields.model.FlatTopology;

/**
 * Runs a deck's stages in order into a run directory ({@code sheath run}): one simulation clock
 * continued across stages; minimize stages with the deck's minimiser; md stages with
 * {@link VelocityVerlet} (velocities drawn from Maxwell–Boltzmann at the stage's first temperature or
 * continued), run in chunks of whole energy-calculation intervals so that between chunks the loop can
 * write checkpoints (periodic, wall-clock or simulated time), react to a stop request (signal,
 * {@code --max-hours}) and show progress. Chunk boundaries depend on the step number only, so a run
 * resumed from any checkpoint computes exactly the steps, energies and frames of an uninterrupted one.
 *
 * <p>The run directory: {@code energies.csv} ({@link EnergiesCsv}), {@code STAGE.xtc} / {@code STAGE.h5}
 * (H5MD block chain), {@code STAGE.gro} (final coordinates and velocities of each stage),
 * {@code log.txt}, {@code summary.json}, {@code analysis/}, {@code checkpoint.cpt}
 * ({@link RunCheckpoint}). Stage boundaries are checkpoints too: START of a stage, ENDED (its files
 * written, analyses pending) and DONE.
 */
public final class StageRunner {
    public static final String ENERGIES = "energies.csv";
    public static final String LOG = "log.txt";
    public static final String SUMMARY = "summary.json";
    public static final String TOPOLOGY = "topol.top";
    public static final String ANALYSIS = "analysis";
    /** Files whose presence means the directory holds a run. */
    public static final List<String> RUN_FILES = List.of(RunCheckpoint.FILE, ENERGIES, SUMMARY, LOG);
    /** Largest number of steps between energy evaluations (GROMACS's default nstcalcenergy). */
    static final int MAX_NSTCALCENERGY = 100;
    /** A minimisation writes an energies.csv row at the first accepted step at or after each multiple of this. */
    public static final int MINIMIZE_ROW_EVERY = 10;

    public enum Status { COMPLETE, ALREADY_COMPLETE, STOPPED_SIGNAL, STOPPED_TIME }

    /** How a run ended (a blow-up or bad input is an {@link InputException} instead). */
    public record Outcome(Status status, String message) {
    }

    private final Deck deck;
    private final RunOptions opt;
    private final RunLog log;
    private final RunHooks hooks;
    private final RunStop stop;
    private final Path dir;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MdSystem system;
    private FlatTopology top;
    private ConstraintSet constraints;
    private NonbondedOptions nonbonded;
    private double ewaldBeta;
    private List<EnergyTerm> terms;
    private Path analysisTopology;
    private List<String> analysisDefines;
    private State state;
    private boolean structureHasVelocities;
    private EnergiesCsv csv;
    private String deckHash;
    private long runSeed;
    private List<String> summaries = new ArrayList<>();
    private double runWallBefore;
    private final long sessionStart = System.nanoTime();
    private double lastChunkSeconds, lastCheckpointSeconds;
    private String status = "running";

    public StageRunner(Deck deck, RunOptions options, RunLog log, RunHooks hooks, RunStop stop) {
        this.deck = deck;
        this.opt = options;
        this.log = log;
        this.hooks = hooks == null ? RunHooks.NONE : hooks;
        this.stop = stop == null ? new RunStop() : stop;
        this.dir = options.dir();
    }

    /** Whether a folder holds (part of) an earlier run. */
    public static boolean holdsRun(Path dir) {
        for (String f : RUN_FILES) if (Files.exists(dir.resolve(f))) return true;
        return false;
    }

    /**
     * Runs (or resumes) the deck.
     *
     * @throws InputException bad input, a directory holding an earlier run without resume, a blow-up
     */
    public Outcome run() throws IOException {
        prepareDirectory();
        Path lockPath = dir.resolve(".lock");
        try (FileChannel lockFile = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = lockFile.tryLock();
            if (lock == null) {
                throw new InputException(dir + ": another sheath run is writing to this folder; wait for it or use another -o");
            }
            try {
                log.openFile(dir.resolve(LOG));
                return runLocked();
            } finally {
                Files.deleteIfExists(lockPath);
            }
        }
    }

    private void prepareDirectory() throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InputException(dir + ": is a file, not a folder; give -o a folder for the run");
        }
        if (Files.isDirectory(dir) && holdsRun(dir) && !opt.resume()) {
            List<String> found = new ArrayList<>();
            for (String f : RUN_FILES) if (Files.exists(dir.resolve(f))) found.add(f);
            throw new InputException(dir + ": holds an earlier run (" + String.join(", ", found) + "); add --resume to "
                    + "continue it, or give -o a new folder (nothing was overwritten)");
        }
        Files.createDirectories(dir);
    }

    private Outcome runLocked() throws IOException {
        Path cpFile = dir.resolve(RunCheckpoint.FILE);
        deckHash = hash(deck.file());
        runSeed = opt.replica().isPresent() ? mix(deck.seed(), 1_000_003L + opt.replica().getAsInt()) : deck.seed();
        log.line(String.format(Locale.ROOT, "sheath run %s -> %s: \"%s\", %d stage(s), %d thread(s), seed %d%s", deck.file(), dir,
                deck.title(), deck.stages().size(), opt.threads(), runSeed,
                opt.replica().isPresent() ? " (replica " + opt.replica().getAsInt() + " of deck seed " + deck.seed() + ")" : ""));
        for (String w : deck.warnings()) log.line("warning: " + w);
        setupSystem();
        checkStages();

        RunCheckpoint c = opt.resume() && Files.exists(cpFile) ? readCheckpoint(cpFile) : null;
        if (c != null) {
            if (!c.deckHash().equals(deckHash)) {
                throw new InputException(cpFile + ": was written for another deck (" + deck.file() + " changed since); "
                        + "resume with the deck as it was, or start again with a new -o");
            }
            if (c.seed() != runSeed) {
                throw new InputException(cpFile + ": was written with seed " + c.seed() + ", this run has seed " + runSeed
                        + " (another --replica or SLURM_ARRAY_TASK_ID?); resume with the same replica");
            }
            if (c.threads() != opt.threads()) {
                log.line("warning: the checkpoint was written with " + c.threads() + " thread(s), this run has " + opt.threads()
                        + "; the continuation is exact only with the same thread count (--threads " + c.threads() + ")");
            }
            summaries = new ArrayList<>(c.stageSummaries());
            runWallBefore = c.runWallSeconds();
            if (c.phase() == RunCheckpoint.Phase.DONE) {
                log.line("the run in " + dir + " is already complete; nothing to do");
                return new Outcome(Status.ALREADY_COMPLETE, "already complete");
            }
            csv = EnergiesCsv.open(dir.resolve(ENERGIES), terms, c.energiesBytes(), c.energiesRows());
            log.line(String.format(Locale.ROOT, "resuming from %s: stage '%s' (%s), t = %.4f ps%s", cpFile,
                    deck.stages().get(c.stage()).name(), c.phase().name().toLowerCase(Locale.ROOT), c.time(),
                    c.dynamics() != null ? ", step " + c.dynamics().step() : ""));
        } else {
            if (opt.resume()) log.line("no checkpoint in " + dir + ": starting from the beginning");
            csv = EnergiesCsv.create(dir.resolve(ENERGIES), terms);
            c = boundary(0, RunCheckpoint.Phase.START, 0.0);
            writeCheckpoint(c);
        }
        try {
            return loop(c);
        } finally {
            csv.close();
        }
    }

    private Outcome loop(RunCheckpoint c) throws IOException {
        while (true) {
            switch (c.phase()) {
                case DONE -> {
                    status = "complete";
                    writeSummary();
                    log.line(String.format(Locale.ROOT, "run complete: %d stage(s), %.1f s of wall time%s; results in %s",
                            deck.stages().size(), runWall(), runWallBefore > 0 ? " in all sessions" : "", dir));
                    return new Outcome(Status.COMPLETE, "complete");
                }
                case ENDED -> {
                    Outcome o = stopRequested(c);
                    if (o != null) return o;
                    runAnalyses(c.stage());
                    // a session resumed here has the built box in memory: the next boundary carries the stage's end state
                    restoreState(c);
                    int next = c.stage() + 1;
                    c = next == deck.stages().size()
                            ? boundary(next, RunCheckpoint.Phase.DONE, c.time())
                            : boundary(next, RunCheckpoint.Phase.START, c.time());
                    writeCheckpoint(c);
                }
                case START, MID -> {
                    if (c.phase() == RunCheckpoint.Phase.START) {
                        Outcome o = stopRequested(c);
                        if (o != null) return o;
                    }
                    StageSpec st = deck.stages().get(c.stage());
                    Object r = st instanceof MdStage md ? runMd(c.stage(), md, c) : runMinimize(c.stage(), (MinimizeStage) st, c);
                    if (r instanceof Outcome o) return o;
                    c = (RunCheckpoint) r;
                }
            }
        }
    }

    /** A stop asked for between stages: the current checkpoint stays; an Outcome, or null to go on. */
    private Outcome stopRequested(RunCheckpoint c) {
        String why = stopReason();
        if (why == null) return null;
        return stopped(why, deck.stages().get(Math.min(c.stage(), deck.stages().size() - 1)).name(), c.time());
    }

    // ------------------------------------------------------------------------------------------ system

    private void setupSystem() {
        SystemSpec spec = deck.system();
        Structure s;
        if (spec instanceof SystemSpec.FromFiles f) {
            GromacsTopologyReader.Options o = new GromacsTopologyReader.Options(List.of(), f.defineMap());
            top = FlatTopology.of(TopologyFiles.read(f.topology(), o));
            s = StructureFiles.read(f.coordinates());
            system = new MdSystem(top);
            state = system.newState(s, f.coordinates().toString());
            org.sheath.forcefields.coords.AtomNameCheck.of(top.atomName, s).warning(f.coordinates().toString())
                    .ifPresent(w -> log.line("warning: " + w));
            analysisTopology = f.topology();
            analysisDefines = f.defines();
        } else {
            BuiltSystem b = build((SystemSpec.Composition) spec);
            top = b.flatTopology();
            s = b.structure();
            system = new MdSystem(top);
            state = system.newState(s, "the built box");
            analysisTopology = dir.resolve(TOPOLOGY);
            analysisDefines = List.of(); // the written topology is explicit: the defines are applied already
        }
        structureHasVelocities = s.hasVelocities();
        nonbonded = deck.forces().nonbondedOptions();
        constraints = ConstraintSet.of(system, ConstraintMode.parse(deck.forces().constraints().deckName()));
        ForceSet probe = ForceSet.builder(system, nonbonded, state.box).constrainedBonds(constraints.replacedBonds())
                .addDefaults().build();
        terms = probe.terms();
        ewaldBeta = probe.ewald() == null ? 0.0 : probe.ewald().beta();
        for (String w : probe.warnings()) log.line("warning: " + w);
        log.line(String.format(Locale.ROOT, "system: %d atoms, %d molecules, %s, %.1f kg/m^3, %d constraint(s) (%s)",
                system.natoms, top.moleculeCount(), state.box, top.totalMass() / state.box.volume() * StepReport.DENSITY_FACTOR,
                constraints.count(), deck.forces().constraints().deckName()));
        var cluster = probe.find(org.sheath.engine.force.nonbonded.cluster.ClusterNonbondedForce.class);
        log.line("pair kernel: " + (cluster != null ? cluster.kernelName() + " (single precision)" : "reference (double precision)"));
    }

    private static double maxTemperature(MdStage st) {
        return st.temperature().map(sch -> sch.points().stream().mapToDouble(p -> p.kelvin()).max().orElse(0)).orElse(0.0);
    }

    /** Cost of a pair-list build in pair-kernel calls, for the choice of nstlist (measured: 3–6). */
    public static final double LIST_BUILD_COST = 5;
    /** Cost of a pruning of the outer list in pair-kernel calls over the same volume (measured: ~0.15). */
    public static final double PRUNE_COST = 0.15;
    /** How far beyond its radius a cluster pair list reaches (about a cluster's size), nm. */
    public static final double CLUSTER_REACH = 0.2;

    /**
     * The pair-list settings of an md stage: without a list_buffer in the deck, the buffer for the drift
     * tolerance at the stage's highest reference temperature, with nstlist as given or chosen (GROMACS's
     * verlet-buffer-tolerance); else the deck's.
     */
    private NonbondedOptions listSettings(MdStage st, double dt, Box box, boolean resuming) {
        org.sheath.engine.protocol.deck.ForcesSpec f = deck.forces();
        if (!f.tolerantBuffer()) return nonbonded;
        // from the deck only (a resumed run must choose the same list): the stage's highest reference
        // temperature, or for an nve stage without one the highest of the deck's md stages
        double t = maxTemperature(st);
        if (!(t > 0)) for (var other : deck.stages()) if (other instanceof MdStage m) t = Math.max(t, maxTemperature(m));
        if (!(t > 0)) t = 300;
        var cp = constraints.pairs();
        org.sheath.engine.force.nonbonded.VerletBuffer vb = new org.sheath.engine.force.nonbonded.VerletBuffer(system.topology,
                box.volume(), f.cutoff(), ewaldBeta, f.vdwModifier(), f.coulombModifier(), cp.i(), cp.j(), cp.length());
        // the list must stay within half the box: rc + buffer ≤ h/2
        double maxBuffer = 0.5 * box.minHeight() - f.cutoff();
        // the cluster kernel runs a dual list with dynamic pruning (B1: 8 % less time per step than one list);
        // -Dsheath.prune=false: one list (for comparisons, as GROMACS's GMX_DISABLE_DYNAMICPRUNING)
        if (f.kernel() == org.sheath.engine.force.nonbonded.NonbondedKernel.CLUSTER
                && !"false".equals(System.getProperty("sheath.prune"))) {
            var dual = vb.bestDualList(f.nstlist() > 0 ? new int[] {f.nstlist()} : null, f.verletBufferTolerance(), dt, t,
                    LIST_BUILD_COST, PRUNE_COST, CLUSTER_REACH, maxBuffer);
            if (dual != null) {
                if (!resuming) {
                    log.line(String.format(Locale.ROOT, "pair list: dual, outer rlist %.3f nm (buffer %.3f nm) rebuilt every %d "
                            + "steps, inner rlist %.3f nm (buffer %.3f nm) pruned every %d steps: verlet-buffer-tolerance %.3g "
                            + "kJ/mol/ps per atom at %.0f K", f.cutoff() + dual.outerBuffer(), dual.outerBuffer(), dual.nstlist(),
                            f.cutoff() + dual.innerBuffer(), dual.innerBuffer(), dual.nstprune(), f.verletBufferTolerance(), t));
                }
                return nonbonded.withListLifetime(dual.outerBuffer(), dual.nstlist()).withPruning(dual.nstprune(), dual.innerBuffer());
            }
        }
        int n = f.nstlist() > 0 ? f.nstlist() : vb.bestNstlist(f.verletBufferTolerance(), dt, t, LIST_BUILD_COST, maxBuffer);
        double buffer = n > 0 ? vb.bufferFor(f.verletBufferTolerance(), n, dt, t, maxBuffer) : Double.NaN;
        if (Double.isNaN(buffer)) {
            if (!resuming) {
                log.line(String.format(Locale.ROOT, "pair list: no buffer that fits the box meets verlet-buffer-tolerance %.3g "
                        + "kJ/mol/ps per atom at dt %s ps and %.0f K%s; using the exact rule (buffer %.2f nm, rebuilt when an "
                        + "atom has moved half of it)", f.verletBufferTolerance(), String.format(Locale.ROOT, "%g", dt), t,
                        f.nstlist() > 0 ? " with nstlist " + f.nstlist() : "", nonbonded.listBuffer()));
            }
            return nonbonded;
        }
        if (!resuming) {
            log.line(String.format(Locale.ROOT, "pair list: rlist %.3f nm (buffer %.3f nm), rebuilt every %d steps: "
                    + "verlet-buffer-tolerance %.3g kJ/mol/ps per atom at %.0f K", f.cutoff() + buffer, buffer, n,
                    f.verletBufferTolerance(), t));
        }
        return nonbonded.withListLifetime(buffer, n);
    }

    /**
     * Packs the composition (seeded with the run's seed, so replicas start from different boxes) and
     * writes DIR/topol.top, self-contained as {@code sheath topology --export-gromacs} writes it. A
     * resumed run builds again (deterministic, and cheap next to the dynamics) for the topology; its
     * positions come from the checkpoint.
     */
    private BuiltSystem build(SystemSpec.Composition c) {
        List<Composition.Entry> entries = new ArrayList<>();
        c.molecules().forEach((name, n) -> entries.add(new Composition.Entry(name, n)));
        SystemBuilder b = SystemBuilder.of(Composition.of(entries)).seed(runSeed).title(deck.title());
        if (c.density().isPresent()) b.density(c.density().getAsDouble());
        else b.box(c.box().get().a(), c.box().get().b(), c.box().get().c());
        c.defineMap().forEach((k, v) -> {
            if (v.isEmpty()) b.define(k);
            else b.define(k, v);
        });
        long t0 = System.nanoTime();
        BuiltSystem built = b.build();
        StringBuilder t = new StringBuilder();
        t.append("; sheath run ").append(deck.file()).append(": built from [system] molecules = ").append(c.molecules())
                .append(c.density().isPresent() ? ", density " + num(c.density().getAsDouble()) + " g/cm3" : ", box " + c.box().get())
                .append(", seed ").append(runSeed).append('\n');
        t.append("; the same system with includes of the bundled library:\n");
        for (String line : built.topologyText().split("\n")) t.append(";   ").append(line).append('\n');
        t.append(";\n");
        try {
            GromacsTopologyWriter.write(t, built.topology());
            writeAtomically(dir.resolve(TOPOLOGY), t.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(dir.resolve(TOPOLOGY) + ": cannot write", e);
        }
        log.line(String.format(Locale.ROOT, "built: %s (%.2f s); wrote %s", built.summary(), (System.nanoTime() - t0) * 1e-9,
                dir.resolve(TOPOLOGY)));
        return built;
    }

    /** What the deck reader cannot know: combinations the engine does not support. */
    private void checkStages() {
        for (StageSpec st : deck.stages()) {
            if (st instanceof MinimizeStage m && m.algorithm() == MinimizeStage.Algorithm.LBFGS && constraints.count() > 0) {
                throw new InputException(deck.file() + ":" + m.line() + ": stage '" + m.name() + "': algorithm = \"lbfgs\" "
                        + "cannot keep constraints (" + constraints.count() + " here); use algorithm = \"steep\" or \"fire\"");
            }
        }
    }

    // ------------------------------------------------------------------------------------------ md

    private Object runMd(int k, MdStage st, RunCheckpoint c) throws IOException {
        boolean resuming = c.phase() == RunCheckpoint.Phase.MID;
        if (!resuming) restoreState(c);
        double[] stageBox = resuming ? c.stageBox() : state.box.toMatrix();
        if (resuming) state.box = Box.fromMatrix(stageBox);
        state.step = 0;
        state.time = c.time();
        double dt = st.dt();
        long steps = st.steps();
        long nste = Math.max(1, Math.round(deck.output().energies() / dt));
        long ntraj = deck.output().writesTrajectory() ? Math.max(1, Math.round(deck.output().trajectory() / dt)) : 0;
        int nstcalc = largestDivisorAtMost(nste, MAX_NSTCALCENERGY);
        OutputSpec.Checkpoint cpSpec = deck.output().checkpoint();
        long ncp = cpSpec.periodic() && !cpSpec.wallClock() ? Math.max(1, Math.round(cpSpec.value() / dt)) : 0;
        double cpWall = cpSpec.periodic() && cpSpec.wallClock() ? cpSpec.value() : 0;
        long stageSeed = stageSeed(st.seed().isPresent() ? st.seed().getAsLong() : -1);
        double t0 = st.temperature().map(org.sheath.engine.protocol.deck.TemperatureSchedule::initial).orElse(0.0);

        NonbondedOptions stageNb = listSettings(st, dt, Box.fromMatrix(stageBox), resuming);
        ForceSet fs = ForceSet.builder(system, stageNb, Box.fromMatrix(stageBox)).constrainedBonds(constraints.replacedBonds())
                .addDefaults().build();
        if (fs.ewald() != null && !resuming) { // the grid is fixed for the stage (as in GROMACS), chosen from its starting box
            log.line(String.format(Locale.ROOT, "PME: grid %d x %d x %d, order %d, beta %.5f /nm", fs.ewald().nx(), fs.ewald().ny(),
                    fs.ewald().nz(), fs.ewald().order(), fs.ewald().beta()));
        }
        Path xtcPath = dir.resolve(st.name() + ".xtc"), h5Path = dir.resolve(st.name() + ".h5");
        XtcWriter xtc = null;
        H5mdWriter h5 = null;
        double wallBefore = resuming ? c.stageWallSeconds() : 0;
        long t0Nanos = System.nanoTime();
        try (Context ctx = new Context(system, state, fs, opt.threads())) {
            if (!resuming) {
                log.line(String.format(Locale.ROOT, "stage %d/%d '%s': md %s, %d steps of %s ps (%s ps), t = %.4f ps%s", k + 1,
                        deck.stages().size(), st.name(), st.ensemble().deckName(), steps, num(dt), num(steps * dt), state.time,
                        describeCoupling(st)));
                ctx.checkOverlaps();
            }
            Dynamics d = new Dynamics(ctx, constraints, st.commRemoval() != MdStage.CommRemoval.NONE, t0, mix(stageSeed, 2L * k + 2));
            if (!resuming) {
                if (st.velocities() == MdStage.Velocities.MAXWELL) {
                    Velocities.maxwell(d, t0, mix(stageSeed, 2L * k + 1));
                } else if (k == firstMdStage() && !structureHasVelocities) {
                    log.line("warning: stage '" + st.name() + "': velocities = \"continue\", but the coordinates have none: "
                            + "it starts at 0 K");
                }
            }
            Thermostat th = st.thermostat().map(StageRunner::thermostat).orElse(null);
            Barostat ba = st.barostat().map(b -> barostat(b, st.thermostat().orElse(null))).orElse(null);
            var schedule = th == null ? null : schedule(st.temperature().get());
            VelocityVerlet vv = new VelocityVerlet(d, dt, th, ba, schedule, nstcalc);
            if (deck.output().format().xtc() && ntraj > 0) {
                xtc = resuming ? XtcWriter.openForAppend(xtcPath, system.natoms, c.xtcFrames()) : XtcWriter.open(xtcPath, system.natoms);
            }
            if (deck.output().format().h5md() && ntraj > 0) {
                // a block at each checkpoint, and at the latest every ~256 MB of buffered positions
                int perBlock = (int) Math.max(10, Math.min(1000, (256L << 20) / (12L * system.natoms)));
                H5mdWriter.Options ho = H5mdWriter.Options.DEFAULT.withFramesPerBlock(perBlock);
                h5 = resuming ? H5mdWriter.resume(h5Path, system.natoms, c.h5Frames(), ho) : H5mdWriter.create(h5Path, system.natoms, ho);
            }
            vv.addReporter(new EnergyRows(st.name(), nste));
            if (ntraj > 0) vv.addReporter(new Frames(ntraj, xtc, h5));
            if (resuming) vv.resume(c.dynamics());

            long sessionFirstStep = state.step;
            long nextCp = ncp > 0 ? (state.step / ncp + 1) * ncp : Long.MAX_VALUE;
            long lastCpNanos = System.nanoTime();
            Progress progress = new Progress(st.name(), steps, dt, sessionFirstStep);
            try {
                while (state.step < steps) {
                    long s0 = state.step;
                    long end = Math.min(steps, (s0 / nstcalc + 1) * nstcalc);
                    long w0 = System.nanoTime();
                    vv.run(end - s0);
                    lastChunkSeconds = (System.nanoTime() - w0) * 1e-9;
                    if (state.step >= steps) break;
                    String why = stopReason();
                    boolean due = state.step >= nextCp || (cpWall > 0 && (System.nanoTime() - lastCpNanos) * 1e-9 >= cpWall);
                    if (due || why != null) {
                        writeMid(k, vv, stageBox, xtc, h5, wallBefore + (System.nanoTime() - t0Nanos) * 1e-9);
                        lastCpNanos = System.nanoTime();
                        if (ncp > 0) nextCp = (state.step / ncp + 1) * ncp;
                    }
                    if (why != null) {
                        progress.close();
                        return stopped(why, st.name(), state.time);
                    }
                    progress.update(state.step);
                }
                progress.update(state.step);
            } catch (BlowUpException e) {
                progress.close();
                closeQuietly(xtc, h5);
                csv.sync();
                status = "blew up in stage '" + st.name() + "'";
                writeSummary();
                RunCheckpoint last = readCheckpoint(dir.resolve(RunCheckpoint.FILE));
                String frames = ntraj == 0 ? "" : "; the frames written so far are in " + String.join(" and ",
                        xtc != null && h5 != null ? List.of(xtcPath.toString(), h5Path.toString())
                                : List.of((xtc != null ? xtcPath : h5Path).toString()));
                throw new InputException(String.format(Locale.ROOT, "stage '%s' blew up at t = %.4f ps: %s; the last good "
                        + "checkpoint (stage '%s', t = %.4f ps) is %s%s", st.name(), state.time, e.getMessage(),
                        deck.stages().get(last.stage()).name(), last.time(), dir.resolve(RunCheckpoint.FILE), frames));
            }
            progress.close();
            if (steps % nste != 0) energyRow(st.name(), vv.lastReport());
            if (xtc != null) xtc.close();
            if (h5 != null) h5.close();
            csv.sync();
            double wall = wallBefore + (System.nanoTime() - t0Nanos) * 1e-9;
            writeGro(dir.resolve(st.name() + ".gro"), true, st.name());
            String driftLine = vv.driftLine();
            log.line(String.format(Locale.ROOT, "stage '%s' done: %d steps, t = %.4f ps, %.1f s, %.2f ns/day; %s", st.name(), steps,
                    state.time, wall, steps * dt * 1e-3 / (wall / 86400), driftLine));
            String baroStats = ba == null ? null : ba.statistics(d);
            if (baroStats != null) log.line("  " + baroStats);
            log.fileOnly("cost of stage '" + st.name() + "' (" + (resuming ? "since the resume" : "whole stage") + ", "
                    + opt.threads() + " thread(s)):\n" + vv.costTable());
            summaries.add(mdSummary(st, wall, vv, xtc, h5, baroStats));
            RunCheckpoint ended = boundary(k, RunCheckpoint.Phase.ENDED, state.time);
            writeCheckpoint(ended);
            writeSummary();
            return ended;
        }
    }

    private int firstMdStage() {
        for (int i = 0; i < deck.stages().size(); i++) if (deck.stages().get(i) instanceof MdStage) return i;
        return -1;
    }

    private static String describeCoupling(MdStage st) {
        StringBuilder b = new StringBuilder();
        st.thermostat().ifPresent(t -> b.append(", ").append(t.type().deckName()).append(" tau_t ").append(num(t.tauT())).append(" ps"));
        st.temperature().ifPresent(t -> b.append(t.isConstant() ? ", T " + num(t.initial()) + " K"
                : ", T " + num(t.initial()) + " -> " + num(t.points().get(t.points().size() - 1).kelvin()) + " K"));
        st.barostat().ifPresent(p -> b.append(", ").append(p.type().deckName()).append(" P ").append(num(p.pressure()))
                .append(p.pressureZ() != p.pressure() ? " (z " + num(p.pressureZ()) + ")" : "")
                .append(" bar tau_p ").append(num(p.tauP())).append(" ps")
                .append(p.coupling() == BarostatSpec.Coupling.SEMI_ISOTROPIC ? " semi-isotropic" : ""));
        b.append(", velocities ").append(st.velocities().deckName());
        return b.toString();
    }

    private static Thermostat thermostat(ThermostatSpec t) {
        return Thermostats.create(t.type().deckName(), t.tauT(), t.nhChainLength());
    }

    private static Barostat barostat(BarostatSpec b, ThermostatSpec t) {
        double tauT = t == null ? b.tauP() : t.tauT();
        int chain = t == null ? 3 : Math.max(1, t.nhChainLength());
        return Barostats.create(b.type().deckName(), new Barostats.Settings(b.pressure(), b.compressibility(), b.tauP(), tauT,
                chain, b.nstpcouple(), Coupling.parse(b.coupling().deckName()), b.pressureZ(), b.compressibilityZ()));
    }

    private static org.sheath.engine.integrate.TemperatureSchedule schedule(org.sheath.engine.protocol.deck.TemperatureSchedule s) {
        double[] t = new double[s.points().size()], k = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = s.points().get(i).time();
            k[i] = s.points().get(i).kelvin();
        }
        return new org.sheath.engine.integrate.TemperatureSchedule(t, k);
    }

    private void writeMid(int k, VelocityVerlet vv, double[] stageBox, XtcWriter xtc, H5mdWriter h5, double stageWall)
            throws IOException {
        long w0 = System.nanoTime();
        if (xtc != null) xtc.flush();
        if (h5 != null) h5.flush();
        long eb = csv.sync();
        RunCheckpoint r = new RunCheckpoint(deckHash, runSeed, opt.threads(), k, RunCheckpoint.Phase.MID, state.time, null, null,
                null, null, null, null, null, stageBox, vv.checkpoint(), eb, csv.rows(), xtc == null ? 0 : xtc.frameCount(),
                h5 == null ? 0 : h5.frameCount(), stageWall, state.step, runWall(), summaries);
        r.write(dir.resolve(RunCheckpoint.FILE));
        lastCheckpointSeconds = (System.nanoTime() - w0) * 1e-9;
        log.fileOnly(String.format(Locale.ROOT, "checkpoint: stage '%s' step %d, t = %.4f ps (%.3f s)",
                deck.stages().get(k).name(), state.step, state.time, lastCheckpointSeconds));
    }

    /** One energies.csv row per energy output of an md stage. */
    private final class EnergyRows implements Reporter {
        private final String stage;
        private final long every;

        EnergyRows(String stage, long every) {
            this.stage = stage;
            this.every = every;
        }

        @Override
        public long interval() {
            return every;
        }

        @Override
        public void report(StepReport r) {
            energyRow(stage, r);
        }
    }

    private void energyRow(String stage, StepReport r) {
        double[] e = new double[terms.size()];
        for (int i = 0; i < e.length; i++) e[i] = r.energy(terms.get(i));
        csv.row(stage, r.step, r.time, e, new double[] {r.potential, r.kinetic, r.total, r.conserved, r.temperature, r.pressure,
            r.volume, r.density});
    }

    /** Trajectory frames (positions straight from the state: the report's fields are only filled on energy steps). */
    private final class Frames implements Reporter {
        private final long every;
        private final XtcWriter xtc;
        private final H5mdWriter h5;

        Frames(long every, XtcWriter xtc, H5mdWriter h5) {
            this.every = every;
            this.xtc = xtc;
            this.h5 = h5;
        }

        @Override
        public long interval() {
            return every;
        }

        @Override
        public boolean needsEnergies() {
            return false;
        }

        @Override
        public void report(StepReport r) {
            if (xtc != null) xtc.append(state.step, state.time, state.box, state.x, state.y, state.z);
            if (h5 != null) h5.append(state.step, state.time, state.box, state.x, state.y, state.z);
        }
    }

    private static void closeQuietly(XtcWriter xtc, H5mdWriter h5) {
        try {
            if (xtc != null) xtc.close();
        } catch (RuntimeException ignored) {
            // keep what is on disk
        }
        try {
            if (h5 != null) h5.close();
        } catch (RuntimeException ignored) {
            // keep what is on disk
        }
    }

    private String mdSummary(MdStage st, double wall, VelocityVerlet vv, XtcWriter xtc, H5mdWriter h5, String barostat) throws IOException {
        double[][] cols = EnergiesCsv.read(dir.resolve(ENERGIES), st.name(), List.of("time", "Temperature", "Pressure", "Density",
                "Volume", "Potential"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "stage");
        m.put("name", st.name());
        m.put("type", "md");
        m.put("ensemble", st.ensemble().deckName());
        m.put("steps", st.steps());
        m.put("dt_ps", st.dt());
        m.put("length_ps", st.length());
        m.put("end_time_ps", state.time);
        m.put("wall_s", wall);
        m.put("ns_per_day", st.length() * 1e-3 / (wall / 86400));
        m.put("energy_rows", cols[0].length);
        m.put("temperature_K", average(cols[1]));
        m.put("pressure_bar", average(cols[2]));
        m.put("density_kg_m3", average(cols[3]));
        m.put("volume_nm3", average(cols[4]));
        m.put("potential_kJ_mol", average(cols[5]));
        m.put("drift_kJ_mol_ps_atom", finite(vv.driftPerAtom()));
        m.put("drift", vv.driftLine());
        if (barostat != null) m.put("barostat", barostat);
        if (xtc != null) m.put("xtc_frames", xtc.frameCount());
        if (h5 != null) m.put("h5md_frames", h5.frameCount());
        m.put("final_box_nm", state.box.toMatrix());
        return json.writeValueAsString(m);
    }

    private static Map<String, Object> average(double[] a) {
        BlockAverage b = BlockAverage.of(a);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", finite(b.mean()));
        m.put("error", finite(b.error()));
        m.put("samples", b.samples());
        m.put("blocks", b.blocks());
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    // ------------------------------------------------------------------------------------------ minimize

    /** Thrown from the minimiser's listener to stop it (the stage restarts from its START checkpoint). */
    private static final class StopMinimizing extends RuntimeException {
        final String why;

        StopMinimizing(String why) {
            super(why, null, false, false);
            this.why = why;
        }
    }

    private Object runMinimize(int k, MinimizeStage st, RunCheckpoint c) throws IOException {
        restoreState(c);
        state.time = c.time();
        long t0 = System.nanoTime();
        log.line(String.format(Locale.ROOT, "stage %d/%d '%s': minimize (%s), at most %d steps to Fmax < %s kJ/mol/nm, t = %.4f ps",
                k + 1, deck.stages().size(), st.name(), st.algorithm().deckName(), st.steps(), num(st.emtol()), state.time));
        ForceSet fs = ForceSet.builder(system, nonbonded, state.box).constrainedBonds(constraints.replacedBonds()).addDefaults().build();
        MinimizationResult res;
        long[] lastRow = {-1}, lastAccepted = {-1};
        try (Context ctx = new Context(system, state, fs, opt.threads())) {
            Minimizer m = Minimizers.create(st.algorithm().deckName());
            Progress progress = new Progress(st.name(), st.steps(), 0, 0);
            MinimizationListener listener = (step, energy, fmax) -> {
                lastAccepted[0] = step;
                if (lastRow[0] < 0 || step / MINIMIZE_ROW_EVERY > lastRow[0] / MINIMIZE_ROW_EVERY) {
                    minimizeRow(st.name(), step, ctx.forces());
                    lastRow[0] = step;
                }
                progress.update(step);
                String why = stopReason();
                if (why != null) throw new StopMinimizing(why);
            };
            try {
                res = m.minimize(ctx, constraints, new MinimizationOptions(st.emtol(), st.steps(), st.emstep()), listener);
            } catch (StopMinimizing e) {
                progress.close();
                csv.sync();
                return stopped(e.why, st.name(), c.time());
            } catch (IllegalArgumentException e) {
                throw new InputException(deck.file() + ":" + st.line() + ": stage '" + st.name() + "': " + e.getMessage());
            }
            progress.close();
            if (lastAccepted[0] >= 0 && lastRow[0] != lastAccepted[0]) minimizeRow(st.name(), lastAccepted[0], ctx.forces());
        }
        csv.sync();
        double wall = (System.nanoTime() - t0) * 1e-9;
        writeGro(dir.resolve(st.name() + ".gro"), false, st.name());
        log.line("stage '" + st.name() + "' done: " + res.summary() + String.format(Locale.ROOT, " (%.1f s)", wall));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "stage");
        m.put("name", st.name());
        m.put("type", "minimize");
        m.put("algorithm", st.algorithm().deckName());
        m.put("steps", res.steps());
        m.put("force_evaluations", res.forceEvaluations());
        m.put("converged", res.converged());
        m.put("stop", res.stop().name().toLowerCase(Locale.ROOT));
        m.put("emtol_kJ_mol_nm", st.emtol());
        m.put("potential_kJ_mol", res.potentialEnergy());
        m.put("fmax_kJ_mol_nm", res.fmax());
        m.put("fmax_atom", res.fmaxAtomDescription());
        m.put("wall_s", wall);
        m.put("result", res.summary());
        summaries.add(json.writeValueAsString(m));
        RunCheckpoint ended = boundary(k, RunCheckpoint.Phase.ENDED, state.time);
        writeCheckpoint(ended);
        writeSummary();
        return ended;
    }

    private void minimizeRow(String stage, long step, ForceAccumulator f) {
        double[] e = new double[terms.size()];
        for (int i = 0; i < e.length; i++) e[i] = f.energy(terms.get(i));
        double v = state.box.volume();
        double nan = Double.NaN;
        csv.row(stage, step, state.time, e, new double[] {f.potentialEnergy(), nan, nan, nan, nan, nan, v,
            top.totalMass() / v * StepReport.DENSITY_FACTOR});
    }

    // ------------------------------------------------------------------------------------------ analyses

    private void runAnalyses(int k) throws IOException {
        StageSpec st = deck.stages().get(k);
        List<AnalysisSpec> all = deck.analyses();
        for (int i = 0; i < all.size(); i++) {
            AnalysisSpec a = all.get(i);
            if (!a.stage().equals(st.name())) continue;
            Path traj = dir.resolve(st.name() + (deck.output().format().xtc() ? ".xtc" : ".h5"));
            Path out = dir.resolve(ANALYSIS);
            Files.createDirectories(out);
            Path base = out.resolve((i + 1) + "-" + a.type().deckName() + "-" + st.name());
            long t0 = System.nanoTime();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "analysis");
            m.put("index", i + 1);
            m.put("type", a.type().deckName());
            m.put("stage", st.name());
            m.put("options", a.options());
            try {
                List<String> lines = hooks.analyze(new RunHooks.AnalysisJob(a, i + 1, analysisTopology, analysisDefines, traj, base,
                        opt.threads()));
                for (String l : lines) log.line(l);
                m.put("result", dir.relativize(base).toString() + ".json");
                m.put("lines", lines);
            } catch (InputException | UncheckedIOException e) {
                String msg = "warning: analysis #" + (i + 1) + " (" + a.type().deckName() + " on '" + st.name() + "', deck line "
                        + a.line() + ") failed: " + e.getMessage();
                log.line(msg);
                m.put("error", e.getMessage());
            }
            m.put("wall_s", (System.nanoTime() - t0) * 1e-9);
            summaries.add(json.writeValueAsString(m));
        }
        writeSummary();
    }

    // ------------------------------------------------------------------------------------------ files, state

    private RunCheckpoint boundary(int stage, RunCheckpoint.Phase phase, double time) {
        return new RunCheckpoint(deckHash, runSeed, opt.threads(), stage, phase, time, state.box.toMatrix(), state.x.clone(),
                state.y.clone(), state.z.clone(), state.vx.clone(), state.vy.clone(), state.vz.clone(), null, null,
                csv.sync(), csv.rows(), 0, 0, 0, 0, runWall(), summaries);
    }

    private void writeCheckpoint(RunCheckpoint c) throws IOException {
        long w0 = System.nanoTime();
        c.write(dir.resolve(RunCheckpoint.FILE));
        lastCheckpointSeconds = (System.nanoTime() - w0) * 1e-9;
    }

    private static RunCheckpoint readCheckpoint(Path f) {
        try {
            return RunCheckpoint.read(f);
        } catch (IOException e) {
            throw new InputException(f + ": cannot read the checkpoint (" + e.getMessage() + "); start again with a new -o");
        }
    }

    private void restoreState(RunCheckpoint c) {
        state.box = Box.fromMatrix(c.box());
        System.arraycopy(c.x(), 0, state.x, 0, state.natoms);
        System.arraycopy(c.y(), 0, state.y, 0, state.natoms);
        System.arraycopy(c.z(), 0, state.z, 0, state.natoms);
        System.arraycopy(c.vx(), 0, state.vx, 0, state.natoms);
        System.arraycopy(c.vy(), 0, state.vy, 0, state.natoms);
        System.arraycopy(c.vz(), 0, state.vz, 0, state.natoms);
        state.time = c.time();
    }

    private double runWall() {
        return runWallBefore + (System.nanoTime() - sessionStart) * 1e-9;
    }

    private void writeGro(Path file, boolean velocities, String stage) throws IOException {
        Structure s = new Structure(String.format(Locale.ROOT, "%s: stage %s, t= %.5f", deck.title(), stage, state.time),
                top.atomName, top.residueName, top.residueNumber, null, state.x, state.y, state.z,
                velocities ? state.vx : null, velocities ? state.vy : null, velocities ? state.vz : null, state.box.toMatrix());
        StringBuilder b = new StringBuilder(state.natoms * 70);
        GroFile.write(b, s);
        writeAtomically(file, b.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void writeSummary() throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("title", deck.title());
        root.put("deck", deck.file().toString());
        root.put("status", status);
        root.put("seed", runSeed);
        if (opt.replica().isPresent()) root.put("replica", opt.replica().getAsInt());
        root.put("threads", opt.threads());
        root.put("atoms", system.natoms);
        root.put("wall_s", runWall());
        ArrayNode stages = root.putArray("stages"), analyses = root.putArray("analyses");
        for (String s : summaries) {
            JsonNode n = json.readTree(s);
            ObjectNode o = ((ObjectNode) n).deepCopy();
            String kind = o.remove("kind").asText();
            (kind.equals("analysis") ? analyses : stages).add(o);
        }
        writeAtomically(dir.resolve(SUMMARY), (json.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------------------------------ stop, progress

    /** A signal, or too little time left before --max-hours: the reason to stop, else null. */
    private String stopReason() {
        if (stop.requested()) return "SIG" + stop.signal();
        if (opt.maxHours() > 0) {
            double limit = opt.maxHours() * 3600;
            double used = (System.currentTimeMillis() - opt.startMillis()) * 1e-3;
            double reserve = Math.min(60, 0.01 * limit) + 2 * lastChunkSeconds + 2 * lastCheckpointSeconds + 1;
            if (used + reserve >= limit) return "--max-hours";
        }
        return null;
    }

    private Outcome stopped(String why, String stage, double time) {
        boolean signal = why.startsWith("SIG");
        status = "stopped (" + why + ") in stage '" + stage + "'";
        try {
            writeSummary();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String msg = String.format(Locale.ROOT, "stopped by %s in stage '%s' at t = %.4f ps with a checkpoint in %s; resume with: "
                + "sheath run %s -o %s --resume%s", signal ? why : "--max-hours " + num(opt.maxHours()), stage, time,
                dir.resolve(RunCheckpoint.FILE), deck.file(), dir, opt.replica().isPresent() ? " --replica " + opt.replica().getAsInt() : "");
        log.line(msg);
        return new Outcome(signal ? Status.STOPPED_SIGNAL : Status.STOPPED_TIME, msg);
    }

    /** Progress of a stage: the hooks' bar (on a terminal), else a log line every {@code progressSeconds}. */
    private final class Progress {
        private final String stage;
        private final long total;
        private final double dt;
        private final long firstStep;
        private final long t0 = System.nanoTime();
        private long lastLine = t0;
        private final RunHooks.StageProgress bar;
        private boolean closed;

        Progress(String stage, long total, double dt, long firstStep) {
            this.stage = stage;
            this.total = total;
            this.dt = dt;
            this.firstStep = firstStep;
            this.bar = hooks.progress(stage, total);
            if (bar != null && firstStep > 0) bar.update(firstStep, "");
        }

        void update(long step) {
            long now = System.nanoTime();
            double s = (now - t0) * 1e-9;
            String rate = dt > 0 && s > 0 && step > firstStep
                    ? String.format(Locale.ROOT, "%.2f ns/day", (step - firstStep) * dt * 1e-3 / (s / 86400)) : "";
            if (bar != null) bar.update(step, rate);
            if ((now - lastLine) * 1e-9 >= opt.progressSeconds()) {
                lastLine = now;
                String eta = step > firstStep ? ", ETA " + duration(s / (step - firstStep) * (total - step)) : "";
                String line = String.format(Locale.ROOT, "  %s: step %d/%d (%.0f%%)%s%s%s", stage, step, total, 100.0 * step / total,
                        dt > 0 ? String.format(Locale.ROOT, ", t = %.3f ps", state.time) : "", rate.isEmpty() ? "" : ", " + rate, eta);
                if (bar != null) log.fileOnly(line);
                else log.line(line);
            }
        }

        void close() {
            if (!closed && bar != null) bar.close();
            closed = true;
        }
    }

    static String duration(double s) {
        if (!(s >= 0) || Double.isInfinite(s)) return "?";
        long t = Math.round(s);
        if (t < 60) return t + "s";
        if (t < 3600) return (t / 60) + "m" + String.format(Locale.ROOT, "%02d", t % 60) + "s";
        return (t / 3600) + "h" + String.format(Locale.ROOT, "%02d", (t % 3600) / 60) + "m";
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** The largest divisor of n that is at most max. */
    static int largestDivisorAtMost(long n, int max) {
        for (int d = (int) Math.min(n, max); d > 1; d--) if (n % d == 0) return d;
        return 1;
    }

    /** The seed of a stage: its own (or the run's), made replica-specific when there is a replica. */
    private long stageSeed(long own) {
        if (own < 0) return runSeed;
        return opt.replica().isPresent() ? mix(own, 1_000_003L + opt.replica().getAsInt()) : own;
    }

    /** A well-mixed 64-bit combination of two numbers (SplitMix64's finaliser). */
    static long mix(long a, long b) {
        return splitmix(a * 0x9E3779B97F4A7C15L ^ splitmix(b));
    }

    private static long splitmix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static String hash(Path file) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 16; i++) b.append(String.format("%02x", d[i]));
            return b.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.6g", v).replaceFirst("\\.?0+($|e)", "$1");
    }
}
