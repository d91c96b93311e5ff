package org.sheath.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.sheath.analysis.core.AnalysisRunner;
import org.sheath.analysis.core.Universe;
import org.sheath.analysis.traj.TrajectoryException;
import org.sheath.analysis.traj.TrajectoryFormats;
import org.sheath.analysis.traj.TrajectoryReader;
import org.sheath.forcefields.InputException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every {@code sheath analyze} subcommand shares (a picocli mixin): inputs, frame range, threads. */
final class AnalyzeOptions {
    @Option(names = {"-s", "--topology"}, required = true, paramLabel = "FILE",
            description = "topology: GROMACS .top/.itp, AMBER .prmtop, or a .gro/.pdb structure")
    Path topology;

    @Option(names = {"-f", "--trajectory"}, required = true, paramLabel = "FILE",
            description = "trajectory: .xtc .trr .dcd .lammpstrj/.dump .gro .pdb .xyz")
    Path trajectory;

    @Mixin Preprocessing preprocessing;

    @Option(names = {"-b", "--begin"}, paramLabel = "PS", description = "first time to analyse, ps, as gmx -b (default: the start)")
    Double begin;

    @Option(names = {"-e", "--end"}, paramLabel = "PS", description = "last time to analyse, ps, as gmx -e (default: the end)")
    Double end;

    @Option(names = "--dt", paramLabel = "PS", description = "use frames every PS ps, as gmx -dt (default: every frame)")
    Double dt;

    @Option(names = "--first-frame", paramLabel = "N", description = "first frame, 0-based (instead of -b)")
    Integer firstFrame;

    @Option(names = "--last-frame", paramLabel = "N", description = "last frame, 0-based, included (instead of -e)")
    Integer lastFrame;

    @Option(names = {"--stride", "--step"}, paramLabel = "N", description = "use every N-th frame (instead of --dt)")
    Integer stride;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "0",
            description = "worker threads (default: one per processor)")
    int threads;

    @Option(names = "--frame-strategy", paramLabel = "seek|queue", defaultValue = "queue",
            description = "queue: one reader feeds the threads (default); seek: each thread reads its own frames")
    String strategy;

    @Option(names = "--no-progress", description = "no progress bar (it is shown only on a terminal anyway)")
    boolean noProgress;

    @Option(names = "--debug", description = "print stack traces of errors")
    boolean debug;

    @Option(names = "--force", description = "overwrite existing output files (default: keep them as #FILE.1#, as GROMACS does)")
    boolean force;

    Universe universe() {
        return Universe.load(topology, preprocessing.options());
    }

    Supplier<TrajectoryReader> reader() {
        // fail early with one line for unknown formats and missing files
        TrajectoryFormats.forFile(trajectory);
        if (!java.nio.file.Files.isRegularFile(trajectory)) {
            throw new InputException(trajectory.toString(), 0, "no such file");
        }
        return () -> TrajectoryFormats.open(trajectory);
    }

    AnalysisRunner.Options runOptions() {
        AnalysisRunner.Strategy s;
        try {
            s = AnalysisRunner.Strategy.valueOf(strategy.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException("--frame-strategy '" + strategy + "': use seek or queue");
        }
        boolean times = begin != null || end != null || dt != null, frames = firstFrame != null || lastFrame != null || stride != null;
        if (times && frames) {
            throw new InputException("give the range in ps (-b/-e/--dt) or in frames (--first-frame/--last-frame/--stride), not both");
        }
        for (Double t : new Double[] {begin, end, dt}) {
            if (t != null && !Double.isFinite(t)) throw new InputException("-b/-e/--dt take times in ps, not " + t);
        }
        if (dt != null && !(dt > 0)) throw new InputException("--dt must be positive, not " + dt + " ps");
        if (begin != null && end != null && end < begin) throw new InputException("-e " + end + " ps is before -b " + begin + " ps");
        if (firstFrame != null && firstFrame < 0) throw new InputException("--first-frame must be 0 or more, not " + firstFrame);
        if (lastFrame != null && lastFrame < (firstFrame == null ? 0 : firstFrame)) {
            throw new InputException("--last-frame " + lastFrame + " is before the first frame " + (firstFrame == null ? 0 : firstFrame));
        }
        AnalysisRunner.Options o = new AnalysisRunner.Options(firstFrame == null ? 0 : firstFrame,
                lastFrame == null ? -1 : lastFrame + 1, stride == null ? 1 : stride, threads, s, !noProgress);
        if (!times) return o;
        return o.withTimes(new AnalysisRunner.Times(begin == null ? Double.NaN : begin, end == null ? Double.NaN : end,
                dt == null ? Double.NaN : dt));
    }

    /** Runs {@code body}, turning trajectory errors into input errors (one line, exit code 2). */
    /** Says once, on standard error, that a damaged trajectory was analysed only up to its last complete frame. */
    static void warnings(org.sheath.analysis.core.RunInfo run, java.io.PrintWriter err) {
        if (run != null && !run.warning().isEmpty()) {
            err.println("sheath: warning: " + run.warning());
            err.flush();
        }
    }

    static <T> T inputErrors(Supplier<T> body) {
        try {
            return body.get();
        } catch (TrajectoryException e) {
            throw new InputException(e.getMessage());
        }
    }
}
