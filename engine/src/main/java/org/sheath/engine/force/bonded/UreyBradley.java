package org.sheath.engine.force.bonded;

import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.State;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.TermKind;

/**
 * Urey–Bradley ({@code [ angles ]} 5): V = ½ kθ (θ − θ0)² + ½ kUB (r13 − r13,0)²; params
 * {θ0 degrees, kθ kJ/mol/rad², r13 nm, kUB kJ/mol/nm²}. Both parts are reported as "U-B", as GROMACS does.
 * The angle part is the one of {@link HarmonicAngle}.
 */
public final class UreyBradley extends BondedTermForce {
    private final double[] params, cos0, sin0;

    public UreyBradley(FlatTopology.Terms terms) {
        super(terms, TermKind.UREY_BRADLEY, EnergyTerm.UREY_BRADLEY);
        this.params = toRadians(terms.params(), 4, 0);
        this.cos0 = HarmonicAngle.cosines(params, 4);
        this.sin0 = HarmonicAngle.sines(params, 4);
    }

    @Override
    public void compute(State s, ForceAccumulator out, int from, int to) {
        final double[] x = s.x, y = s.y, z = s.z;
        final double[] fx = out.fx, fy = out.fy, fz = out.fz, w = out.virial;
        final Box box = s.box;
        final double ax = box.ax(), bx = box.bx(), by = box.by(), cx = box.cx(), cy = box.cy(), cz = box.cz();
        final double iax = 1 / ax, iby = 1 / by, icz = 1 / cz;
        double e = 0;
        for (int t = from; t < to; t++) {
            final int i = atoms[3 * t], j = atoms[3 * t + 1], k = atoms[3 * t + 2];
            final int p = 4 * t;
            double ux = x[i] - x[j], uy = y[i] - y[j], uz = z[i] - z[j];
            double sh = Math.rint(uz * icz); ux -= sh * cx; uy -= sh * cy; uz -= sh * cz;
            sh = Math.rint(uy * iby); ux -= sh * bx; uy -= sh * by;
            ux -= Math.rint(ux * iax) * ax;
            double vx = x[k] - x[j], vy = y[k] - y[j], vz = z[k] - z[j];
            sh = Math.rint(vz * icz); vx -= sh * cx; vy -= sh * cy; vz -= sh * cz;
            sh = Math.rint(vy * iby); vx -= sh * bx; vy -= sh * by;
            vx -= Math.rint(vx * iax) * ax;
            e += HarmonicAngle.angle(ux, uy, uz, vx, vy, vz, i, j, k, cos0[t], sin0[t], params[p + 1], fx, fy, fz, w);
            // 1-3 distance from the same unwrapped vectors: d = r_k − r_i = b − a
            final double dx = vx - ux, dy = vy - uy, dz = vz - uz;
            final double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
            final double dr = r - params[p + 2], kub = params[p + 3];
            e += 0.5 * kub * dr * dr;
            if (r == 0) continue;
            final double g = -kub * dr / r;
            final double fkx = g * dx, fky = g * dy, fkz = g * dz;
            fx[k] += fkx; fy[k] += fky; fz[k] += fkz;
            fx[i] -= fkx; fy[i] -= fky; fz[i] -= fkz;
            w[0] += dx * fkx; w[1] += dx * fky; w[2] += dx * fkz;
            w[3] += dy * fkx; w[4] += dy * fky; w[5] += dy * fkz;
            w[6] += dz * fkx; w[7] += dz * fky; w[8] += dz * fkz;
        }
        out.addEnergy(energyTerm, e);
    }
}
