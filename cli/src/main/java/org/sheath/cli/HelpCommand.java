package org.sheath.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;

/**
 * {@code sheath help [COMMAND [SUBCOMMAND …]]}: the usage of a command at any depth ({@code help analyze rdf}),
 * as {@code git help} does; picocli's own help command takes one level only.
 */
@Command(name = "help", helpCommand = true, description = "Show the usage of a command: sheath help analyze rdf.")
final class HelpCommand implements Runnable {
    @CommandLine.Spec CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "the command (and subcommands) to describe")
    List<String> names = new ArrayList<>();

    @Override
    public void run() {
        CommandLine cl = spec.parent().commandLine();
        StringBuilder path = new StringBuilder(cl.getCommandName());
        for (String name : names) {
            CommandLine sub = cl.getSubcommands().get(name);
            if (sub == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown command '" + path + " " + name + "' (the commands: "
                        + String.join(", ", cl.getSubcommands().keySet()) + ")" + SubcommandSuggestions.didYouMean(cl, name));
            }
            cl = sub;
            path.append(' ').append(name);
        }
        cl.usage(spec.commandLine().getOut());
    }
}
