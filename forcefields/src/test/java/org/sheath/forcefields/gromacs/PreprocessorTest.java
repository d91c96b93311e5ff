package org.sheath.forcefields.gromacs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheath.forcefields.InputException;
import org.sheath.forcefields.TopFiles;

class PreprocessorTest {
    @TempDir Path dir;

    private List<String> texts(Path file, Map<String, String> defines, List<Path> inc) {
        return new Preprocessor(inc, defines).process(file).stream().map(l -> l.text().strip()).filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void ifdefElseEndifAndNesting() {
        Path f = TopFiles.write(dir, "a.top", """
                #ifdef A
                a
                #ifndef B
                a-not-b
                #else
                a-b
                #endif
                #else
                not-a
                #endif
                end
                """);
        assertThat(texts(f, Map.of(), List.of())).containsExactly("not-a", "end");
        assertThat(texts(f, Map.of("A", ""), List.of())).containsExactly("a", "a-not-b", "end");
        assertThat(texts(f, Map.of("A", "", "B", ""), List.of())).containsExactly("a", "a-b", "end");
    }

    @Test
    void sheathIsAlwaysDefined() {
        Path f = TopFiles.write(dir, "a.top", "#ifdef SHEATH\nyes\n#else\nno\n#endif\n");
        assertThat(texts(f, Map.of(), List.of())).containsExactly("yes");
    }

    @Test
    void macrosAreSubstitutedAsWholeWordsButNotInsideNumbersOrComments() {
        Path f = TopFiles.write(dir, "a.top", """
                #define gb_1 0.1000 1.57e+07
                #define e 99
                1 2 2 gb_1 ; gb_1 stays in the comment
                1e5 gb_10 e
                #undef e
                e
                """);
        assertThat(texts(f, Map.of(), List.of()))
                .containsExactly("1 2 2 0.1000 1.57e+07 ; gb_1 stays in the comment", "1e5 gb_10 99", "e");
    }

    @Test
    void includeSearchesNextToFileThenIncludeDirs() {
        TopFiles.write(dir, "sub/inner.itp", "inner\n#include \"sibling.itp\"\n");
        TopFiles.write(dir, "sub/sibling.itp", "sibling\n");
        TopFiles.write(dir, "lib/fromlib.itp", "fromlib\n");
        Path f = TopFiles.write(dir, "a.top", "#include \"sub/inner.itp\"\n#include <fromlib.itp>\n");
        assertThat(texts(f, Map.of(), List.of(dir.resolve("lib")))).containsExactly("inner", "sibling", "fromlib");
    }

    @Test
    void linesRememberTheirFileAndNumber() {
        TopFiles.write(dir, "inc.itp", "\n\nthird\n");
        Path f = TopFiles.write(dir, "a.top", "first\n#include \"inc.itp\"\nlast\n");
        List<Preprocessor.Line> lines = new Preprocessor(List.of(), Map.of()).process(f);
        Preprocessor.Line third = lines.stream().filter(l -> l.text().equals("third")).findFirst().orElseThrow();
        assertThat(third.file()).endsWith("inc.itp");
        assertThat(third.number()).isEqualTo(3);
        Preprocessor.Line last = lines.stream().filter(l -> l.text().equals("last")).findFirst().orElseThrow();
        assertThat(last.file()).endsWith("a.top");
        assertThat(last.number()).isEqualTo(3);
    }

    @Test
    void elseWithoutIfdefAndUnknownDirectiveAreErrors() {
        Path f = TopFiles.write(dir, "a.top", "x\n#else\n");
        assertThatThrownBy(() -> texts(f, Map.of(), List.of())).isInstanceOf(InputException.class)
                .hasMessageEndingWith("a.top:2: #else without #ifdef/#ifndef");
        Path g = TopFiles.write(dir, "b.top", "#if 1\n#endif\n");
        assertThatThrownBy(() -> texts(g, Map.of(), List.of())).isInstanceOf(InputException.class)
                .hasMessageContaining("b.top:1: unsupported preprocessor directive '#if'");
    }

    @Test
    void recursiveIncludeIsAnError() {
        Path f = TopFiles.write(dir, "a.top", "#include \"a.top\"\n");
        assertThatThrownBy(() -> texts(f, Map.of(), List.of())).isInstanceOf(InputException.class)
                .hasMessageContaining("a.top:1: recursive #include");
        // the error names the #include line that closes the cycle, in the file that has it
        Path g = TopFiles.write(dir, "c.top", "; top\n#include \"d.itp\"\n");
        TopFiles.write(dir, "d.itp", "; d\n\n#include \"c.top\"\n");
        assertThatThrownBy(() -> texts(g, Map.of(), List.of())).isInstanceOf(InputException.class)
                .hasMessageContaining("d.itp:3: recursive #include: 'c.top'");
    }
}
