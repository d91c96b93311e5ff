package org.sheath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding commands: help at any depth, did-you-mean for mistyped subcommands, the launcher through a symlink. */
class CommandNamesTest {

    @Test
    void helpDescribesNestedCommands() {
        Cli.Result r = Cli.run("help", "analyze", "rdf");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Usage: sheath analyze rdf").contains("--rmax");
        assertThat(Cli.run("help").out()).startsWith("Usage: sheath [");
        Cli.Result bad = Cli.run("help", "analyze", "rfd");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown command 'sheath analyze rfd'").contains("did you mean 'sheath analyze rdf'?");
    }

    @Test
    void mistypedSubcommandsGetTheClosestName() {
        Cli.Result r = Cli.run("analyze", "rfd");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("sheath: unknown command 'sheath analyze rfd'; did you mean 'sheath analyze rdf'?");
        assertThat(Cli.run("anlyze").err()).contains("did you mean 'sheath analyze'?");
        assertThat(Cli.run("analyze", "shels").err()).contains("did you mean 'sheath analyze shells'?");
        // nothing close: picocli's message and the usage
        Cli.Result far = Cli.run("analyze", "xyzzy");
        assertThat(far.code()).isEqualTo(2);
        assertThat(far.err()).doesNotContain("did you mean").contains("xyzzy");
    }

    @Test
    void editDistanceCountsASwapOnce() {
        assertThat(org.sheath.forcefields.text.EditDistance.distance("rfd", "rdf")).isEqualTo(1);
        assertThat(org.sheath.forcefields.text.EditDistance.distance("msdd", "msd")).isEqualTo(1);
        assertThat(org.sheath.forcefields.text.EditDistance.distance("rdf", "rdf")).isZero();
        assertThat(org.sheath.forcefields.text.EditDistance.distance("", "run")).isEqualTo(3);
        assertThat(org.sheath.forcefields.text.EditDistance.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void theLauncherFindsItsRepositoryThroughSymlinks(@TempDir Path tmp) throws Exception {
        Path launcher = Path.of("..", "sheath").toAbsolutePath().normalize();
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path link = Files.createSymbolicLink(bin.resolve("sheath"), launcher);
        Path link2 = Files.createSymbolicLink(bin.resolve("md"), Path.of("sheath")); // relative link to a link
        for (Path l : new Path[] {link, link2}) {
            ProcessBuilder pb = new ProcessBuilder("bash", l.toString()).directory(tmp.toFile()).redirectErrorStream(true);
            pb.environment().put("SHEATH_PRINT_HOME", "1");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            assertThat(p.waitFor()).isZero();
            assertThat(Path.of(out).toRealPath()).isEqualTo(launcher.getParent().toRealPath());
        }
    }
}
