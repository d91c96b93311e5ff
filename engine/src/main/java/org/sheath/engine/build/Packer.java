package org.sheath.engine.build;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.joml.Matrix3d;
import org.joml.Quaterniond;
import org.sheath.engine.neighbor.CellList;
import org.sheath.engine.system.Box;
import org.sheath.forcefields.InputException;

/**
 * Packs rigid molecules into a rectangular periodic box at random positions and uniformly random
 * orientations so that no two atoms of different molecules are closer than a tolerance (Packmol's
 * 0.2 nm), under periodic boundaries. Molecules stay whole (atoms may stick out of the box; every
 * centre lies inside it). The same seed gives the same coordinates bit for bit.
 *
 * <p>The tolerance can be raised by a margin while packing (the builder adds the .gro rounding).
 *
 * <p>Two phases:
 * <ol>
 *   <li><b>Random insertion</b>, largest molecules first: each molecule gets up to {@code maxAttempts}
 *       random positions and orientations and keeps the first without a clash (an atom closer than
 *       the tolerance to an atom already placed, found in a cell grid), else the attempt with the fewest
 *       clashing atoms. Random insertion alone jams near 0.85 g/cm³ for an electrolyte in DMF.</li>
 *   <li><b>Overlap relaxation</b> (Packmol's idea, our own minimiser): the penalty Σ (t² − r²)² over atom
 *       pairs of different molecules closer than t = 1.05 × tolerance is minimised with the molecules
 *       as rigid bodies (force and torque from the pair forces) by FIRE, each molecule moving at most
 *       a quarter tolerance per step; pair search by the engine's {@link CellList}. When the number of
 *       clashing pairs stalls (interlocked molecules, e.g. an ion caged by a solvent molecule), the
 *       smaller molecule of each clashing pair is re-inserted at random and the minimisation goes on.
 *       It stops as soon as no pair is closer than the tolerance, and gives up with an
 *       {@link InputException} when re-insertions stop helping, when the number of clashing pairs has
 *       not reached a new low for 250 steps, or after {@code maxRelaxSteps} steps.</li>
 * </ol>
 * Single-threaded, so the floating-point operations and hence the result depend on the seed only.
 * {@code -Dsheath.packer.trace=true} prints each relaxation step to stderr.
 */
public final class Packer {
    public static final double DEFAULT_TOLERANCE = 0.2;
    public static final int DEFAULT_MAX_ATTEMPTS = 50;
    public static final int DEFAULT_MAX_RELAX_STEPS = 1000;
    /** Steps in which the number of clashing pairs must reach a new low, else the relaxation gives up. */
    static final int PROGRESS_STEPS = 250;
    /** Re-insertion rounds in a row that may fail to lower the number of clashing pairs before giving up. */
    static final int MAX_FRUITLESS_REINSERTIONS = 6;
    /** Steps without fewer clashing pairs after which the descent counts as stalled. */
    static final int STALL_STEPS = 20;
    // FIRE parameters (Bitzek et al. 2006), time in units where a force of 1 moves one atom 1 nm per unit²
    private static final double FIRE_DT0 = 1, FIRE_DTMAX = 10, FIRE_FINC = 1.1, FIRE_FDEC = 0.5;
    private static final double FIRE_ALPHA0 = 0.1, FIRE_FALPHA = 0.99;
    private static final int FIRE_NMIN = 5;
    private static final boolean TRACE = Boolean.getBoolean("sheath.packer.trace");

    /** A rigid molecule: its name and atom coordinates relative to its geometric centre (nm). */
    public record Template(String name, double[] x, double[] y, double[] z) {
        public Template {
            if (x.length == 0 || y.length != x.length || z.length != x.length) {
                throw new IllegalArgumentException("template " + name + ": x, y, z must have the same, non-zero length");
            }
        }

        /** A template from coordinates, shifted so that its geometric centre is the origin. */
        public static Template centred(String name, double[] x, double[] y, double[] z) {
            int n = x.length;
            double sx = 0, sy = 0, sz = 0;
            for (int i = 0; i < n; i++) {
                sx += x[i];
                sy += y[i];
                sz += z[i];
            }
            sx /= n;
            sy /= n;
            sz /= n;
            double[] cx = new double[n], cy = new double[n], cz = new double[n];
            for (int i = 0; i < n; i++) {
                cx[i] = x[i] - sx;
                cy[i] = y[i] - sy;
                cz[i] = z[i] - sz;
            }
            return new Template(name, cx, cy, cz);
        }

        public int size() {
            return x.length;
        }

        /** Largest distance of an atom from the centre (nm). */
        public double radius() {
            double r2 = 0;
            for (int i = 0; i < x.length; i++) r2 = Math.max(r2, x[i] * x[i] + y[i] * y[i] + z[i] * z[i]);
            return Math.sqrt(r2);
        }

        /** Largest distance between two of its atoms (nm). */
        public double diameter() {
            double d2 = 0;
            for (int i = 0; i < x.length; i++) {
                for (int j = i + 1; j < x.length; j++) {
                    double dx = x[i] - x[j], dy = y[i] - y[j], dz = z[i] - z[j];
                    d2 = Math.max(d2, dx * dx + dy * dy + dz * dz);
                }
            }
            return Math.sqrt(d2);
        }
    }

    /**
     * Packed coordinates (nm) in the order the molecules were asked for, the shortest distance between
     * atoms of different molecules (minimum image), and what it took: insertion attempts, relaxation
     * steps, molecules re-inserted during the relaxation, wall time.
     */
    public record Result(double[] x, double[] y, double[] z, double minDistance, long attempts, int relaxSteps,
                         int reinserted, double seconds) {
    }

    private final Box box;
    private final double tolerance;
    /** The distance actually enforced: tolerance + margin. */
    private final double check;
    private final long seed;
    private final int maxAttempts;
    private final int maxRelaxSteps;

    public Packer(Box box, double tolerance, long seed) {
        this(box, tolerance, 0, seed, DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_RELAX_STEPS);
    }

    /**
     * @param tolerance     minimum distance (nm) between atoms of different molecules, as messages state it
     * @param margin        added to the tolerance while packing (nm), e.g. for the rounding of a file format
     * @param maxAttempts   random positions tried per molecule in the insertion phase
     * @param maxRelaxSteps relaxation steps before giving up
     */
    public Packer(Box box, double tolerance, double margin, long seed, int maxAttempts, int maxRelaxSteps) {
        if (!box.isRectangular()) throw new IllegalArgumentException("the packer needs a rectangular box");
        if (!(tolerance > 0)) throw new IllegalArgumentException("tolerance must be positive, got " + tolerance);
        if (!(margin >= 0)) throw new IllegalArgumentException("margin must not be negative, got " + margin);
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        if (maxRelaxSteps < 0) throw new IllegalArgumentException("maxRelaxSteps must not be negative");
        this.box = box;
        this.tolerance = tolerance;
        this.check = tolerance + margin;
        this.seed = seed;
        this.maxAttempts = maxAttempts;
        this.maxRelaxSteps = maxRelaxSteps;
    }

    public Box box() {
        return box;
    }

    public double tolerance() {
        return tolerance;
    }

    private static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /**
     * Packs {@code counts[s]} copies of {@code templates.get(s)}; the output holds the molecules in that
     * order (all copies of species 0, then species 1, ...), whatever order they were placed in.
     *
     * @throws InputException if the molecules do not fit (with what to change)
     */
    public Result pack(List<Template> templates, int[] counts) {
        if (templates.size() != counts.length) throw new IllegalArgumentException("one count per template");
        double minEdge = Math.min(box.ax(), Math.min(box.by(), box.cz()));
        if (minEdge < 3 * check) {
            throw new InputException(String.format(Locale.ROOT, "box edge %.3f nm is too short for packing with a %.2f nm "
                    + "minimum distance; use a box edge of at least %.3f nm", minEdge, tolerance, 3 * check));
        }
        for (int s = 0; s < counts.length; s++) {
            if (counts[s] < 0) throw new IllegalArgumentException("negative count for " + templates.get(s).name());
        }
        return new Run(templates, counts).run();
    }

    /** One packing: molecule centres and orientations, atom positions. */
    private final class Run {
        final List<Template> templates;
        final int[] counts;
        final int nmol, natoms;
        final int[] molSpecies, molStart, molOf;
        /** Species long enough (diameter + tolerance > shortest edge) to touch their own periodic image. */
        final boolean[] mayTouchImage;
        final double[] radius;
        final double[] cx, cy, cz, qx, qy, qz, qw;
        final double[] x, y, z;
        final Matrix3d m = new Matrix3d();
        final Quaterniond quat = new Quaterniond();
        final double[] q = new double[4];
        final Rng rng = new Rng(seed);
        long attempts;
        int relaxSteps, reinserted;

        Run(List<Template> templates, int[] counts) {
            this.templates = templates;
            this.counts = counts;
            int nm = 0, na = 0;
            for (int s = 0; s < counts.length; s++) {
                nm += counts[s];
                na += counts[s] * templates.get(s).size();
            }
            nmol = nm;
            natoms = na;
            molSpecies = new int[nm];
            molStart = new int[nm + 1];
            molOf = new int[na];
            int k = 0, a = 0;
            for (int s = 0; s < counts.length; s++) {
                for (int c = 0; c < counts[s]; c++) {
                    molSpecies[k] = s;
                    molStart[k] = a;
                    for (int i = 0; i < templates.get(s).size(); i++) molOf[a++] = k;
                    k++;
                }
            }
            molStart[nm] = a;
            mayTouchImage = new boolean[counts.length];
            radius = new double[counts.length];
            for (int s = 0; s < counts.length; s++) radius[s] = templates.get(s).radius();
            double minEdge = Math.min(box.ax(), Math.min(box.by(), box.cz()));
            for (int s = 0; s < counts.length; s++) {
                mayTouchImage[s] = counts[s] > 0 && templates.get(s).diameter() + check > minEdge;
            }
            cx = new double[nm]; cy = new double[nm]; cz = new double[nm];
            qx = new double[nm]; qy = new double[nm]; qz = new double[nm]; qw = new double[nm];
            x = new double[na]; y = new double[na]; z = new double[na];
        }

        Result run() {
            long t0 = System.nanoTime();
            int ns = templates.size();
            Integer[] order = new Integer[ns];
            for (int s = 0; s < ns; s++) order[s] = s;
            // largest first (stable: equal radii keep the composition order)
            Arrays.sort(order, (a, b) -> Double.compare(radius[b], radius[a]));
            int[] firstMol = new int[ns];
            for (int s = 0, k = 0; s < ns; k += counts[s], s++) firstMol[s] = k;
            Grid grid = new Grid(box, check, natoms);
            boolean clashing = false;
            for (int s : order) {
                for (int k = firstMol[s]; k < firstMol[s] + counts[s]; k++) clashing |= insert(k, grid) > 0;
            }
            if (clashing) relax();
            wrapCentres();
            double dmin = minDistance();
            return new Result(x, y, z, dmin, attempts, relaxSteps, reinserted, (System.nanoTime() - t0) * 1e-9);
        }

        /** Atom positions of molecule k from its centre and orientation. */
        void place(int k) {
            Template t = templates.get(molSpecies[k]);
            quat.set(qx[k], qy[k], qz[k], qw[k]);
            m.set(quat);
            int base = molStart[k];
            for (int i = 0; i < t.size(); i++) {
                x[base + i] = cx[k] + m.m00 * t.x[i] + m.m10 * t.y[i] + m.m20 * t.z[i];
                y[base + i] = cy[k] + m.m01 * t.x[i] + m.m11 * t.y[i] + m.m21 * t.z[i];
                z[base + i] = cz[k] + m.m02 * t.x[i] + m.m12 * t.y[i] + m.m22 * t.z[i];
            }
        }

        /**
         * Random insertion of molecule k against the atoms in the grid: the first clash-free attempt, else
         * the one with the fewest clashing atoms. Adds the molecule to the grid; returns its clashing atoms.
         */
        int insert(int k, Grid grid) {
            int best = Integer.MAX_VALUE;
            double bx = 0, by = 0, bz = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 1;
            for (int a = 0; a < maxAttempts && best > 0; a++) {
                attempts++;
                cx[k] = rng.nextDouble() * box.ax();
                cy[k] = rng.nextDouble() * box.by();
                cz[k] = rng.nextDouble() * box.cz();
                rng.unitQuaternion(q);
                qx[k] = q[0]; qy[k] = q[1]; qz[k] = q[2]; qw[k] = q[3];
                place(k);
                int clashes = mayTouchImage[molSpecies[k]] ? selfImageClashes(k) : 0;
                for (int i = molStart[k]; i < molStart[k + 1] && clashes < best; i++) {
                    if (grid.clash(x[i], y[i], z[i])) clashes++;
                }
                if (clashes < best) {
                    best = clashes;
                    bx = cx[k]; by = cy[k]; bz = cz[k];
                    b0 = qx[k]; b1 = qy[k]; b2 = qz[k]; b3 = qw[k];
                }
            }
            cx[k] = bx; cy[k] = by; cz[k] = bz;
            qx[k] = b0; qy[k] = b1; qz[k] = b2; qw[k] = b3;
            place(k);
            for (int i = molStart[k]; i < molStart[k + 1]; i++) grid.add(x[i], y[i], z[i]);
            return best;
        }

        /** Atom pairs of molecule k closer than the tolerance to each other's periodic image. */
        int selfImageClashes(int k) {
            double t2 = check * check;
            int n = 0;
            for (int i = molStart[k]; i < molStart[k + 1]; i++) {
                for (int j = i + 1; j < molStart[k + 1]; j++) {
                    double dx = x[j] - x[i], dy = y[j] - y[i], dz = z[j] - z[i];
                    double ix = dx - box.ax() * Math.rint(dx / box.ax());
                    double iy = dy - box.by() * Math.rint(dy / box.by());
                    double iz = dz - box.cz() * Math.rint(dz / box.cz());
                    if ((ix != dx || iy != dy || iz != dz) && ix * ix + iy * iy + iz * iz < t2) n++;
                }
            }
            return n;
        }

        /**
         * Whether atoms i and j, with minimum-image displacement d, are two different molecules for the
         * clash test: atoms of different molecules, or of one molecule that meets its own periodic image.
         */
        boolean distinct(int i, int j, double dx, double dy, double dz) {
            int mi = molOf[i];
            if (mi != molOf[j]) return true;
            if (!mayTouchImage[molSpecies[mi]]) return false;
            double half = 0.5 * Math.min(box.ax(), Math.min(box.by(), box.cz()));
            return Math.abs(x[j] - x[i] - dx) > half || Math.abs(y[j] - y[i] - dy) > half || Math.abs(z[j] - z[i] - dz) > half;
        }

        // ------------------------------------------------------------ overlap relaxation

        double[] fx, fy, fz;
        double penalty, closest2;
        int clashPairs, selfImagePairs;
        CellList cells;
        final CellList.PairConsumer penaltyPair = this::penaltyPair;
        double tp2, tol2;

        private void penaltyPair(int i, int j, double dx, double dy, double dz, double r2) {
            if (!distinct(i, j, dx, dy, dz)) return;
            if (molOf[i] == molOf[j] && r2 < tol2) selfImagePairs++;
            double w = tp2 - r2;
            penalty += w * w;
            double g = 4 * w;
            fx[i] -= g * dx; fy[i] -= g * dy; fz[i] -= g * dz;
            fx[j] += g * dx; fy[j] += g * dy; fz[j] += g * dz;
            if (r2 < tol2) clashPairs++;
            if (r2 < closest2) closest2 = r2;
        }

        /** Penalty, forces on the atoms (minus its gradient), clashing pairs and closest pair. */
        void evaluate() {
            Arrays.fill(fx, 0);
            Arrays.fill(fy, 0);
            Arrays.fill(fz, 0);
            penalty = 0;
            clashPairs = 0;
            selfImagePairs = 0;
            closest2 = Double.POSITIVE_INFINITY;
            cells.build(box, x, y, z, null, natoms);
            cells.forEachPair(penaltyPair);
        }

        /**
         * FIRE (Bitzek et al., PRL 97, 170201, 2006) on rigid molecules: per molecule a velocity and an
         * angular velocity, "masses" = atom count and Σ|r − c|²; semi-implicit Euler steps; each
         * molecule moves at most {@code dmax} per step.
         */
        void relax() {
            double tp = 1.05 * check;
            tp2 = tp * tp;
            tol2 = check * check;
            fx = new double[natoms]; fy = new double[natoms]; fz = new double[natoms];
            cells = new CellList(tp);
            double[] vel = new double[6 * nmol], gen = new double[6 * nmol], inertia = new double[nmol];
            double dmax = 0.25 * check, dt = FIRE_DT0, mixing = FIRE_ALPHA0;
            int positive = 0;
            evaluate();
            // stall: no new low of the clashing pairs for STALL_STEPS steps since the last re-insertion;
            // failure: no new overall low for PROGRESS_STEPS steps, or re-insertions that do not help
            int lowSinceInsert = clashPairs, lowSinceInsertAt = 0, lowest = clashPairs, lowestAt = 0;
            int fewestBeforeInsert = Integer.MAX_VALUE, fruitless = 0;
            while (clashPairs > 0) {
                if (clashPairs < lowest) {
                    lowest = clashPairs;
                    lowestAt = relaxSteps;
                }
                if (clashPairs < lowSinceInsert) {
                    lowSinceInsert = clashPairs;
                    lowSinceInsertAt = relaxSteps;
                }
                if (relaxSteps >= maxRelaxSteps || fruitless >= MAX_FRUITLESS_REINSERTIONS
                        || relaxSteps - lowestAt > PROGRESS_STEPS) {
                    fail();
                }
                if (relaxSteps - lowSinceInsertAt > STALL_STEPS) {
                    // stalled: interlocked molecules; re-insert the smaller molecule of each clashing pair
                    if (clashPairs < fewestBeforeInsert) {
                        fewestBeforeInsert = clashPairs;
                        fruitless = 0;
                    } else {
                        fruitless++;
                    }
                    reinsertClashing();
                    evaluate();
                    Arrays.fill(vel, 0);
                    dt = FIRE_DT0;
                    mixing = FIRE_ALPHA0;
                    positive = 0;
                    lowSinceInsert = clashPairs;
                    lowSinceInsertAt = relaxSteps;
                    continue;
                }
                relaxSteps++;
                if (TRACE) {
                    System.err.printf(Locale.ROOT, "relax %d: penalty %.4e, %d clashing pairs, closest %.4f nm, dt %.3g%n",
                            relaxSteps, penalty, clashPairs, Math.sqrt(closest2), dt);
                }
                // generalised forces (force, torque about the centre) and FIRE's power and norms
                double power = 0, vv = 0, ff = 0;
                for (int k = 0; k < nmol; k++) {
                    double sfx = 0, sfy = 0, sfz = 0, tx = 0, ty = 0, tz = 0, in = 0;
                    for (int i = molStart[k]; i < molStart[k + 1]; i++) {
                        sfx += fx[i]; sfy += fy[i]; sfz += fz[i];
                        double rx = x[i] - cx[k], ry = y[i] - cy[k], rz = z[i] - cz[k];
                        tx += ry * fz[i] - rz * fy[i];
                        ty += rz * fx[i] - rx * fz[i];
                        tz += rx * fy[i] - ry * fx[i];
                        in += rx * rx + ry * ry + rz * rz;
                    }
                    int n = molStart[k + 1] - molStart[k], o = 6 * k;
                    gen[o] = sfx; gen[o + 1] = sfy; gen[o + 2] = sfz; gen[o + 3] = tx; gen[o + 4] = ty; gen[o + 5] = tz;
                    inertia[k] = in;
                    for (int d = 0; d < 6; d++) power += gen[o + d] * vel[o + d];
                    vv += n * (vel[o] * vel[o] + vel[o + 1] * vel[o + 1] + vel[o + 2] * vel[o + 2]);
                    ff += (sfx * sfx + sfy * sfy + sfz * sfz) / n;
                    if (in > 0) {
                        vv += in * (vel[o + 3] * vel[o + 3] + vel[o + 4] * vel[o + 4] + vel[o + 5] * vel[o + 5]);
                        ff += (tx * tx + ty * ty + tz * tz) / in;
                    }
                }
                if (power > 0) {
                    // turn the (mass-weighted) velocity towards the force
                    double mix = ff > 0 ? mixing * Math.sqrt(vv / ff) : 0;
                    for (int k = 0; k < nmol; k++) {
                        int n = molStart[k + 1] - molStart[k], o = 6 * k;
                        double invI = inertia[k] > 0 ? 1 / inertia[k] : 0;
                        for (int d = 0; d < 3; d++) {
                            vel[o + d] = (1 - mixing) * vel[o + d] + mix * gen[o + d] / n;
                            vel[o + 3 + d] = (1 - mixing) * vel[o + 3 + d] + mix * gen[o + 3 + d] * invI;
                        }
                    }
                    if (++positive > FIRE_NMIN) {
                        dt = Math.min(dt * FIRE_FINC, FIRE_DTMAX);
                        mixing *= FIRE_FALPHA;
                    }
                } else {
                    Arrays.fill(vel, 0);
                    dt *= FIRE_FDEC;
                    mixing = FIRE_ALPHA0;
                    positive = 0;
                }
                for (int k = 0; k < nmol; k++) {
                    int n = molStart[k + 1] - molStart[k], o = 6 * k;
                    double invI = inertia[k] > 0 ? 1 / inertia[k] : 0;
                    for (int d = 0; d < 3; d++) {
                        vel[o + d] += dt * gen[o + d] / n;
                        vel[o + 3 + d] += dt * gen[o + 3 + d] * invI;
                    }
                    double dx = dt * vel[o], dy = dt * vel[o + 1], dz = dt * vel[o + 2];
                    double wx = dt * vel[o + 3], wy = dt * vel[o + 4], wz = dt * vel[o + 5];
                    if (dx == 0 && dy == 0 && dz == 0 && wx == 0 && wy == 0 && wz == 0) continue;
                    double disp = Math.sqrt(dx * dx + dy * dy + dz * dz)
                            + radius[molSpecies[k]] * Math.sqrt(wx * wx + wy * wy + wz * wz);
                    if (disp > dmax) {
                        double sc = dmax / disp;
                        dx *= sc; dy *= sc; dz *= sc; wx *= sc; wy *= sc; wz *= sc;
                        for (int d = 0; d < 6; d++) vel[o + d] *= sc;
                    }
                    cx[k] += dx; cy[k] += dy; cz[k] += dz;
                    rotate(k, wx, wy, wz);
                    place(k);
                }
                evaluate();
            }
        }

        /** Re-inserts at random the smaller molecule (fewer atoms; else the later one) of every clashing pair. */
        void reinsertClashing() {
            boolean[] out = new boolean[nmol];
            cells.forEachPair((i, j, dx, dy, dz, r2) -> {
                int a = molOf[i], b = molOf[j];
                if (r2 >= tol2 || !distinct(i, j, dx, dy, dz)) return;
                int na = molStart[a + 1] - molStart[a], nb = molStart[b + 1] - molStart[b];
                out[na < nb || (na == nb && a > b) ? a : b] = true;
            });
            Grid grid = new Grid(box, check, natoms);
            for (int k = 0; k < nmol; k++) {
                if (out[k]) continue;
                for (int i = molStart[k]; i < molStart[k + 1]; i++) grid.add(x[i], y[i], z[i]);
            }
            for (int k = 0; k < nmol; k++) {
                if (!out[k]) continue;
                insert(k, grid);
                reinserted++;
            }
        }

        void fail() {
            if (selfImagePairs > 0) {
                Template t = null;
                for (int k = 0; k < templates.size(); k++) if (mayTouchImage[k]) t = templates.get(k);
                throw new InputException(String.format(Locale.ROOT, "%s (%.3f nm across) touches its own periodic image; "
                        + "use a box edge of at least %.3f nm (its length plus the minimum distance) or lower the density",
                        t.name(), t.diameter(), t.diameter() + check));
            }
            throw new InputException(String.format(Locale.ROOT, "the molecules do not fit: after %d relaxation steps and "
                    + "%d re-insertions %d atom pairs of different molecules are still closer than %s nm (closest %.4f nm; "
                    + "%d atoms, %.1f atoms/nm3, where molecular liquids have 80-110); lower the density or use a larger box",
                    relaxSteps, reinserted, clashPairs, fmt(tolerance), Math.sqrt(closest2), natoms, natoms / box.volume()));
        }

        /** Turns molecule k by the small rotation vector w (rad): q ← (w/2, 1)·q, normalised. */
        void rotate(int k, double wx, double wy, double wz) {
            double ax = 0.5 * wx, ay = 0.5 * wy, az = 0.5 * wz;
            double nx = qx[k] + ax * qw[k] + ay * qz[k] - az * qy[k];
            double ny = qy[k] + ay * qw[k] + az * qx[k] - ax * qz[k];
            double nz = qz[k] + az * qw[k] + ax * qy[k] - ay * qx[k];
            double nw = qw[k] - ax * qx[k] - ay * qy[k] - az * qz[k];
            double inv = 1 / Math.sqrt(nx * nx + ny * ny + nz * nz + nw * nw);
            qx[k] = nx * inv; qy[k] = ny * inv; qz[k] = nz * inv; qw[k] = nw * inv;
        }

        /** Shifts every molecule by whole box vectors so that its centre lies in [0, L). */
        void wrapCentres() {
            for (int k = 0; k < nmol; k++) {
                double sx = -box.ax() * Math.floor(cx[k] / box.ax());
                double sy = -box.by() * Math.floor(cy[k] / box.by());
                double sz = -box.cz() * Math.floor(cz[k] / box.cz());
                if (sx == 0 && sy == 0 && sz == 0) continue;
                cx[k] += sx; cy[k] += sy; cz[k] += sz;
                for (int i = molStart[k]; i < molStart[k + 1]; i++) {
                    x[i] += sx; y[i] += sy; z[i] += sz;
                }
            }
        }

        /** All pairs of atoms of different molecules, minimum image (dilute boxes: no pair within half the box). */
        double bruteForceMinDistance() {
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < natoms; i++) {
                for (int j = i + 1; j < natoms; j++) {
                    if (molOf[i] == molOf[j]) continue;
                    double dx = x[j] - x[i], dy = y[j] - y[i], dz = z[j] - z[i];
                    dx -= box.ax() * Math.rint(dx / box.ax());
                    dy -= box.by() * Math.rint(dy / box.by());
                    dz -= box.cz() * Math.rint(dz / box.cz());
                    best = Math.min(best, dx * dx + dy * dy + dz * dz);
                }
            }
            return Math.sqrt(best);
        }

        /**
         * Shortest distance between atoms of different molecules, or of a molecule and its own periodic
         * image (minimum image); +∞ for a single molecule that cannot meet its image.
         */
        double minDistance() {
            double half = 0.5 * box.minHeight();
            double rc = Math.min(half, 2 * check);
            while (true) {
                CellList cl = new CellList(rc);
                cl.build(box, x, y, z, null, natoms);
                double[] best = {Double.POSITIVE_INFINITY};
                cl.forEachPair((i, j, dx, dy, dz, r2) -> {
                    if (r2 < best[0] && distinct(i, j, dx, dy, dz)) best[0] = r2;
                });
                if (best[0] < Double.POSITIVE_INFINITY) return Math.sqrt(best[0]);
                if (rc >= half) return bruteForceMinDistance();
                rc = Math.min(half, 2 * rc);
            }
        }
    }

    /** Atoms placed so far, wrapped into the box and binned in cells at least one tolerance wide. */
    private static final class Grid {
        final double lx, ly, lz, tol2;
        final int nx, ny, nz;
        final int[] head, next;
        final double[] px, py, pz;
        int count;

        Grid(Box box, double tol, int capacity) {
            lx = box.ax();
            ly = box.by();
            lz = box.cz();
            tol2 = tol * tol;
            nx = Math.max(1, (int) Math.floor(lx / tol));
            ny = Math.max(1, (int) Math.floor(ly / tol));
            nz = Math.max(1, (int) Math.floor(lz / tol));
            head = new int[nx * ny * nz];
            Arrays.fill(head, -1);
            next = new int[capacity];
            px = new double[capacity];
            py = new double[capacity];
            pz = new double[capacity];
        }

        private static int cell(double w, double l, int n) {
            int c = (int) (w / l * n);
            return c >= n ? n - 1 : c;
        }

        void add(double x, double y, double z) {
            double wx = x - lx * Math.floor(x / lx), wy = y - ly * Math.floor(y / ly), wz = z - lz * Math.floor(z / lz);
            int c = (cell(wz, lz, nz) * ny + cell(wy, ly, ny)) * nx + cell(wx, lx, nx);
            px[count] = wx;
            py[count] = wy;
            pz[count] = wz;
            next[count] = head[c];
            head[c] = count++;
        }

        /**
         * Whether an atom lies closer than the tolerance to (x, y, z), minimum image. The 27 cells around
         * the point with their lattice shifts cover every image within one cell width, also when there
         * are fewer than 3 cells along an axis.
         */
        boolean clash(double x, double y, double z) {
            double wx = x - lx * Math.floor(x / lx), wy = y - ly * Math.floor(y / ly), wz = z - lz * Math.floor(z / lz);
            int cx = cell(wx, lx, nx), cy = cell(wy, ly, ny), cz = cell(wz, lz, nz);
            for (int oz = -1; oz <= 1; oz++) {
                int tz = cz + oz, kz = Math.floorMod(tz, nz);
                double sz = Math.floorDiv(tz, nz) * lz;
                for (int oy = -1; oy <= 1; oy++) {
                    int ty = cy + oy, ky = Math.floorMod(ty, ny);
                    double sy = Math.floorDiv(ty, ny) * ly;
                    for (int ox = -1; ox <= 1; ox++) {
                        int tx = cx + ox, kx = Math.floorMod(tx, nx);
                        double sx = Math.floorDiv(tx, nx) * lx;
                        for (int a = head[(kz * ny + ky) * nx + kx]; a >= 0; a = next[a]) {
                            double dx = px[a] + sx - wx, dy = py[a] + sy - wy, dz = pz[a] + sz - wz;
                            if (dx * dx + dy * dy + dz * dz < tol2) return true;
                        }
                    }
                }
            }
            return false;
        }
    }
}
