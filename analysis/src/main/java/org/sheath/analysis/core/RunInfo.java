package org.sheath.analysis.core;

/**
 * How a run went: the trajectory, the frames analysed (0-based indices start, stop exclusive, step),
 * the number of frames, the threads and the frame-distribution strategy used, and the wall time
 * (seconds) of reading plus accumulating (excluding prepare and conclude); {@code warning}: why the file ended
 * before its end (a truncated or corrupt frame: the complete frames before it were analysed), or "".
 */
public record RunInfo(String trajectory, int start, int stop, int step, int frames, int threads,
                      AnalysisRunner.Strategy strategy, double seconds, String warning) {
}
