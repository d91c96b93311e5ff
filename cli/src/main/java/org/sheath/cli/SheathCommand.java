package org.sheath.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sheath} command: one picocli subcommand class per job. */
@Command(name = "sheath", mixinStandardHelpOptions = true, version = "sheath 0.1.0",
        description = "Classical molecular dynamics for battery electrolytes.",
        subcommands = {TopologyCommand.class, EnergyCommand.class, BuildCommand.class, RunCommand.class, AnalyzeCommand.class,
                HelpCommand.class})
public final class SheathCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 2 bad input, 1 internal error). */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** As {@link #run(String...)}, printing to the given writers (for tests and embedding). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new SheathCommand());
        cl.setOut(out);
        cl.setErr(err);
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        cl.setExecutionExceptionHandler(new UserErrors(debug));
        cl.setParameterExceptionHandler(new SubcommandSuggestions(cl.getParameterExceptionHandler()));
        return cl.execute(args);
    }
}
