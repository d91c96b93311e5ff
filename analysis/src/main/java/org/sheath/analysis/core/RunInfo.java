package org.sheath.analysis.core;

/**
 * How a run went: the trajectory, the frames analysed (0-based indices start, stop exclusive, step),
 * the number of frames, the threads and the frame-distribution strategy used, and the wall time
 * (seconds) of reading plus accumulating (excluding prepare and conclude); {@code warning}: why the file ended
 * before its end (a truncated or corrupt frame: the complete frames before it were analysed), or ""; the times (ps)
 * of the first and the last frame analysed.
 */
public record RunInfo(String trajectory, int start, int stop, int step, int frames, int threads,
                      AnalysisRunner.Strategy strategy, double seconds, String warning, double firstTime, double lastTime) {
    /** "50 frames (0-49 step 1), t = 0-98 ps" for summaries and file headers. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%d frames (%d-%d step %d)%s", frames, start, start + Math.max(0, frames - 1) * step,
                step, timeRange());
    }

    /** ", t = 0-98 ps", or "" when the frames carry no times. */
    public String timeRange() {
        return Double.isNaN(firstTime) ? "" : String.format(java.util.Locale.ROOT, ", t = %s-%s ps", num(firstTime), num(lastTime));
    }

    private static String num(double v) {
        return new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
    }
}
