package org.sheath.analysis.traj;

/**
 * A trajectory could not be read. The message is one line naming the file and, where it
 * applies, the frame, e.g. {@code "traj.xtc: frame 17 is truncated (file ends at byte 123456);
 * ..."}.
 */
public final class TrajectoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrajectoryException(String message) {
        super(message);
    }

    public TrajectoryException(String message, Throwable cause) {
        super(message, cause);
    }

    static TrajectoryException truncated(String file, int frame, long fileSize) {
        return new TrajectoryException(file + ": frame " + frame + " is truncated (file ends at byte "
                + fileSize + "); the run that wrote it may have been killed \u2014 analyse with --stop "
                + frame);
    }

    static TrajectoryException corrupt(String file, int frame, long offset, String what) {
        return new TrajectoryException(file + ": frame " + frame + " is corrupt at byte " + offset
                + " (" + what + ")");
    }
}
