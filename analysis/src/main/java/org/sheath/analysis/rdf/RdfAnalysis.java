package org.sheath.analysis.rdf;

import java.util.Locale;
import org.sheath.analysis.core.Analysis;
import org.sheath.analysis.core.RunInfo;
import org.sheath.analysis.core.Universe;
import org.sheath.analysis.select.Selection;
import org.sheath.analysis.select.Sites;
import org.sheath.analysis.traj.Frame;
import org.sheath.engine.neighbor.CellList;
import org.sheath.engine.system.Box;
import org.sheath.forcefields.InputException;

/**
 * Radial distribution function g(r) between two site sets and the running coordination number.
 *
 * <p>Per frame f the pairs (i ∈ ref, j ∈ sel) closer than rmax are histogrammed (the shared
 * {@link CellList} kernel; when ref and sel are the same sites each unordered pair is found once and
 * counted twice). A pair is left out when i and j are the same site, and with
 * {@code excludeSameMolecule} when they belong to one molecule. With N_p the number of allowed
 * ordered pairs, V_f the frame's volume and ΔV_k the shell volume of bin k,
 *
 * <pre>  g_k = (1/F) Σ_f h_fk / (N_p ΔV_k / V_f)  </pre>
 *
 * so every frame is normalised by its own volume (correct under NPT), and g → 1 at large r for an
 * uncorrelated system whatever is excluded. The running coordination number is the mean number of
 * allowed sel sites within r of a ref site, CN(r) = (1/F) Σ_f Σ_{k: r_k &lt; r} h_fk / N_ref =
 * (1/F) Σ_f 4π ρ_f ∫ g_f r² dr with ρ_f = N_p / (N_ref V_f) — for constant volume exactly
 * 4π ρ ∫ g r² dr with the allowed-pair density ρ.
 */
public final class RdfAnalysis implements Analysis<RdfOptions, RdfAnalysis.Partial, RdfResult> {
    private RdfOptions opt;
    private Sites ref, sel;
    private String refLabel, selLabel;
    private boolean sameSites;
    private int[] selfOf; // sel site identical to ref site i, or -1
    private long pairs;
    private int nbins;
    private double dr, rmax;

    @Override
    public String name() {
        return "rdf";
    }

    @Override
    public void prepare(Universe u, RdfOptions o, Frame first) {
        this.opt = o;
        int[] ra = Selection.parse(o.ref()).selectNonEmpty(u, "--ref");
        int[] sa = Selection.parse(o.sel()).selectNonEmpty(u, "--sel");
        ref = Sites.of(u, ra, o.refSite(), o.grouping(), "--ref-site");
        sel = Sites.of(u, sa, o.selSite(), o.grouping(), "--sel-site");
        String rl = ref.chemicalLabel(u), sl = sel.chemicalLabel(u);
        refLabel = rl == null ? o.ref() : rl;
        selLabel = sl == null ? o.sel() : sl;
        sameSites = ref.sameAs(sel);
        selfOf = new int[ref.count];
        java.util.Arrays.fill(selfOf, -1);
        if (sameSites) {
            for (int i = 0; i < ref.count; i++) selfOf[i] = i;
        } else if (ref.mode == sel.mode) {
            // identical sites appear in the same order in both lists (atoms ascending): merge-walk
            int t = 0;
            for (int s = 0; s < ref.count; s++) {
                int a = ref.atoms[ref.start[s]];
                while (t < sel.count && sel.atoms[sel.start[t]] < a) t++;
                if (t < sel.count && ref.sameSite(s, sel, t)) selfOf[s] = t;
            }
        }
        // allowed ordered pairs
        long p = 0;
        if (o.excludeSameMolecule()) {
            int[] selPerMol = new int[u.moleculeCount()];
            for (int t = 0; t < sel.count; t++) selPerMol[sel.molecule[t]]++;
            for (int s = 0; s < ref.count; s++) {
                p += sel.count - selPerMol[ref.molecule[s]];
            }
        } else {
            p = (long) ref.count * sel.count;
            for (int s = 0; s < ref.count; s++) if (selfOf[s] >= 0) p--;
        }
        pairs = p;
        if (pairs <= 0) {
            throw new InputException("--ref '" + o.ref() + "' and --sel '" + o.sel() + "' leave no pairs to count"
                    + (o.excludeSameMolecule() ? " once same-molecule pairs are excluded" : " (only self pairs)"));
        }
        if (first.box == null) throw new InputException("frame " + first.index + " has no periodic box; an RDF needs one");
        Box b0 = box(first);
        if (!(o.bin() > 0)) throw new InputException("--bin must be positive, not " + o.bin());
        double half = 0.5 * b0.minHeight();
        double rm = o.rmax();
        if (Double.isNaN(rm)) {
            rm = Math.floor(half / o.bin() * (1 + 1e-12)) * o.bin();
            if (rm <= 0) rm = half;
        } else if (!(rm > 0)) {
            throw new InputException("--rmax must be positive, not " + rm);
        } else if (rm > half * (1 + 1e-12)) {
            throw new InputException(String.format(Locale.ROOT, "--rmax %.4f nm is longer than half the shortest box "
                    + "height of frame %d (%.4f nm); use --rmax %.4f or less", rm, first.index, half, half));
        }
        double nb = Math.round(rm / o.bin());
        if (nb < 2) {
            throw new InputException(String.format(Locale.ROOT, "--bin %.4g nm leaves fewer than 2 bins below rmax %.4g nm; "
                    + "use --bin %.4g or less (the default is 0.002)", o.bin(), rm, rm / 10));
        }
        if (nb > MAX_BINS) {
            throw new InputException(String.format(Locale.ROOT, "--bin %.4g nm makes %.3g bins below rmax %.4g nm (at most %d); "
                    + "use --bin %.4g or more", o.bin(), nb, rm, MAX_BINS, rm / MAX_BINS));
        }
        if (!(o.smooth() >= 0) || o.smooth() > rm) {
            throw new InputException(String.format(Locale.ROOT, "--smooth %.4g nm must be between 0 (no smoothing) and rmax %.4g nm; "
                    + "the default is 0.01", o.smooth(), rm));
        }
        if (!Double.isNaN(o.shellRadius()) && !(o.shellRadius() > 0 && o.shellRadius() <= rm)) {
            throw new InputException(String.format(Locale.ROOT, "--shell-radius %.4g nm must be above 0 and at most rmax %.4g nm",
                    o.shellRadius(), rm));
        }
        rmax = rm;
        nbins = (int) nb;
        dr = rmax / nbins;
    }

    private static Box box(Frame f) {
        try {
            return Box.fromMatrix(f.box);
        } catch (IllegalArgumentException e) {
            throw new InputException("frame " + f.index + ": unusable box: " + e.getMessage());
        }
    }

    /** More bins than this is a typo in --bin (1e-9 nm asked for 1e9 bins and ran out of memory). */
    static final int MAX_BINS = 1_000_000;

    /** Per-thread histogram: counts, counts weighted by the frame volume, volumes. */
    public final class Partial implements Analysis.Partial<Partial> {
        final long[] counts = new long[nbins];
        final double[] countsV = new double[nbins];
        final int[] frameHist = new int[nbins];
        /** Frames that covered each bin: all of them, except where an NPT box shrank below 2·rmax. */
        final int[] binFrames = new int[nbins];
        int frames, shrunkFrames;
        double sumV, smallestHalf = Double.POSITIVE_INFINITY;
        final CellList cells = new CellList(rmax);
        /** For frames whose half-height is below rmax: the cut-off set to the bins they cover. */
        final CellList shrunkCells = new CellList(rmax);
        final Sites.Workspace ws = new Sites.Workspace();
        final double[] rx = new double[ref.count], ry = new double[ref.count], rz = new double[ref.count];
        final double[] sx = new double[sel.count], sy = new double[sel.count], sz = new double[sel.count];

        @Override
        public void merge(Partial o) {
            for (int k = 0; k < nbins; k++) {
                counts[k] += o.counts[k];
                countsV[k] += o.countsV[k];
                binFrames[k] += o.binFrames[k];
            }
            frames += o.frames;
            shrunkFrames += o.shrunkFrames;
            smallestHalf = Math.min(smallestHalf, o.smallestHalf);
            sumV += o.sumV;
        }
    }

    @Override
    public Partial newPartial() {
        return new Partial();
    }

    @Override
    public void accumulate(Frame f, Partial p) {
        if (f.box == null) throw new InputException("frame " + f.index + " has no periodic box; an RDF needs one");
        Box box = box(f);
        double half = 0.5 * box.minHeight();
        p.smallestHalf = Math.min(p.smallestHalf, half);
        int nb = nbins;
        CellList cells = p.cells;
        if (rmax > half * (1 + 1e-12)) {
            // an NPT box smaller than in the first frame: this frame counts for the bins within its half-height only
            nb = (int) Math.floor(half / dr * (1 + 1e-12));
            if (nb < 1) {
                throw new InputException(String.format(Locale.ROOT, "frame %d: half its shortest box height (%.4f nm) is "
                        + "less than one bin (%.4g nm); use a smaller --bin", f.index, half, dr));
            }
            cells = p.shrunkCells;
            cells.setCutoff(nb * dr);
            p.shrunkFrames++;
        }
        final int[] h = p.frameHist;
        final double inv = 1.0 / dr;
        final boolean excl = opt.excludeSameMolecule();
        sel.positions(f, box, p.sx, p.sy, p.sz, p.ws);
        cells.build(box, p.sx, p.sy, p.sz, null, sel.count);
        if (sameSites) {
            // each unordered pair once, counted for both orders
            cells.histogramPairs(h, nb, inv, 2, excl ? sel.molecule : null, 0, cells.cellCount());
        } else {
            ref.positions(f, box, p.rx, p.ry, p.rz, p.ws);
            final int[] self = selfOf, molR = ref.molecule;
            final int[] label = excl ? sel.molecule : null;
            for (int i = 0; i < ref.count; i++) {
                cells.histogramNeighbors(p.rx[i], p.ry[i], p.rz[i], h, nb, inv, self[i], label, excl ? molR[i] : 0);
            }
        }
        double v = box.volume();
        for (int k = 0; k < nb; k++) {
            p.binFrames[k]++;
            int c = h[k];
            if (c != 0) {
                p.counts[k] += c;
                p.countsV[k] += c * v;
                h[k] = 0;
            }
        }
        p.frames++;
        p.sumV += v;
    }

    @Override
    public RdfResult conclude(Partial p, RunInfo info) {
        int n = nbins;
        double[] r = new double[n], g = new double[n], value = new double[n], cn = new double[n];
        double fr = p.frames, cum = 0;
        long cumCounts = 0;
        for (int k = 0; k < n; k++) {
            double lo = k * dr, hi = (k + 1) * dr;
            r[k] = (k + 0.5) * dr;
            double shell = 4.0 / 3.0 * Math.PI * (hi * hi * hi - lo * lo * lo);
            double fk = p.binFrames[k]; // = frames unless the box shrank below 2·rmax in some
            g[k] = p.countsV[k] / (fk * pairs * shell);
            cum += p.counts[k] / fk;
            cumCounts += p.counts[k];
            cn[k] = p.shrunkFrames == 0 ? cumCounts / (fr * ref.count) : cum / ref.count;
            switch (opt.norm()) {
                case RDF: value[k] = g[k]; break;
                case DENSITY: value[k] = p.counts[k] / (fk * ref.count * shell); break;
                default: value[k] = p.counts[k] / (fk * ref.count); break;
            }
        }
        double meanV = p.sumV / fr;
        RdfResult.Shell shell = ShellFinder.find(g, cn, dr, opt.smooth(), opt.shellRadius());
        String note = p.shrunkFrames == 0 ? "" : String.format(Locale.ROOT, "the box shrank below 2 x rmax in %d of %d frames "
                + "(smallest half-height %.4f nm): bins beyond it average over the frames that cover them", p.shrunkFrames,
                p.frames, p.smallestHalf);
        return new RdfResult(opt, r, value, g, cn, dr, rmax, ref.count, sel.count, pairs, meanV,
                pairs / (double) ref.count / meanV, shell, info, note, refLabel, selLabel);
    }
}
