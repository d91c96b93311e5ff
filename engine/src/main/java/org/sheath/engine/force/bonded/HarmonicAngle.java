package org.sheath.engine.force.bonded;

import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.State;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.TermKind;

/**
 * V = ½ kθ (θ − θ0)² ({@code [ angles ]} 1); params {θ0 degrees, kθ kJ/mol/rad²}; reported as "Angle".
 *
 * <p>θ = atan2(|a × b|, a · b) with a = r_i − r_j, b = r_k − r_j, accurate over the whole range including
 * 0° and 180° (unlike acos of the cosine). The gradient is written with cross products,
 * ∂θ/∂r_i = (a × c)/(|a|²|c|), ∂θ/∂r_k = (c × b)/(|b|²|c|), c = a × b, so that for θ0 = 180° the force
 * k(θ − θ0)·∂θ/∂r stays bounded and accurate as θ → 180° (linear C–C≡N). An exactly linear (or
 * collapsed) angle has no bending direction; its force is set to zero, which is exact for θ0 = 180°.
 */
public final class HarmonicAngle extends BondedTermForce {
    private final double[] params;

    public HarmonicAngle(FlatTopology.Terms terms) {
        super(terms, TermKind.HARMONIC_ANGLE, EnergyTerm.ANGLE);
        this.params = toRadians(terms.params(), 2, 0);
    }

    @Override
    public void compute(State s, ForceAccumulator out, int from, int to) {
        final double[] x = s.x, y = s.y, z = s.z;
        final Box box = s.box;
        final double ax = box.ax(), bx = box.bx(), by = box.by(), cx = box.cx(), cy = box.cy(), cz = box.cz();
        final double iax = 1 / ax, iby = 1 / by, icz = 1 / cz;
        double e = 0;
        for (int t = from; t < to; t++) {
            final int i = atoms[3 * t], j = atoms[3 * t + 1], k = atoms[3 * t + 2];
            double ux = x[i] - x[j], uy = y[i] - y[j], uz = z[i] - z[j];
            double sh = Math.rint(uz * icz); ux -= sh * cx; uy -= sh * cy; uz -= sh * cz;
            sh = Math.rint(uy * iby); ux -= sh * bx; uy -= sh * by;
            ux -= Math.rint(ux * iax) * ax;
            double vx = x[k] - x[j], vy = y[k] - y[j], vz = z[k] - z[j];
            sh = Math.rint(vz * icz); vx -= sh * cx; vy -= sh * cy; vz -= sh * cz;
            sh = Math.rint(vy * iby); vx -= sh * bx; vy -= sh * by;
            vx -= Math.rint(vx * iax) * ax;
            e += angle(ux, uy, uz, vx, vy, vz, i, j, k, params[2 * t], params[2 * t + 1], out.fx, out.fy, out.fz, out.virial);
        }
        out.addEnergy(energyTerm, e);
    }

    /**
     * One harmonic angle from the (minimum-image) vectors a = r_i − r_j and b = r_k − r_j: adds the
     * forces on i, j, k and the virial a ⊗ F_i + b ⊗ F_k, returns the energy.
     */
    static double angle(double ax, double ay, double az, double bx, double by, double bz, int i, int j, int k,
                        double theta0, double ktheta, double[] fx, double[] fy, double[] fz, double[] w) {
        // c = a × b
        final double cx = ay * bz - az * by, cy = az * bx - ax * bz, cz = ax * by - ay * bx;
        final double c2 = cx * cx + cy * cy + cz * cz;
        final double cn = Math.sqrt(c2);
        final double theta = Math.atan2(cn, ax * bx + ay * by + az * bz);
        final double dth = theta - theta0;
        final double energy = 0.5 * ktheta * dth * dth;
        if (cn == 0) return energy; // collinear: no bending direction (force zero; exact for θ0 = 180°)
        final double a2 = ax * ax + ay * ay + az * az, b2 = bx * bx + by * by + bz * bz;
        // F_i = −kθ(θ−θ0) (a × c)/(|a|²|c|), F_k = −kθ(θ−θ0) (c × b)/(|b|²|c|)
        final double gi = -ktheta * dth / (a2 * cn), gk = -ktheta * dth / (b2 * cn);
        final double fix = gi * (ay * cz - az * cy), fiy = gi * (az * cx - ax * cz), fiz = gi * (ax * cy - ay * cx);
        final double fkx = gk * (cy * bz - cz * by), fky = gk * (cz * bx - cx * bz), fkz = gk * (cx * by - cy * bx);
        fx[i] += fix; fy[i] += fiy; fz[i] += fiz;
        fx[k] += fkx; fy[k] += fky; fz[k] += fkz;
        fx[j] -= fix + fkx; fy[j] -= fiy + fky; fz[j] -= fiz + fkz;
        w[0] += ax * fix + bx * fkx; w[1] += ax * fiy + bx * fky; w[2] += ax * fiz + bx * fkz;
        w[3] += ay * fix + by * fkx; w[4] += ay * fiy + by * fky; w[5] += ay * fiz + by * fkz;
        w[6] += az * fix + bz * fkx; w[7] += az * fiy + bz * fky; w[8] += az * fiz + bz * fkz;
        return energy;
    }
}
