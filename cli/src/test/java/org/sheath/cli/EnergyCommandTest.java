package org.sheath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnergyCommandTest {
    static final Path EXAMPLE = Path.of("../inputs/litfsi-zn-dmf");
    @TempDir Path dir;


    /** Na+/Cl- single-atom molecules; the .gro positions are given as x coordinates on a line. */
    Path[] ions(int nNa, int nCl, double box, double... x) throws IOException {
        Path top = dir.resolve("ions.top");
        Files.writeString(top, String.join("\n", "[ defaults ]", "1 2 yes 0.5 0.8333", "[ atomtypes ]",
                "A A 11 22.99 0 A 0.25 0.5", "B B 17 35.45 0 A 0.40 0.4",
                "[ moleculetype ]", "NA 1", "[ atoms ]", "1 A 1 NA NA 1 1.0 22.99",
                "[ moleculetype ]", "CL 1", "[ atoms ]", "1 B 1 CL CL 1 -1.0 35.45",
                "[ system ]", "ions", "[ molecules ]", "NA " + nNa, nCl > 0 ? "CL " + nCl : "", ""));
        StringBuilder g = new StringBuilder("ions\n").append(String.format("%5d%n", x.length));
        for (int i = 0; i < x.length; i++) {
            String name = i < nNa ? "NA" : "CL";
            g.append(String.format(java.util.Locale.ROOT, "%5d%-5s%5s%5d%8.3f%8.3f%8.3f%n", i + 1, name, name, i + 1, x[i], 1.0 + 0.3 * i, 1.0));
        }
        g.append(String.format(java.util.Locale.ROOT, "%10.5f%10.5f%10.5f%n", box, box, box));
        Path gro = dir.resolve("ions.gro");
        Files.writeString(gro, g.toString());
        return new Path[] {top, gro};
    }

    /** [ molecules ] in another order than the file (same atom count): grompp warns, and so does sheath. */
    @Test
    void warnsWhenAtomNamesDifferFromTheTopology() throws Exception {
        String top = Files.readString(EXAMPLE.resolve("system.top")).replace("ZN         4\nLI        20", "LI        20\nZN         4");
        assertThat(top).contains("LI        20\nZN         4");
        Path swapped = dir.resolve("swapped.top");
        Files.writeString(swapped, top);
        Cli.Result r = Cli.run("energy", "-p", swapped.toString(), "-c", EXAMPLE.resolve("conf.gro").toString(), "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err().lines().filter(l -> l.contains("atom name"))).singleElement().satisfies(l -> assertThat(l)
                .startsWith("sheath: warning: " + EXAMPLE.resolve("conf.gro") + ": 8 atom name(s) differ from the topology's "
                        + "(first: atom 1: LI in the topology, ZN in the coordinates)")
                .contains("[ molecules ]"));
    }

    @Test
    void exampleBoxTableAndJson() throws Exception {
        Cli.Result r = Cli.run("energy", "-p", EXAMPLE.resolve("system.top").toString(), "-c", EXAMPLE.resolve("conf.gro").toString(),
                "--threads", "2", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode e = doc.get("energies");
        double sum = 0;
        for (var it = e.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("Potential")) sum += e.get(k).asDouble();
        }
        assertThat(e.get("Potential").asDouble()).isCloseTo(sum, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(e.has("LJ (SR)") && e.has("Coulomb (SR)") && e.has("Coul. recip.") && e.has("Disper. corr.")).isTrue();
        assertThat(doc.at("/settings/pmeGrid/0").asInt()).isEqualTo(32);
        assertThat(doc.get("pressureTensor")).hasSize(9);
        // 3444 atoms, 41 476 amu... as packed by inputs/pack_box.sh at 0.87 g/cm³: plausible, so no warning above
        assertThat(doc.get("densityKgM3").asDouble()).isBetween(850.0, 890.0);
        assertThat(r.out()).doesNotContain("NaN");

        Cli.Result t = Cli.run("energy", "-p", EXAMPLE.resolve("system.top").toString(), "-c", EXAMPLE.resolve("conf.gro").toString(),
                "--threads", "1", "--dispcorr", "no", "--vdw-modifier", "none");
        assertThat(t.code()).isZero();
        assertThat(t.out()).contains("LJ (SR)").contains("Pressure (bar)").doesNotContain("Disper. corr.");
    }

    @Test
    void boxShorterThanTwiceTheCutoffExitsWith2() throws IOException {
        Path[] f = ions(1, 1, 2.0, 0.5, 1.0);
        Cli.Result r = Cli.run("energy", "-p", f[0].toString(), "-c", f[1].toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("sheath: error: Box[2.00000 x 2.00000 x 2.00000 nm] is too small for the "
                + "cut-off 1.2 nm: its shortest height 2.0000 nm must be at least twice that (2.4000 nm); use a larger box "
                + "(more molecules) or a cut-off of at most 1.0000 nm");
        assertThat(Cli.run("energy", "-p", f[0].toString(), "-c", f[1].toString(), "--cutoff", "0.9").code()).isZero();
    }

    @Test
    void overlappingAtomsExitWith2NamingThem() throws IOException {
        Path[] f = ions(1, 1, 3.0, 1.0, 1.0);
        // same x; y differs by 0.3 nm in ions(): move the second atom onto the first
        String gro = Files.readString(f[1]).replace("   2.000   1.300   1.000", "   1.010   1.000   1.000")
                .replace("   1.000   1.300   1.000", "   1.010   1.000   1.000");
        Files.writeString(f[1], gro);
        Cli.Result r = Cli.run("energy", "-p", f[0].toString(), "-c", f[1].toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("sheath: error: atom 1 (NA, residue 1 NA) and atom 2 (CL, residue 2 CL) are "
                + "0.0100 nm apart (closer than 0.05 nm and not excluded): minimize or fix the coordinates");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void netChargeIsAWarningNotAnError() throws IOException {
        Path[] f = ions(2, 0, 3.0, 1.0, 2.0);
        Cli.Result r = Cli.run("energy", "-p", f[0].toString(), "-c", f[1].toString());
        assertThat(r.code()).isZero();
        assertThat(r.err().strip()).startsWith("sheath: warning: the system has a net charge of +2.000000 e; PME adds a uniform "
                + "neutralizing background");
        assertThat(r.out()).contains("Coul. recip.").doesNotContain("NaN");
        // two ions in 27 nm³ are no liquid: said once, on stderr, naming the coordinates
        assertThat(r.err()).contains("sheath: warning: " + f[1] + ": the box density 0.003 g/cm³ is below that of any "
                + "liquid electrolyte (0.75-2.3 g/cm³)");
        assertThat(r.out()).contains("Density (kg/m^3)");
    }

    @Test
    void badOptionValuesExitWith2() throws IOException {
        Path[] f = ions(1, 1, 3.0, 1.0, 2.0);
        Cli.Result r = Cli.run("energy", "-p", f[0].toString(), "-c", f[1].toString(), "--vdw-modifier", "switch");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("sheath: error: unknown modifier 'switch': use potential-shift or none");
        assertThat(Cli.run("energy", "-p", f[0].toString(), "-c", f[1].toString(), "--dispcorr", "AllEner").code()).isEqualTo(2);
        assertThat(Cli.run("energy", "-p", f[0].toString(), "-c", f[1].toString(), "--threads", "0").code()).isEqualTo(2);
    }
}
