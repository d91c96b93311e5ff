package org.sheath.engine.neighbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sheath.engine.system.Box;

/** The cell list finds exactly the pairs an all-pairs minimum-image search finds. */
class CellListTest {
    static Box box(String kind) {
        return switch (kind) {
            case "cube" -> Box.rectangular(3.0, 3.0, 3.0);
            case "slab" -> Box.rectangular(4.1, 2.2, 6.3);
            // rhombic dodecahedron (xy-square), GROMACS's reduced form
            case "dodecahedron" -> new Box(3.0, 0, 3.0, 1.5, 1.5, 3.0 * Math.sqrt(2) / 2);
            default -> new Box(3.2, 1.1, 2.9, -0.9, 1.2, 2.7); // generic skewed triclinic
        };
    }

    /** Brute force: every pair whose minimum-image distance is below rc, keyed "i j" with i < j. */
    static Map<String, Double> bruteForce(Box b, double[] x, double[] y, double[] z, double rc) {
        Map<String, Double> out = new HashMap<>();
        double[] d = new double[3];
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                d[0] = x[j] - x[i];
                d[1] = y[j] - y[i];
                d[2] = z[j] - z[i];
                b.minimumImage(d);
                double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
                if (r2 < rc * rc) out.put(i + " " + j, r2);
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"cube, 1.2", "cube, 0.5", "cube, 1.49", "slab, 1.0", "slab, 0.3", "dodecahedron, 1.0",
            "triclinic, 0.9", "triclinic, 0.4", "triclinic, 1.2"})
    void findsExactlyTheMinimumImagePairs(String kind, double rc) {
        Box b = box(kind);
        Random rnd = new Random(kind.hashCode() + (long) (rc * 1000));
        int n = 400;
        double[] x = new double[n], y = new double[n], z = new double[n];
        for (int i = 0; i < n; i++) {
            // positions deliberately outside the box too: the list must wrap them
            x[i] = (rnd.nextDouble() * 3 - 1) * 3;
            y[i] = (rnd.nextDouble() * 3 - 1) * 3;
            z[i] = (rnd.nextDouble() * 3 - 1) * 3;
        }
        Map<String, Double> expected = bruteForce(b, x, y, z, Math.min(rc, 0.5 * b.minHeight()));
        if (rc > 0.5 * b.minHeight()) {
            assertThatThrownBy(() -> new CellList(rc).build(b, x, y, z, null, n)).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        CellList cl = new CellList(rc);
        cl.build(b, x, y, z, null, n);
        Map<String, Double> found = new HashMap<>();
        cl.forEachPair((i, j, dx, dy, dz, r2) -> {
            String key = Math.min(i, j) + " " + Math.max(i, j);
            assertThat(found.put(key, r2)).as("pair %s reported twice", key).isNull();
            assertThat(dx * dx + dy * dy + dz * dz).isEqualTo(r2);
            // d = r_j - r_i up to a lattice vector
            double[] d = {dx - (x[j] - x[i]), dy - (y[j] - y[i]), dz - (z[j] - z[i])};
            b.minimumImage(d);
            assertThat(Math.abs(d[0]) + Math.abs(d[1]) + Math.abs(d[2])).isLessThan(1e-9);
        });
        assertThat(found.keySet()).isEqualTo(expected.keySet());
        for (String k : expected.keySet()) assertThat(found.get(k)).isCloseTo(expected.get(k), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(expected).isNotEmpty();

        // point queries: neighbours of atom 0 equal its pairs
        Map<Integer, Double> nb = new HashMap<>();
        cl.forEachNeighbor(x[0], y[0], z[0], (q, j, dx, dy, dz, r2) -> {
            if (j != 0) assertThat(nb.put(j, r2)).isNull();
        }, 0);
        Map<Integer, Double> want = new HashMap<>();
        expected.forEach((k, v) -> {
            String[] p = k.split(" ");
            if (p[0].equals("0")) want.put(Integer.parseInt(p[1]), v);
        });
        assertThat(nb.keySet()).isEqualTo(want.keySet());
    }

    @ParameterizedTest
    @CsvSource({"cube, 1.0", "triclinic, 0.8"})
    void subsetsAndCellRangesPartitionThePairs(String kind, double rc) {
        Box b = box(kind);
        Random rnd = new Random(7);
        int n = 300;
        double[] x = new double[n], y = new double[n], z = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble() * 3;
            y[i] = rnd.nextDouble() * 3;
            z[i] = rnd.nextDouble() * 3;
        }
        int[] odd = new int[n / 2];
        for (int k = 0; k < odd.length; k++) odd[k] = 2 * k + 1;
        CellList cl = new CellList(rc);
        cl.build(b, x, y, z, odd, odd.length);
        int[] total = {0};
        int half = cl.cellCount() / 2;
        cl.forEachPair((i, j, dx, dy, dz, r2) -> {
            assertThat(i % 2).isEqualTo(1);
            assertThat(j % 2).isEqualTo(1);
            total[0]++;
        }, 0, half);
        cl.forEachPair((i, j, dx, dy, dz, r2) -> total[0]++, half, cl.cellCount());
        long expected = bruteForce(b, x, y, z, rc).keySet().stream()
                .filter(k -> Integer.parseInt(k.split(" ")[0]) % 2 == 1 && Integer.parseInt(k.split(" ")[1]) % 2 == 1).count();
        assertThat((long) total[0]).isEqualTo(expected);
    }
}
