package org.sheath.engine.integrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sheath.engine.context.Context;
import org.sheath.engine.context.ForceSet;
import org.sheath.engine.force.nonbonded.DispCorrMode;
import org.sheath.engine.force.nonbonded.NonbondedOptions;
import org.sheath.engine.integrate.constraint.ConstraintSet;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;
import org.sheath.forcefields.TopologyFiles;
import org.sheath.forcefields.gromacs.GromacsTopologyReader;
import org.sheath.forcefields.model.FlatTopology;

/** Small systems for the dynamics tests, and the bundled study box. */
public final class MdTestSystems {
    private MdTestSystems() {
    }

    public static FlatTopology topology(Path dir, String text) throws IOException {
        Path top = dir.resolve("t.top");
        Files.writeString(top, text);
        return FlatTopology.of(TopologyFiles.read(top, GromacsTopologyReader.Options.DEFAULT));
    }

    /** n diatomic molecules A–B (masses mA, mB) joined by a harmonic bond (b0, kb) or a constraint, no non-bonded interactions. */
    static FlatTopology dimers(Path dir, int n, double mA, double mB, double b0, double kb, boolean constraint) throws IOException {
        return topology(dir, String.join("\n",
                "[ defaults ]", "1 2 yes 0.5 0.8333", "[ atomtypes ]",
                "A A 0 " + mA + " 0 A 0 0", "B B 0 " + mB + " 0 A 0 0",
                "[ moleculetype ]", "AB 1", "[ atoms ]", "1 A 1 AB A1 1 0 " + mA, "2 B 1 AB B1 1 0 " + mB,
                constraint ? "[ constraints ]" : "[ bonds ]", constraint ? "1 2 1 " + b0 : "1 2 1 " + b0 + " " + kb,
                "[ system ]", "dimers", "[ molecules ]", "AB " + n, ""));
    }

    /** TIP3P water with [ settles ] (Jorgensen 1983 parameters, GROMACS tip3p.itp values). */
    public static FlatTopology tip3p(Path dir, int n) throws IOException {
        return topology(dir, String.join("\n",
                "[ defaults ]", "1 2 yes 0.5 0.8333", "[ atomtypes ]",
                "OW OW 8 15.9994 0 A 0.315061 0.636386", "HW HW 1 1.008 0 A 0 0",
                "[ moleculetype ]", "SOL 2", "[ atoms ]",
                "1 OW 1 SOL OW 1 -0.834 15.9994", "2 HW 1 SOL HW1 1 0.417 1.008", "3 HW 1 SOL HW2 1 0.417 1.008",
                "[ settles ]", "1 1 0.09572 0.15139", "[ exclusions ]", "1 2 3", "2 1 3", "3 1 2",
                "[ system ]", "water", "[ molecules ]", "SOL " + n, ""));
    }

    /** A cubic lattice of equally oriented waters, spacing a (nm), k per edge. */
    public static State waterLattice(int k, double a) {
        int n = k * k * k;
        State s = new State(3 * n, Box.rectangular(k * a, k * a, k * a));
        double dOH = 0.09572, half = Math.toRadians(104.52) / 2;
        int w = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                for (int l = 0; l < k; l++) {
                    double x = (i + 0.5) * a, y = (j + 0.5) * a, z = (l + 0.5) * a;
                    s.x[3 * w] = x; s.y[3 * w] = y; s.z[3 * w] = z;
                    s.x[3 * w + 1] = x + dOH * Math.sin(half); s.y[3 * w + 1] = y + dOH * Math.cos(half); s.z[3 * w + 1] = z;
                    s.x[3 * w + 2] = x - dOH * Math.sin(half); s.y[3 * w + 2] = y + dOH * Math.cos(half); s.z[3 * w + 2] = z;
                    w++;
                }
            }
        }
        return s;
    }

    /** Options with a cut-off and pair-list buffer; DispCorr as given. */
    static NonbondedOptions options(double rc, double buffer, DispCorrMode dc) {
        return NonbondedOptions.DEFAULTS.withCutoff(rc).withDispCorr(dc).withListBuffer(buffer);
    }

    /** A context with forces built for the constraints (their bonds left out). */
    static Context context(MdSystem sys, State s, NonbondedOptions o, ConstraintSet c, int threads) {
        ForceSet fs = ForceSet.builder(sys, o, s.box).constrainedBonds(c == null ? null : c.replacedBonds()).addDefaults().build();
        return new Context(sys, s, fs, threads);
    }

    /** The bundled LiTFSI + Zn(TFSI)2 / DMF box of inputs/. */
    static MdSystem studySystem() {
        return new MdSystem(FlatTopology.of(TopologyFiles.read(studyDir().resolve("system.top"), GromacsTopologyReader.Options.DEFAULT)));
    }

    static Path studyDir() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("inputs/litfsi-zn-dmf"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("inputs/litfsi-zn-dmf not found above the working directory");
        return p.resolve("inputs/litfsi-zn-dmf");
    }
}
