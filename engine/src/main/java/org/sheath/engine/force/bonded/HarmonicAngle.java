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
 *
 * <p>θ − θ0 is taken as the angle of (a · b, |a × b|) rotated by −θ0, so with cos θ0 and sin θ0 stored per
 * term; when that angle is within ±11.3° (|tan| ≤ 0.2, most angles at room temperature) its arctangent is
 * the Taylor series to t²¹ (error below 1 ulp), else Math.atan2. Math.atan2 for every angle (a software
 * fdlibm routine) made this the costliest bonded term: 56 ns per angle on benchmark B1, 3 × a torsion.
 */
public final class HarmonicAngle extends BondedTermForce {
    private final double[] params, cos0, sin0;

    public HarmonicAngle(FlatTopology.Terms terms) {
        super(terms, TermKind.HARMONIC_ANGLE, EnergyTerm.ANGLE);
        this.params = toRadians(terms.params(), 2, 0);
        this.cos0 = cosines(params, 2);
        this.sin0 = sines(params, 2);
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
            e += angle(ux, uy, uz, vx, vy, vz, i, j, k, cos0[t], sin0[t], params[2 * t + 1], out.fx, out.fy, out.fz, out.virial);
        }
        out.addEnergy(energyTerm, e);
    }

    /**
     * One harmonic angle from the (minimum-image) vectors a = r_i − r_j and b = r_k − r_j: adds the
     * forces on i, j, k and the virial a ⊗ F_i + b ⊗ F_k, returns the energy.
     */
    static double angle(double ax, double ay, double az, double bx, double by, double bz, int i, int j, int k,
                        double cos0, double sin0, double ktheta, double[] fx, double[] fy, double[] fz, double[] w) {
        // c = a × b
        final double cx = ay * bz - az * by, cy = az * bx - ax * bz, cz = ax * by - ay * bx;
        final double c2 = cx * cx + cy * cy + cz * cz;
        final double cn = Math.sqrt(c2);
        final double dth = deviation(cn, ax * bx + ay * by + az * bz, cos0, sin0);
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

    /**
     * cos θ0 of each term, θ0 (radians) the first of its nparams parameters; exact at 90° and 180° (Math.cos(π)
     * is, Math.cos(π/2) is not), so a linear angle at θ0 = 180° has E = 0.
     */
    static double[] cosines(double[] params, int nparams) {
        double[] c = new double[params.length / nparams];
        for (int t = 0; t < c.length; t++) {
            double theta0 = params[nparams * t];
            c[t] = Math.abs(theta0 - 0.5 * Math.PI) < 1e-15 ? 0.0 : Math.cos(theta0);
        }
        return c;
    }

    /** sin θ0 of each term as {@link #cosines}; exact at 90° and 180° (Math.sin(π) is 1.2e-16). */
    static double[] sines(double[] params, int nparams) {
        double[] sn = new double[params.length / nparams];
        for (int t = 0; t < sn.length; t++) {
            double theta0 = params[nparams * t];
            sn[t] = Math.abs(theta0 - Math.PI) < 1e-15 ? 0.0 : Math.abs(theta0 - 0.5 * Math.PI) < 1e-15 ? 1.0 : Math.sin(theta0);
        }
        return sn;
    }

    /**
     * θ − θ0 for θ = atan2(sinPart, cosPart) (sinPart ≥ 0, any common scale) and θ0 given by its cosine and
     * sine: the angle of the vector rotated by −θ0, in (−π, π].
     */
    static double deviation(double sinPart, double cosPart, double cos0, double sin0) {
        final double xr = cosPart * cos0 + sinPart * sin0, yr = sinPart * cos0 - cosPart * sin0;
        if (xr > 0 && Math.abs(yr) <= 0.2 * xr) return atanSmall(yr / xr);
        return Math.atan2(yr, xr);
    }

    /** atan t for |t| ≤ 0.2: the Taylor series to t²¹ (truncation below 2e-17 relative). */
    static double atanSmall(double t) {
        final double t2 = t * t;
        double p = 1.0 / 21;
        p = p * t2 - 1.0 / 19;
        p = p * t2 + 1.0 / 17;
        p = p * t2 - 1.0 / 15;
        p = p * t2 + 1.0 / 13;
        p = p * t2 - 1.0 / 11;
        p = p * t2 + 1.0 / 9;
        p = p * t2 - 1.0 / 7;
        p = p * t2 + 1.0 / 5;
        p = p * t2 - 1.0 / 3;
        p = p * t2 + 1.0;
        return t * p;
    }
}
