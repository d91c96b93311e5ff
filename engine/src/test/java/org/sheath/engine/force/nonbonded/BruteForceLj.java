package org.sheath.engine.force.nonbonded;

import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.system.State;
import org.sheath.forcefields.model.FlatTopology;

/** O(N²) Lennard-Jones reference: all non-excluded minimum-image pairs within rc, optional potential shift. */
final class BruteForceLj {
    private BruteForceLj() {}

    /** Adds forces and virial, returns the energy. */
    static double compute(FlatTopology top, State s, double rc, boolean shift, ForceAccumulator out) {
        int n = top.natoms, nt = top.ntypes;
        double[] d = new double[3];
        double e = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                d[0] = s.x[j] - s.x[i];
                d[1] = s.y[j] - s.y[i];
                d[2] = s.z[j] - s.z[i];
                s.box.minimumImage(d);
                double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
                if (r2 >= rc * rc || top.isExcluded(i, j)) continue;
                double c6 = top.c6[top.type[i] * nt + top.type[j]], c12 = top.c12[top.type[i] * nt + top.type[j]];
                double r6 = r2 * r2 * r2;
                e += c12 / (r6 * r6) - c6 / r6;
                if (shift) e -= c12 / Math.pow(rc, 12) - c6 / Math.pow(rc, 6);
                double fscal = (12 * c12 / (r6 * r6) - 6 * c6 / r6) / r2;
                for (int a = 0; a < 3; a++) {
                    double f = fscal * d[a];
                    (a == 0 ? out.fx : a == 1 ? out.fy : out.fz)[j] += f;
                    (a == 0 ? out.fx : a == 1 ? out.fy : out.fz)[i] -= f;
                    for (int b = 0; b < 3; b++) out.virial[3 * b + a] += d[b] * f;
                }
            }
        }
        return e;
    }
}
