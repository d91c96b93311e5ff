package org.sheath.analysis.core;

import org.sheath.analysis.traj.Frame;

/**
 * One trajectory analysis, in the style of MDAnalysis' AnalysisBase but built for threads: the
 * runner calls {@link #prepare} once, then {@link #accumulate} for every frame on several threads,
 * each into its own partial result from {@link #newPartial}; the partials are merged in a fixed order
 * and {@link #conclude} turns the total into the result record.
 *
 * <p>Implementations keep everything that changes per frame in the partial: after {@code prepare}
 * the analysis object itself is read-only and shared by the worker threads.
 *
 * @param <O> options (a record)
 * @param <P> per-thread partial result
 * @param <R> result record
 */
public interface Analysis<O, P extends Analysis.Partial<P>, R> {
    /** Partial result of some frames; {@link #merge} adds another partial's frames to this one. */
    interface Partial<P> {
        void merge(P other);
    }

    /** Registered name, e.g. {@code rdf}. */
    String name();

    /**
     * Checks the options against the universe and the first frame of the range and sets up whatever
     * the workers share (selections, bins). Throws {@link org.sheath.forcefields.InputException} for
     * bad input.
     */
    void prepare(Universe universe, O options, Frame firstFrame);

    /** A fresh, empty partial for one worker thread. */
    P newPartial();

    /** Adds one frame to {@code partial}. Called concurrently for different partials. */
    void accumulate(Frame frame, P partial);

    /** Turns the merged partial of all frames into the result. */
    R conclude(P total, RunInfo info);
}
