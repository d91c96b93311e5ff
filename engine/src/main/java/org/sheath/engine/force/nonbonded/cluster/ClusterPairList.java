package org.sheath.engine.force.nonbonded.cluster;

import java.util.Arrays;
import org.sheath.engine.system.Box;

/**
 * A pair list of atom clusters in the GROMACS NxM style (Páll &amp; Hess, Comput. Phys. Commun. 184, 2641
 * (2013)), with clusters of {@link #SIZE} atoms on both sides: atoms are wrapped into the (rectangular)
 * box, binned into columns in x–y about one cluster wide, sorted along z in each column and cut into
 * clusters, each column padded with dummy slots to a whole number of clusters. Cluster pairs (ci ≤ cj,
 * with the lattice shift of cj) are kept when their bounding boxes are closer than rlist and at least one
 * atom pair is; each carries a 16-bit mask of the atom pairs that interact (bit a·4 + b: real atoms, not
 * excluded, and a &lt; b inside a cluster's pairing with itself). The kernels compute all 16 pairs and
 * mask by this and by r &lt; rc. With {@link #keepExcludedPairs} the upper 16 bits of the mask mark the
 * excluded pairs (real atoms, a &lt; b inside a self pairing), for the kernel's Ewald exclusion correction
 * (as GROMACS's kernels do it); cluster pairs holding only excluded pairs are then kept too.
 *
 * <p>Slots: slot c·4 + a holds atom {@link #atomOfSlot}[·] (−1 for padding). The kernels read positions
 * wrapped as at build time: x + image·L with the image of the build kept per atom, so a barostat that
 * scales box and positions keeps clusters intact.
 */
public final class ClusterPairList {
    /** Atoms per cluster (both i and j). */
    public static final int SIZE = 4;
    /** Index of the zero shift in the 27-entry shift table (kx, ky, kz ∈ {−1, 0, 1}). */
    public static final int CENTER_SHIFT = 13;

    private final int natoms;
    private final double rlist;
    /** Exclusions of each atom in both directions (CSR), to mark a cluster's excluded pairs before its search. */
    private final int[] symOffsets, symAtoms;
    /** Per atom: its slot in the current clustering. */
    private int[] slotOfAtom = new int[0];
    private boolean keepExcluded;

    int nclusters;
    int[] atomOfSlot = new int[0];
    /** Per atom: the lattice image that wraps it into the box at build time. */
    final int[] imgX, imgY, imgZ;
    /** Per cluster: the centre of its bounding box at build time, in box fractions (the kernels' local origin). */
    double[] originFx = new double[0], originFy = new double[0], originFz = new double[0];
    /** Cluster pairs of i-cluster ci: [ciStart[ci], ciStart[ci+1]). */
    int[] ciStart = new int[1];
    int[] cj = new int[0], shift = new int[0], mask = new int[0];
    int npairs;
    private int atomPairs;

    private int closestI = -1, closestJ = -1;
    private double closestR2 = Double.POSITIVE_INFINITY;

    // build scratch
    private double[] wx = new double[0], wy = new double[0], wz = new double[0];
    private double[] bb = new double[0];
    private int[] colStart = new int[0], colClusterStart = new int[0];
    private long[] sortKey = new long[0];
    /** Per cluster: bit a set for a real atom in slot a. */
    private int[] real = new int[0];
    /** Wrapped build positions in slot order. */
    private double[] px = new double[0], py = new double[0], pz = new double[0];

    private org.sheath.engine.parallel.WorkerPool pool;

    /** Searches cluster pairs on the pool's threads (results identical for any thread count). */
    public void setPool(org.sheath.engine.parallel.WorkerPool pool) {
        this.pool = pool;
    }

    public ClusterPairList(int natoms, double rlist, int[] exclOffsets, int[] exclAtoms) {
        this.natoms = natoms;
        this.rlist = rlist;
        this.symOffsets = new int[natoms + 1];
        if (exclOffsets != null) {
            for (int i = 0; i < natoms; i++) {
                for (int k = exclOffsets[i]; k < exclOffsets[i + 1]; k++) {
                    symOffsets[i + 1]++;
                    symOffsets[exclAtoms[k] + 1]++;
                }
            }
        }
        for (int i = 0; i < natoms; i++) symOffsets[i + 1] += symOffsets[i];
        this.symAtoms = new int[symOffsets[natoms]];
        int[] fill = java.util.Arrays.copyOf(symOffsets, natoms);
        if (exclOffsets != null) {
            for (int i = 0; i < natoms; i++) {
                for (int k = exclOffsets[i]; k < exclOffsets[i + 1]; k++) {
                    symAtoms[fill[i]++] = exclAtoms[k];
                    symAtoms[fill[exclAtoms[k]]++] = i;
                }
            }
        }
        imgX = new int[natoms];
        imgY = new int[natoms];
        imgZ = new int[natoms];
    }

    /** Marks excluded atom pairs in the mask's upper 16 bits (and keeps cluster pairs that hold only those). */
    public void keepExcludedPairs(boolean keep) {
        this.keepExcluded = keep;
    }

    public int clusters() {
        return nclusters;
    }

    /** Number of cluster pairs. */
    public int size() {
        return npairs;
    }

    /** Number of interacting atom pairs (mask bits) in the list. */
    public int atomPairs() {
        return atomPairs;
    }

    public double closestDistance() {
        return Math.sqrt(closestR2);
    }

    public int[] closestPair() {
        return new int[] {closestI, closestJ};
    }

    /** Shift vector of table entry s for a rectangular box with edges lx, ly, lz. */
    static double shiftX(int s, double lx) {
        return (s / 9 - 1) * lx;
    }

    static double shiftY(int s, double ly) {
        return (s / 3 % 3 - 1) * ly;
    }

    static double shiftZ(int s, double lz) {
        return (s % 3 - 1) * lz;
    }

    /** Builds the list for a rectangular box at least rlist long in every direction. */
    public void build(Box box, double[] x, double[] y, double[] z) {
        if (!box.isRectangular()) throw new IllegalArgumentException("the cluster pair list needs a rectangular box");
        double lx = box.ax(), ly = box.by(), lz = box.cz();
        if (Math.min(lx, Math.min(ly, lz)) <= rlist) {
            throw new IllegalArgumentException(String.format("box edge %.4f nm is not longer than the pair-list radius %.4f nm",
                    Math.min(lx, Math.min(ly, lz)), rlist));
        }
        if (wx.length < natoms) {
            wx = new double[natoms];
            wy = new double[natoms];
            wz = new double[natoms];
        }
        for (int i = 0; i < natoms; i++) {
            int kx = (int) Math.floor(x[i] / lx), ky = (int) Math.floor(y[i] / ly), kz = (int) Math.floor(z[i] / lz);
            imgX[i] = -kx;
            imgY[i] = -ky;
            imgZ[i] = -kz;
            wx[i] = x[i] - kx * lx;
            wy[i] = y[i] - ky * ly;
            wz[i] = z[i] - kz * lz;
        }
        // columns about one cluster wide: a cluster of SIZE atoms is then roughly a cube
        double density = natoms / box.volume();
        double edge = Math.cbrt(SIZE / Math.max(density, 1e-6));
        int ncx = Math.max(1, (int) (lx / edge)), ncy = Math.max(1, (int) (ly / edge));
        int ncol = ncx * ncy;
        double cellX = lx / ncx, cellY = ly / ncy;
        if (colStart.length < ncol + 1) {
            colStart = new int[ncol + 1];
            colClusterStart = new int[ncol + 1];
        }
        Arrays.fill(colStart, 0, ncol + 1, 0);
        if (sortKey.length < natoms) sortKey = new long[natoms];
        int[] colOf = new int[natoms];
        for (int i = 0; i < natoms; i++) {
            int cx = Math.min(ncx - 1, (int) (wx[i] / cellX)), cy = Math.min(ncy - 1, (int) (wy[i] / cellY));
            colOf[i] = cx * ncy + cy;
            colStart[colOf[i] + 1]++;
        }
        for (int c = 0; c < ncol; c++) colStart[c + 1] += colStart[c];
        int[] fill = new int[ncol];
        for (int i = 0; i < natoms; i++) {
            int c = colOf[i];
            // z ≥ 0, so its float bits sort like the number; the atom index breaks ties deterministically
            sortKey[colStart[c] + fill[c]++] = ((long) Float.floatToIntBits((float) wz[i]) << 32) | i;
        }
        nclusters = 0;
        for (int c = 0; c < ncol; c++) {
            Arrays.sort(sortKey, colStart[c], colStart[c + 1]);
            colClusterStart[c] = nclusters;
            nclusters += (colStart[c + 1] - colStart[c] + SIZE - 1) / SIZE;
        }
        colClusterStart[ncol] = nclusters;
        if (atomOfSlot.length < nclusters * SIZE) atomOfSlot = new int[nclusters * SIZE + 64];
        Arrays.fill(atomOfSlot, -1);
        for (int c = 0; c < ncol; c++) {
            int slot = colClusterStart[c] * SIZE;
            for (int k = colStart[c]; k < colStart[c + 1]; k++) atomOfSlot[slot++] = (int) sortKey[k];
        }
        // bounding boxes: min x, y, z, max x, y, z per cluster
        if (bb.length < 6 * nclusters) bb = new double[6 * nclusters + 64];
        for (int c = 0; c < nclusters; c++) {
            double x0 = Double.POSITIVE_INFINITY, y0 = x0, z0 = x0, x1 = Double.NEGATIVE_INFINITY, y1 = x1, z1 = x1;
            for (int a = 0; a < SIZE; a++) {
                int i = atomOfSlot[c * SIZE + a];
                if (i < 0) continue;
                x0 = Math.min(x0, wx[i]); x1 = Math.max(x1, wx[i]);
                y0 = Math.min(y0, wy[i]); y1 = Math.max(y1, wy[i]);
                z0 = Math.min(z0, wz[i]); z1 = Math.max(z1, wz[i]);
            }
            bb[6 * c] = x0; bb[6 * c + 1] = y0; bb[6 * c + 2] = z0;
            bb[6 * c + 3] = x1; bb[6 * c + 4] = y1; bb[6 * c + 5] = z1;
        }
        if (real.length < nclusters) {
            real = new int[nclusters + 16];
        }
        if (slotOfAtom.length < natoms) slotOfAtom = new int[natoms];
        if (px.length < nclusters * SIZE) {
            px = new double[nclusters * SIZE + 64];
            py = new double[nclusters * SIZE + 64];
            pz = new double[nclusters * SIZE + 64];
        }
        for (int c = 0; c < nclusters; c++) {
            int r = 0;
            for (int a = 0; a < SIZE; a++) {
                int i = atomOfSlot[c * SIZE + a];
                if (i < 0) continue;
                r |= 1 << a;
                slotOfAtom[i] = c * SIZE + a;
                px[c * SIZE + a] = wx[i];
                py[c * SIZE + a] = wy[i];
                pz[c * SIZE + a] = wz[i];
            }
            real[c] = r;
        }
        if (originFx.length < nclusters) {
            originFx = new double[nclusters + 16];
            originFy = new double[nclusters + 16];
            originFz = new double[nclusters + 16];
        }
        for (int c = 0; c < nclusters; c++) {
            originFx[c] = 0.5 * (bb[6 * c] + bb[6 * c + 3]) / lx;
            originFy[c] = 0.5 * (bb[6 * c + 1] + bb[6 * c + 4]) / ly;
            originFz[c] = 0.5 * (bb[6 * c + 2] + bb[6 * c + 5]) / lz;
        }
        search(ncx, ncy, cellX, cellY, lx, ly, lz);
    }

    /** One thread's share of the search: cluster pairs of its i-clusters, in order, and its closest pair. */
    private static final class Part {
        int[] cj = new int[1024], shift = new int[1024], mask = new int[1024];
        /** Per cluster: the excluded atom pairs (bit a·4 + b) between the current i-cluster and it; and the clusters marked. */
        int[] excl = new int[0], marked = new int[64];
        int nmarked;
        /**
         * Per (column offset, z shift): where the previous i-cluster's z window started. i-clusters of one column
         * come in z order, so the windows only move up: the next search starts there (valid while the column is
         * {@link #cursorColumn}).
         */
        int[] cursor = new int[0];
        int cursorColumn = -1;
        int[] count = new int[0];
        int n, atomPairs, closestI = -1, closestJ = -1;
        double closestR2 = Double.POSITIVE_INFINITY;
    }

    private Part[] parts = {new Part()};
    private int[] colOfCluster = new int[0];
    private int sNcx, sNcy;
    private double sCellX, sCellY, sLx, sLy, sLz;
    private final java.util.function.IntConsumer searchTask = this::searchPart;

    private void search(int ncx, int ncy, double cellX, double cellY, double lx, double ly, double lz) {
        if (ciStart.length < nclusters + 1) ciStart = new int[nclusters + 1];
        if (colOfCluster.length < nclusters) colOfCluster = new int[nclusters + 16];
        for (int col = 0; col < ncx * ncy; col++) {
            for (int c = colClusterStart[col]; c < colClusterStart[col + 1]; c++) colOfCluster[c] = col;
        }
        sNcx = ncx; sNcy = ncy; sCellX = cellX; sCellY = cellY; sLx = lx; sLy = ly; sLz = lz;
        int threads = pool == null ? 1 : pool.threads();
        if (parts.length != threads) {
            parts = new Part[threads];
            for (int t = 0; t < threads; t++) parts[t] = new Part();
        }
        if (threads == 1) searchPart(0);
        else pool.run(searchTask);
        // concatenate the parts in thread (= cluster) order
        int total = 0;
        for (Part pt : parts) total += pt.n;
        if (cj.length < total) {
            cj = new int[total + total / 8];
            shift = new int[cj.length];
            mask = new int[cj.length];
        }
        npairs = 0;
        atomPairs = 0;
        closestI = closestJ = -1;
        closestR2 = Double.POSITIVE_INFINITY;
        for (int t = 0; t < threads; t++) {
            Part pt = parts[t];
            int from = (int) ((long) nclusters * t / threads), to = (int) ((long) nclusters * (t + 1) / threads);
            for (int ci = from, k = npairs; ci < to; ci++) {
                ciStart[ci] = k;
                k += pt.count[ci - from];
            }
            System.arraycopy(pt.cj, 0, cj, npairs, pt.n);
            System.arraycopy(pt.shift, 0, shift, npairs, pt.n);
            System.arraycopy(pt.mask, 0, mask, npairs, pt.n);
            npairs += pt.n;
            atomPairs += pt.atomPairs;
            if (pt.closestR2 < closestR2) {
                closestR2 = pt.closestR2;
                closestI = pt.closestI;
                closestJ = pt.closestJ;
            }
        }
        ciStart[nclusters] = npairs;
    }

    private void searchPart(int t) {
        int threads = parts.length;
        int from = (int) ((long) nclusters * t / threads), to = (int) ((long) nclusters * (t + 1) / threads);
        Part pt = parts[t];
        pt.n = 0;
        pt.atomPairs = 0;
        pt.closestI = pt.closestJ = -1;
        pt.closestR2 = Double.POSITIVE_INFINITY;
        if (pt.count.length < to - from) pt.count = new int[to - from + 16];
        if (pt.excl.length < nclusters) pt.excl = new int[nclusters + 16];
        pt.cursorColumn = -1;
        for (int ci = from; ci < to; ci++) {
            int before = pt.n;
            markExclusions(ci, pt);
            searchCluster(ci, pt);
            for (int k = 0; k < pt.nmarked; k++) pt.excl[pt.marked[k]] = 0;
            pt.count[ci - from] = pt.n - before;
        }
    }

    /** Marks in pt.excl the excluded pairs between i-cluster ci and every cluster cj ≥ ci holding a partner. */
    private void markExclusions(int ci, Part pt) {
        pt.nmarked = 0;
        for (int a = 0; a < SIZE; a++) {
            int i = atomOfSlot[ci * SIZE + a];
            if (i < 0) continue;
            for (int k = symOffsets[i]; k < symOffsets[i + 1]; k++) {
                int slot = slotOfAtom[symAtoms[k]], c = slot / SIZE;
                if (c < ci) continue;
                if (pt.excl[c] == 0) {
                    if (pt.nmarked == pt.marked.length) pt.marked = Arrays.copyOf(pt.marked, 2 * pt.nmarked);
                    pt.marked[pt.nmarked++] = c;
                }
                pt.excl[c] |= 1 << (a * SIZE + slot % SIZE);
            }
        }
    }

    /** The cluster pairs (ci, cj ≥ ci) of one i-cluster, appended to the part. */
    private void searchCluster(int ci, Part pt) {
        int ncx = sNcx, ncy = sNcy;
        double cellX = sCellX, cellY = sCellY, lx = sLx, ly = sLy, lz = sLz;
        double rl2 = rlist * rlist;
        int rx = (int) Math.ceil(rlist / cellX), ry = (int) Math.ceil(rlist / cellY);
        int col = colOfCluster[ci], cx = col / ncy, cy = col % ncy;
        int nCursor = (2 * rx + 1) * (2 * ry + 1) * 3;
        if (pt.cursor.length < nCursor) pt.cursor = new int[nCursor];
        if (pt.cursorColumn != col) { // a new column: no window is known (a key skipped below keeps 0)
            Arrays.fill(pt.cursor, 0, nCursor, 0);
            pt.cursorColumn = col;
        }
        double x0 = bb[6 * ci], y0 = bb[6 * ci + 1], z0 = bb[6 * ci + 2];
        double x1 = bb[6 * ci + 3], y1 = bb[6 * ci + 4], z1 = bb[6 * ci + 5];
        for (int dx = -rx; dx <= rx; dx++) {
            int jx = cx + dx, kx = Math.floorDiv(jx, ncx);
            jx -= kx * ncx;
            if (kx < -1 || kx > 1) continue; // rlist < L: never needed
            // x gap between ci's box and the column's cell (atoms of a column lie in its cell)
            double cellLo = jx * cellX + kx * lx, gx = Math.max(0, Math.max(cellLo - x1, x0 - cellLo - cellX));
            if (gx * gx >= rl2) continue;
            for (int dy = -ry; dy <= ry; dy++) {
                int jy = cy + dy, ky = Math.floorDiv(jy, ncy);
                jy -= ky * ncy;
                if (ky < -1 || ky > 1) continue;
                double cellLoY = jy * cellY + ky * ly, gy = Math.max(0, Math.max(cellLoY - y1, y0 - cellLoY - cellY));
                if (gx * gx + gy * gy >= rl2) continue;
                int jcol = jx * ncy + jy;
                int first = Math.max(ci, colClusterStart[jcol]), end = colClusterStart[jcol + 1];
                if (first >= end) continue;
                for (int kz = -1; kz <= 1; kz++) {
                    int s = (kx + 1) * 9 + (ky + 1) * 3 + (kz + 1);
                    double sx = kx * lx, sy = ky * ly, sz = kz * lz;
                    // clusters of a column are sorted along z: their box bounds never decrease
                    int key = (((dx + rx) * (2 * ry + 1)) + dy + ry) * 3 + kz + 1;
                    int cj = Math.max(first, pt.cursor[key]);
                    double zFrom = z0 - rlist - sz;
                    while (cj < end && bb[6 * cj + 5] <= zFrom) cj++;
                    pt.cursor[key] = cj;
                    for (; cj < end; cj++) {
                        if (bb[6 * cj + 2] + sz >= z1 + rlist) break;
                        // a cluster with its own image: one of each pair of opposite shifts (a cluster can be
                        // wider than L − rlist when a column spans a small box, so these pairs can interact)
                        if (cj == ci && s < CENTER_SHIFT) continue;
                        double d2 = boxDistance2(ci, cj, sx, sy, sz);
                        if (d2 < rl2) addIfAnyPair(pt, ci, cj, s, sx, sy, sz, rl2, d2);
                    }
                }
            }
        }
    }

    private double boxDistance2(int ci, int cj, double sx, double sy, double sz) {
        double gx = Math.max(0, Math.max(bb[6 * cj] + sx - bb[6 * ci + 3], bb[6 * ci] - bb[6 * cj + 3] - sx));
        double gy = Math.max(0, Math.max(bb[6 * cj + 1] + sy - bb[6 * ci + 4], bb[6 * ci + 1] - bb[6 * cj + 4] - sy));
        double gz = Math.max(0, Math.max(bb[6 * cj + 2] + sz - bb[6 * ci + 5], bb[6 * ci + 2] - bb[6 * cj + 5] - sz));
        return gx * gx + gy * gy + gz * gz;
    }

    /**
     * Adds cluster pair (ci, cj, s) with its interaction mask when an atom pair of it is within rlist. Atom
     * distances are computed only where they decide something: when the boxes' farthest corners are beyond
     * rlist (some pair may be out, maybe all), or when the boxes are closer than the closest pair so far
     * (overlap checks read it). Exclusions are looked up only when the clusters' atom ranges can hold one.
     */
    private void addIfAnyPair(Part pt, int ci, int cjc, int s, double sx, double sy, double sz, double rl2, double d2) {
        int m = rowMask(real[ci]) & colMask(real[cjc]);
        if (ci == cjc && s == CENTER_SHIFT) m &= UPPER_TRIANGLE; // with an image shift every (a, b) is a distinct pair
        int x = pt.excl[cjc] & m; // marked before the search of ci
        m &= ~x;
        if (!keepExcluded) x = 0;
        if ((m | x) == 0) return;
        boolean allNear = farCorner2(ci, cjc, sx, sy, sz) < rl2;
        if (!allNear && d2 >= pt.closestR2) { // only whether any pair is in range: stop at the first
            if (!anyPairWithin(ci, cjc, m | x, sx, sy, sz, rl2)) return;
        } else if (d2 < pt.closestR2) { // every pair: the overlap check's closest pair may be here
            boolean near = false;
            for (int bit = m | x; bit != 0; bit &= bit - 1) {
                int k = Integer.numberOfTrailingZeros(bit), a = k / SIZE, b = k % SIZE;
                int p = ci * SIZE + a, q = cjc * SIZE + b;
                double dx = px[q] + sx - px[p], dy = py[q] + sy - py[p], dz = pz[q] + sz - pz[p];
                double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 < rl2) {
                    near = true;
                    // excluded (bonded) pairs are close by design: not candidates for the overlap check
                    if (r2 < pt.closestR2 && (m >>> k & 1) != 0) {
                        int i = atomOfSlot[p], j = atomOfSlot[q];
                        pt.closestR2 = r2;
                        pt.closestI = Math.min(i, j);
                        pt.closestJ = Math.max(i, j);
                    }
                }
            }
            if (!near) return;
        }
        if (pt.n == pt.cj.length) {
            int cap = 2 * pt.n;
            pt.cj = Arrays.copyOf(pt.cj, cap);
            pt.shift = Arrays.copyOf(pt.shift, cap);
            pt.mask = Arrays.copyOf(pt.mask, cap);
        }
        pt.cj[pt.n] = cjc;
        pt.shift[pt.n] = s;
        pt.mask[pt.n] = m | x << 16;
        pt.n++;
        pt.atomPairs += Integer.bitCount(m);
    }

    /** Whether an atom pair of bits {@code mask} of (ci, cj shifted) is closer than √rl2. */
    private boolean anyPairWithin(int ci, int cj, int mask, double sx, double sy, double sz, double rl2) {
        for (int a = 0; a < SIZE; a++) {
            if ((mask >>> (a * SIZE) & 0xF) == 0) continue;
            int p = ci * SIZE + a;
            double xa = px[p] - sx, ya = py[p] - sy, za = pz[p] - sz;
            for (int b = 0; b < SIZE; b++) {
                int q = cj * SIZE + b;
                double dx = px[q] - xa, dy = py[q] - ya, dz = pz[q] - za;
                if (dx * dx + dy * dy + dz * dz < rl2 && (mask >>> (a * SIZE + b) & 1) != 0) return true;
            }
        }
        return false;
    }

    /** Bits a·4 + b with a &lt; b: the pairs of a cluster with itself. */
    private static final int UPPER_TRIANGLE = upperTriangle();

    private static int upperTriangle() {
        int m = 0;
        for (int a = 0; a < SIZE; a++) for (int b = a + 1; b < SIZE; b++) m |= 1 << (a * SIZE + b);
        return m;
    }

    /** Rows a of the real atoms (4-bit mask) spread to the 16-bit pair mask. */
    private static int rowMask(int real) {
        int m = 0;
        for (int a = 0; a < SIZE; a++) if ((real >> a & 1) != 0) m |= 0xF << (a * SIZE);
        return m;
    }

    private static int colMask(int real) {
        int m = 0;
        for (int a = 0; a < SIZE; a++) m |= real << (a * SIZE);
        return m;
    }

    /** Squared distance between the farthest corners of the two boxes (cj shifted): every pair is closer. */
    private double farCorner2(int ci, int cj, double sx, double sy, double sz) {
        double gx = Math.max(bb[6 * cj + 3] + sx - bb[6 * ci], bb[6 * ci + 3] - bb[6 * cj] - sx);
        double gy = Math.max(bb[6 * cj + 4] + sy - bb[6 * ci + 1], bb[6 * ci + 4] - bb[6 * cj + 1] - sy);
        double gz = Math.max(bb[6 * cj + 5] + sz - bb[6 * ci + 2], bb[6 * ci + 5] - bb[6 * cj + 2] - sz);
        return gx * gx + gy * gy + gz * gz;
    }

    /**
     * Splits the i-clusters into {@code parts} contiguous ranges with about equal numbers of cluster
     * pairs: bounds[p] .. bounds[p+1].
     */
    public void split(int parts, int[] bounds) {
        bounds[0] = 0;
        int c = 0;
        for (int p = 1; p < parts; p++) {
            long target = (long) npairs * p / parts;
            while (c < nclusters && ciStart[c] < target) c++;
            bounds[p] = c;
        }
        bounds[parts] = nclusters;
    }
}
