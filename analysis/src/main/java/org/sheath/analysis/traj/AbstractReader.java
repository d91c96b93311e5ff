package org.sheath.analysis.traj;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Shared frame bookkeeping: records the byte offset of every frame as it is read or scanned,
 * so {@link #seek} and {@link #frameCount} work for formats with variable-size frames.
 */
abstract class AbstractReader implements TrajectoryReader {
    final String name;
    final BinaryInput in;
    int natoms;
    /** offsets[i] = file offset of frame i, valid for i < known. */
    private long[] offsets = new long[64];
    private int known;
    /** Total number of frames once the end of the file has been seen, else -1. */
    private int total = -1;
    /** Index of the frame {@link #next} reads. */
    int current;
    /** Why the frames end early (a truncated or corrupt frame found while scanning), or "". */
    private String damage = "";

    AbstractReader(Path file, BinaryInput in) {
        this.name = file.getFileName().toString();
        this.in = in;
    }

    @Override
    public int atomCount() {
        return natoms;
    }

    /** Reads the frame at the current position into {@code f}; false at a clean end of file. */
    abstract boolean readFrame(Frame f, int index);

    /** Skips the frame at the current position; false at a clean end of file. */
    abstract boolean skipFrame(int index);

    private void remember(int index, long offset) {
        if (index == known) {
            if (known == offsets.length) {
                offsets = Arrays.copyOf(offsets, known * 2);
            }
            offsets[known++] = offset;
        }
    }

    @Override
    public boolean next(Frame f) {
        if (total >= 0 && current >= total) {
            return false;
        }
        remember(current, in.position());
        boolean ok;
        try {
            ok = readFrame(f, current);
        } catch (UncheckedIOException e) {
            throw new TrajectoryException(name + ": frame " + current + ": " + e.getCause().getMessage(), e);
        }
        if (!ok) {
            total = current;
            return false;
        }
        f.index = current++;
        return true;
    }

    /** Scans forward (from the last known frame) until frame {@code target} is known or the file ends. */
    private void scanTo(int target) {
        if (total >= 0 || target < known) {
            return;
        }
        long saved = in.position();
        try {
            int i = known - 1;
            if (i < 0) {
                i = 0;
                in.position(firstFrameOffset());
            } else {
                in.position(offsets[i]);
                if (!skipOrStop(i)) {
                    total = i;
                    return;
                }
                i++;
            }
            while (i <= target) {
                remember(i, in.position());
                if (!skipOrStop(i)) {
                    total = i;
                    return;
                }
                i++;
            }
            if (i == known && total < 0) {
                remember(i, in.position());
            }
        } catch (UncheckedIOException e) {
            throw new TrajectoryException(name + ": " + e.getCause().getMessage(), e);
        } finally {
            in.position(saved);
        }
    }

    /**
     * {@link #skipFrame}, except that a truncated or corrupt frame i ends the file there (false) and is remembered
     * in {@link #damage}: a killed run's file, whose frames before it are complete and stay readable.
     */
    private boolean skipOrStop(int i) {
        try {
            return skipFrame(i);
        } catch (TrajectoryException e) {
            if (e.badFrame != i) throw e;
            damage = e.getMessage();
            return false;
        }
    }

    /** Offset of frame 0 (after any file header). */
    abstract long firstFrameOffset();

    @Override
    public void seek(int frameIndex) {
        if (frameIndex < 0) {
            throw new TrajectoryException(name + ": cannot seek to frame " + frameIndex);
        }
        scanTo(frameIndex);
        if (total >= 0 && frameIndex > total) {
            throw new TrajectoryException(name + ": cannot seek to frame " + frameIndex + "; the file has "
                    + total + " frames");
        }
        in.position(offsets[frameIndex]);
        current = frameIndex;
    }

    @Override
    public int frameCount() {
        while (total < 0) {
            scanTo(Math.max(known, 1) * 2);
        }
        return total;
    }

    @Override
    public String damage() {
        return damage;
    }

    @Override
    public void close() {
        in.close();
    }
}
