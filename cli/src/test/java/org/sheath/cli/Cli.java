package org.sheath.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Test helper: runs the {@code sheath} command line in-process and captures its exit code and output. */
final class Cli {
    record Result(int code, String out, String err) {
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = SheathCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }
}
