package org.sheath.engine.io;

import org.sheath.engine.system.Box;

/**
 * A trajectory file an MD loop appends frames to: positions as structure of arrays in nm, the box,
 * the step and the time in ps. Implementations reuse their buffers, so appending does not allocate
 * per frame (H5MD keeps the frames of the current block in memory; see {@link H5mdWriter}).
 * Not thread-safe. I/O errors while appending are {@link java.io.UncheckedIOException}s.
 */
public interface TrajectoryWriter extends AutoCloseable {
    /** Atoms in every frame. */
    int atomCount();

    /**
     * Appends one frame; the first {@link #atomCount()} entries of {@code x}, {@code y}, {@code z} are
     * written.
     */
    void append(long step, double time, Box box, double[] x, double[] y, double[] z);

    /** Frames in the trajectory so far, including those kept from before a restart. */
    int frameCount();

    /**
     * Makes every frame appended so far durable, so that a checkpoint written afterwards never
     * refers to frames that a crash could lose. Call it before writing a checkpoint.
     */
    void flush();

    /** Flushes and closes. */
    @Override
    void close();
}
