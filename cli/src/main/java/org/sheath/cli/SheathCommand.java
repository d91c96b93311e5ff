package org.sheath.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sheath} command: one picocli subcommand class per job. */
@Command(name = "sheath", mixinStandardHelpOptions = true, version = "sheath 0.1.0",
        description = "Classical molecular dynamics for battery electrolytes.",
        subcommands = {CommandLine.HelpCommand.class})
public final class SheathCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SheathCommand()).execute(args));
    }
}
