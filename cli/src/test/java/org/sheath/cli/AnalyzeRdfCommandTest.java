package org.sheath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeRdfCommandTest {
    static final Path TOP = Path.of("../inputs/litfsi-zn-dmf/system.top");
    static final Path GRO = Path.of("../inputs/litfsi-zn-dmf/conf.gro");
    static final Path XTC = Path.of("../analysis/src/test/resources/rdf/litfsi.xtc");
    @TempDir Path dir;


    @Test
    void liOxygenRdfWithCsvAndJson() throws Exception {
        Path csv = dir.resolve("li_o.csv");
        Cli.Result r = Cli.run("analyze", "rdf", "-s", TOP.toString(), "-f", XTC.toString(), "--ref", "name LI",
                "--sel", "resname DMF and name O1", "--rmax", "1.0", "--last-frame", "19", "--step", "2", "--threads", "2",
                "-o", csv.toString(), "--json");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.at("/frames/count").asInt()).isEqualTo(10);
        assertThat(doc.at("/sites/refSites").asInt()).isEqualTo(20);
        assertThat(doc.at("/sites/allowedPairs").asLong()).isEqualTo(5000);
        assertThat(doc.at("/parameters/bins").asInt()).isEqualTo(500);
        assertThat(doc.at("/firstPeak/r").asDouble()).isBetween(0.17, 0.23);
        assertThat(doc.at("/firstMinimum/r").asDouble()).isBetween(0.24, 0.40);
        assertThat(doc.at("/firstShell/cn").asDouble()).isBetween(1.0, 8.0);
        assertThat(doc.at("/timing/threads").asInt()).isEqualTo(2);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(2)).isEqualTo("r_nm,g,cn");
        assertThat(lines).hasSize(3 + 500);
    }

    /** The same frames as an H5MD chain of two blocks (engine H5mdWriter) give the same g(r) as the XTC. */
    @Test
    void h5mdChainGivesTheSameRdfAsTheXtc() throws Exception {
        Path h5 = dir.resolve("litfsi.h5");
        try (org.sheath.analysis.traj.TrajectoryReader in = org.sheath.analysis.traj.TrajectoryFormats.open(XTC);
             org.sheath.engine.io.H5mdWriter w = org.sheath.engine.io.H5mdWriter.create(h5, in.atomCount())) {
            org.sheath.analysis.traj.Frame f = new org.sheath.analysis.traj.Frame();
            for (int k = 0; k < 20 && in.next(f); k++) {
                w.append(f.step, f.time, org.sheath.engine.system.Box.fromMatrix(f.box), f.x, f.y, f.z);
                if (k == 9) {
                    w.flush();
                }
            }
        }
        assertThat(dir.resolve("litfsi.part0002.h5")).exists();
        Path fromXtc = dir.resolve("xtc.csv"), fromH5 = dir.resolve("h5.csv");
        for (Path[] run : new Path[][] {{XTC, fromXtc}, {h5, fromH5}}) {
            Cli.Result r = Cli.run("analyze", "rdf", "-s", TOP.toString(), "-f", run[0].toString(), "--ref", "name LI",
                    "--sel", "resname DMF and name O1", "--rmax", "1.0", "--last-frame", "19", "--threads", "1", "-o", run[1].toString());
            assertThat(r.err()).isEmpty();
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("20 frames");
        }
        List<String> a = Files.readAllLines(fromXtc), b = Files.readAllLines(fromH5);
        assertThat(b.subList(2, b.size())).isEqualTo(a.subList(2, a.size()));
    }

    @Test
    void textSummaryWithComSitesAndAStructureAsTopology() {
        Cli.Result r = Cli.run("analyze", "rdf", "-s", GRO.toString(), "-f", XTC.toString(), "--ref", "name LI",
                "--sel", "resname DMF", "--sel-site", "com", "--last-frame", "2", "--threads", "1");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("RDF name LI -> resname DMF: 20 x 250 sites, 3 frames").contains("first shell");
    }

    @Test
    void unknownSelectionKeywordExitsWith2() {
        Cli.Result r = Cli.run("analyze", "rdf", "-s", TOP.toString(), "-f", XTC.toString(), "--ref", "nam LI", "--sel", "name O1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("sheath: error: selection 'nam LI': unknown keyword 'nam'").doesNotContain("\n");
    }

    @Test
    void emptySelectionExitsWith2() {
        Cli.Result r = Cli.run("analyze", "rdf", "-s", TOP.toString(), "-f", XTC.toString(), "--ref", "name Li", "--sel", "name O1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("sheath: error: --ref 'name Li' selects no atoms in").doesNotContain("\n");
    }

    @Test
    void corruptTrajectoryExitsWith2WhenNothingIsReadable() throws Exception {
        byte[] all = Files.readAllBytes(XTC);
        all[1] ^= 0x40; // the first frame's magic number
        Path bad = dir.resolve("bad.xtc");
        Files.write(bad, all);
        Cli.Result r = Cli.run("analyze", "rdf", "-s", TOP.toString(), "-f", bad.toString(), "--ref", "name LI", "--sel", "name O1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("sheath: error: bad.xtc: ").doesNotContain("\n");
    }

    @Test
    void atomCountMismatchExitsWith2() {
        Cli.Result r = Cli.run("analyze", "rdf", "-s", TOP.toString(), "-f", "../analysis/src/test/resources/traj/water.xtc",
                "--ref", "name LI", "--sel", "name O1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).contains("360 atoms per frame, but").contains("has 3444").doesNotContain("\n");
    }

    @Test
    void unknownFormatMissingFileAndTooLongRmaxExitWith2() throws Exception {
        Path odd = dir.resolve("traj.abc");
        Files.writeString(odd, "x");
        Cli.Result r = Cli.run("analyze", "rdf", "-s", TOP.toString(), "-f", odd.toString(), "--ref", "name LI", "--sel", "name O1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("sheath: error: unknown trajectory format '.abc'");
        r = Cli.run("analyze", "rdf", "-s", TOP.toString(), "-f", dir.resolve("none.xtc").toString(), "--ref", "name LI", "--sel", "name O1");
        assertThat(r.code()).isEqualTo(2);
        r = Cli.run("analyze", "rdf", "-s", TOP.toString(), "-f", XTC.toString(), "--ref", "name LI", "--sel", "name O1", "--rmax", "2.5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).contains("--rmax 2.5000 nm is longer than half the shortest box height");
        r = Cli.run("analyze", "rdf", "-s", TOP.toString(), "-f", XTC.toString(), "--ref", "name LI", "--sel", "name O1", "--norm", "gr");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("sheath: error: --norm 'gr': use rdf, density or none");
    }

    /** Names are case-sensitive (as in GROMACS and MDAnalysis); an empty selection says which names exist. */
    @Test
    void emptySelectionsSuggestTheNamesThatExist() {
        String top = "../inputs/litfsi-zn-dmf/system.top", xtc = "../analysis/src/test/resources/rdf/litfsi.xtc";
        Cli.Result r = Cli.run("analyze", "rdf", "-s", top, "-f", xtc, "--ref", "name Li", "--sel", "name O1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("sheath: error: --ref 'name Li' selects no atoms in " + top
                + "; no atom name 'Li' (did you mean 'LI'?); names are case-sensitive").doesNotContain("\n");
        Cli.Result res = Cli.run("analyze", "rdf", "-s", top, "-f", xtc, "--ref", "name LI", "--sel", "resname dmf and name O1");
        assertThat(res.err()).contains("no residue name 'dmf' (did you mean 'DMF'?)").doesNotContain("'O1'");
        Cli.Result typo = Cli.run("analyze", "rdf", "-s", top, "-f", xtc, "--ref", "name LI", "--sel", "name O7");
        assertThat(typo.err()).contains("no atom name 'O7' (did you mean ").contains("'O1'");
        // element symbols are not case-sensitive
        assertThat(Cli.run("analyze", "rdf", "-s", top, "-f", xtc, "--ref", "element li", "--sel", "name O1", "--last-frame", "2").code()).isZero();
    }

    /** A trajectory cut by a killed job (head -c): the complete frames are analysed, with one warning. */
    @Test
    void truncatedTrajectoriesAnalyseTheirCompleteFrames(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        String top = "../inputs/litfsi-zn-dmf/system.top";
        for (String f : new String[] {"litfsi.xtc", "litfsi.dcd"}) {
            byte[] all = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("../analysis/src/test/resources/rdf", f));
            java.nio.file.Path cut = tmp.resolve(f);
            java.nio.file.Files.write(cut, java.util.Arrays.copyOf(all, all.length * 3 / 5));
            Cli.Result r = Cli.run("analyze", "rdf", "-s", top, "-f", cut.toString(), "--ref", "name LI", "--sel", "name O1");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err().lines()).singleElement().satisfies(l -> assertThat(l).startsWith("sheath: warning: " + f + ": frame ")
                    .contains("is truncated (the file ends at byte " + all.length * 3 / 5).contains("complete frames before it"));
            int frames = Integer.parseInt(r.out().replaceAll("(?s).*sites, (\\d+) frames.*", "$1"));
            String whole = Cli.run("analyze", "rdf", "-s", top, "-f", "../analysis/src/test/resources/rdf/" + f, "--ref", "name LI",
                    "--sel", "name O1").out();
            int total = Integer.parseInt(whole.replaceAll("(?s).*sites, (\\d+) frames.*", "$1"));
            assertThat(frames).as("complete frames in 3/5 of the file").isBetween((int) (0.55 * total), (int) (0.6 * total));
            // a range inside the complete frames, as -e 20 in the issue
            assertThat(Cli.run("analyze", "rdf", "-s", top, "-f", cut.toString(), "--ref", "name LI", "--sel", "name O1", "-e", "38")
                    .code()).isZero();
            java.nio.file.Path tiny = tmp.resolve("tiny-" + f);
            java.nio.file.Files.write(tiny, java.util.Arrays.copyOf(all, 3000));
            Cli.Result none = Cli.run("analyze", "rdf", "-s", top, "-f", tiny.toString(), "--ref", "name LI", "--sel", "name O1");
            assertThat(none.code()).isEqualTo(2);
            assertThat(none.err()).contains("no complete frame to analyse");
        }
    }

    /** -b/-e/--dt are times in ps, as in gmx rdf (the fixture's frames are 2 ps apart from t = 0); frames have their own options. */
    @Test
    void rangesInPicosecondsAndInFrames() {
        String top = "../inputs/litfsi-zn-dmf/system.top", xtc = "../analysis/src/test/resources/rdf/litfsi.xtc";
        String[] base = {"analyze", "rdf", "-s", top, "-f", xtc, "--ref", "name LI", "--sel", "name O1"};
        java.util.function.Function<String[], Cli.Result> run = extra -> {
            String[] a = java.util.Arrays.copyOf(base, base.length + extra.length);
            System.arraycopy(extra, 0, a, base.length, extra.length);
            return Cli.run(a);
        };
        assertThat(run.apply(new String[] {}).out()).contains("50 frames (0-49 step 1), t = 0-98 ps");
        assertThat(run.apply(new String[] {"-b", "20", "-e", "60"}).out()).contains("21 frames (10-30 step 1), t = 20-60 ps");
        assertThat(run.apply(new String[] {"-b", "20", "-e", "60", "--dt", "10"}).out()).contains("5 frames (10-30 step 5), t = 20-60 ps");
        assertThat(run.apply(new String[] {"--first-frame", "20", "--last-frame", "30"}).out())
                .contains("11 frames (20-30 step 1), t = 40-60 ps");
        Cli.Result both = run.apply(new String[] {"-b", "20", "--last-frame", "30"});
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("not both");
        Cli.Result outside = run.apply(new String[] {"-b", "500"});
        assertThat(outside.code()).isEqualTo(2);
        assertThat(outside.err()).contains("no frames from 500.0 ps: its 50 frames run from 0.000 to 98.00 ps");
    }

    /** With --norm density the summary gives the density at the peak, the number the CSV holds there. */
    @Test
    void densityNormSummaryMatchesTheCsv(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path csv = tmp.resolve("d.csv");
        Cli.Result r = Cli.run("analyze", "rdf", "-s", "../inputs/litfsi-zn-dmf/system.top", "-f", "../analysis/src/test/resources/rdf/litfsi.xtc",
                "--ref", "name LI", "--sel", "resname DMF and name O1", "--norm", "density", "-o", csv.toString());
        assertThat(r.code()).isZero();
        String line = r.out().lines().filter(l -> l.contains("first peak")).findFirst().orElseThrow();
        String rPeak = line.replaceAll(".*r = ([0-9.]+) nm.*", "$1"), dens = line.replaceAll(".*density \\(nm\\^-3\\) = ([0-9.e+-]+) .*", "$1");
        String row = java.nio.file.Files.readAllLines(csv).stream().filter(l -> l.startsWith(rPeak)).findFirst().orElseThrow();
        assertThat(Double.parseDouble(row.split(",")[1])).isCloseTo(Double.parseDouble(dens), org.assertj.core.data.Offset.offset(1e-3));
    }

    /** The bad numbers of the analysis issue, each: one line, exit 2 (were NaN output, OutOfMemoryError, internal errors). */
    @Test
    void badNumbersAreOneLineErrors() {
        String top = "../inputs/litfsi-zn-dmf/system.top", xtc = "../analysis/src/test/resources/rdf/litfsi.xtc";
        String[][] cases = {{"--bin", "5"}, {"--bin", "1e-9"}, {"--rmax", "0.001"}, {"--smooth", "-1"}, {"--shell-radius", "5"},
            {"--smooth", "1e9"}, {"--bin", "-1"}};
        String[] expect = {"--bin 5.000 nm leaves fewer than 2 bins", "--bin 1.000e-09 nm makes 1.85e+09 bins",
            "--bin 0.002000 nm leaves fewer than 2 bins below rmax 0.001000 nm", "--smooth -1.000 nm must be between 0",
            "--shell-radius 5.000 nm must be above 0 and at most rmax", "--smooth 1.000e+09 nm must be between 0", "--bin must be positive"};
        for (int k = 0; k < cases.length; k++) {
            Cli.Result r = Cli.run("analyze", "rdf", "-s", top, "-f", xtc, "--ref", "name LI", "--sel", "name O1", cases[k][0], cases[k][1]);
            assertThat(r.code()).as(String.join(" ", cases[k])).isEqualTo(2);
            assertThat(r.err().strip()).as(String.join(" ", cases[k])).startsWith("sheath: error: " + expect[k]).doesNotContain("\n");
        }
    }
}
