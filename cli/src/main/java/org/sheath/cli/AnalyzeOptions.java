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

    @Option(names = {"-b", "--begin"}, paramLabel = "FRAME", defaultValue = "0",
            description = "first frame, 0-based (default ${DEFAULT-VALUE})")
    int start;

    @Option(names = {"-e", "--end"}, paramLabel = "FRAME", defaultValue = "-1",
            description = "stop before this frame, 0-based (default: the end)")
    int stop;

    @Option(names = "--step", paramLabel = "N", defaultValue = "1", description = "use every N-th frame (default ${DEFAULT-VALUE})")
    int step;

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
        return new AnalysisRunner.Options(start, stop, step, threads, s, !noProgress);
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
