package org.sheath.analysis.traj;

/**
 * Sequential reader of one trajectory file with random access by frame number.
 * Not thread-safe; open one reader per thread.
 */
public interface TrajectoryReader extends AutoCloseable {
    /** Number of atoms in every frame. */
    int atomCount();

    /**
     * Reads the next frame into {@code frame} (reusing its arrays).
     *
     * @return false at a clean end of file
     * @throws TrajectoryException if the frame is truncated or corrupt
     */
    boolean next(Frame frame) throws TrajectoryException;

    /** Positions the reader so that {@link #next} returns frame {@code frameIndex} (0-based). */
    void seek(int frameIndex) throws TrajectoryException;

    /**
     * Number of complete frames; may scan the file once (the offsets found are cached for seek). A truncated or
     * corrupt frame ends the count there (then {@link #damage} says where).
     */
    int frameCount() throws TrajectoryException;

    /** After {@link #frameCount}: why the file ends before its end ("traj.xtc: frame 29 is truncated …"), or "". */
    default String damage() {
        return "";
    }

    @Override
    void close();
}
