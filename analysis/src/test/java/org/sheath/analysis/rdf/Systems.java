package org.sheath.analysis.rdf;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.sheath.analysis.core.AnalysisRunner;
import org.sheath.analysis.core.InMemoryTrajectory;
import org.sheath.analysis.core.Universe;
import org.sheath.analysis.traj.Frame;
import org.sheath.analysis.traj.TrajectoryReader;

/** Constructed test systems. */
final class Systems {
    private Systems() {
    }

    /** n atoms named A (molecules of {@code perMol} consecutive atoms, residue = molecule). */
    static Universe atoms(int n, int perMol, String name) {
        String[] names = new String[n], res = new String[n];
        int[] resid = new int[n], mol = new int[n];
        for (int i = 0; i < n; i++) {
            names[i] = perMol == 2 ? (i % 2 == 0 ? "C1" : "O1") : name;
            res[i] = "MOL";
            mol[i] = i / perMol;
            resid[i] = mol[i] + 1;
        }
        String[] mt = new String[(n + perMol - 1) / perMol];
        java.util.Arrays.fill(mt, "MOL");
        return new Universe("test", names, res, resid, mol, mt, null, null, null, null);
    }

    static Frame frame(double[] box, double[] x, double[] y, double[] z) {
        Frame f = new Frame();
        f.natoms = x.length;
        f.x = x;
        f.y = y;
        f.z = z;
        f.box = box;
        return f;
    }

    static Supplier<TrajectoryReader> reader(List<Frame> frames) {
        return () -> new InMemoryTrajectory(frames);
    }

    /** Uniform random points in cubic boxes whose edge varies per frame (an NPT-like ideal gas). */
    static List<Frame> idealGas(int n, int frames, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Frame> out = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            double l = 4.2 + 0.8 * rnd.nextDouble();
            double[] x = new double[n], y = new double[n], z = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = l * rnd.nextDouble();
                y[i] = l * rnd.nextDouble();
                z[i] = l * rnd.nextDouble();
            }
            out.add(frame(new double[] {l, 0, 0, 0, l, 0, 0, 0, l}, x, y, z));
        }
        return out;
    }

    static RdfResult rdf(Universe u, List<Frame> frames, RdfOptions o, int threads) {
        return AnalysisRunner.run(new RdfAnalysis(), u, o, reader(frames), "memory",
                AnalysisRunner.Options.defaults().withThreads(threads));
    }
}
