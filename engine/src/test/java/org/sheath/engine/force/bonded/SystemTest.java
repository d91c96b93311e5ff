package org.sheath.engine.force.bonded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.Force;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.State;
import org.sheath.forcefields.coords.GroFile;
import org.sheath.forcefields.coords.Structure;
import org.sheath.forcefields.gromacs.GromacsTopologyReader;
import org.sheath.forcefields.gromacs.TextFile;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.TermKind;

/**
 * Whole molecules from the bundled library (DMF, PVDF) through {@link BondedForces}: kinds created,
 * molecules split over periodic boundaries, term ranges for threads, finite differences on the lot.
 */
class SystemTest {
    @TempDir Path dir;

    /** Two DMF and one PVDF chain, from the bundled library. */
    record Sys(FlatTopology top, double[][] pos) {
    }

    Sys library() throws IOException {
        String text = "#include \"electrolyte.ff/forcefield.itp\"\n#include \"electrolyte.ff/dmf.itp\"\n"
                + "#include \"electrolyte.ff/pvdf.itp\"\n[ system ]\nmix\n[ molecules ]\nDMF 2\nPVDF 1\n";
        Path top = dir.resolve("mix.top");
        Files.writeString(top, text);
        FlatTopology flat = FlatTopology.of(GromacsTopologyReader.read(top, new GromacsTopologyReader.Options(List.of(), Map.of())));
        Structure dmf = GroFile.parse(TextFile.bundled("electrolyte.ff/dmf.gro").orElseThrow().readLines(), 0, "dmf.gro");
        Structure pvdf = GroFile.parse(TextFile.bundled("electrolyte.ff/pvdf.gro").orElseThrow().readLines(), 0, "pvdf.gro");
        List<double[]> pos = new ArrayList<>();
        double[][] offsets = {{1, 1, 1}, {2.5, 1.2, 0.8}};
        for (double[] o : offsets) {
            for (int a = 0; a < dmf.natoms; a++) pos.add(new double[] {dmf.x[a] + o[0], dmf.y[a] + o[1], dmf.z[a] + o[2]});
        }
        for (int a = 0; a < pvdf.natoms; a++) pos.add(new double[] {pvdf.x[a] + 1.5, pvdf.y[a] + 2.0, pvdf.z[a] + 1.7});
        assertThat(pos).hasSize(flat.natoms);
        return new Sys(flat, pos.toArray(new double[0][]));
    }

    /** One 8-atom molecule carrying every energy-carrying form. */
    static FlatTopology.Terms[] allForms(Random rnd) {
        return new FlatTopology.Terms[] {
            Kit.terms(TermKind.HARMONIC_BOND, new int[] {0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7},
                    new double[] {0.15, 2e5, 0.14, 2.5e5, 0.153, 2e5, 0.11, 3e5, 0.13, 2e5, 0.12, 2e5, 0.1, 3e5}),
            Kit.terms(TermKind.HARMONIC_ANGLE, new int[] {0, 1, 2, 1, 2, 3, 4, 5, 6}, new double[] {110, 400, 115, 500, 180, 600}),
            Kit.terms(TermKind.UREY_BRADLEY, new int[] {2, 3, 4, 5, 6, 7}, new double[] {105, 300, 0.22, 2e4, 120, 200, 0.2, 1e4}),
            Kit.terms(TermKind.PERIODIC_PROPER, new int[] {0, 1, 2, 3, 0, 1, 2, 3}, new double[] {0, 5, 3, 180, 2, 1}),
            Kit.terms(TermKind.RYCKAERT_BELLEMANS, new int[] {1, 2, 3, 4}, new double[] {9.28, 12.16, -13.12, -3.06, 26.24, -31.5}),
            Kit.terms(TermKind.FOURIER, new int[] {2, 3, 4, 5}, new double[] {3, -2, 1.5, 0.5}),
            Kit.terms(TermKind.PERIODIC_IMPROPER, new int[] {3, 4, 5, 6}, new double[] {180, 4, 2}),
            Kit.terms(TermKind.HARMONIC_IMPROPER, new int[] {4, 5, 6, 7}, new double[] {35, 80}),
        };
    }

    static double[][] chain(Random rnd, int n, double[] start) {
        double[][] p = new double[n][];
        p[0] = start;
        for (int a = 1; a < n; a++) {
            double[] step;
            do {
                step = Kit.scale(Kit.unit(Kit.random(rnd, 1)), 0.1 + 0.05 * rnd.nextDouble());
            } while (a >= 2 && Kit.dot(step, Kit.add(p[a - 2], Kit.scale(p[a - 1], -1))) > 0.005); // no folding back
            p[a] = Kit.add(p[a - 1], step);
        }
        return p;
    }

    /** Wraps every atom into the unit cell of a GROMACS (lower-triangular) box. */
    static double[][] wrap(double[][] pos, Box b) {
        double[][] out = new double[pos.length][];
        for (int a = 0; a < pos.length; a++) {
            double x = pos[a][0], y = pos[a][1], z = pos[a][2];
            double s = Math.floor(z / b.cz()); x -= s * b.cx(); y -= s * b.cy(); z -= s * b.cz();
            s = Math.floor(y / b.by()); x -= s * b.bx(); y -= s * b.by();
            s = Math.floor(x / b.ax()); x -= s * b.ax();
            out[a] = new double[] {x, y, z};
        }
        return out;
    }

    static ForceAccumulator evalAll(List<? extends Force> forces, State s) {
        ForceAccumulator acc = new ForceAccumulator(s.natoms);
        for (Force f : forces) f.compute(s, acc);
        return acc;
    }

    static void assertSame(ForceAccumulator a, ForceAccumulator b, double tol) {
        double fscale = 0;
        for (int i = 0; i < a.natoms; i++) fscale = Math.max(fscale, Math.abs(a.fx[i]) + Math.abs(a.fy[i]) + Math.abs(a.fz[i]));
        for (EnergyTerm t : EnergyTerm.values()) {
            assertThat(b.energy(t)).as(t.gromacsName()).isCloseTo(a.energy(t), org.assertj.core.api.Assertions.within(tol * (1 + Math.abs(a.energy(t)))));
        }
        for (int i = 0; i < a.natoms; i++) {
            assertThat(Math.abs(a.fx[i] - b.fx[i]) + Math.abs(a.fy[i] - b.fy[i]) + Math.abs(a.fz[i] - b.fz[i]))
                    .as("force on %d", i).isLessThan(tol * fscale);
        }
        double wscale = 0;
        for (double w : a.virial) wscale = Math.max(wscale, Math.abs(w));
        for (int k = 0; k < 9; k++) assertThat(Math.abs(a.virial[k] - b.virial[k])).as("virial %d", k).isLessThan(tol * wscale);
    }

    @Test
    void libraryMoleculesGiveTheExpectedKinds() throws IOException {
        Sys sys = library();
        List<BondedTermForce> forces = BondedForces.termForces(sys.top());
        assertThat(forces).extracting(BondedTermForce::kind).containsExactly(
                TermKind.HARMONIC_BOND, TermKind.HARMONIC_ANGLE, TermKind.PERIODIC_PROPER, TermKind.PERIODIC_IMPROPER);
        assertThat(BondedForces.of(sys.top())).hasSize(4);
        for (BondedTermForce f : forces) assertThat(f.termCount()).isEqualTo(sys.top().terms(f.kind()).count());
        assertThat(BondedForces.hasEnergy(TermKind.CONSTRAINT)).isFalse();
        assertThat(BondedForces.hasEnergy(TermKind.SETTLE)).isFalse();
        assertThat(BondedForces.hasEnergy(TermKind.CONNECTION)).isFalse();
    }

    @Test
    void moleculesSplitAcrossPeriodicBoundariesGiveTheSameResult() throws IOException {
        Sys sys = library();
        List<BondedTermForce> forces = BondedForces.termForces(sys.top());
        ForceAccumulator whole = evalAll(forces, Kit.state(sys.pos(), Box.rectangular(50, 50, 50)));
        assertThat(whole.potentialEnergy()).isGreaterThan(0);
        for (Box box : new Box[] {Box.rectangular(1.3, 1.7, 1.1), new Box(1.5, 0.4, 1.4, -0.3, 0.5, 1.2)}) {
            ForceAccumulator split = evalAll(forces, Kit.state(wrap(sys.pos(), box), box));
            assertSame(whole, split, 1e-10);
        }

        Random rnd = new Random(21);
        List<BondedTermForce> all = new ArrayList<>();
        for (FlatTopology.Terms t : allForms(rnd)) all.add(BondedForces.create(t));
        double[][] pos = chain(rnd, 8, new double[] {1.45, 0.0, 1.15});
        ForceAccumulator ref = evalAll(all, Kit.state(pos, Box.rectangular(50, 50, 50)));
        for (Box box : new Box[] {Box.rectangular(1.5, 1.5, 1.2), new Box(1.2, 0.3, 1.1, 0.4, -0.35, 1.0)}) {
            // the chain starts at the boundary; also shift it so that other bonds straddle it
            for (double shift : new double[] {0, 0.3, 0.61}) {
                double[][] p = new double[pos.length][];
                for (int a = 0; a < pos.length; a++) p[a] = Kit.add(pos[a], new double[] {shift, -shift, 0.5 * shift});
                ForceAccumulator unsplit = evalAll(all, Kit.state(p, Box.rectangular(50, 50, 50)));
                assertSame(ref, unsplit, 1e-10);
                assertSame(ref, evalAll(all, Kit.state(wrap(p, box), box)), 1e-10);
            }
        }
    }

    @Test
    void termRangesAddUpToTheWhole() throws IOException {
        Sys sys = library();
        Box box = new Box(1.5, 0.4, 1.4, -0.3, 0.5, 1.2);
        State s = Kit.state(wrap(sys.pos(), box), box);
        for (BondedTermForce f : BondedForces.termForces(sys.top())) {
            ForceAccumulator whole = Kit.eval(f, s);
            ForceAccumulator parts = new ForceAccumulator(s.natoms);
            int n = f.termCount(), cut1 = n / 3, cut2 = 2 * n / 3;
            for (int[] r : new int[][] {{0, cut1}, {cut1, cut2}, {cut2, n}}) {
                ForceAccumulator part = new ForceAccumulator(s.natoms); // as a thread's private accumulator
                f.compute(s, part, r[0], r[1]);
                parts.add(part);
            }
            assertSame(whole, parts, 1e-12);
        }
    }

    @Test
    void finiteDifferencesOnTheWrappedSystem() throws IOException {
        Random rnd = new Random(22);
        Sys sys = library();
        Box box = new Box(1.5, 0.4, 1.4, -0.3, 0.5, 1.2);
        double[][] pos = sys.pos().clone();
        for (int a = 0; a < pos.length; a++) pos[a] = Kit.add(pos[a], Kit.random(rnd, 0.01)); // off the minimum
        State s = Kit.state(wrap(pos, box), box);
        for (BondedTermForce f : BondedForces.termForces(sys.top())) {
            assertThat(Kit.fdRelativeError(f, s, 1e-6, 0)).as(f.name()).isLessThan(1e-6);
        }
        List<BondedTermForce> all = new ArrayList<>();
        for (FlatTopology.Terms t : allForms(rnd)) all.add(BondedForces.create(t));
        State c = Kit.state(wrap(chain(rnd, 8, new double[] {1.45, 0.0, 1.15}), box), box);
        for (BondedTermForce f : all) assertThat(Kit.fdRelativeError(f, c, 1e-6, 0)).as(f.name()).isLessThan(1e-6);
    }
}
