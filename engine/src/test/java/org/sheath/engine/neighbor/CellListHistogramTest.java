package org.sheath.engine.neighbor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sheath.engine.system.Box;

/**
 * The allocation-free histogram kernels bin exactly the distances forEachPair / forEachNeighbor
 * report (same pairs, same arithmetic), with and without labels, on large and small grids
 * (fewer than 3 cells along an axis) and triclinic boxes.
 */
class CellListHistogramTest {
    static final int NB = 97;

    @ParameterizedTest
    @CsvSource({"cube, 1.2", "cube, 0.5", "cube, 1.49", "slab, 1.0", "slab, 0.3", "dodecahedron, 1.0",
            "triclinic, 0.9", "triclinic, 0.4", "triclinic, 1.2"})
    void pairHistogramMatchesForEachPair(String kind, double rc) {
        Box b = CellListTest.box(kind);
        assertThat(rc).as(kind + ": the cell list needs rc <= half the box height").isLessThanOrEqualTo(0.5 * b.minHeight());
        Random rnd = new Random(kind.hashCode() * 31L + (long) (rc * 1000));
        int n = 500;
        double[] x = new double[n], y = new double[n], z = new double[n];
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = (rnd.nextDouble() * 3 - 1) * 3;
            y[i] = (rnd.nextDouble() * 3 - 1) * 3;
            z[i] = (rnd.nextDouble() * 3 - 1) * 3;
            label[i] = i / 3; // "molecules" of three
        }
        CellList cl = new CellList(rc);
        cl.build(b, x, y, z, null, n);
        double inv = NB / rc;
        for (int[] lab : new int[][] {null, label}) {
            int[] expected = new int[NB];
            cl.forEachPair((i, j, dx, dy, dz, r2) -> {
                if (lab != null && lab[i] == lab[j]) return;
                int k = (int) (Math.sqrt(r2) * inv);
                if (k < NB) expected[k] += 2;
            });
            int[] got = new int[NB];
            // in two cell ranges, as threads would split it
            int half = cl.cellCount() / 2;
            cl.histogramPairs(got, NB, inv, 2, lab, 0, half);
            cl.histogramPairs(got, NB, inv, 2, lab, half, cl.cellCount());
            assertThat(got).as("labels %s", lab != null).containsExactly(expected);
            assertThat(sum(got)).isPositive();
        }
    }

    @ParameterizedTest
    @CsvSource({"cube, 1.2", "cube, 0.5", "slab, 1.0", "dodecahedron, 1.0", "triclinic, 0.9", "triclinic, 1.2"})
    void neighbourHistogramMatchesForEachNeighbor(String kind, double rc) {
        Box b = CellListTest.box(kind);
        assertThat(rc).as(kind + ": the cell list needs rc <= half the box height").isLessThanOrEqualTo(0.5 * b.minHeight());
        Random rnd = new Random(kind.hashCode() * 17L + (long) (rc * 1000));
        int n = 400, m = 60;
        double[] x = new double[n], y = new double[n], z = new double[n];
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = (rnd.nextDouble() * 3 - 1) * 3;
            y[i] = (rnd.nextDouble() * 3 - 1) * 3;
            z[i] = (rnd.nextDouble() * 3 - 1) * 3;
            label[i] = i / 4;
        }
        CellList cl = new CellList(rc);
        cl.build(b, x, y, z, null, n);
        double inv = NB / rc;
        int[] expected = new int[NB], got = new int[NB];
        for (int q = 0; q < m; q++) {
            // queries: some of the binned atoms themselves (skipped as self), some free points
            final int self = q % 2 == 0 ? q * 5 : -1;
            double qx = self >= 0 ? x[self] : rnd.nextDouble() * 9 - 3;
            double qy = self >= 0 ? y[self] : rnd.nextDouble() * 9 - 3;
            double qz = self >= 0 ? z[self] : rnd.nextDouble() * 9 - 3;
            final int ql = q % 3 == 0 ? label[Math.max(self, 0)] : -7;
            final boolean useLabel = q % 3 == 0;
            cl.forEachNeighbor(qx, qy, qz, (i, j, dx, dy, dz, r2) -> {
                if (j == self || (useLabel && label[j] == ql)) return;
                int k = (int) (Math.sqrt(r2) * inv);
                if (k < NB) expected[k]++;
            }, q);
            cl.histogramNeighbors(qx, qy, qz, got, NB, inv, self, useLabel ? label : null, ql);
        }
        assertThat(got).containsExactly(expected);
        assertThat(sum(got)).isPositive();
    }

    private static long sum(int[] h) {
        long s = 0;
        for (int v : h) s += v;
        return s;
    }
}
