package org.sheath.forcefields.gromacs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheath.forcefields.InputException;
import org.sheath.forcefields.TopFiles;

/** Each kind of malformed topology gives one clear message naming the file and line. */
class MalformedTopologyTest {
    @TempDir Path dir;

    private InputException fail(String text) {
        Path top = TopFiles.write(dir, "bad.top", text);
        try {
            GromacsTopologyReader.read(top);
        } catch (InputException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e;
        }
        throw new AssertionError("no error for:\n" + text);
    }

    private static int lineOf(String text, String marker) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(marker)) return i + 1;
        throw new AssertionError(marker);
    }

    @Test
    void validBaseReads() {
        Path top = TopFiles.write(dir, "ok.top", TopFiles.HEADER + TopFiles.WATER + TopFiles.SYSTEM);
        assertThat(GromacsTopologyReader.read(top).atomCount()).isEqualTo(6);
    }

    @Test
    void unknownDirective() {
        String t = TopFiles.HEADER + TopFiles.WATER + "[ bondz ]\n 1 2 1\n" + TopFiles.SYSTEM;
        InputException e = fail(t);
        assertThat(e.line()).isEqualTo(lineOf(t, "[ bondz ]"));
        assertThat(e.getMessage()).contains("bad.top:" + e.line()).contains("unknown directive [ bondz ]");
    }

    @Test
    void missingAtomType() {
        String t = TopFiles.HEADER + TopFiles.WATER.replace("2 HW 1 SOL HW1", "2 HX 1 SOL HW1") + TopFiles.SYSTEM;
        InputException e = fail(t);
        assertThat(e.line()).isEqualTo(lineOf(t, "HX 1 SOL"));
        assertThat(e.getMessage()).contains("atom type 'HX' is not defined");
    }

    @Test
    void wrongColumnCount() {
        String t = TopFiles.HEADER + TopFiles.WATER.replace("  1 2 1\n", "  1 2 1 0.1\n") + TopFiles.SYSTEM;
        InputException e = fail(t);
        assertThat(e.line()).isEqualTo(lineOf(t, "1 2 1 0.1"));
        assertThat(e.getMessage()).contains("[ bonds ]").contains("has 1 parameters");
    }

    @Test
    void wrongColumnCountInAtoms() {
        String t = TopFiles.HEADER + TopFiles.WATER.replace("1 OW 1 SOL OW 1 -0.834 15.999", "1 OW 1 SOL OW") + TopFiles.SYSTEM;
        InputException e = fail(t);
        assertThat(e.line()).isEqualTo(lineOf(t, "1 OW 1 SOL OW"));
        assertThat(e.getMessage()).contains("[ atoms ] expected 'nr type resnr residue atom cgnr");
    }

    @Test
    void unterminatedIfdef() {
        String t = TopFiles.HEADER + "#ifdef FLEXIBLE\n" + TopFiles.WATER + TopFiles.SYSTEM;
        InputException e = fail(t);
        assertThat(e.line()).isEqualTo(lineOf(t, "#ifdef FLEXIBLE"));
        assertThat(e.getMessage()).contains("not closed by #endif");
    }

    @Test
    void missingInclude() {
        String t = TopFiles.HEADER + "#include \"nowhere/water.itp\"\n" + TopFiles.SYSTEM;
        InputException e = fail(t);
        assertThat(e.line()).isEqualTo(lineOf(t, "#include"));
        assertThat(e.getMessage()).contains("cannot find include file 'nowhere/water.itp'").contains("-I DIR");
    }

    @Test
    void duplicateMoleculeName() {
        String t = TopFiles.HEADER + TopFiles.WATER + TopFiles.WATER + TopFiles.SYSTEM;
        InputException e = fail(t);
        int first = lineOf(t, "SOL 2");
        assertThat(e.getMessage()).contains("molecule type 'SOL' is already defined at " + dir.resolve("bad.top") + ":" + first)
                .startsWith(dir.resolve("bad.top") + ":");
        assertThat(e.line()).isGreaterThan(first);
    }

    @Test
    void missingBondParameters() {
        String t = TopFiles.HEADER.replace("  OW HW 1 0.09572 502416.0\n", "") + TopFiles.WATER + TopFiles.SYSTEM;
        InputException e = fail(t);
        assertThat(e.line()).isEqualTo(lineOf(t, "  1 2 1"));
        assertThat(e.getMessage()).contains("no parameters for OW(1)-HW1(2) (types OW-HW)");
    }

    @Test
    void unknownMoleculeInMolecules() {
        String t = TopFiles.HEADER + TopFiles.WATER + TopFiles.SYSTEM.replace("SOL 2", "WAT 2");
        InputException e = fail(t);
        assertThat(e.getMessage()).contains("molecule type 'WAT' is not defined; known: SOL");
    }

    @Test
    void atomIndexOutOfRange() {
        String t = TopFiles.HEADER + TopFiles.WATER.replace("  1 3 1\n", "  1 4 1\n") + TopFiles.SYSTEM;
        InputException e = fail(t);
        assertThat(e.getMessage()).contains("atom index 4 is out of range: molecule 'SOL' has 3 atoms");
    }

    @Test
    void errorInIncludedFileNamesThatFile() {
        TopFiles.write(dir, "mol/water.itp", TopFiles.WATER.replace("[ angles ]", "[ angels ]"));
        String t = TopFiles.HEADER + "#include \"mol/water.itp\"\n" + TopFiles.SYSTEM;
        InputException e = fail(t);
        assertThat(e.file()).endsWith("water.itp");
        assertThat(e.line()).isEqualTo(lineOf(TopFiles.WATER, "[ angles ]"));
    }
}
