package org.sheath.forcefields;

/**
 * A problem in a user's input file, reported as one line: {@code file:line: what is wrong; how to fix}.
 * The command line prints {@link #getMessage()} and exits with code 2, no stack trace.
 */
public class InputException extends RuntimeException {
    private final String file;
    private final int line;

    public InputException(String file, int line, String message) {
        super(format(file, line, message));
        this.file = file;
        this.line = line;
    }

    public InputException(String message) {
        this(null, 0, message);
    }

    private static String format(String file, int line, String message) {
        if (file == null) return message;
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }

    /** File the problem was found in, or null. */
    public String file() {
        return file;
    }

    /** 1-based line number, or 0 if not tied to a line. */
    public int line() {
        return line;
    }
}
