package org.sheath.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code sheath analyze}: trajectory analyses, one picocli subcommand class each (add a class and
 * list it in {@code subcommands}).
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse a trajectory: RDFs and coordination numbers, solvation shells, MSD and diffusion; compare runs.",
        subcommands = {AnalyzeRdfCommand.class, AnalyzeShellsCommand.class, AnalyzeMsdCommand.class, AnalyzeCompareCommand.class})
final class AnalyzeCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
