package org.sheath.analysis.shells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.sheath.analysis.core.AnalysisRunner;
import org.sheath.analysis.core.InMemoryTrajectory;
import org.sheath.analysis.core.Universe;
import org.sheath.analysis.traj.Frame;
import org.sheath.analysis.traj.TrajectoryFormats;
import org.sheath.analysis.traj.TrajectoryReader;
import org.sheath.forcefields.InputException;
import org.junit.jupiter.api.Test;

/** Shells of hand-placed ions whose composition, CN, pairing and residence times are known by construction. */
class ShellAnalysisTest {
    static final double L = 4.0;
    static final AnalysisRunner.Options RUN = AnalysisRunner.Options.defaults().withThreads(2);

    /**
     * Atoms: 3 LI (molecules 0–2), 1 ZN (3), 4 DMF of two atoms O1, C1 (4–7), 3 TFSI of two atoms O1, O2 (8–10).
     */
    static Universe universe() {
        List<String> name = new ArrayList<>(), res = new ArrayList<>(), el = new ArrayList<>(), mt = new ArrayList<>();
        List<Integer> mol = new ArrayList<>();
        int m = 0;
        for (int k = 0; k < 3; k++, m++) { name.add("LI"); res.add("LI"); el.add("Li"); mol.add(m); mt.add("LI"); }
        name.add("ZN"); res.add("ZN"); el.add("Zn"); mol.add(m++); mt.add("ZN");
        for (int k = 0; k < 4; k++, m++) {
            name.add("O1"); name.add("C1"); res.add("DMF"); res.add("DMF"); el.add("O"); el.add("C"); mol.add(m); mol.add(m); mt.add("DMF");
        }
        for (int k = 0; k < 3; k++, m++) {
            name.add("O1"); name.add("O2"); res.add("TFSI"); res.add("TFSI"); el.add("O"); el.add("O"); mol.add(m); mol.add(m); mt.add("TFSI");
        }
        int n = name.size();
        int[] resid = new int[n], mo = new int[n];
        for (int i = 0; i < n; i++) { mo[i] = mol.get(i); resid[i] = mo[i] + 1; }
        return new Universe("hand", name.toArray(new String[0]), res.toArray(new String[0]), resid, mo,
                mt.toArray(new String[0]), null, el.toArray(new String[0]), null, null);
    }

    static Frame frame(double t, double[][] xyz) {
        Frame f = new Frame();
        f.natoms = xyz.length;
        f.ensureCapacity(f.natoms);
        for (int i = 0; i < xyz.length; i++) { f.x[i] = xyz[i][0]; f.y[i] = xyz[i][1]; f.z[i] = xyz[i][2]; }
        f.setBox(L, 0, 0, 0, L, 0, 0, 0, L);
        f.time = t;
        return f;
    }

    /**
     * Li0 at (1,1,1): three DMF O within 0.2 nm and TFSI0 (both its O, counted once) → Li(DMF)3(TFSI)1, CIP.
     * Li1 at (3,3,3): one DMF and TFSI1, whose other O is 0.2 nm from the Zn → Li(DMF)1(TFSI)1, AGG with --cations.
     * Li2 at (1,3,1), the edge of the box holds its only neighbour across the boundary: nothing within 0.28 → SSIP.
     * TFSI2 is free.
     */
    static double[][] layout() {
        return new double[][] {
            {1, 1, 1}, {3, 3, 3}, {1, 3, 1},                  // Li0..2
            {2.6, 3, 3},                                        // Zn, 0.4 from Li1
            {1.2, 1, 1}, {1.35, 1, 1},                         // DMF0 O within, C at 0.35
            {1, 1.2, 1}, {1, 1.35, 1},                         // DMF1
            {1, 1, 1.2}, {1, 1, 1.35},                         // DMF2
            {3.2, 3, 3}, {3.35, 3, 3},                         // DMF3 at Li1
            {0.8, 1, 1}, {0.8, 1.1, 1},                        // TFSI0: both O within 0.28 of Li0
            {2.8, 3, 3}, {2.6, 3.2, 3},                        // TFSI1: O1 at Li1, O2 0.2 from Zn (0.447 from Li1)
            {3.9, 0.1, 2},  {3.95, 0.2, 2},                    // TFSI2 free
        };
    }

    static ShellOptions options() {
        return ShellOptions.of("name LI", List.of(new ShellOptions.Species("DMF", "resname DMF", 0.28),
                new ShellOptions.Species("TFSI", "resname TFSI", 0.28)));
    }

    static Supplier<TrajectoryReader> reader(List<Frame> frames) {
        return () -> new InMemoryTrajectory(frames);
    }

    @Test
    void compositionCnAndPairingOfHandPlacedIons() {
        List<Frame> frames = List.of(frame(0, layout()), frame(2, layout()));
        ShellResult r = Shells.run(universe(), options().withAnion("TFSI", "name ZN", 0.3), reader(frames), "hand", RUN);
        assertThat(r.refLabel()).isEqualTo("Li");
        assertThat(r.meanCn()[0]).isCloseTo(4.0 / 3, within(1e-12));
        assertThat(r.meanCn()[1]).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.compositions()).extracting(ShellResult.Composition::label)
                .containsExactlyInAnyOrder("Li(DMF)3(TFSI)1", "Li(DMF)1(TFSI)1", "Li");
        assertThat(r.compositions()).allSatisfy(c -> assertThat(c.fraction()).isCloseTo(1.0 / 3, within(1e-12)));
        ShellResult.Pairing p = r.pairing();
        assertThat(p.ssip()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(p.cip()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(p.agg()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(p.extraCations()).isEqualTo(1);
        assertThat(p.anionCoordination()).containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, within(1e-12));
        assertThat(r.cnHistogram()[0]).containsExactly(new double[] {1.0 / 3, 1.0 / 3, 0, 1.0 / 3}, within(1e-12));
        assertThat(r.radiusFromRdf()).containsExactly(false, false);
        // the JSON has what compare reads
        assertThat(ShellReport.json(r)).contains("\"ssip\"").contains("\"Li(DMF)3(TFSI)1\"");
    }

    @Test
    void withoutOtherCationsTheSharedAnionIsAContactPair() {
        ShellResult r = Shells.run(universe(), options().withAnion("TFSI", null, Double.NaN),
                reader(List.of(frame(0, layout()))), "hand", RUN);
        assertThat(r.pairing().cip()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.pairing().agg()).isZero();
    }

    @Test
    void twoAnionsInOneShellAreAnAggregate() {
        double[][] xyz = layout();
        xyz[16] = new double[] {1, 0.8, 1}; // TFSI2 O1 now 0.2 from Li0
        ShellResult r = Shells.run(universe(), options().withAnion("TFSI", null, Double.NaN),
                reader(List.of(frame(0, xyz))), "hand", RUN);
        assertThat(r.compositions()).extracting(ShellResult.Composition::label).contains("Li(DMF)3(TFSI)2");
        assertThat(r.pairing().agg()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(r.pairing().cip()).isCloseTo(1.0 / 3, within(1e-12)); // Li1 with TFSI1 (no Zn counted)
    }

    @Test
    void shellAcrossThePeriodicBoundary() {
        double[][] xyz = layout();
        xyz[2] = new double[] {0.05, 3, 1};   // Li2 near x = 0
        xyz[11] = new double[] {3.9, 3, 1};    // DMF3 O1 at x = 3.9: 0.15 nm across the boundary
        xyz[10] = new double[] {3.85, 3.2, 1};
        ShellResult r = Shells.run(universe(), options(), reader(List.of(frame(0, xyz))), "hand", RUN);
        assertThat(r.compositions()).extracting(ShellResult.Composition::label)
                .containsExactlyInAnyOrder("Li(DMF)3(TFSI)1", "Li(TFSI)1", "Li(DMF)1");
    }

    /** One DMF sits in Li0's shell for exactly 10 of 40 frames (dt 2 ps) and never returns. */
    @Test
    void residenceOfAPairThatStaysTenFrames() {
        List<Frame> frames = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            double[][] xyz = layout();
            for (int a = 4; a < 18; a++) xyz[a] = new double[] {2 + 0.1 * (a - 4) * 0.2, 2, 2 + 0.1 * (a % 2)}; // all far
            if (k < 10) xyz[4] = new double[] {1.2, 1, 1};
            frames.add(frame(2.0 * k, xyz));
        }
        ShellResult r = Shells.run(universe(), options(), reader(frames), "hand", RUN);
        Residence.Result d = r.residence()[0];
        assertThat(r.dt()).isEqualTo(2.0);
        assertThat(d.pairs()).isEqualTo(1);
        for (int m = 0; m <= 10; m++) assertThat(d.acf()[m]).isCloseTo(1 - m / 10.0, within(1e-12));
        assertThat(d.tauIntegral()).isCloseTo(10.0, within(1e-9));              // L/2 frames
        assertThat(d.tauCutoff()).isCloseTo(20 * (1 - Math.exp(-1)), within(1e-9)); // (1 − 1/e) L
        assertThat(r.meanCn()[0]).isCloseTo(10.0 / (40 * 3), within(1e-12));
    }

    /**
     * Stays far longer than the run (leave with probability 0.2 % per frame, 100 frames of 1 ps): C stays above 1/e
     * over all lags, so no fitted time is given, only the lower bound (the longest lag, 50 ps).
     */
    @Test
    void residenceLongerThanTheRunIsALowerBound() {
        int nf = 100;
        Residence.Result r = Residence.compute(memorylessStays(new SplittableRandom(3), nf, 2000, 0.002), 1.0);
        assertThat(r.decayed()).isFalse();
        assertThat(r.tauFit()).as("no exponential fitted to a curve that has not decayed").isNaN();
        assertThat(r.tauCutoff()).isNaN();
        assertThat(r.atLeast()).isEqualTo((r.acf().length - 1) * 1.0).isLessThanOrEqualTo(nf / 2.0);
    }

    /**
     * Per frame, the pairs in contact: each of npairs pairs starts at a random frame and stays, leaving with
     * probability q per frame and never coming back.
     */
    static List<int[]> memorylessStays(SplittableRandom rnd, int nf, int npairs, double q) {
        List<List<Integer>> lists = new ArrayList<>();
        for (int t = 0; t < nf; t++) lists.add(new ArrayList<>());
        for (int p = 0; p < npairs; p++) {
            int t = rnd.nextInt(nf);
            do {
                lists.get(t).add(p);
                t++;
            } while (t < nf && rnd.nextDouble() >= q);
        }
        List<int[]> perFrame = new ArrayList<>();
        for (List<Integer> l : lists) perFrame.add(l.stream().mapToInt(Integer::intValue).toArray());
        return perFrame;
    }

    /** Memoryless stays (leave with probability q per frame, never come back): C(τ) = (1−q)^τ. */
    @Test
    void residenceOfExponentialStays() {
        double q = 0.1;
        Residence.Result r = Residence.compute(memorylessStays(new SplittableRandom(7), 400, 20000, q), 0.5);
        double tau = -0.5 / Math.log(1 - q); // 4.746 ps
        assertThat(r.tauFit()).isCloseTo(tau, within(0.03 * tau));
        assertThat(r.tauCutoff()).isCloseTo(tau, within(0.05 * tau));
        assertThat(r.tauIntegral()).isCloseTo(tau, within(0.05 * tau));
        System.out.printf("exponential stays: tau %.4f ps; fit %.4f, 1/e %.4f, integral %.4f%n", tau, r.tauFit(),
                r.tauCutoff(), r.tauIntegral());
    }

    @Test
    void unevenFramesAreAnErrorForResidenceTimes() {
        List<Frame> frames = List.of(frame(0, layout()), frame(2, layout()), frame(5, layout()));
        assertThatThrownBy(() -> Shells.run(universe(), options(), reader(frames), "hand", RUN))
                .isInstanceOf(InputException.class).hasMessageContaining("evenly spaced");
        // without residence times they are fine
        ShellResult r = Shells.run(universe(), options().withResidence(false), reader(frames), "hand", RUN);
        assertThat(r.frames()).isEqualTo(3);
    }

    @Test
    void registeredByName() {
        assertThat(org.sheath.analysis.core.Analyses.names()).contains("rdf", "shells", "msd");
        assertThat(org.sheath.analysis.core.Analyses.create("shells")).isInstanceOf(ShellAnalysis.class);
    }

    @Test
    void unknownAnionIsAnError() {
        assertThatThrownBy(() -> Shells.run(universe(), options().withAnion("PF6", null, Double.NaN),
                reader(List.of(frame(0, layout()))), "hand", RUN))
                .isInstanceOf(InputException.class).hasMessageContaining("--anion 'PF6' is not a species");
    }

    /** The real LiTFSI + Zn(TFSI)2 / DMF trajectory: radii from the RDFs, pairing with Zn as other cations. */
    @Test
    void smokeRunOnTheFixtureTrajectory() {
        Universe u = Universe.load(Path.of("../inputs/litfsi-zn-dmf/system.top"));
        Path xtc = Path.of("src/test/resources/rdf/litfsi.xtc");
        ShellOptions o = ShellOptions.of("name LI", List.of(new ShellOptions.Species("DMF", "resname DMF and name O1", Double.NaN),
                new ShellOptions.Species("TFSI", "resname TFSI and name O O1 O2 O3", Double.NaN)))
                .withAnion("TFSI", "name ZN", Double.NaN);
        ShellResult r = Shells.run(u, o, () -> TrajectoryFormats.open(xtc), "litfsi.xtc", RUN);
        assertThat(r.frames()).isEqualTo(50);
        assertThat(r.dt()).isCloseTo(2.0, within(1e-6));
        assertThat(r.radius()[0]).isBetween(0.24, 0.40);
        assertThat(r.radiusFromRdf()).containsExactly(true, true);
        double total = r.meanCn()[0] + r.meanCn()[1];
        assertThat(total).isBetween(3.0, 7.0);
        assertThat(r.pairing().ssip() + r.pairing().cip() + r.pairing().agg()).isCloseTo(1.0, within(1e-12));
        assertThat(r.compositions().stream().mapToDouble(ShellResult.Composition::fraction).sum()).isCloseTo(1.0, within(1e-9));
        System.out.println(ShellReport.json(r));
    }
}
