package org.sheath.forcefields.model;

import org.sheath.forcefields.InputException;

/** Where a piece of input came from, for one-line error messages. */
public record Source(String file, int line) {
    public static final Source NONE = new Source(null, 0);

    public InputException error(String message) {
        return new InputException(file, line, message);
    }

    @Override
    public String toString() {
        if (file == null) return "?";
        return line > 0 ? file + ":" + line : file;
    }
}
