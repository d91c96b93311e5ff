package org.sheath.analysis.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sheath.analysis.core.AnalysisRunner;
import org.sheath.analysis.core.InMemoryTrajectory;
import org.sheath.analysis.core.Universe;
import org.sheath.analysis.select.Sites;
import org.sheath.analysis.traj.Frame;
import org.sheath.analysis.traj.TrajectoryFormats;
import org.sheath.engine.system.Box;
import org.sheath.forcefields.InputException;
import org.junit.jupiter.api.Test;

class TransportTest {
    static final AnalysisRunner.Options RUN = AnalysisRunner.Options.defaults().withThreads(2);

    /** n one-atom molecules, the first nA of type A (charge +1), the rest B. */
    static Universe ions(int n, int nA) {
        String[] name = new String[n], res = new String[n], mt = new String[n];
        int[] resid = new int[n], mol = new int[n];
        for (int i = 0; i < n; i++) {
            name[i] = res[i] = mt[i] = i < nA ? "A" : "B";
            mol[i] = i;
            resid[i] = i + 1;
        }
        double[] mass = new double[n];
        Arrays.fill(mass, 10);
        return new Universe("toy", name, res, resid, mol, mt, null, null, mass, null);
    }

    static Frame frame(double t, double[] box, double[] xyz) {
        Frame f = new Frame();
        f.natoms = xyz.length / 3;
        f.ensureCapacity(f.natoms);
        for (int i = 0; i < f.natoms; i++) {
            f.x[i] = xyz[3 * i];
            f.y[i] = xyz[3 * i + 1];
            f.z[i] = xyz[3 * i + 2];
        }
        f.box = box == null ? null : box.clone();
        f.time = t;
        return f;
    }

    /** Wraps r into the box (fractional coordinates in [0, 1)). */
    static void wrap(Box b, double[] r, int i) {
        double[] s = new double[3];
        b.toFractional(r[i], r[i + 1], r[i + 2], s);
        for (int k = 0; k < 3; k++) s[k] -= Math.floor(s[k]);
        r[i] = s[0] * b.ax() + s[1] * b.bx() + s[2] * b.cx();
        r[i + 1] = s[1] * b.by() + s[2] * b.cy();
        r[i + 2] = s[2] * b.cz();
    }

    @Test
    void fftMsdEqualsTheDirectSum() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int n : new int[] {5, 31, 32, 257, 1000}) {
            double[] x = new double[n];
            for (int k = 1; k < n; k++) x[k] = x[k - 1] + rnd.nextGaussian() + 100; // drifting far from 0
            double[] fft = new double[n];
            Msd.addFft(x, fft);
            double[] dir = Msd.direct(x);
            double scale = Arrays.stream(dir).max().getAsDouble();
            for (int m = 0; m < n; m++) assertThat(fft[m]).isCloseTo(dir[m], within(1e-12 * scale));
        }
    }

    /** A 3-D random walk with Gaussian steps of σ per axis every dt: MSD = 6 D t with D = σ²/(2 dt), wrapped into a 3-nm box. */
    @Test
    void randomWalkRecoversD() {
        int n = 300, nf = 1000;
        double sigma = 0.03, dt = 0.5, dTrue = sigma * sigma / (2 * dt), l = 3.0;
        SplittableRandom rnd = new SplittableRandom(11);
        double[] box = {l, 0, 0, 0, l, 0, 0, 0, l};
        Box b = Box.fromMatrix(box);
        double[] r = new double[3 * n];
        for (int i = 0; i < 3 * n; i++) r[i] = l * rnd.nextDouble();
        List<Frame> frames = new ArrayList<>();
        for (int k = 0; k < nf; k++) {
            double[] w = r.clone();
            for (int i = 0; i < n; i++) wrap(b, w, 3 * i);
            frames.add(frame(k * dt, box, w));
            for (int i = 0; i < 3 * n; i++) r[i] += sigma * rnd.nextGaussian();
        }
        MsdOptions o = MsdOptions.of("all").withConductivity(300, null, Map.of("A", 1.0, "B", -1.0));
        MsdResult res = AnalysisRunner.run(new MsdAnalysis(), ions(n, 100), o, () -> new InMemoryTrajectory(frames), "walk", RUN);
        assertThat(res.dt()).isEqualTo(dt);
        for (MsdResult.Species s : res.species()) {
            System.out.printf("random walk %s: D = %.6g nm2/ps (true %.6g), window %.1f-%.1f ps, beta %.3f%n", s.name(),
                    s.fit().d(), dTrue, s.fit().tStart(), s.fit().tEnd(), s.fit().beta());
            assertThat(s.fit().d()).isCloseTo(dTrue, within(0.06 * dTrue)); // ~2 % scatter over seeds
            assertThat(s.fit().automatic()).isTrue();
            assertThat(s.fit().beta()).isCloseTo(1.0, within(0.1));
        }
        // given window
        MsdResult given = AnalysisRunner.run(new MsdAnalysis(), ions(n, 100), o.withFit(10, 100),
                () -> new InMemoryTrajectory(frames), "walk", RUN);
        MsdResult.Species a = given.species().get(0);
        assertThat(a.fit().tStart()).isEqualTo(10.0);
        assertThat(a.fit().tEnd()).isEqualTo(100.0);
        assertThat(a.fit().d()).isCloseTo(dTrue, within(0.06 * dTrue));
        // NE from the same numbers by hand
        int[] cnt = {100, 200};
        double[] z = {1, -1}, d = {res.species().get(0).fit().d(), res.species().get(1).fit().d()};
        assertThat(res.conductivity()).isCloseTo(NernstEinstein.conductivity(27.0, 300, cnt, z, d), within(1e-12));
        assertThat(res.transference()).isCloseTo(d[0] * 100 / (d[0] * 100 + d[1] * 200), within(1e-12));
    }

    /** Particles flying at constant velocity (ballistic): MSD = |v|² t² exactly, log-log slope 2. */
    @Test
    void ballisticToyHasQuadraticMsd() {
        int n = 4, nf = 60;
        double[][] v = {{0.05, 0, 0}, {0, -0.07, 0.02}, {0.03, 0.03, 0.03}, {-0.11, 0.01, 0}};
        double l = 2.0;
        double[] box = {l, 0, 0, 0, l, 0, 0, 0, l};
        Box b = Box.fromMatrix(box);
        List<Frame> frames = new ArrayList<>();
        for (int k = 0; k < nf; k++) {
            double[] w = new double[3 * n];
            for (int i = 0; i < n; i++) for (int c = 0; c < 3; c++) w[3 * i + c] = 1 + v[i][c] * k;
            for (int i = 0; i < n; i++) wrap(b, w, 3 * i);
            frames.add(frame(k, box, w));
        }
        MsdResult res = AnalysisRunner.run(new MsdAnalysis(), ions(n, n), MsdOptions.of("all"),
                () -> new InMemoryTrajectory(frames), "ballistic", RUN);
        double v2 = 0;
        for (double[] vi : v) v2 += (vi[0] * vi[0] + vi[1] * vi[1] + vi[2] * vi[2]) / n;
        double[] msd = res.species().get(0).msd();
        for (int m = 0; m < nf; m++) assertThat(msd[m]).isCloseTo(v2 * m * m, within(1e-5 * (1 + v2 * m * m)));
        assertThat(res.species().get(0).fit().beta()).isCloseTo(2.0, within(1e-3));
    }

    /**
     * Ballistic start then diffusion: MSD = 6 D (t − τ (1 − e^{−t/τ})) (Langevin), τ = 2 ps, D = 0.01 nm²/ps,
     * one point per 0.5 ps up to 1000 ps. The automatic window must leave out the ballistic start.
     */
    @Test
    void automaticWindowSkipsTheBallisticStart() {
        double tau = 2, dTrue = 0.01, dt = 0.5;
        double[] msd = new double[2001];
        for (int m = 0; m < msd.length; m++) {
            double t = m * dt;
            msd[m] = 6 * dTrue * (t - tau * (1 - Math.exp(-t / tau)));
        }
        DiffusionFit.Fit f = DiffusionFit.auto(msd, dt, "toy");
        System.out.printf("Langevin toy: D = %.6g (true %.6g), window %.1f-%.1f ps, beta %.4f%n", f.d(), dTrue, f.tStart(),
                f.tEnd(), f.beta());
        assertThat(f.tStart()).isGreaterThanOrEqualTo(10 * tau);
        assertThat(f.tEnd()).isLessThanOrEqualTo(500.0);
        assertThat(f.d()).isCloseTo(dTrue, within(1e-3 * dTrue));
    }

    /** A caged (sub-diffusive) MSD ∝ t^0.6 is flagged, the linear one of the toy above is not. */
    @Test
    void subDiffusiveFitsAreFlagged() {
        double dt = 0.5;
        double[] caged = new double[401], linear = new double[401];
        for (int m = 0; m < caged.length; m++) {
            caged[m] = 0.05 * Math.pow(m * dt, 0.6);
            linear[m] = 0.06 * m * dt;
        }
        DiffusionFit.Fit c = DiffusionFit.auto(caged, dt, "caged"), l = DiffusionFit.auto(linear, dt, "linear");
        assertThat(c.beta()).isCloseTo(0.6, within(0.01));
        assertThat(c.diffusive()).isFalse();
        assertThat(c.warning("LI")).startsWith("LI: the MSD's log-log slope over ").contains(" is 0.60, not 0.9-1.1");
        assertThat(l.diffusive()).isTrue();
        assertThat(l.warning("LI")).isEmpty();
    }

    @Test
    void unwrapRectangularAndTriclinic() {
        double[][] boxes = {{2, 0, 0, 0, 2, 0, 0, 0, 2}, {3, 0, 0, 1, 2.8, 0, 0.5, 0.7, 2.6}};
        for (double[] box : boxes) {
            Box b = Box.fromMatrix(box);
            double[] v = {0.31, -0.23, 0.17};
            int nf = 80;
            double[][] w = new double[nf][];
            double[][] bx = new double[nf][];
            for (int k = 0; k < nf; k++) {
                double[] r = {0.5 + v[0] * k, 0.5 + v[1] * k, 0.5 + v[2] * k};
                wrap(b, r, 0);
                w[k] = r;
                bx[k] = box;
            }
            double[][] u = Unwrap.unwrap(w, bx);
            for (int c = 0; c < 3; c++) assertThat(u[nf - 1][c]).isCloseTo(0.5 + v[c] * (nf - 1), within(1e-9));
        }
    }

    /**
     * NPT: every frame the box scales by s_k (positions scale with it) and the particle moves by δ_k;
     * the physical displacement per frame is (s_k − 1) w_{k−1} + δ_k, and the unwrapped positions must add
     * those up exactly (adding n·L of the current box to the wrapped position would not).
     */
    @Test
    void unwrapUnderChangingBox() {
        SplittableRandom rnd = new SplittableRandom(5);
        int nf = 500;
        double l = 2.5;
        double[][] w = new double[nf][];
        double[][] bx = new double[nf][];
        double[] pos = {1, 1, 1};
        double[] sum = pos.clone();
        w[0] = pos.clone();
        bx[0] = new double[] {l, 0, 0, 0, l, 0, 0, 0, l};
        for (int k = 1; k < nf; k++) {
            double s = 1 + 0.004 * (rnd.nextDouble() - 0.5);
            l *= s;
            double[] box = {l, 0, 0, 0, l, 0, 0, 0, l};
            double[] r = new double[3];
            for (int c = 0; c < 3; c++) {
                double delta = 0.3 + 0.05 * rnd.nextGaussian(); // steady drift: crosses the box many times
                r[c] = s * w[k - 1][c] + delta;
                sum[c] += (s - 1) * w[k - 1][c] + delta;
            }
            wrap(Box.fromMatrix(box), r, 0);
            w[k] = r;
            bx[k] = box;
        }
        double[][] u = Unwrap.unwrap(w, bx);
        for (int c = 0; c < 3; c++) assertThat(u[nf - 1][c]).isCloseTo(sum[c], within(1e-9));
        assertThat(u[nf - 1][0] - u[0][0]).isGreaterThan(100.0); // ~60 box lengths travelled
    }

    /** σ_NE and t₊ on hand numbers (V = 50 nm³, T = 300 K; Li⁺ 20 × 1e-4, TFSI⁻ 28 × 5e-5, Zn²⁺ 4 × 2e-5 nm²/ps). */
    @Test
    void nernstEinsteinOnHandNumbers() {
        int[] n = {20, 28, 4};
        double[] z = {1, -1, 2}, d = {1e-4, 5e-5, 2e-5};
        // Σ N z² D = (2e-3 + 1.4e-3 + 3.2e-4) nm²/ps = 3.72e-9 m²/s; e²/(V kB T) = 1.2394992e8 C² J⁻¹ m⁻³
        assertThat(NernstEinstein.conductivity(50, 300, n, z, d)).isCloseTo(0.461094, within(2e-6));
        assertThat(NernstEinstein.transference(n, z, d)).isCloseTo(2.32 / 3.72, within(1e-12));
    }

    @Test
    void unevenFramesAndShortRunsAreErrors() {
        double[] box = {3, 0, 0, 0, 3, 0, 0, 0, 3};
        List<Frame> uneven = new ArrayList<>();
        for (int k = 0; k < 10; k++) uneven.add(frame(k == 9 ? 20 : k, box, new double[] {1, 1, 1, 2, 2, 2}));
        assertThatThrownBy(() -> AnalysisRunner.run(new MsdAnalysis(), ions(2, 1), MsdOptions.of("all"),
                () -> new InMemoryTrajectory(uneven), "t", RUN)).isInstanceOf(InputException.class).hasMessageContaining("evenly spaced");
        List<Frame> few = uneven.subList(0, 5);
        assertThatThrownBy(() -> AnalysisRunner.run(new MsdAnalysis(), ions(2, 1), MsdOptions.of("all"),
                () -> new InMemoryTrajectory(few), "t", RUN)).isInstanceOf(InputException.class)
                .hasMessageContaining("too few frames for an automatic MSD fit window");
        assertThatThrownBy(() -> AnalysisRunner.run(new MsdAnalysis(), ions(2, 1), MsdOptions.of("all").withFit(1, 2.5),
                () -> new InMemoryTrajectory(few), "t", RUN)).isInstanceOf(InputException.class)
                .hasMessageContaining("too few frames for the fit window");
    }

    /** The fixture MD: Li, Zn, TFSI (COM) and DMF; charges from the topology. */
    @Test
    void smokeRunOnTheFixtureTrajectory() {
        Path top = Path.of("../inputs/litfsi-zn-dmf/system.top");
        Universe u = Universe.load(top);
        double[] q = Charges.perMolecule(top, org.sheath.forcefields.gromacs.GromacsTopologyReader.Options.DEFAULT);
        MsdOptions o = MsdOptions.of("resname LI ZN TFSI DMF").withSite(Sites.Mode.COM).withConductivity(300, q, Map.of());
        MsdResult r = AnalysisRunner.run(new MsdAnalysis(), u, o,
                () -> TrajectoryFormats.open(Path.of("src/test/resources/rdf/litfsi.xtc")), "litfsi.xtc", RUN);
        assertThat(r.species()).extracting(MsdResult.Species::name).containsExactly("ZN", "LI", "TFSI", "DMF");
        assertThat(r.species()).extracting(MsdResult.Species::charge).containsExactly(2.0, 1.0, -1.0, 0.0);
        assertThat(r.species()).allSatisfy(s -> assertThat(s.fit().d()).isPositive());
        assertThat(r.conductivity()).isPositive();
        assertThat(r.transference()).isBetween(0.0, 1.0);
        System.out.println(MsdReport.json(r));
    }
}
