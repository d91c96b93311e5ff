package org.sheath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random (and hostile) values for the numeric options of {@code analyze rdf}: every run ends with exit 0 and
 * numbers without NaN, or exit 2 and one line naming the problem; never exit 1, a stack trace or an
 * "internal error".
 */
class AnalyzeOptionsFuzzTest {
    static final String TOP = "../inputs/litfsi-zn-dmf/system.top";
    static final String XTC = "../analysis/src/test/resources/rdf/litfsi.xtc";
    static final String[] HOSTILE = {"0", "-1", "1e-9", "1e9", "1e400", "NaN", "nan", "Infinity", "-0", "", "abc", "0x10", "2.5.1"};

    @Test
    void rdfOptionsNeverCrash(@TempDir Path dir) throws Exception {
        Random rnd = new Random(11);
        String[] numeric = {"--bin", "--rmax", "--smooth", "--shell-radius", "-b", "-e", "--dt", "--first-frame", "--last-frame", "--stride", "--threads"};
        int ok = 0, refused = 0;
        for (int run = 0; run < 60; run++) {
            List<String> args = new ArrayList<>(List.of("analyze", "rdf", "-s", TOP, "-f", XTC, "--ref", "name LI", "--sel", "name O1"));
            int nopt = 1 + rnd.nextInt(3);
            for (int k = 0; k < nopt; k++) {
                String opt = numeric[rnd.nextInt(numeric.length)];
                args.add(opt);
                args.add(value(opt, rnd));
            }
            Path csv = dir.resolve("r" + run + ".csv");
            if (rnd.nextBoolean()) {
                args.add("-o");
                args.add(csv.toString());
            }
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            String what = String.join(" ", args.subList(10, args.size()));
            assertThat(r.code()).as(what + "\n" + r.err()).isIn(0, 2);
            assertThat(r.err()).as(what).doesNotContain("internal error").doesNotContain("Exception").doesNotContain("\tat ");
            if (r.code() == 0) {
                ok++;
                assertThat(r.out()).as(what).doesNotContain("NaN");
                if (Files.exists(csv)) assertThat(Files.readString(csv)).as(what).doesNotContain("NaN");
            } else {
                refused++;
                assertThat(r.err().strip()).as(what).isNotEmpty();
            }
        }
        System.out.printf("rdf option fuzz: %d runs ran, %d refused with exit 2%n", ok, refused);
        assertThat(ok).isPositive();
        assertThat(refused).isPositive();
    }

    private static String value(String opt, Random rnd) {
        if (rnd.nextInt(4) == 0) return HOSTILE[rnd.nextInt(HOSTILE.length)];
        return switch (opt) {
            case "--first-frame", "--last-frame", "--stride", "--threads" -> Integer.toString(rnd.nextInt(80) - 10);
            case "-b", "-e", "--dt" -> String.format(java.util.Locale.ROOT, "%.3g", rnd.nextDouble() * 150 - 20);
            default -> String.format(java.util.Locale.ROOT, "%.4g", Math.pow(10, -4 + 5 * rnd.nextDouble()));
        };
    }

    /** msd and shells with random numeric options and malformed trajectories and topologies: exit 0 or 2, never 1. */
    @Test
    void otherSubcommandsAndMalformedFilesNeverCrash(@TempDir Path dir) throws Exception {
        Random rnd = new Random(12);
        byte[] xtc = Files.readAllBytes(Path.of(XTC));
        List<Path> trajectories = new ArrayList<>(List.of(Path.of(XTC)));
        for (int k = 0; k < 4; k++) { // cut and scrambled copies
            byte[] b = java.util.Arrays.copyOf(xtc, rnd.nextInt(xtc.length));
            if (k % 2 == 1) for (int j = 0; j < 20 && b.length > 0; j++) b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
            Path p = dir.resolve("bad" + k + ".xtc");
            Files.write(p, b);
            trajectories.add(p);
        }
        Path emptyTop = dir.resolve("empty.top"), junkTop = dir.resolve("junk.top");
        Files.writeString(emptyTop, "");
        Files.writeString(junkTop, "[ moleculetype ]\nX 3\n[ atoms ]\n1 nonsense\n[ molecules ]\nX 12\n");
        List<String> tops = List.of(TOP, TOP, TOP, emptyTop.toString(), junkTop.toString());
        String[][] commands = {
            {"msd", "--sel", "resname LI TFSI", "--site", "com"},
            {"shells", "--ref", "name LI", "--species", "DMF=resname DMF and name O1"},
            {"rdf", "--ref", "name LI", "--sel", "name O1"}};
        String[] numeric = {"--fit-start", "--fit-end", "--temperature", "--frame-time", "--radius", "-b", "-e", "--dt", "--stride"};
        for (int run = 0; run < 45; run++) {
            String[] cmd = commands[run % commands.length];
            List<String> args = new ArrayList<>(List.of("analyze"));
            args.addAll(List.of(cmd));
            args.addAll(List.of("-s", tops.get(rnd.nextInt(tops.size())), "-f", trajectories.get(rnd.nextInt(trajectories.size())).toString()));
            String opt = numeric[rnd.nextInt(numeric.length)];
            if (opt.equals("--radius") && !cmd[0].equals("shells")) opt = "--stride";
            args.add(opt);
            String v = rnd.nextInt(3) == 0 ? HOSTILE[rnd.nextInt(HOSTILE.length)]
                    : String.format(java.util.Locale.ROOT, "%.3g", rnd.nextDouble() * 120 - 10);
            args.add(opt.equals("--radius") ? "DMF=" + v : opt.equals("--stride") ? Integer.toString(rnd.nextInt(12) - 2) : v);
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            String what = String.join(" ", args);
            assertThat(r.code()).as(what + "\n" + r.err()).isIn(0, 2);
            assertThat(r.err()).as(what).doesNotContain("internal error").doesNotContain("Exception").doesNotContain("\tat ");
            if (r.code() == 0) assertThat(r.out()).as(what).doesNotContain("NaN");
        }
    }
}
