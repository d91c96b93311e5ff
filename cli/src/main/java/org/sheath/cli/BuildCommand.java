package org.sheath.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sheath.engine.build.BuiltSystem;
import org.sheath.engine.build.Composition;
import org.sheath.engine.build.Packer;
import org.sheath.engine.build.SystemBuilder;
import org.sheath.forcefields.InputException;
import org.sheath.forcefields.coords.GroFile;
import org.sheath.forcefields.gromacs.GromacsTopologyWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sheath build}: a start box of bundled species at a density or in a box, as conf.gro + topol.top. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Pack molecules of the bundled electrolyte.ff species into a periodic box (random positions and "
                + "orientations, at least 0.2 nm between atoms of different molecules) and write OUTDIR/conf.gro and a "
                + "self-contained OUTDIR/topol.top.")
final class BuildCommand implements Callable<Integer> {
    /** The default cut-off of {@code sheath energy}, for the box-size note. */
    static final double ENERGY_DEFAULT_CUTOFF = 1.2;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-m", "--molecules"}, required = true, paramLabel = "NAME=N,...",
            description = "species and counts in [ molecules ] order, e.g. LI=20,ZN=4,TFSI=28,DMF=250")
    String molecules;

    static final class Size {
        @Option(names = "--density", paramLabel = "G_CM3", description = "target density in g/cm3: a cubic box of that volume")
        Double density;

        @Option(names = "--box", paramLabel = "L|A,B,C", description = "box edge(s) in nm: one for a cube, or three")
        String box;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Size size;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "random seed; the same seed gives the same coordinates (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "-D", paramLabel = "NAME[=VALUE]",
            description = "preprocessor define written before the includes, e.g. -DCHARGE_SCALE_0_8 (repeatable)")
    List<String> defines = new ArrayList<>();

    @Option(names = "--min-distance", paramLabel = "NM", defaultValue = "0.2",
            description = "minimum distance between atoms of different molecules, nm (default ${DEFAULT-VALUE})")
    double minDistance;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTDIR",
            description = "directory for conf.gro and topol.top (created if missing)")
    Path outDir;

    @Option(names = "--force", description = "overwrite existing conf.gro / topol.top")
    boolean force;

    @Option(names = "--debug", description = "print stack traces of errors")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        Path gro = outDir.resolve("conf.gro"), top = outDir.resolve("topol.top");
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new InputException(outDir + " exists and is not a directory; give a directory with -o");
        }
        if (!force) {
            for (Path p : List.of(gro, top)) {
                if (Files.exists(p)) throw new InputException(p + " already exists; use --force to overwrite it or another -o");
            }
        }
        SystemBuilder b = SystemBuilder.of(Composition.parse(molecules)).seed(seed).tolerance(minDistance);
        if (size.density != null) b.density(size.density);
        else {
            double[] e = edges(size.box);
            b.box(e[0], e[1], e[2]);
        }
        for (String d : defines) {
            int eq = d.indexOf('=');
            if (eq < 0) b.define(d);
            else b.define(d.substring(0, eq), d.substring(eq + 1));
        }
        BuiltSystem s = b.build();

        Files.createDirectories(outDir);
        GroFile.write(gro, s.structure());
        try (BufferedWriter w = Files.newBufferedWriter(top, StandardCharsets.UTF_8)) {
            w.append("; sheath build ").append(commandLine()).append('\n');
            w.append("; Same system with includes of the bundled library (for reading, or GROMACS with GMXLIB set):\n");
            for (String line : s.topologyText().split("\n")) w.append(";   ").append(line).append('\n');
            w.append(";\n");
            GromacsTopologyWriter.write(w, s.topology());
        }

        PrintWriter out = spec.commandLine().getOut();
        out.println(s.summary() + " Wrote " + gro + " and " + top + ".");
        double h = s.box().minHeight();
        if (h < 2 * ENERGY_DEFAULT_CUTOFF) {
            spec.commandLine().getErr().printf(Locale.ROOT, "sheath: note: the box is %.3f nm across, less than twice the "
                    + "default %.1f nm cut-off; use --cutoff %.3f or less with sheath energy, or build a larger box%n", h,
                    ENERGY_DEFAULT_CUTOFF, Math.floor(h / 2 * 1000) / 1000);
            spec.commandLine().getErr().flush();
        }
        out.flush();
        return 0;
    }

    private String commandLine() {
        StringBuilder c = new StringBuilder("--molecules ").append(molecules.replace(" ", ""));
        if (size.density != null) c.append(" --density ").append(size.density);
        else c.append(" --box ").append(size.box.replace(" ", ""));
        c.append(" --seed ").append(seed);
        if (minDistance != Packer.DEFAULT_TOLERANCE) c.append(" --min-distance ").append(minDistance);
        for (String d : defines) c.append(" -D").append(d);
        return c.toString();
    }

    /** {@code 3.7} (cube) or {@code 3.7,3.7,4.0}. */
    static double[] edges(String text) {
        String[] f = text.split(",");
        if (f.length != 1 && f.length != 3) {
            throw new InputException("--box '" + text + "': give one edge (a cube, e.g. --box 3.7) or three (e.g. --box 3.7,3.7,4.0), in nm");
        }
        double[] e = new double[3];
        for (int i = 0; i < f.length; i++) {
            try {
                e[i] = Double.parseDouble(f[i].strip());
            } catch (NumberFormatException ex) {
                throw new InputException("--box '" + text + "': '" + f[i].strip() + "' is not a number of nm");
            }
        }
        if (f.length == 1) e[1] = e[2] = e[0];
        return e;
    }
}
