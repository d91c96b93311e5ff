package org.sheath.engine.protocol;

import java.nio.file.Path;
import java.util.List;
import org.sheath.engine.protocol.deck.AnalysisSpec;

/**
 * What the command line adds to a run that the engine cannot do itself: the {@code [[analysis]]}
 * entries (the analysis module's {@code sheath analyze}) and a progress bar on a terminal.
 */
public interface RunHooks {
    /**
     * One {@code [[analysis]]} on a stage's trajectory.
     *
     * @param index      1-based position among the deck's analyses
     * @param topology   the topology the analysis reads ({@code -s})
     * @param defines    preprocessor defines for it ({@code -D})
     * @param trajectory the stage's trajectory ({@code -f})
     * @param outBase    output path without extension: the hook writes {@code outBase.csv}, {@code .json}, {@code .png}
     */
    record AnalysisJob(AnalysisSpec spec, int index, Path topology, List<String> defines, Path trajectory, Path outBase,
                       int threads) {
    }

    /** Runs the analysis and returns lines for the log (e.g. the first-shell coordination number). */
    List<String> analyze(AnalysisJob job);

    /** A progress bar for a stage of {@code total} steps, or null for plain log lines at a regular interval. */
    default StageProgress progress(String stage, long total) {
        return null;
    }

    /** Shows how far a stage is. */
    interface StageProgress extends AutoCloseable {
        /** {@code done} steps of the total; {@code extra} e.g. "12.3 ns/day". */
        void update(long done, String extra);

        @Override
        void close();
    }

    /** No analyses (they are reported as skipped), plain progress lines. */
    RunHooks NONE = job -> List.of("analysis #" + job.index() + " (" + job.spec().type().deckName() + "): skipped, no analysis module");
}
