package org.sheath.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sheath.analysis.compare.Compare;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sheath analyze compare}: a Markdown table of several runs' JSON results side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare runs: a Markdown table of the JSON results of analyze rdf/shells/msd --json, one column per run.")
final class AnalyzeCompareCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN.json", description = "JSON results (one run each, or several per run with --labels)")
    List<Path> files = new ArrayList<>();

    @Option(names = "--labels", split = ",", paramLabel = "L1,L2,...",
            description = "column label of each file (default: the file names); repeat a label to merge files into one column")
    List<String> labels = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.md", description = "write the table to a file instead of printing it")
    Path output;

    @Option(names = "--debug", description = "print stack traces of errors")
    boolean debug;

    @Override
    public Integer call() {
        String table = Compare.table(files, labels);
        PrintWriter out = spec.commandLine().getOut();
        if (output != null) {
            try {
                Files.writeString(output, table);
            } catch (IOException e) {
                throw new UncheckedIOException(new IOException(output + ": cannot write: " + e.getMessage(), e));
            }
            out.println("wrote " + output);
        } else {
            out.print(table);
        }
        out.flush();
        return 0;
    }
}
