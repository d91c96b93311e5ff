package org.sheath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each malformed topology: exit code 2, one line on stderr naming file:line, no stack trace. */
class MalformedInputExitCodeTest {
    @TempDir Path dir;

    static final String GOOD = """
            [ defaults ]
              1 2 yes 0.5 0.8333
            [ atomtypes ]
              OW OW 8 15.999 0.0 A 0.315 0.636
              HW HW 1 1.008 0.0 A 0.0 0.0
            [ moleculetype ]
              SOL 2
            [ atoms ]
              1 OW 1 SOL OW 1 -0.834
              2 HW 1 SOL HW1 1 0.417
              3 HW 1 SOL HW2 1 0.417
            [ bonds ]
              1 2 1 0.09572 502416.0
              1 3 1 0.09572 502416.0
            [ system ]
              water
            [ molecules ]
              SOL 1
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown directive      | [ bonds ]                      | [ bondz ]                      | 12 | unknown directive [ bondz ]",
        "missing atom type      | 2 HW 1 SOL HW1                 | 2 HX 1 SOL HW1                 | 10 | atom type 'HX' is not defined",
        "wrong column count     | 1 3 1 0.09572 502416.0         | 1 3 1 0.09572                  | 14 | has 1 parameters",
        "unterminated ifdef     | [ system ]                     | #ifdef X\\n[ system ]           | 15 | not closed by #endif",
        "missing include        | [ system ]                     | #include \"gone.itp\"\\n[ system ] | 15 | cannot find include file 'gone.itp'",
        "duplicate molecule     | [ system ]                     | [ moleculetype ]\\nSOL 2\\n[ system ] | 16 | molecule type 'SOL' is already defined",
    })
    void exitCode2WithFileAndLine(String what, String from, String to, int line, String message) throws Exception {
        Path top = dir.resolve("bad.top");
        Files.writeString(top, GOOD.replace(from.strip(), to.strip().replace("\\n", "\n")));
        Cli.Result r = Cli.run("topology", "-p", top.toString());
        assertThat(r.code()).as(what).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).as(what + ": one line").isEqualTo(1);
        assertThat(r.err()).startsWith("sheath: error: " + top + ":" + line + ": ").contains(message)
                .doesNotContain("Exception").doesNotContain("\tat ");
    }
}
