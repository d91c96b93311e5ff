package org.sheath.engine.neighbor;

import java.util.Arrays;
import org.sheath.engine.system.Box;

/**
 * Cell-list pair search for periodic boxes (rectangular or triclinic) — the one distance kernel the
 * engine's pair lists and the analyses share (like MDAnalysis's capped_distance).
 *
 * <p>Atoms are binned in fractional coordinates into cells at least one cut-off wide (measured
 * perpendicular to the cell faces), so every pair within the cut-off lies in the same or an adjacent
 * cell. Positions are wrapped into the box and stored in cell order; a pair's displacement is then
 * r_j + shift − r_i with the lattice shift of the neighbouring cell, which is the minimum image
 * because the cut-off may not exceed half the shortest box height.
 */
public final class CellList {
    /** Receives one pair: atoms i and j (caller's indices) and d = r_j − r_i (minimum image), r² = |d|². */
    @FunctionalInterface
    public interface PairConsumer {
        void accept(int i, int j, double dx, double dy, double dz, double r2);
    }

    private double cutoff;
    private double cutoff2;
    private Box box;
    private int n;
    private int ncx, ncy, ncz;
    private int[] cellStart = new int[0];
    private int[] cellOf = new int[0];
    private int[] order = new int[0];
    private int[] fill = new int[0];
    private double[] px = new double[0], py = new double[0], pz = new double[0];
    private int[] sortedLabel = new int[0];
    private final double[] frac = new double[3];

    public CellList(double cutoff) {
        if (!(cutoff > 0)) throw new IllegalArgumentException("cut-off must be positive");
        this.cutoff = cutoff;
        this.cutoff2 = cutoff * cutoff;
    }

    public double cutoff() {
        return cutoff;
    }

    /** A new cut-off for the next {@link #build} (an analysis over NPT frames whose box shrank). */
    public void setCutoff(double c) {
        if (!(c > 0)) throw new IllegalArgumentException("cut-off must be positive");
        cutoff = c;
        cutoff2 = c * c;
    }

    public int size() {
        return n;
    }

    /** Number of cells along a, b, c. */
    public int[] gridSize() {
        return new int[] {ncx, ncy, ncz};
    }

    /**
     * Bins the atoms {@code atoms[0..count)} (or atoms 0..count−1 when {@code atoms} is null).
     * Reuses its arrays between calls.
     *
     * @throws IllegalArgumentException if the cut-off exceeds half the shortest box height
     */
    public void build(Box box, double[] x, double[] y, double[] z, int[] atoms, int count) {
        if (cutoff > 0.5 * box.minHeight() * (1 + 1e-12)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "cut-off %.4f nm is longer than half the shortest box height %.4f nm", cutoff, box.minHeight()));
        }
        this.box = box;
        this.n = count;
        // cells at least the cut-off wide, and not many more cells than atoms: a tiny cut-off in a big box asked
        // for 10^11 cells (any larger cell is still correct, it only holds more atoms)
        double fx = Math.max(1, Math.floor(box.height(0) / cutoff)), fy = Math.max(1, Math.floor(box.height(1) / cutoff)),
                fz = Math.max(1, Math.floor(box.height(2) / cutoff));
        double maxCells = Math.max(27, 4.0 * count), shrink = Math.cbrt(fx * fy * fz / maxCells);
        if (shrink > 1) {
            fx = Math.max(1, Math.floor(fx / shrink));
            fy = Math.max(1, Math.floor(fy / shrink));
            fz = Math.max(1, Math.floor(fz / shrink));
        }
        ncx = (int) fx;
        ncy = (int) fy;
        ncz = (int) fz;
        int ncells = ncx * ncy * ncz;
        if (cellStart.length < ncells + 1) cellStart = new int[ncells + 1];
        if (cellOf.length < count) {
            cellOf = new int[count];
            order = new int[count];
            px = new double[count];
            py = new double[count];
            pz = new double[count];
        }
        Arrays.fill(cellStart, 0, ncells + 1, 0);
        // first pass: cell of each atom; count per cell
        for (int k = 0; k < count; k++) {
            int a = atoms == null ? k : atoms[k];
            box.toFractional(x[a], y[a], z[a], frac);
            int cx = cellIndex(frac[0], ncx), cy = cellIndex(frac[1], ncy), cz = cellIndex(frac[2], ncz);
            int c = (cz * ncy + cy) * ncx + cx;
            cellOf[k] = c;
            cellStart[c + 1]++;
        }
        for (int c = 0; c < ncells; c++) cellStart[c + 1] += cellStart[c];
        // second pass: counting sort into cell order, storing positions wrapped into the box
        if (fill.length < ncells) fill = new int[ncells];
        Arrays.fill(fill, 0, ncells, 0);
        for (int k = 0; k < count; k++) {
            int a = atoms == null ? k : atoms[k];
            int c = cellOf[k];
            int slot = cellStart[c] + fill[c]++;
            order[slot] = a;
            box.toFractional(x[a], y[a], z[a], frac);
            double sa = frac[0] - Math.floor(frac[0]), sb = frac[1] - Math.floor(frac[1]), sc = frac[2] - Math.floor(frac[2]);
            px[slot] = sa * box.ax() + sb * box.bx() + sc * box.cx();
            py[slot] = sb * box.by() + sc * box.cy();
            pz[slot] = sc * box.cz();
        }
    }

    private static int cellIndex(double s, int nc) {
        double w = s - Math.floor(s);
        int c = (int) (w * nc);
        return c >= nc ? nc - 1 : c;
    }

    /** Every unordered pair of binned atoms closer than the cut-off, once. */
    public void forEachPair(PairConsumer consumer) {
        forEachPair(consumer, 0, ncx * ncy * ncz);
    }

    /** Number of cells: split [0, cellCount()) over threads with {@link #forEachPair(PairConsumer, int, int)}. */
    public int cellCount() {
        return ncx * ncy * ncz;
    }

    /**
     * Pairs whose first atom lies in cells [cellFrom, cellTo): disjoint ranges give disjoint pairs, so
     * threads can split the work.
     */
    public void forEachPair(PairConsumer consumer, int cellFrom, int cellTo) {
        boolean half = ncx >= 3 && ncy >= 3 && ncz >= 3;
        for (int c = cellFrom; c < cellTo; c++) {
            int cx = c % ncx, cy = (c / ncx) % ncy, cz = c / (ncx * ncy);
            int s0 = cellStart[c], s1 = cellStart[c + 1];
            if (s0 == s1) continue;
            for (int oz = -1; oz <= 1; oz++) {
                for (int oy = -1; oy <= 1; oy++) {
                    for (int ox = -1; ox <= 1; ox++) {
                        boolean self = ox == 0 && oy == 0 && oz == 0;
                        if (half && !self && !(oz > 0 || (oz == 0 && (oy > 0 || (oy == 0 && ox > 0))))) continue;
                        int tx = cx + ox, ty = cy + oy, tz = cz + oz;
                        int wx = Math.floorMod(tx, ncx), wy = Math.floorMod(ty, ncy), wz = Math.floorMod(tz, ncz);
                        int kx = Math.floorDiv(tx, ncx), ky = Math.floorDiv(ty, ncy), kz = Math.floorDiv(tz, ncz);
                        double shx = kx * box.ax() + ky * box.bx() + kz * box.cx();
                        double shy = ky * box.by() + kz * box.cy();
                        double shz = kz * box.cz();
                        int t = (wz * ncy + wy) * ncx + wx;
                        int t0 = cellStart[t], t1 = cellStart[t + 1];
                        for (int a = s0; a < s1; a++) {
                            double xa = px[a] - shx, ya = py[a] - shy, za = pz[a] - shz;
                            int ia = order[a];
                            int bStart = (half && self) ? a + 1 : t0;
                            for (int b = bStart; b < t1; b++) {
                                int ib = order[b];
                                if (!half && ib <= ia) continue;
                                double dx = px[b] - xa, dy = py[b] - ya, dz = pz[b] - za;
                                double r2 = dx * dx + dy * dy + dz * dz;
                                if (r2 < cutoff2) consumer.accept(ia, ib, dx, dy, dz, r2);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Every binned atom closer than the cut-off to the point (x, y, z), with d = r_j − point (minimum
     * image). The point itself may be one of the binned atoms: then it is reported at distance 0.
     */
    public void forEachNeighbor(double x, double y, double z, PairConsumer consumer, int queryIndex) {
        box.toFractional(x, y, z, frac);
        double sa = frac[0] - Math.floor(frac[0]), sb = frac[1] - Math.floor(frac[1]), sc = frac[2] - Math.floor(frac[2]);
        double qx = sa * box.ax() + sb * box.bx() + sc * box.cx();
        double qy = sb * box.by() + sc * box.cy();
        double qz = sc * box.cz();
        int cx = cellIndex(sa, ncx), cy = cellIndex(sb, ncy), cz = cellIndex(sc, ncz);
        for (int oz = -1; oz <= 1; oz++) {
            for (int oy = -1; oy <= 1; oy++) {
                for (int ox = -1; ox <= 1; ox++) {
                    int tx = cx + ox, ty = cy + oy, tz = cz + oz;
                    int wx = Math.floorMod(tx, ncx), wy = Math.floorMod(ty, ncy), wz = Math.floorMod(tz, ncz);
                    int kx = Math.floorDiv(tx, ncx), ky = Math.floorDiv(ty, ncy), kz = Math.floorDiv(tz, ncz);
                    double ox0 = qx - (kx * box.ax() + ky * box.bx() + kz * box.cx());
                    double oy0 = qy - (ky * box.by() + kz * box.cy());
                    double oz0 = qz - kz * box.cz();
                    int t = (wz * ncy + wy) * ncx + wx;
                    for (int b = cellStart[t]; b < cellStart[t + 1]; b++) {
                        double dx = px[b] - ox0, dy = py[b] - oy0, dz = pz[b] - oz0;
                        double r2 = dx * dx + dy * dy + dz * dz;
                        if (r2 < cutoff2) consumer.accept(queryIndex, order[b], dx, dy, dz, r2);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ distance histograms
    // Allocation-free, callback-free versions of forEachPair / forEachNeighbor for analyses that only
    // bin distances (RDFs): the same pairs, with the binning in the inner loop.

    /**
     * Adds {@code weight} to {@code hist[(int) (r * invBin)]} (when that index is below {@code nbins})
     * for every unordered pair of binned atoms in cells [cellFrom, cellTo) closer than the cut-off —
     * the pairs {@link #forEachPair(PairConsumer, int, int)} visits. With {@code label} (indexed like
     * the caller's atoms, e.g. their molecules) pairs of atoms with equal labels are left out.
     */
    public void histogramPairs(int[] hist, int nbins, double invBin, int weight, int[] label, int cellFrom, int cellTo) {
        final boolean half = ncx >= 3 && ncy >= 3 && ncz >= 3;
        final int[] lab = label == null ? null : sortLabels(label);
        final double[] x = px, y = py, z = pz;
        final int[] ord = order, start = cellStart;
        final double rc2 = cutoff2;
        for (int c = cellFrom; c < cellTo; c++) {
            int s0 = start[c], s1 = start[c + 1];
            if (s0 == s1) continue;
            int cx = c % ncx, cy = (c / ncx) % ncy, cz = c / (ncx * ncy);
            for (int oz = -1; oz <= 1; oz++) {
                for (int oy = -1; oy <= 1; oy++) {
                    for (int ox = -1; ox <= 1; ox++) {
                        boolean self = ox == 0 && oy == 0 && oz == 0;
                        if (half && !self && !(oz > 0 || (oz == 0 && (oy > 0 || (oy == 0 && ox > 0))))) continue;
                        int tx = cx + ox, ty = cy + oy, tz = cz + oz;
                        int wx = Math.floorMod(tx, ncx), wy = Math.floorMod(ty, ncy), wz = Math.floorMod(tz, ncz);
                        int kx = Math.floorDiv(tx, ncx), ky = Math.floorDiv(ty, ncy), kz = Math.floorDiv(tz, ncz);
                        double shx = kx * box.ax() + ky * box.bx() + kz * box.cx();
                        double shy = ky * box.by() + kz * box.cy();
                        double shz = kz * box.cz();
                        int t = (wz * ncy + wy) * ncx + wx;
                        int t0 = start[t], t1 = start[t + 1];
                        for (int a = s0; a < s1; a++) {
                            double xa = x[a] - shx, ya = y[a] - shy, za = z[a] - shz;
                            int b0 = (half && self) ? a + 1 : t0;
                            if (half) {
                                if (lab == null) {
                                    for (int b = b0; b < t1; b++) {
                                        double dx = x[b] - xa, dy = y[b] - ya, dz = z[b] - za;
                                        double r2 = dx * dx + dy * dy + dz * dz;
                                        if (r2 < rc2) {
                                            int k = (int) (Math.sqrt(r2) * invBin);
                                            if (k < nbins) hist[k] += weight;
                                        }
                                    }
                                } else {
                                    int la = lab[a];
                                    for (int b = b0; b < t1; b++) {
                                        double dx = x[b] - xa, dy = y[b] - ya, dz = z[b] - za;
                                        double r2 = dx * dx + dy * dy + dz * dz;
                                        if (r2 < rc2 && lab[b] != la) {
                                            int k = (int) (Math.sqrt(r2) * invBin);
                                            if (k < nbins) hist[k] += weight;
                                        }
                                    }
                                }
                            } else {
                                // fewer than 3 cells along an axis: a cell pair can appear twice in the
                                // stencil, so each pair is kept once by its atom order, as forEachPair does
                                int ia = ord[a];
                                for (int b = t0; b < t1; b++) {
                                    int ib = ord[b];
                                    if (ib <= ia || (lab != null && lab[b] == lab[a])) continue;
                                    double dx = x[b] - xa, dy = y[b] - ya, dz = z[b] - za;
                                    double r2 = dx * dx + dy * dy + dz * dz;
                                    if (r2 < rc2) {
                                        int k = (int) (Math.sqrt(r2) * invBin);
                                        if (k < nbins) hist[k] += weight;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Adds one to {@code hist[(int) (r * invBin)]} (when below {@code nbins}) for every binned atom j
     * closer than the cut-off to the point (x, y, z) — the atoms {@link #forEachNeighbor} reports —
     * except the atom {@code skipAtom} (caller's index, −1 for none) and, with {@code label}, atoms
     * whose label equals {@code skipLabel}.
     */
    public void histogramNeighbors(double x, double y, double z, int[] hist, int nbins, double invBin,
                                   int skipAtom, int[] label, int skipLabel) {
        box.toFractional(x, y, z, frac);
        double sa = frac[0] - Math.floor(frac[0]), sb = frac[1] - Math.floor(frac[1]), sc = frac[2] - Math.floor(frac[2]);
        double qx = sa * box.ax() + sb * box.bx() + sc * box.cx();
        double qy = sb * box.by() + sc * box.cy();
        double qz = sc * box.cz();
        int cx = cellIndex(sa, ncx), cy = cellIndex(sb, ncy), cz = cellIndex(sc, ncz);
        // neighbour cells and lattice shifts without integer division: offsets are -1, 0, 1
        wrap(cx, ncx, nbX, nbKX);
        wrap(cy, ncy, nbY, nbKY);
        wrap(cz, ncz, nbZ, nbKZ);
        // rectangular box: skip cells whose nearest face is beyond the cut-off (about 40 % of the
        // 27 for cells one cut-off wide); distances to the faces along each axis, for offsets -1, 0, 1
        final boolean prune = box.isRectangular();
        if (prune) {
            faceDistances(sa * ncx - cx, box.ax() / ncx, gapX);
            faceDistances(sb * ncy - cy, box.by() / ncy, gapY);
            faceDistances(sc * ncz - cz, box.cz() / ncz, gapZ);
        }
        final double[] px = this.px, py = this.py, pz = this.pz;
        final int[] ord = order, start = cellStart;
        final double rc2 = cutoff2;
        final double pruneAbove = rc2 * (1 + 1e-9) + 1e-12;
        for (int iz = 0; iz < 3; iz++) {
            int kz = nbKZ[iz];
            for (int iy = 0; iy < 3; iy++) {
                int ky = nbKY[iy];
                double gyz = prune ? gapY[iy] * gapY[iy] + gapZ[iz] * gapZ[iz] : 0;
                if (gyz > pruneAbove) continue;
                int row = (nbZ[iz] * ncy + nbY[iy]) * ncx;
                for (int ix = 0; ix < 3; ix++) {
                    if (prune && gyz + gapX[ix] * gapX[ix] > pruneAbove) continue;
                    int t = row + nbX[ix];
                    int t0 = start[t], t1 = start[t + 1];
                    if (t0 == t1) continue;
                    int kx = nbKX[ix];
                    double ox0 = qx - (kx * box.ax() + ky * box.bx() + kz * box.cx());
                    double oy0 = qy - (ky * box.by() + kz * box.cy());
                    double oz0 = qz - kz * box.cz();
                    for (int b = t0; b < t1; b++) {
                        double dx = px[b] - ox0, dy = py[b] - oy0, dz = pz[b] - oz0;
                        double r2 = dx * dx + dy * dy + dz * dz;
                        if (r2 < rc2) {
                            int j = ord[b];
                            if (j == skipAtom || (label != null && label[j] == skipLabel)) continue;
                            int k = (int) (Math.sqrt(r2) * invBin);
                            if (k < nbins) hist[k]++;
                        }
                    }
                }
            }
        }
    }

    private final int[] nbX = new int[3], nbY = new int[3], nbZ = new int[3];
    private final int[] nbKX = new int[3], nbKY = new int[3], nbKZ = new int[3];
    private final double[] gapX = new double[3], gapY = new double[3], gapZ = new double[3];

    /** Cells c-1, c, c+1 wrapped into [0, nc), and the lattice shift (-1, 0, 1) each wrap implies. */
    private static void wrap(int c, int nc, int[] cell, int[] shift) {
        for (int o = -1; o <= 1; o++) {
            int t = c + o;
            int k = t < 0 ? -1 : (t >= nc ? 1 : 0);
            cell[o + 1] = t - k * nc;
            shift[o + 1] = k;
        }
    }

    /** Distances from a point at fraction f (0..1) across a cell of width w to the cells before, at and after it. */
    private static void faceDistances(double f, double w, double[] gap) {
        f = Math.min(1, Math.max(0, f));
        gap[0] = f * w;
        gap[1] = 0;
        gap[2] = (1 - f) * w;
    }

    private int[] sortLabels(int[] label) {
        if (sortedLabel.length < n) sortedLabel = new int[Math.max(n, order.length)];
        for (int k = 0; k < n; k++) sortedLabel[k] = label[order[k]];
        return sortedLabel;
    }
}
