package org.sheath.engine.force.ewald;

import static org.sheath.engine.force.ewald.EwaldTerms.ONE_4PI_EPS0;
import static org.sheath.engine.force.ewald.EwaldTerms.TWO_OVER_SQRT_PI;

import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.Force;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.math.Erfc;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.State;

/**
 * The classical Ewald sum, as a reference for PME (slow: O(N²·images + N·k-vectors)).
 *
 * <p>E = E_real + E_recip + E_self + E_background + E_excl with
 * <ul>
 *   <li>E_real = Σ_{i≤j} Σ_n' f·q_i·q_j·erfc(β|r_ij+n|)/|r_ij+n| over all lattice images n with
 *       |r_ij + n| &lt; rReal (explicit lattice sum, any rReal; i = j counts ½ and skips n = 0; the
 *       minimum image n = 0 of an excluded pair is skipped);</li>
 *   <li>E_recip = f/(2πV)·Σ_{m≠0, |m| ≤ kCut} exp(−π²m²/β²)/m²·|S(m)|², m = reciprocal lattice
 *       vectors (no 2π), S(m) = Σ q_j exp(2πi m·r_j);</li>
 *   <li>E_self = −f·β/√π·Σq²; E_background = −f·π·(Σq)²/(2Vβ²);</li>
 *   <li>E_excl = −f·Σ_excl q_i·q_j·erf(β r_ij)/r_ij (minimum image), see {@link EwaldExclusionCorrection}.</li>
 * </ul>
 * Truncation errors are ~erfc(β·rReal) and ~exp(−π²kCut²/β²); {@link #converged} picks both for a
 * tolerance. Forces and the virial (W = Σ r⊗f convention) are analytic derivatives of the same sums.
 *
 * <p>As a {@link Force}: E_real → "Coulomb (SR)"; E_recip, E_self, E_background → "Coul. recip.";
 * E_excl → the term given at construction (default "Coulomb (SR)", GROMACS's choice).
 */
public final class EwaldSum implements Force {
    public static final int REAL = 1, RECIP = 2, SELF = 4, BACKGROUND = 8, EXCLUSION = 16;
    public static final int ALL = REAL | RECIP | SELF | BACKGROUND | EXCLUSION;

    private final double[] q;
    private final int[] exclOffsets, exclAtoms;
    private final double beta, rReal, kCut;
    private final EwaldExclusionCorrection exclusion;
    private final EnergyTerm exclusionTerm;
    private final double[] rb = new double[6];
    private final double[] d = new double[3];
    // scratch for the reciprocal sum, grown on demand
    private double[] ea = new double[0], eb = new double[0], ec = new double[0];
    private final double[] cab, sab, cj, sj;

    public EwaldSum(double[] charges, int[] exclOffsets, int[] exclAtoms, double beta, double rReal, double kCut) {
        this(charges, exclOffsets, exclAtoms, beta, rReal, kCut, EnergyTerm.COULOMB_SR);
    }

    public EwaldSum(double[] charges, int[] exclOffsets, int[] exclAtoms, double beta, double rReal, double kCut,
                    EnergyTerm exclusionTerm) {
        EwaldTerms.checkExclusions(charges.length, exclOffsets, exclAtoms);
        this.q = charges.clone();
        this.exclOffsets = exclOffsets == null ? null : exclOffsets.clone();
        this.exclAtoms = exclAtoms == null ? null : exclAtoms.clone();
        this.beta = beta;
        this.rReal = rReal;
        this.kCut = kCut;
        this.exclusionTerm = exclusionTerm;
        this.exclusion = new EwaldExclusionCorrection(charges, exclOffsets, exclAtoms, beta, exclusionTerm);
        int n = charges.length;
        cab = new double[n]; sab = new double[n]; cj = new double[n]; sj = new double[n];
    }

    /**
     * An Ewald sum whose real- and reciprocal-space truncation errors are both about tol (relative to
     * the individual terms): β from erfc(β·rReal) = tol, kCut = β·√(−ln tol)/π.
     */
    public static EwaldSum converged(double[] charges, int[] exclOffsets, int[] exclAtoms, double rReal, double tol) {
        double beta = EwaldParameters.ewaldCoefficient(rReal, tol);
        double kCut = beta * Math.sqrt(-Math.log(tol)) / Math.PI;
        return new EwaldSum(charges, exclOffsets, exclAtoms, beta, rReal, kCut);
    }

    public double beta() { return beta; }

    @Override
    public String name() {
        return "ewald-sum";
    }

    @Override
    public void compute(State state, ForceAccumulator out, int flags) {
        out.addEnergy(EnergyTerm.COULOMB_SR, accumulate(state, out.fx, out.fy, out.fz, out.virial, REAL));
        out.addEnergy(EnergyTerm.COUL_RECIP, accumulate(state, out.fx, out.fy, out.fz, out.virial, RECIP | SELF | BACKGROUND));
        out.addEnergy(exclusionTerm, accumulate(state, out.fx, out.fy, out.fz, out.virial, EXCLUSION));
    }

    /** Adds forces and virial of the selected parts (bit mask of REAL, RECIP, …), returns their energy. */
    public double accumulate(State state, double[] fx, double[] fy, double[] fz, double[] virial, int parts) {
        double e = 0;
        if ((parts & REAL) != 0) e += real(state, fx, fy, fz, virial);
        if ((parts & RECIP) != 0) e += reciprocal(state, fx, fy, fz, virial);
        if ((parts & SELF) != 0) e += EwaldTerms.selfEnergy(beta, EwaldTerms.sumOfSquares(q));
        if ((parts & BACKGROUND) != 0) {
            double eb = EwaldTerms.backgroundEnergy(beta, EwaldTerms.sum(q), state.box.volume());
            EwaldTerms.addBackgroundVirial(eb, virial);
            e += eb;
        }
        if ((parts & EXCLUSION) != 0) e += exclusion.accumulate(state, fx, fy, fz, virial);
        return e;
    }

    private double real(State state, double[] fx, double[] fy, double[] fz, double[] virial) {
        Box box = state.box;
        EwaldTerms.reciprocalBox(box, rb);
        double ax = box.ax(), bx = box.bx(), by = box.by(), cx = box.cx(), cy = box.cy(), cz = box.cz();
        // |a*|, |b*|, |c*| = inverse box heights
        double ha = Math.sqrt(rb[0] * rb[0] + rb[1] * rb[1] + rb[3] * rb[3]);
        double hb = Math.sqrt(rb[2] * rb[2] + rb[4] * rb[4]);
        double hc = rb[5];
        double rc2 = rReal * rReal, b2 = beta * beta;
        double e = 0;
        double[] w = new double[6];
        int n = q.length;
        for (int i = 0; i < n; i++) {
            double qi = ONE_4PI_EPS0 * q[i];
            if (qi == 0) continue;
            for (int j = i; j < n; j++) {
                double qq = qi * q[j];
                if (qq == 0) continue;
                boolean self = i == j;
                double half = self ? 0.5 : 1.0;
                boolean excl = !self && EwaldTerms.isExcluded(exclOffsets, exclAtoms, i, j);
                d[0] = state.x[i] - state.x[j];
                d[1] = state.y[i] - state.y[j];
                d[2] = state.z[i] - state.z[j];
                box.minimumImage(d);
                double sa = d[0] * rb[0] + d[1] * rb[1] + d[2] * rb[3];
                double sb = d[1] * rb[2] + d[2] * rb[4];
                double sc = d[2] * rb[5];
                int ca0 = (int) Math.ceil(-sa - rReal * ha), ca1 = (int) Math.floor(-sa + rReal * ha);
                int cb0 = (int) Math.ceil(-sb - rReal * hb), cb1 = (int) Math.floor(-sb + rReal * hb);
                int cc0 = (int) Math.ceil(-sc - rReal * hc), cc1 = (int) Math.floor(-sc + rReal * hc);
                double fxs = 0, fys = 0, fzs = 0;
                for (int nc = cc0; nc <= cc1; nc++) {
                    for (int nb = cb0; nb <= cb1; nb++) {
                        for (int na = ca0; na <= ca1; na++) {
                            if (na == 0 && nb == 0 && nc == 0 && (self || excl)) continue;
                            double rx = d[0] + na * ax + nb * bx + nc * cx;
                            double ry = d[1] + nb * by + nc * cy;
                            double rz = d[2] + nc * cz;
                            double r2 = rx * rx + ry * ry + rz * rz;
                            if (r2 >= rc2) continue;
                            double r = Math.sqrt(r2), rinv = 1.0 / r;
                            double erfcTerm = Erfc.erfc(beta * r) * rinv;
                            e += half * qq * erfcTerm;
                            double fscal = half * qq * (erfcTerm + TWO_OVER_SQRT_PI * beta * Math.exp(-b2 * r2)) * rinv * rinv;
                            double fxij = fscal * rx, fyij = fscal * ry, fzij = fscal * rz;
                            fxs += fxij; fys += fyij; fzs += fzij;
                            w[0] += rx * fxij; w[1] += rx * fyij; w[2] += rx * fzij;
                            w[3] += ry * fyij; w[4] += ry * fzij; w[5] += rz * fzij;
                        }
                    }
                }
                if (!self) {
                    fx[i] += fxs; fy[i] += fys; fz[i] += fzs;
                    fx[j] -= fxs; fy[j] -= fys; fz[j] -= fzs;
                }
            }
        }
        addSymmetric(virial, w);
        return e;
    }

    private double reciprocal(State state, double[] fx, double[] fy, double[] fz, double[] virial) {
        Box box = state.box;
        EwaldTerms.reciprocalBox(box, rb);
        int n = q.length;
        double volume = box.volume();
        // |m_d| <= kCut * |box vector d| is necessary for |m| <= kCut
        double la = box.ax();
        double lb = Math.hypot(box.bx(), box.by());
        double lc = Math.sqrt(box.cx() * box.cx() + box.cy() * box.cy() + box.cz() * box.cz());
        int ka = (int) Math.floor(kCut * la), kb = (int) Math.floor(kCut * lb), kc = (int) Math.floor(kCut * lc);
        ea = grow(ea, 2 * n * (ka + 1));
        eb = grow(eb, 2 * n * (kb + 1));
        ec = grow(ec, 2 * n * (kc + 1));
        for (int j = 0; j < n; j++) {
            double x = state.x[j], y = state.y[j], z = state.z[j];
            fillPhases(ea, j, ka, x * rb[0] + y * rb[1] + z * rb[3]);
            fillPhases(eb, j, kb, y * rb[2] + z * rb[4]);
            fillPhases(ec, j, kc, z * rb[5]);
        }
        double kCut2 = kCut * kCut;
        double piOverBeta2 = Math.PI * Math.PI / (beta * beta);
        double pref = ONE_4PI_EPS0 / (Math.PI * volume); // f/(2 pi V) times 2 for the half space
        double e = 0;
        double[] w = new double[6];
        for (int ma = 0; ma <= ka; ma++) {
            for (int mb = -kb; mb <= kb; mb++) {
                if (ma == 0 && mb < 0) continue;
                // (ma, mb) phase per atom
                int amb = Math.abs(mb);
                double sgnb = mb < 0 ? -1 : 1;
                for (int j = 0; j < n; j++) {
                    int ia = 2 * (j * (ka + 1) + ma), ib = 2 * (j * (kb + 1) + amb);
                    double c1 = ea[ia], s1 = ea[ia + 1], c2 = eb[ib], s2 = sgnb * eb[ib + 1];
                    cab[j] = c1 * c2 - s1 * s2;
                    sab[j] = c1 * s2 + s1 * c2;
                }
                for (int mc = -kc; mc <= kc; mc++) {
                    if (ma == 0 && mb == 0 && mc <= 0) continue;
                    double mx = ma * rb[0];
                    double my = ma * rb[1] + mb * rb[2];
                    double mz = ma * rb[3] + mb * rb[4] + mc * rb[5];
                    double m2 = mx * mx + my * my + mz * mz;
                    if (m2 > kCut2) continue;
                    double g = Math.exp(-piOverBeta2 * m2) / m2;
                    int amc = Math.abs(mc);
                    double sgnc = mc < 0 ? -1 : 1;
                    double sRe = 0, sIm = 0;
                    for (int j = 0; j < n; j++) {
                        int ic = 2 * (j * (kc + 1) + amc);
                        double c3 = ec[ic], s3 = sgnc * ec[ic + 1];
                        double c = cab[j] * c3 - sab[j] * s3;
                        double s = cab[j] * s3 + sab[j] * c3;
                        cj[j] = c;
                        sj[j] = s;
                        sRe += q[j] * c;
                        sIm += q[j] * s;
                    }
                    double em = pref * g * (sRe * sRe + sIm * sIm);
                    e += em;
                    double vfac = 2.0 * (1.0 / m2 + piOverBeta2);
                    w[0] += em * (1 - vfac * mx * mx);
                    w[1] -= em * vfac * mx * my;
                    w[2] -= em * vfac * mx * mz;
                    w[3] += em * (1 - vfac * my * my);
                    w[4] -= em * vfac * my * mz;
                    w[5] += em * (1 - vfac * mz * mz);
                    // F_j = 4 f/V g q_j m (S_re sin_j - S_im cos_j) for the half space
                    double ff = 4.0 * ONE_4PI_EPS0 / volume * g;
                    for (int j = 0; j < n; j++) {
                        double t = ff * q[j] * (sRe * sj[j] - sIm * cj[j]);
                        fx[j] += t * mx;
                        fy[j] += t * my;
                        fz[j] += t * mz;
                    }
                }
            }
        }
        addSymmetric(virial, w);
        return e;
    }

    private static void fillPhases(double[] arr, int j, int kmax, double s) {
        int base = 2 * j * (kmax + 1);
        double c1 = Math.cos(2 * Math.PI * s), s1 = Math.sin(2 * Math.PI * s);
        double c = 1, sn = 0;
        for (int m = 0; m <= kmax; m++) {
            if (m % 16 == 0) { // refresh to keep the recurrence exact
                c = Math.cos(2 * Math.PI * s * m);
                sn = Math.sin(2 * Math.PI * s * m);
            }
            arr[base + 2 * m] = c;
            arr[base + 2 * m + 1] = sn;
            double cn = c * c1 - sn * s1;
            sn = sn * c1 + c * s1;
            c = cn;
        }
    }

    private static double[] grow(double[] a, int size) {
        return a.length >= size ? a : new double[size];
    }

    private static void addSymmetric(double[] virial, double[] w) {
        virial[0] += w[0]; virial[1] += w[1]; virial[2] += w[2];
        virial[3] += w[1]; virial[4] += w[3]; virial[5] += w[4];
        virial[6] += w[2]; virial[7] += w[4]; virial[8] += w[5];
    }
}
