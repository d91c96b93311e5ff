package org.sheath.analysis.traj;

/**
 * A trajectory could not be read. The message is one line naming the file and, where it
 * applies, the frame, e.g. {@code "traj.xtc: frame 17 is truncated (file ends at byte 123456);
 * ..."}.
 */
public final class TrajectoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** For a truncated or corrupt frame: its index, i.e. the number of complete frames before it; else −1. */
    public final int badFrame;

    public TrajectoryException(String message) {
        this(message, -1);
    }

    public TrajectoryException(String message, Throwable cause) {
        super(message, cause);
        this.badFrame = -1;
    }

    private TrajectoryException(String message, int badFrame) {
        super(message);
        this.badFrame = badFrame;
    }

    static TrajectoryException truncated(String file, int frame, long fileSize) {
        return new TrajectoryException(file + ": frame " + frame + " is truncated (the file ends at byte "
                + fileSize + "; the run that wrote it may have been killed)", frame);
    }

    static TrajectoryException corrupt(String file, int frame, long offset, String what) {
        return new TrajectoryException(file + ": frame " + frame + " is corrupt at byte " + offset
                + " (" + what + ")", frame);
    }
}
