package org.sheath.engine.protocol;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * How {@code sheath run} runs a deck.
 *
 * @param dir             the run directory
 * @param threads         worker threads
 * @param resume          continue from the directory's checkpoint (or start if it has none)
 * @param maxHours        stop cleanly (with a checkpoint) before this much wall time since {@code startMillis}; 0: no limit
 * @param replica         replica index (from {@code --replica} or {@code SLURM_ARRAY_TASK_ID}): derives the seeds
 * @param startMillis     when the process started (epoch ms), for {@code maxHours}
 * @param progressSeconds wall time between plain progress lines (no terminal)
 */
public record RunOptions(Path dir, int threads, boolean resume, double maxHours, OptionalInt replica, long startMillis,
                         double progressSeconds) {
    public RunOptions {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1: " + threads);
        if (!(maxHours >= 0)) throw new IllegalArgumentException("maxHours must be >= 0: " + maxHours);
    }
}
