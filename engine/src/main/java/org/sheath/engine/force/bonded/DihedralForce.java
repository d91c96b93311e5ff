package org.sheath.engine.force.bonded;

import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.State;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.TermKind;

/**
 * Four-atom torsions i-j-k-l whose energy is a function of the dihedral angle φ alone. A new form only
 * supplies V(φ) and dV/dφ; the geometry, the forces and the virial are done here.
 *
 * <p>Convention (IUPAC/IUPAC–IUB 1970, as GROMACS): with b1 = r_j − r_i, b2 = r_k − r_j, b3 = r_l − r_k,
 * m = b1 × b2, n = b2 × b3, φ = atan2(|b2| b1 · n, m · n) ∈ (−180°, 180°]; cis is 0°, trans is 180°,
 * and φ is positive when, looking along j→k, the far bond k→l is turned clockwise from the near bond
 * j→i. atan2 keeps φ accurate near 0° and 180°.
 *
 * <p>Forces (Blondel–Karplus / Bekker form, no 1/sin φ): ∂φ/∂r_i = −|b2| m/|m|², ∂φ/∂r_l = |b2| n/|n|²,
 * ∂φ/∂r_j = q ∂φ/∂r_l − (1 + p) ∂φ/∂r_i, ∂φ/∂r_k = p ∂φ/∂r_i − (1 + q) ∂φ/∂r_l with p = b1·b2/|b2|²,
 * q = b3·b2/|b2|² (the four gradients sum to zero). A term whose i-j-k or j-k-l atoms are collinear (to rounding) has no defined
 * dihedral; it gets the energy at φ = 0 and no force.
 */
public abstract class DihedralForce extends BondedTermForce {
    /** sin² of a bond angle below which the three atoms count as collinear. */
    private static final double COLLINEAR_SIN2 = 1e-24;

    protected DihedralForce(FlatTopology.Terms terms, TermKind expected, EnergyTerm energyTerm) {
        super(terms, expected, energyTerm);
    }

    /**
     * Whether {@link #energy} and {@link #derivative} read φ itself; when not, φ is passed as NaN and the
     * atan2 per term (a third of a periodic torsion's cost) is skipped.
     */
    protected boolean usesAngle() {
        return true;
    }

    /** V of term t at dihedral φ (radians; cos φ and sin φ given for convenience). */
    protected abstract double energy(int t, double phi, double cosPhi, double sinPhi);

    /** dV/dφ of term t at φ. */
    protected abstract double derivative(int t, double phi, double cosPhi, double sinPhi);

    @Override
    public final void compute(State s, ForceAccumulator out, int from, int to) {
        final double[] x = s.x, y = s.y, z = s.z;
        final double[] fx = out.fx, fy = out.fy, fz = out.fz;
        final Box box = s.box;
        final double ax = box.ax(), bx = box.bx(), by = box.by(), cx = box.cx(), cy = box.cy(), cz = box.cz();
        final double iax = 1 / ax, iby = 1 / by, icz = 1 / cz;
        final boolean angle = usesAngle();
        double e = 0;
        double wxx = 0, wxy = 0, wxz = 0, wyx = 0, wyy = 0, wyz = 0, wzx = 0, wzy = 0, wzz = 0;
        for (int t = from; t < to; t++) {
            final int i = atoms[4 * t], j = atoms[4 * t + 1], k = atoms[4 * t + 2], l = atoms[4 * t + 3];
            // b1 = r_j − r_i, b2 = r_k − r_j, b3 = r_l − r_k, each by minimum image
            double b1x = x[j] - x[i], b1y = y[j] - y[i], b1z = z[j] - z[i];
            double sh = Math.rint(b1z * icz); b1x -= sh * cx; b1y -= sh * cy; b1z -= sh * cz;
            sh = Math.rint(b1y * iby); b1x -= sh * bx; b1y -= sh * by;
            b1x -= Math.rint(b1x * iax) * ax;
            double b2x = x[k] - x[j], b2y = y[k] - y[j], b2z = z[k] - z[j];
            sh = Math.rint(b2z * icz); b2x -= sh * cx; b2y -= sh * cy; b2z -= sh * cz;
            sh = Math.rint(b2y * iby); b2x -= sh * bx; b2y -= sh * by;
            b2x -= Math.rint(b2x * iax) * ax;
            double b3x = x[l] - x[k], b3y = y[l] - y[k], b3z = z[l] - z[k];
            sh = Math.rint(b3z * icz); b3x -= sh * cx; b3y -= sh * cy; b3z -= sh * cz;
            sh = Math.rint(b3y * iby); b3x -= sh * bx; b3y -= sh * by;
            b3x -= Math.rint(b3x * iax) * ax;

            final double mx = b1y * b2z - b1z * b2y, my = b1z * b2x - b1x * b2z, mz = b1x * b2y - b1y * b2x;
            final double nx = b2y * b3z - b2z * b3y, ny = b2z * b3x - b2x * b3z, nz = b2x * b3y - b2y * b3x;
            final double m2 = mx * mx + my * my + mz * mz, n2 = nx * nx + ny * ny + nz * nz;
            final double b1sq = b1x * b1x + b1y * b1y + b1z * b1z;
            final double b2sq = b2x * b2x + b2y * b2y + b2z * b2z;
            final double b3sq = b3x * b3x + b3y * b3y + b3z * b3z;
            if (!(m2 > COLLINEAR_SIN2 * b1sq * b2sq) || !(n2 > COLLINEAR_SIN2 * b2sq * b3sq)) {
                e += energy(t, 0, 1, 0);
                continue;
            }
            final double b2n = Math.sqrt(b2sq);
            final double yv = b2n * (b1x * nx + b1y * ny + b1z * nz);
            final double xv = mx * nx + my * ny + mz * nz;
            final double phi = angle ? Math.atan2(yv, xv) : Double.NaN;
            final double hyp = Math.sqrt(m2 * n2); // = hypot(xv, yv)
            final double cosPhi = xv / hyp, sinPhi = yv / hyp;
            e += energy(t, phi, cosPhi, sinPhi);
            final double dvdphi = derivative(t, phi, cosPhi, sinPhi);

            // F_i = −dV/dφ ∂φ/∂r_i = dV/dφ |b2| m/|m|², F_l = −dV/dφ |b2| n/|n|²
            final double gi = dvdphi * b2n / m2, gl = -dvdphi * b2n / n2;
            final double fix = gi * mx, fiy = gi * my, fiz = gi * mz;
            final double flx = gl * nx, fly = gl * ny, flz = gl * nz;
            final double p = (b1x * b2x + b1y * b2y + b1z * b2z) / b2sq;
            final double q = (b3x * b2x + b3y * b2y + b3z * b2z) / b2sq;
            final double fjx = q * flx - (p + 1) * fix, fjy = q * fly - (p + 1) * fiy, fjz = q * flz - (p + 1) * fiz;
            final double fkx = -fix - fjx - flx, fky = -fiy - fjy - fly, fkz = -fiz - fjz - flz;
            fx[i] += fix; fy[i] += fiy; fz[i] += fiz;
            fx[j] += fjx; fy[j] += fjy; fz[j] += fjz;
            fx[k] += fkx; fy[k] += fky; fz[k] += fkz;
            fx[l] += flx; fy[l] += fly; fz[l] += flz;
            // W = Σ r_a ⊗ F_a relative to r_i: r_j = b1, r_k = b1 + b2, r_l = b1 + b2 + b3
            final double rkx = b1x + b2x, rky = b1y + b2y, rkz = b1z + b2z;
            final double rlx = rkx + b3x, rly = rky + b3y, rlz = rkz + b3z;
            wxx += b1x * fjx + rkx * fkx + rlx * flx;
            wxy += b1x * fjy + rkx * fky + rlx * fly;
            wxz += b1x * fjz + rkx * fkz + rlx * flz;
            wyx += b1y * fjx + rky * fkx + rly * flx;
            wyy += b1y * fjy + rky * fky + rly * fly;
            wyz += b1y * fjz + rky * fkz + rly * flz;
            wzx += b1z * fjx + rkz * fkx + rlz * flx;
            wzy += b1z * fjy + rkz * fky + rlz * fly;
            wzz += b1z * fjz + rkz * fkz + rlz * flz;
        }
        out.addEnergy(energyTerm, e);
        final double[] w = out.virial;
        w[0] += wxx; w[1] += wxy; w[2] += wxz;
        w[3] += wyx; w[4] += wyy; w[5] += wyz;
        w[6] += wzx; w[7] += wzy; w[8] += wzz;
    }
}
