package org.sheath.cli;

import java.io.UncheckedIOException;
import org.sheath.forcefields.InputException;
import picocli.CommandLine;

/**
 * Turns exceptions into one-line messages and exit codes: bad input (an {@link InputException} or an
 * unreadable file) exits with 2, anything else with 1. The stack trace only with {@code --debug}.
 */
final class UserErrors implements CommandLine.IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int INTERNAL = 1;
    private final boolean debug;

    UserErrors(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        if (debug) e.printStackTrace();
        if (e instanceof InputException) {
            cl.getErr().println("sheath: error: " + e.getMessage());
            return BAD_INPUT;
        }
        if (e instanceof UncheckedIOException u) {
            cl.getErr().println("sheath: error: " + u.getCause().getMessage());
            return BAD_INPUT;
        }
        cl.getErr().println("sheath: internal error: " + e + (debug ? "" : " (run with --debug for the stack trace)"));
        return INTERNAL;
    }
}
