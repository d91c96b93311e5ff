package org.sheath.analysis.rdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sheath.analysis.core.AnalysisRunner;
import org.sheath.analysis.core.Universe;
import org.sheath.analysis.traj.Frame;
import org.sheath.forcefields.coords.Structure;
import org.junit.jupiter.api.Test;

class RdfPhysicsTest {

    /**
     * An NPT run whose box shrinks after the first frame (0.2 % per frame): the default rmax, half the first
     * frame's box, no longer fails on frame 1; bins beyond a frame's half-height average over the frames that
     * cover them, and g stays 1 out to rmax.
     */
    @Test
    void shrinkingBoxWithTheDefaultRmax() {
        int n = 3000, nf = 20;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        List<Frame> frames = new java.util.ArrayList<>();
        double rho = 0;
        for (int f = 0; f < nf; f++) {
            double l = 5.0 * (1 - 0.002 * f);
            double[] x = new double[n], y = new double[n], z = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = l * rnd.nextDouble();
                y[i] = l * rnd.nextDouble();
                z[i] = l * rnd.nextDouble();
            }
            frames.add(Systems.frame(new double[] {l, 0, 0, 0, l, 0, 0, 0, l}, x, y, z));
            rho += (n - 1) / (l * l * l) / nf;
        }
        RdfResult res = Systems.rdf(Systems.atoms(n, 1, "A"), frames, RdfOptions.of("all", "all").withBin(0.02), 2);
        assertThat(res.rmax()).isCloseTo(2.5, within(1e-9));
        assertThat(res.note()).contains("in 19 of 20 frames").contains("2.4050 nm");
        double maxDev = 0;
        for (int k = 0; k < res.r().length; k++) if (res.r()[k] > 0.5) maxDev = Math.max(maxDev, Math.abs(res.g()[k] - 1));
        assertThat(maxDev).as("max |g - 1| beyond 0.5 nm").isLessThan(0.03);
        for (double r : new double[] {1.0, 2.0, 2.4}) {
            double ideal = rho * 4.0 / 3.0 * Math.PI * r * r * r;
            assertThat(res.cnAt(r)).isCloseTo(ideal, within(0.01 * ideal));
        }
        RdfResult still = Systems.rdf(Systems.atoms(n, 1, "A"), frames.subList(0, 1), RdfOptions.of("all", "all").withBin(0.02), 1);
        assertThat(still.note()).isEmpty();
    }

    @Test
    void idealGasWithVaryingVolumeIsOneEverywhere() {
        int n = 3000;
        List<Frame> frames = Systems.idealGas(n, 10, 42);
        Universe u = Systems.atoms(n, 1, "A");
        RdfResult res = Systems.rdf(u, frames, RdfOptions.of("all", "all").withBin(0.02).withRmax(2.0), 2);
        double maxDev = 0;
        for (int k = 0; k < res.r().length; k++) {
            if (res.r()[k] < 0.5) continue;
            maxDev = Math.max(maxDev, Math.abs(res.g()[k] - 1));
        }
        System.out.printf("ideal gas: max |g-1| beyond 0.5 nm = %.4f%n", maxDev);
        assertThat(maxDev).isLessThan(0.02);
        // running CN = rho 4/3 pi r^3 with rho the mean allowed-pair density per frame, <(N-1)/V>
        double rho = 0;
        for (Frame f : frames) rho += (n - 1) / (f.box[0] * f.box[4] * f.box[8]);
        rho /= frames.size();
        for (double r : new double[] {0.5, 1.0, 1.5, 2.0}) {
            double ideal = rho * 4.0 / 3.0 * Math.PI * r * r * r;
            assertThat(res.cnAt(r)).isCloseTo(ideal, within(0.01 * ideal));
        }
        assertThat(res.pairs()).isEqualTo((long) n * (n - 1));
    }

    @Test
    void distinctGroupsOfAnIdealGasAndSeekVersusQueueGiveTheSameHistogram() {
        int n = 2000;
        List<Frame> frames = Systems.idealGas(n, 8, 7);
        Universe u = Systems.atoms(n, 1, "A");
        RdfOptions o = RdfOptions.of("index 0-999", "index 500-1999").withBin(0.05).withRmax(2.0);
        RdfResult seek = AnalysisRunner.run(new RdfAnalysis(), u, o, Systems.reader(frames), "m",
                AnalysisRunner.Options.defaults().withThreads(2));
        RdfResult queue = AnalysisRunner.run(new RdfAnalysis(), u, o, Systems.reader(frames), "m",
                AnalysisRunner.Options.defaults().withThreads(3).withStrategy(AnalysisRunner.Strategy.QUEUE));
        RdfResult one = AnalysisRunner.run(new RdfAnalysis(), u, o, Systems.reader(frames), "m",
                AnalysisRunner.Options.defaults().withThreads(1));
        assertThat(seek.pairs()).isEqualTo(1000L * 1500 - 500);
        assertThat(seek.cn()).isEqualTo(one.cn());
        assertThat(queue.cn()).isEqualTo(one.cn());
        for (int k = 0; k < one.g().length; k++) {
            assertThat(seek.g()[k]).isCloseTo(one.g()[k], within(1e-12));
            assertThat(queue.g()[k]).isCloseTo(one.g()[k], within(1e-12));
            if (one.r()[k] > 0.5) assertThat(one.g()[k]).isCloseTo(1.0, within(0.03));
        }
    }

    /** Perfect fcc crystal from a basis in the box vectors (rows), replicated n×n×n. */
    private static Frame lattice(double[] cell, double[][] basis, int n) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    for (double[] b : basis) {
                        double fa = i + b[0], fb = j + b[1], fc = k + b[2];
                        pts.add(new double[] {fa * cell[0] + fb * cell[3] + fc * cell[6], fb * cell[4] + fc * cell[7],
                            fc * cell[8]});
                    }
                }
            }
        }
        double[] x = new double[pts.size()], y = new double[pts.size()], z = new double[pts.size()];
        for (int p = 0; p < pts.size(); p++) {
            x[p] = pts.get(p)[0];
            y[p] = pts.get(p)[1];
            z[p] = pts.get(p)[2];
        }
        double[] box = new double[9];
        for (int q = 0; q < 9; q++) box[q] = cell[q] * n;
        return Systems.frame(box, x, y, z);
    }

    @Test
    void fccConventionalCellHasTwelveNeighboursInTheFirstShell() {
        double a = 0.4;
        double[] cell = {a, 0, 0, 0, a, 0, 0, 0, a};
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        Frame f = lattice(cell, basis, 5);
        RdfResult res = Systems.rdf(Systems.atoms(f.natoms, 1, "A"), List.of(f), RdfOptions.of("all", "all"), 1);
        assertThat(res.rmax()).isCloseTo(1.0, within(1e-9));
        assertThat(res.shell().peakR()).isCloseTo(a / Math.sqrt(2), within(0.002));
        assertThat(res.shell().minR()).isBetween(a / Math.sqrt(2) + 0.01, a - 0.01);
        assertThat(res.shell().cn()).isEqualTo(12.0);
    }

    @Test
    void fccTriclinicPrimitiveCellHasTwelveNeighboursInTheFirstShell() {
        double a = 0.4, l = a / Math.sqrt(2);
        double[] cell = Structure.boxFromLengthsAngles(l, l, l, 60, 60, 60);
        // a little thermal-like jitter so pairs are not all on exactly one distance
        Frame f = lattice(cell, new double[][] {{0, 0, 0}}, 8);
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < f.natoms; i++) {
            f.x[i] += 0.002 * (rnd.nextDouble() - 0.5);
            f.y[i] += 0.002 * (rnd.nextDouble() - 0.5);
            f.z[i] += 0.002 * (rnd.nextDouble() - 0.5);
        }
        RdfResult res = Systems.rdf(Systems.atoms(f.natoms, 1, "A"), List.of(f, f), RdfOptions.of("all", "all"), 2);
        assertThat(res.shell().peakR()).isCloseTo(l, within(0.004));
        assertThat(res.shell().minR()).isBetween(l + 0.01, a - 0.01);
        assertThat(res.shell().cn()).isEqualTo(12.0);
        // second shell (6 at a) on top
        assertThat(res.cnAt(0.5 * (a + Math.sqrt(3) * l))).isEqualTo(18.0);
    }

    @Test
    void sameMoleculeExclusionNormalisesByTheAllowedPairs() {
        // 10 rigid diatomics (bond 0.1 nm) placed at random: across molecules the atoms are uncorrelated
        int m = 10, frames = 1000;
        double l = 4.0, bond = 0.1;
        SplittableRandom rnd = new SplittableRandom(11);
        List<Frame> fs = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            double[] x = new double[2 * m], y = new double[2 * m], z = new double[2 * m];
            for (int i = 0; i < m; i++) {
                double cx = l * rnd.nextDouble(), cy = l * rnd.nextDouble(), cz = l * rnd.nextDouble();
                double u = 2 * rnd.nextDouble() - 1, ph = 2 * Math.PI * rnd.nextDouble(), s = Math.sqrt(1 - u * u);
                double ex = s * Math.cos(ph), ey = s * Math.sin(ph), ez = u;
                x[2 * i] = cx - 0.5 * bond * ex; y[2 * i] = cy - 0.5 * bond * ey; z[2 * i] = cz - 0.5 * bond * ez;
                x[2 * i + 1] = cx + 0.5 * bond * ex; y[2 * i + 1] = cy + 0.5 * bond * ey; z[2 * i + 1] = cz + 0.5 * bond * ez;
            }
            fs.add(Systems.frame(new double[] {l, 0, 0, 0, l, 0, 0, 0, l}, x, y, z));
        }
        Universe u = Systems.atoms(2 * m, 2, "A");
        RdfOptions o = RdfOptions.of("all", "all").withBin(0.05).withRmax(1.8).withExcludeSameMolecule(true);
        RdfResult res = Systems.rdf(u, fs, o, 2);
        assertThat(res.pairs()).isEqualTo(2L * m * (2 * m - 2));
        double mean = 0, naive = 0;
        int nb = 0;
        long naivePairs = 2L * m * (2 * m - 1); // N_ref·N_sel − self pairs: what ignoring the exclusion gives
        for (int k = 0; k < res.r().length; k++) {
            if (res.r()[k] < 0.5) continue;
            mean += res.g()[k];
            naive += res.g()[k] * res.pairs() / naivePairs;
            nb++;
        }
        mean /= nb;
        naive /= nb;
        System.out.printf("diatomics: <g> beyond 0.5 nm = %.4f (allowed pairs), %.4f (naive)%n", mean, naive);
        assertThat(mean).isCloseTo(1.0, within(0.01));
        assertThat(Math.abs(naive - 1)).isGreaterThan(0.02);
        // the bond itself is gone from the histogram, the CN counts other molecules only
        assertThat(res.cnAt(0.11)).isLessThan(0.01);
        // without the exclusion the bonded partner adds exactly one neighbour at 0.1 nm
        RdfResult all = Systems.rdf(u, fs, o.withExcludeSameMolecule(false), 1);
        assertThat(all.cnAt(0.15) - res.cnAt(0.15)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void centreOfMassSitesAreUnwrappedAcrossTheBoundary() {
        // two diatomics, each split across the periodic boundary; their centres are 1.0 nm apart
        double l = 3.0;
        double[] x = {l - 0.05, 0.05, 1.0 - 0.05, 1.0 + 0.05}, y = {1, 1, 1, 1}, z = {1, 1, 1, 1};
        Frame f = Systems.frame(new double[] {l, 0, 0, 0, l, 0, 0, 0, l}, x, y, z);
        Universe u = Systems.atoms(4, 2, "A");
        RdfOptions o = RdfOptions.of("molnum 0", "molnum 1").withSites(org.sheath.analysis.select.Sites.Mode.COM,
                org.sheath.analysis.select.Sites.Mode.COG, org.sheath.analysis.select.Sites.Grouping.MOLECULE)
                .withBin(0.01).withRmax(1.5);
        RdfResult res = Systems.rdf(u, List.of(f), o, 1);
        assertThat(res.refSites()).isEqualTo(1);
        assertThat(res.cnAt(0.99)).isZero();
        assertThat(res.cnAt(1.01)).isEqualTo(1.0);
    }
}
