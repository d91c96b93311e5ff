package org.sheath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sheath run} on a deck whose [system] is a composition: the builder packs it and topol.top is written. */
class RunBuiltSystemTest {
    @TempDir Path dir;

    @Test
    void buildsMinimizesRunsAndAnalyses() throws Exception {
        Path deck = dir.resolve("built.toml");
        Files.writeString(deck, """
                seed = 3
                [system]
                molecules = { LI = 2, TFSI = 2, DMF = 45 }
                density = 0.8
                [forces]
                cutoff = 0.9
                constraints = "h-bonds"
                [output]
                energies = "0.01 ps"
                trajectory = "0.01 ps"
                [[stage]]
                name = "em"
                type = "minimize"
                steps = 20
                emtol = 1000
                [[stage]]
                name = "md"
                type = "md"
                ensemble = "nvt"
                dt = "1 fs"
                length = "0.03 ps"
                temperature = 300
                thermostat = "v-rescale"
                [[analysis]]
                stage = "md"
                type = "rdf"
                ref = "name LI"
                sel = "resname DMF and name O1"
                rmax = 0.9
                """);
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("run", deck.toString(), "-o", out.toString(), "--threads", "1");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("built: Built 572 atoms").contains("first-shell CN = ");
        assertThat(Files.readString(out.resolve("topol.top"))).contains("[ moleculetype ]").contains("DMF");
        assertThat(out.resolve("md.gro")).isRegularFile();
        // the same command line resumes: the box is built again the same way, the run is complete
        Cli.Result again = Cli.run("run", deck.toString(), "-o", out.toString(), "--threads", "1", "--resume");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("already complete");
    }
}
