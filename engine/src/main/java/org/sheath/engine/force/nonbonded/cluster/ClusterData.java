package org.sheath.engine.force.nonbonded.cluster;

import static org.sheath.engine.force.ewald.EwaldTerms.ONE_4PI_EPS0;

import java.util.Arrays;
import org.sheath.engine.system.State;

/**
 * What the cluster kernels read, in single precision and in the 4×4 layout of a cluster pair: for
 * cluster c, entry c·16 + a·4 + b of an "i" array holds a value of atom a of c (each repeated four
 * times), of a "j" array a value of atom b (the cluster repeated four times). One 16-float load then
 * gives all 16 atom pairs of a cluster pair (or 16/L loads of L lanes), without gathers. Static per
 * list build: charges (the i side times 1/(4πε₀)) and the per-atom LJ parameters of {@link LjParameters};
 * per step: the wrapped positions, relative to an origin per cluster. The kernels add the origin
 * difference of a cluster pair (with its shift) in double and round once: float positions of a few nm
 * would carry 2–5e-7 nm of rounding into every distance, 1e-5 of a close LJ pair's force.
 */
final class ClusterData {
    final ClusterPairList list;
    final int n16;
    final float[] xi, yi, zi, xj, yj, zj;
    final float[] qi, qj, ai, aj, bi, bj;
    /** The 27 shift vectors for the current box. */
    final double[] sx = new double[27], sy = new double[27], sz = new double[27];
    /** Per cluster: its origin in the current box, nm. */
    final double[] ox, oy, oz;
    // constants
    final float rc2, beta, beta3, coulombShift, rc2inv;
    final boolean coulomb, ljShifted, lorentzBerthelot;
    final EwaldPolynomials poly;
    /**
     * The cluster pairs the kernels run over: those of i-cluster ci are [pairStart[ci], pairEnd[ci]) of
     * pairCj/pairShift/pairMask. Without pruning these are the list's own arrays; with dynamic pruning the
     * pruned pairs of ci are packed at the start of its segment of the list in copies (the list keeps all).
     */
    int[] pairStart, pairEnd = new int[0], pairCj, pairShift, pairMask;

    ClusterData(ClusterPairList list, int capacityClusters, double rc, double beta, boolean coulombShifted,
                boolean ljShifted, boolean lorentzBerthelot, EwaldPolynomials poly) {
        this.list = list;
        this.n16 = capacityClusters * 16;
        xi = new float[n16]; yi = new float[n16]; zi = new float[n16];
        xj = new float[n16]; yj = new float[n16]; zj = new float[n16];
        qi = new float[n16]; qj = new float[n16];
        ai = new float[n16]; aj = new float[n16]; bi = new float[n16]; bj = new float[n16];
        ox = new double[capacityClusters]; oy = new double[capacityClusters]; oz = new double[capacityClusters];
        this.rc2 = (float) (rc * rc);
        this.rc2inv = (float) (1 / (rc * rc));
        this.beta = (float) beta;
        this.beta3 = (float) (beta * beta * beta);
        this.coulomb = beta > 0;
        this.coulombShift = coulomb && coulombShifted ? (float) (org.sheath.engine.math.Erfc.erfc(beta * rc) / rc) : 0f;
        this.ljShifted = ljShifted;
        this.lorentzBerthelot = lorentzBerthelot;
        this.poly = poly;
    }

    /** After a list build: the static per-atom values in slot order (padding: zero charge, zero LJ). */
    void loadParameters(double[] q, LjParameters lj) {
        int[] atom = list.atomOfSlot;
        for (int c = 0; c < list.nclusters; c++) {
            for (int a = 0; a < 4; a++) {
                int ia = atom[c * 4 + a];
                float qa = ia < 0 ? 0 : (float) q[ia], pa = ia < 0 ? 0 : (float) lj.a[ia], pb = ia < 0 ? 0 : (float) lj.b[ia];
                float qf = ia < 0 ? 0 : (float) (ONE_4PI_EPS0 * q[ia]);
                for (int k = 0; k < 4; k++) {
                    int iSlot = c * 16 + a * 4 + k, jSlot = c * 16 + k * 4 + a;
                    qi[iSlot] = qf;
                    ai[iSlot] = pa;
                    bi[iSlot] = pb;
                    qj[jSlot] = qa;
                    aj[jSlot] = pa;
                    bj[jSlot] = pb;
                }
            }
        }
    }

    /** After a list build: the kernels run over all its cluster pairs. */
    void useWholeList() {
        int nc = list.nclusters;
        if (pairEnd.length < nc) pairEnd = new int[nc + nc / 16 + 16];
        System.arraycopy(list.ciStart, 1, pairEnd, 0, nc);
        pairStart = list.ciStart;
        pairCj = list.cj;
        pairShift = list.shift;
        pairMask = list.mask;
    }

    /** After a list build: pruned copies of the pair arrays, which {@link ClusterKernel#prune} fills. */
    void usePrunedCopies() {
        int nc = list.nclusters, np = list.npairs;
        if (pairEnd.length < nc) pairEnd = new int[nc + nc / 16 + 16];
        pairStart = list.ciStart;
        if (pairCj == null || pairCj == list.cj || pairCj.length < np) {
            pairCj = new int[np + np / 8 + 16];
            pairShift = new int[pairCj.length];
            pairMask = new int[pairCj.length];
        }
    }

    /** Every step: positions wrapped with the build's images into the current box, and the shift vectors. */
    void loadPositions(State s, int from, int to) {
        loadPositions(s.box, s.x, s.y, s.z, from, to);
    }

    /** The positions of clusters [from, to) (threads load disjoint ranges); the shift table with the first range. */
    void loadPositions(org.sheath.engine.system.Box box, double[] x, double[] y, double[] z, int from, int to) {
        double lx = box.ax(), ly = box.by(), lz = box.cz();
        int[] atom = list.atomOfSlot;
        for (int c = from; c < to; c++) {
            double cx = list.originFx[c] * lx, cy = list.originFy[c] * ly, cz = list.originFz[c] * lz;
            ox[c] = cx;
            oy[c] = cy;
            oz[c] = cz;
            for (int a = 0; a < 4; a++) {
                int ia = atom[c * 4 + a];
                float px = 0, py = 0, pz = 0;
                if (ia >= 0) {
                    px = (float) (x[ia] + list.imgX[ia] * lx - cx);
                    py = (float) (y[ia] + list.imgY[ia] * ly - cy);
                    pz = (float) (z[ia] + list.imgZ[ia] * lz - cz);
                }
                int i0 = c * 16 + a * 4;
                xi[i0] = xi[i0 + 1] = xi[i0 + 2] = xi[i0 + 3] = px;
                yi[i0] = yi[i0 + 1] = yi[i0 + 2] = yi[i0 + 3] = py;
                zi[i0] = zi[i0 + 1] = zi[i0 + 2] = zi[i0 + 3] = pz;
                for (int k = 0; k < 4; k++) {
                    int j = c * 16 + k * 4 + a;
                    xj[j] = px;
                    yj[j] = py;
                    zj[j] = pz;
                }
            }
        }
        if (from != 0) return;
        for (int t = 0; t < 27; t++) {
            sx[t] = ClusterPairList.shiftX(t, lx);
            sy[t] = ClusterPairList.shiftY(t, ly);
            sz[t] = ClusterPairList.shiftZ(t, lz);
        }
    }

    /** One thread's output: forces in the i and j layouts, energies, shift forces (per shift, per lane). */
    static final class Buffers {
        final float[] fix, fiy, fiz, fjx, fjy, fjz;
        /** Forces on j atoms of shifted pairs per shift (and lane), summed in float over one i-cluster's pairs. */
        final float[] shx, shy, shz;
        /** Those sums flushed in double after each i-cluster (a float sum over the whole list lost 1e-5 of the virial). */
        final double[] dshx = new double[27], dshy = new double[27], dshz = new double[27];
        /** Scratch for the kernel's lane sums. */
        final float[] lanes = new float[64];
        double elj, ec;

        Buffers(int n16, int lanes) {
            fix = new float[n16]; fiy = new float[n16]; fiz = new float[n16];
            fjx = new float[n16]; fjy = new float[n16]; fjz = new float[n16];
            shx = new float[27 * lanes]; shy = new float[27 * lanes]; shz = new float[27 * lanes];
        }

        void clear(int used16) {
            Arrays.fill(fjx, 0, used16, 0);
            Arrays.fill(fjy, 0, used16, 0);
            Arrays.fill(fjz, 0, used16, 0);
            Arrays.fill(shx, 0);
            Arrays.fill(shy, 0);
            Arrays.fill(shz, 0);
            Arrays.fill(dshx, 0);
            Arrays.fill(dshy, 0);
            Arrays.fill(dshz, 0);
            elj = ec = 0;
        }

        /** Adds the float shift sums of the shifts in {@code touched} (bit s) to the double ones and clears them. */
        void flushShifts(int touched, int lanes) {
            for (int bits = touched; bits != 0; bits &= bits - 1) {
                int s = Integer.numberOfTrailingZeros(bits), o = s * lanes;
                double x = 0, y = 0, z = 0;
                for (int k = o; k < o + lanes; k++) {
                    x += shx[k];
                    y += shy[k];
                    z += shz[k];
                    shx[k] = 0;
                    shy[k] = 0;
                    shz[k] = 0;
                }
                dshx[s] += x;
                dshy[s] += y;
                dshz[s] += z;
            }
        }
    }
}
