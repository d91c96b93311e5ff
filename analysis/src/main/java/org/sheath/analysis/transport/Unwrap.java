package org.sheath.analysis.transport;

import org.sheath.engine.system.Box;

/**
 * Unwraps periodic coordinates frame by frame: u₀ = w₀ and u_k = u_{k−1} + mi_k(w_k − w_{k−1}), where
 * mi_k is the minimum image in the box of frame k (the "toroidal-view-preserving" scheme of von Bülow,
 * Bullerjahn and Hummer, J. Chem. Phys. 153, 021101 (2020), correct under constant pressure, where
 * adding whole box vectors of a changing box to the wrapped position is not).
 *
 * <p>Condition: no site moves more than half the shortest box height between two consecutive
 * analysed frames (with {@code --step N}: between frames N apart). Then each component of the true
 * displacement is smaller than half the corresponding box height and the reduction (c, then b, then
 * a, as {@link Box#minimumImage}) returns it exactly, also in triclinic boxes.
 */
public final class Unwrap {
    private Unwrap() {
    }

    /**
     * @param wrapped per frame, x0 y0 z0 x1 y1 z1 … (nm)
     * @param boxes per frame, 9-element box matrix (null for a frame without a box: no unwrapping into it)
     * @return unwrapped positions per frame (new arrays)
     */
    public static double[][] unwrap(double[][] wrapped, double[][] boxes) {
        int nf = wrapped.length;
        double[][] out = new double[nf][];
        if (nf == 0) return out;
        out[0] = wrapped[0].clone();
        double[] d = new double[3];
        for (int k = 1; k < nf; k++) {
            double[] w = wrapped[k], wp = wrapped[k - 1], up = out[k - 1];
            double[] u = new double[w.length];
            Box box = boxes[k] == null ? null : Box.fromMatrix(boxes[k]);
            for (int i = 0; i < w.length; i += 3) {
                d[0] = w[i] - wp[i];
                d[1] = w[i + 1] - wp[i + 1];
                d[2] = w[i + 2] - wp[i + 2];
                if (box != null) box.minimumImage(d);
                u[i] = up[i] + d[0];
                u[i + 1] = up[i + 1] + d[1];
                u[i + 2] = up[i + 2] + d[2];
            }
            out[k] = u;
        }
        return out;
    }
}
