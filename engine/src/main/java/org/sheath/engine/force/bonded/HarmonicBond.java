package org.sheath.engine.force.bonded;

import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.State;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.TermKind;

/** V = ½ kb (r − b0)² ({@code [ bonds ]} 1); params {b0 nm, kb kJ/mol/nm²}; reported as "Bond". */
public final class HarmonicBond extends BondedTermForce {
    private final double[] params;

    public HarmonicBond(FlatTopology.Terms terms) {
        super(terms, TermKind.HARMONIC_BOND, EnergyTerm.BOND);
        this.params = terms.params().clone();
    }

    @Override
    public void compute(State s, ForceAccumulator out, int from, int to) {
        final double[] x = s.x, y = s.y, z = s.z;
        final double[] fx = out.fx, fy = out.fy, fz = out.fz;
        final Box box = s.box;
        final double ax = box.ax(), bx = box.bx(), by = box.by(), cx = box.cx(), cy = box.cy(), cz = box.cz();
        final double iax = 1 / ax, iby = 1 / by, icz = 1 / cz;
        double e = 0;
        double wxx = 0, wxy = 0, wxz = 0, wyy = 0, wyz = 0, wzz = 0;
        for (int t = from; t < to; t++) {
            final int i = atoms[2 * t], j = atoms[2 * t + 1];
            final double b0 = params[2 * t], kb = params[2 * t + 1];
            // d = r_j − r_i, minimum image
            double dx = x[j] - x[i], dy = y[j] - y[i], dz = z[j] - z[i];
            double sh = Math.rint(dz * icz); dx -= sh * cx; dy -= sh * cy; dz -= sh * cz;
            sh = Math.rint(dy * iby); dx -= sh * bx; dy -= sh * by;
            dx -= Math.rint(dx * iax) * ax;
            final double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
            final double dr = r - b0;
            e += 0.5 * kb * dr * dr;
            if (r == 0) continue; // only possible with b0 = 0: no direction, and the force vanishes there
            // F_j = −kb (r − b0) d/r, F_i = −F_j
            final double g = -kb * dr / r;
            final double fjx = g * dx, fjy = g * dy, fjz = g * dz;
            fx[j] += fjx; fy[j] += fjy; fz[j] += fjz;
            fx[i] -= fjx; fy[i] -= fjy; fz[i] -= fjz;
            // W = d ⊗ F_j, symmetric for a central force
            wxx += dx * fjx; wxy += dx * fjy; wxz += dx * fjz;
            wyy += dy * fjy; wyz += dy * fjz; wzz += dz * fjz;
        }
        out.addEnergy(energyTerm, e);
        addSymmetric(out.virial, wxx, wxy, wxz, wyy, wyz, wzz);
    }

    static void addSymmetric(double[] w, double xx, double xy, double xz, double yy, double yz, double zz) {
        w[0] += xx; w[1] += xy; w[2] += xz;
        w[3] += xy; w[4] += yy; w[5] += yz;
        w[6] += xz; w[7] += yz; w[8] += zz;
    }
}
