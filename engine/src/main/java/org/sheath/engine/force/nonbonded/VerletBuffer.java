package org.sheath.engine.force.nonbonded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sheath.engine.force.ewald.EwaldTerms;
import org.sheath.engine.math.Erfc;
import org.sheath.forcefields.model.FlatTopology;

/**
 * The pair-list buffer that a list kept for nstlist steps needs for a given energy-drift tolerance, in the
 * spirit of GROMACS's {@code verlet-buffer-tolerance} (Páll &amp; Hess, Comput. Phys. Commun. 184, 2641
 * (2013)): pairs outside rlist = rc + buffer at the build may come inside rc before the next build, and
 * their missing interaction is an energy error. Estimated per pair of atom classes (LJ type, charge,
 * mass): over the lifetime t = (nstlist − 1)·dt the pair distance changes by a Gaussian of variance
 * σ² = k_BT·t²·(1/m_i + 1/m_j) (free flight, per dimension); a pair that ends at depth x inside rc misses
 * V(rc − x) ≈ V(rc) − V'(rc)·x + ½V''(rc)·x² (|·|, both LJ and real-space Ewald, with their modifiers).
 * With the partner density ρ_j and the shell 4πrc², the error per atom is
 * <pre>
 *   ΔE_i = ½ Σ_j 4π·rc²·ρ_j ∫₀^∞ |V(rc − x)| · Q((buffer + x)/σ) dx,      Q the Gaussian tail
 * </pre>
 * averaged over the atoms and divided by nstlist·dt to give a drift in kJ/mol/ps per atom. An atom held by one
 * constraint to a heavier atom (a hydrogen in h-bonds) moves with the pair's centre of mass plus a bounded
 * rotation about it (see {@code variance}); other constrained atoms count with their own mass, which
 * overestimates their displacement (a larger buffer than needed, never a smaller one).
 */
public final class VerletBuffer {
    /** GROMACS's default verlet-buffer-tolerance, kJ/mol/ps per atom. */
    public static final double DEFAULT_TOLERANCE = 0.005;
    static final double KB = 0.0083144626;

    private final double rc, beta, density;
    private final List<Cls> classes = new ArrayList<>();
    private final int natoms;
    private final Modifier vdw, coulomb;
    private final int ntypes;
    private final double[] c6, c12;

    /** An atom class; conMass &gt; 0 for an atom held by one constraint of length conLength to a heavier atom. */
    private record Cls(int type, double q, double mass, double conMass, double conLength, int count) {}

    public VerletBuffer(FlatTopology top, double volume, double rc, double beta, Modifier vdw, Modifier coulomb) {
        this(top, volume, rc, beta, vdw, coulomb, null, null, null);
    }

    /**
     * With pair constraints (atoms ci[k]–cj[k] at length len[k]): an atom with exactly one constraint, to a
     * heavier partner (a hydrogen in h-bonds), moves as the pair's centre of mass plus a rotation about it,
     * which cannot take it farther than twice its distance to that centre; every other atom moves freely with
     * its own mass (an overestimate for the constrained heavy atoms).
     */
    public VerletBuffer(FlatTopology top, double volume, double rc, double beta, Modifier vdw, Modifier coulomb,
                        int[] ci, int[] cj, double[] len) {
        this.rc = rc;
        this.beta = beta;
        this.vdw = vdw;
        this.coulomb = coulomb;
        this.natoms = top.natoms;
        this.density = top.natoms / volume;
        this.ntypes = top.ntypes;
        this.c6 = top.c6;
        this.c12 = top.c12;
        int[] ncon = new int[top.natoms];
        double[] conMass = new double[top.natoms], conLen = new double[top.natoms];
        if (ci != null) {
            for (int k = 0; k < ci.length; k++) {
                int a = ci[k], b = cj[k];
                ncon[a]++;
                ncon[b]++;
                conMass[a] = top.mass[b];
                conMass[b] = top.mass[a];
                conLen[a] = conLen[b] = len[k];
            }
        }
        Map<String, int[]> counts = new HashMap<>();
        Map<String, Cls> proto = new HashMap<>();
        for (int i = 0; i < top.natoms; i++) {
            if (top.mass[i] <= 0) continue; // virtual sites carry no displacement of their own
            boolean held = ncon[i] == 1 && conMass[i] > top.mass[i];
            double cm = held ? conMass[i] : 0, cl = held ? conLen[i] : 0;
            String key = top.type[i] + ":" + Math.round(top.charge[i] * 1e6) + ":" + Math.round(top.mass[i] * 1e3) + ":"
                    + Math.round(cm * 1e3) + ":" + Math.round(cl * 1e5);
            counts.computeIfAbsent(key, k -> new int[1])[0]++;
            proto.putIfAbsent(key, new Cls(top.type[i], top.charge[i], top.mass[i], cm, cl, 0));
        }
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            Cls p = proto.get(e.getKey());
            classes.add(new Cls(p.type(), p.q(), p.mass(), p.conMass(), p.conLength(), e.getValue()[0]));
        }
        classes.sort((a, b) -> a.type() != b.type() ? Integer.compare(a.type(), b.type()) : Double.compare(a.q(), b.q()));
    }

    /** Estimated drift, kJ/mol/ps per atom, of a list with this buffer kept nstlist steps of dt at temperature T. */
    public double drift(double buffer, int nstlist, double dt, double temperature) {
        double t = (nstlist - 1) * dt;
        if (t <= 0) return 0; // rebuilt every step: nothing can be missed
        double err = 0;
        for (Cls a : classes) {
            for (Cls b : classes) {
                double s2 = variance(a, KB * temperature * t * t) + variance(b, KB * temperature * t * t);
                double rhoB = density * b.count() / natoms;
                double[] v = derivatives(a, b);
                err += a.count() / (double) natoms * 0.5 * 4 * Math.PI * rc * rc * rhoB * missed(v, buffer, Math.sqrt(s2));
            }
        }
        return err / (nstlist * dt);
    }

    /**
     * Per-dimension variance of an atom's displacement over a time t, kT2 = k_BT·t². Free: kT2/m. Held by one
     * constraint to a heavier partner M: the pair's centre of mass moves freely (kT2/(m + M)); about it the
     * atom sits at a = b·M/(m + M) and its two rotational degrees of freedom give it a tangential velocity of
     * variance k_BT·M/(m(m + M)) each (equipartition of ½Iω² with I = μb²), an arc of variance
     * σ² = kT2·M/(m(m + M)) per degree; the squared chord 2σ² is bounded by 2a² (its mean for a uniformly random
     * end point on the sphere), so it is taken as 2σ²a²/(σ² + a²), a third of it per dimension.
     */
    private static double variance(Cls c, double kT2) {
        if (c.conMass() <= 0) return kT2 / c.mass();
        double m = c.mass(), big = c.conMass(), a = c.conLength() * big / (m + big);
        double rot = kT2 * big / (m * (m + big)), a2 = a * a;
        return kT2 / (m + big) + 2 * rot * a2 / (rot + a2) / 3;
    }

    /** The smallest buffer (to 1e-4 nm) whose estimated drift is at most the tolerance, or NaN if it exceeds 2 nm. */
    public double bufferFor(double tolerance, int nstlist, double dt, double temperature) {
        return bufferFor(tolerance, nstlist, dt, temperature, 2.0);
    }

    /** As {@link #bufferFor(double, int, double, double)}, NaN when the buffer would exceed maxBuffer. */
    public double bufferFor(double tolerance, int nstlist, double dt, double temperature, double maxBuffer) {
        if (!(tolerance > 0)) throw new IllegalArgumentException("verlet-buffer-tolerance must be > 0: " + tolerance);
        if (drift(maxBuffer, nstlist, dt, temperature) > tolerance) return Double.NaN;
        double lo = 0, hi = Math.min(0.05, maxBuffer);
        while (drift(hi, nstlist, dt, temperature) > tolerance) {
            lo = hi;
            hi = Math.min(2 * hi, maxBuffer);
        }
        if (drift(0, nstlist, dt, temperature) <= tolerance) return 0;
        while (hi - lo > 1e-4) {
            double mid = 0.5 * (lo + hi);
            if (drift(mid, nstlist, dt, temperature) > tolerance) lo = mid;
            else hi = mid;
        }
        return hi;
    }

    /**
     * The list lifetime, among 10, 20, 25, 40, 50, 80 and 100 steps, with the lowest estimated cost per step,
     * pair work ∝ rlist³ and a list build worth {@code buildCost} kernel calls: (1 + buildCost/n)·rlist³; only
     * lifetimes whose buffer stays below maxBuffer count; 0 if none does (a time step too long for any).
     */
    public int bestNstlist(double tolerance, double dt, double temperature, double buildCost, double maxBuffer) {
        int best = 0;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int n : new int[] {10, 20, 25, 40, 50, 80, 100}) {
            double b = bufferFor(tolerance, n, dt, temperature, maxBuffer);
            if (Double.isNaN(b)) continue;
            double rl = rc + b;
            double cost = (1 + buildCost / n) * rl * rl * rl;
            if (cost < bestCost) {
                bestCost = cost;
                best = n;
            }
        }
        return best;
    }

    /** A dual pair list: the outer list lives nstlist steps, the kernel's list is pruned from it every nstprune. */
    public record DualList(int nstlist, double outerBuffer, int nstprune, double innerBuffer) {}

    /**
     * The dual list (dynamic pruning, as GROMACS's) with the lowest estimated cost per step: the kernel's work
     * ∝ (rc + b_inner + reach)³, a pruning worth {@code pruneCost} kernel calls per outer-list volume
     * (rc + b_outer + reach)³ every nstprune steps, a build worth {@code buildCost} every nstlist steps;
     * reach (nm) stands for the cluster size, by which a cluster list reaches beyond its radius. Each list's
     * buffer meets the tolerance for its own lifetime. Outer lifetimes from {@code lifetimes} (GROMACS's
     * candidates 10 … 100 when null); null if none fits maxBuffer.
     */
    public DualList bestDualList(int[] lifetimes, double tolerance, double dt, double temperature, double buildCost,
                                 double pruneCost, double reach, double maxBuffer) {
        DualList best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int n : lifetimes != null ? lifetimes : new int[] {10, 20, 25, 40, 50, 80, 100}) {
            double bo = bufferFor(tolerance, n, dt, temperature, maxBuffer);
            if (Double.isNaN(bo)) continue;
            double outer = Math.pow(rc + bo + reach, 3);
            for (int p = 2; p < n; p++) {
                if (n % p != 0) continue; // prunes on the build grid: the same schedule after every build
                double bi = bufferFor(tolerance, p, dt, temperature, bo);
                if (Double.isNaN(bi)) continue;
                double cost = Math.pow(rc + bi + reach, 3) + (pruneCost / p + buildCost / n) * outer;
                if (cost < bestCost) {
                    bestCost = cost;
                    best = new DualList(n, bo, p, bi);
                }
            }
        }
        return best;
    }

    /** {@link #bestNstlist(double, double, double, double, double)} with buffers up to 2 nm. */
    public int bestNstlist(double tolerance, double dt, double temperature, double buildCost) {
        return bestNstlist(tolerance, dt, temperature, buildCost, 2.0);
    }

    /** {V(rc), V'(rc), V''(rc)} of the pair's LJ + real-space Coulomb, with the modifiers' shifts. */
    private double[] derivatives(Cls a, Cls b) {
        double c6ab = c6[a.type() * ntypes + b.type()], c12ab = c12[a.type() * ntypes + b.type()];
        double qq = EwaldTerms.ONE_4PI_EPS0 * a.q() * b.q();
        double r = rc;
        double v0 = 0, v1 = 0, v2 = 0;
        if (c6ab != 0 || c12ab != 0) {
            double r6 = Math.pow(r, 6), r12 = r6 * r6;
            if (vdw != Modifier.POTENTIAL_SHIFT) v0 += c12ab / r12 - c6ab / r6;
            v1 += -12 * c12ab / (r12 * r) + 6 * c6ab / (r6 * r);
            v2 += 156 * c12ab / (r12 * r * r) - 42 * c6ab / (r6 * r * r);
        }
        if (qq != 0 && beta > 0) {
            if (coulomb != Modifier.POTENTIAL_SHIFT) v0 += qq * Erfc.erfc(beta * r) / r;
            double h = 1e-4;
            v1 += qq * (coulombPrime(r));
            v2 += qq * (coulombPrime(r + h) - coulombPrime(r - h)) / (2 * h);
        }
        return new double[] {v0, v1, v2};
    }

    /** d/dr [erfc(βr)/r]. */
    private double coulombPrime(double r) {
        return -Erfc.erfc(beta * r) / (r * r) - 2 * beta / Math.sqrt(Math.PI) * Math.exp(-beta * beta * r * r) / r;
    }

    /** ∫₀^∞ |V(rc − x)|·Q((d + x)/σ) dx with V by its expansion (Simpson's rule over [0, 8σ]). */
    private static double missed(double[] v, double d, double sigma) {
        if (sigma == 0) return 0;
        int n = 200;
        double xmax = 8 * sigma, h = xmax / n, sum = 0;
        for (int k = 0; k <= n; k++) {
            double x = k * h;
            double val = Math.abs(v[0] - v[1] * x + 0.5 * v[2] * x * x) * 0.5 * Erfc.erfc((d + x) / (sigma * Math.sqrt(2)));
            sum += val * (k == 0 || k == n ? 1 : (k % 2 == 1 ? 4 : 2));
        }
        return sum * h / 3;
    }
}
