package org.sheath.engine.force.nonbonded;

import java.util.Arrays;
import org.sheath.engine.neighbor.CellList;
import org.sheath.engine.system.Box;

/**
 * Verlet pair list: every non-excluded pair (i &lt; j) closer than rlist = rc + buffer at build time,
 * found with the shared {@link CellList}. Stored as CSR by the first atom i ({@link #start}, {@link #j})
 * with, per pair, the periodic image of j that was nearest at build time as an index into a small
 * table of lattice shifts: the displacement is d = r_j − r_i + shift, valid while atoms move less than
 * buffer/2 each (then no pair can have come from beyond rlist to inside rc); a barostat's scaling of the
 * box is allowed for (see {@link #needsRebuild}). {@link #needsRebuild}
 * checks this against the positions at build time, like GROMACS's Verlet buffer with nstlist
 * replaced by the displacement criterion.
 *
 * <p>Excluded pairs (topology exclusions, 1-4 included) are left out at build time. The list also
 * remembers the closest listed pair, for overlap checks. Arrays are reused between builds.
 */
public final class PairList {
    private final int natoms;
    private final double rlist, buffer;
    private final int[] exclOffsets, exclAtoms;
    private final CellList cells;
    private final ListReference ref;

    /** Pairs of atom i: j[start[i] .. start[i+1]), with shift index shift[k]. */
    int[] start;
    int[] j = new int[0];
    int[] shift = new int[0];
    int npairs;
    /** Lattice shifts (ka, kb, kc) of the table; shift vector = ka·a + kb·b + kc·c. */
    int[] shiftK = new int[96];
    int nshifts;

    // build scratch
    private int[] tmpI = new int[0], tmpJ = new int[0], tmpS = new int[0];
    private int ntmp;
    private int[] shiftKey = new int[32];
    private int lastKey = -1, lastIndex = -1;
    private final double[] frac = new double[3];
    private double[] px, py, pz;
    private Box buildBox;
    private long builds;

    private int closestI = -1, closestJ = -1;
    private double closestR2 = Double.POSITIVE_INFINITY;

    /**
     * @param exclOffsets CSR exclusions (for atom i the sorted j &gt; i), or null for none
     */
    public PairList(int natoms, double cutoff, double buffer, int[] exclOffsets, int[] exclAtoms) {
        if (!(cutoff > 0) || !(buffer >= 0)) throw new IllegalArgumentException("need cut-off > 0 and buffer >= 0");
        this.natoms = natoms;
        this.rlist = cutoff + buffer;
        this.buffer = buffer;
        this.exclOffsets = exclOffsets;
        this.exclAtoms = exclAtoms;
        this.cells = new CellList(rlist);
        this.ref = new ListReference(natoms, rlist, buffer);
        this.start = new int[natoms + 1];
    }

    public double rlist() {
        return rlist;
    }

    public int size() {
        return npairs;
    }

    /** Number of builds so far. */
    public long builds() {
        return builds;
    }

    /** Index of atom i of pair k is found by the CSR; this returns the partner. */
    public int partner(int k) {
        return j[k];
    }

    public int start(int i) {
        return start[i];
    }

    /** The closest pair in the list at the last build: {i, j} (−1 when the list is empty). */
    public int[] closestPair() {
        return new int[] {closestI, closestJ};
    }

    /** Distance of the closest listed pair at the last build (∞ when the list is empty). */
    public double closestDistance() {
        return Math.sqrt(closestR2);
    }

    /** Whether the list must be rebuilt before use (see {@link ListReference#needsRebuild}). */
    public boolean needsRebuild(Box box, double[] x, double[] y, double[] z) {
        return ref.needsRebuild(box, x, y, z);
    }

    /** Whether the list must be rebuilt for this state, by the lifetime rule if one is set. */
    public boolean needsRebuild(org.sheath.engine.system.State s) {
        return ref.needsRebuild(s);
    }

    /** Rebuild every n steps (n &gt; 0) instead of by the displacement rule (0). */
    public void setLifetime(int n) {
        ref.setLifetime(n);
    }

    /** Builds the list from the current positions, without a step (the lifetime rule then rebuilds at the next multiple). */
    public void build(Box box, double[] x, double[] y, double[] z) {
        build(box, x, y, z, Long.MIN_VALUE);
    }

    /**
     * Builds the list from the current positions and remembers them with the step of the build (for the
     * lifetime rule).
     *
     * @throws IllegalArgumentException if rlist exceeds half the shortest box height
     */
    public void build(Box box, double[] x, double[] y, double[] z, long step) {
        cells.build(box, x, y, z, null, natoms);
        ntmp = 0;
        nshifts = 0;
        lastKey = -1;
        closestI = closestJ = -1;
        closestR2 = Double.POSITIVE_INFINITY;
        px = x; py = y; pz = z;
        buildBox = box;
        cells.forEachPair(this::collect);
        px = py = pz = null;
        // counting sort by i into CSR
        Arrays.fill(start, 0);
        for (int k = 0; k < ntmp; k++) start[tmpI[k] + 1]++;
        for (int i = 0; i < natoms; i++) start[i + 1] += start[i];
        if (j.length < ntmp) {
            j = new int[ntmp + ntmp / 8];
            shift = new int[j.length];
        }
        int[] fill = new int[natoms];
        for (int k = 0; k < ntmp; k++) {
            int i = tmpI[k];
            int slot = start[i] + fill[i]++;
            j[slot] = tmpJ[k];
            shift[slot] = tmpS[k];
        }
        // sort each atom's partners (deterministic order, cache-friendlier access of j)
        for (int i = 0; i < natoms; i++) sortSegment(start[i], start[i + 1]);
        npairs = ntmp;
        ref.record(box, x, y, z, step);
        builds++;
    }

    private long[] sortScratch = new long[64];

    private void sortSegment(int from, int to) {
        // sort (j, shift) by j: packed into longs and sorted with Arrays.sort (segments hold a few hundred
        // partners in cell order, which an insertion sort would pay for quadratically)
        int len = to - from;
        if (len < 2) return;
        if (sortScratch.length < len) sortScratch = new long[Math.max(len, 2 * sortScratch.length)];
        long[] t = sortScratch;
        for (int k = 0; k < len; k++) t[k] = ((long) j[from + k] << 32) | (shift[from + k] & 0xffffffffL);
        Arrays.sort(t, 0, len);
        for (int k = 0; k < len; k++) {
            j[from + k] = (int) (t[k] >>> 32);
            shift[from + k] = (int) t[k];
        }
    }

    private void collect(int a, int b, double dx, double dy, double dz, double r2) {
        int i = a, jj = b;
        if (a > b) {
            i = b;
            jj = a;
            dx = -dx; dy = -dy; dz = -dz;
        }
        if (isExcluded(i, jj)) return;
        if (r2 < closestR2) {
            closestR2 = r2;
            closestI = i;
            closestJ = jj;
        }
        // lattice shift: d − (r_j − r_i) = ka·a + kb·b + kc·c
        buildBox.toFractional(dx - (px[jj] - px[i]), dy - (py[jj] - py[i]), dz - (pz[jj] - pz[i]), frac);
        int ka = (int) Math.rint(frac[0]), kb = (int) Math.rint(frac[1]), kc = (int) Math.rint(frac[2]);
        int key = ((ka + 512) << 20) | ((kb + 512) << 10) | (kc + 512);
        int s;
        if (key == lastKey) {
            s = lastIndex;
        } else {
            s = -1;
            for (int t = 0; t < nshifts; t++) {
                if (shiftKey[t] == key) {
                    s = t;
                    break;
                }
            }
            if (s < 0) {
                s = nshifts++;
                if (shiftKey.length < nshifts) {
                    shiftKey = Arrays.copyOf(shiftKey, 2 * nshifts);
                    shiftK = Arrays.copyOf(shiftK, 6 * nshifts);
                }
                shiftKey[s] = key;
                shiftK[3 * s] = ka;
                shiftK[3 * s + 1] = kb;
                shiftK[3 * s + 2] = kc;
            }
            lastKey = key;
            lastIndex = s;
        }
        if (ntmp == tmpI.length) {
            int cap = Math.max(1024, ntmp * 2);
            tmpI = Arrays.copyOf(tmpI, cap);
            tmpJ = Arrays.copyOf(tmpJ, cap);
            tmpS = Arrays.copyOf(tmpS, cap);
        }
        tmpI[ntmp] = i;
        tmpJ[ntmp] = jj;
        tmpS[ntmp] = s;
        ntmp++;
    }

    private boolean isExcluded(int i, int jj) {
        if (exclOffsets == null) return false;
        return Arrays.binarySearch(exclAtoms, exclOffsets[i], exclOffsets[i + 1], jj) >= 0;
    }

    /** Shift vectors of the table for the given box, into sx/sy/sz (length ≥ {@link #shiftCount()}). */
    void shiftVectors(Box box, double[] sx, double[] sy, double[] sz) {
        for (int s = 0; s < nshifts; s++) {
            int ka = shiftK[3 * s], kb = shiftK[3 * s + 1], kc = shiftK[3 * s + 2];
            sx[s] = ka * box.ax() + kb * box.bx() + kc * box.cx();
            sy[s] = kb * box.by() + kc * box.cy();
            sz[s] = kc * box.cz();
        }
    }

    /**
     * The positions and box of the last build ({x0, y0, z0, box matrix}, copies), or null before the first:
     * with {@link #build} from them a restarted run gets the same list, hence bit-identical forces.
     */
    public double[][] reference() {
        return ref.copy();
    }

    public int shiftCount() {
        return nshifts;
    }

    /**
     * Splits atoms [0, natoms) into {@code parts} contiguous ranges with about equal numbers of pairs:
     * bounds[p] .. bounds[p+1].
     */
    public void split(int parts, int[] bounds) {
        bounds[0] = 0;
        int i = 0;
        for (int p = 1; p < parts; p++) {
            long target = (long) npairs * p / parts;
            while (i < natoms && start[i] < target) i++;
            bounds[p] = i;
        }
        bounds[parts] = natoms;
    }
}
