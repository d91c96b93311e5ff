package org.sheath.analysis.shells;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.sheath.analysis.core.Analysis;
import org.sheath.analysis.core.RunInfo;
import org.sheath.analysis.core.Universe;
import org.sheath.analysis.select.Selection;
import org.sheath.analysis.select.Sites;
import org.sheath.analysis.traj.Frame;
import org.sheath.analysis.transport.FrameTimes;
import org.sheath.engine.neighbor.CellList;
import org.sheath.engine.system.Box;
import org.sheath.forcefields.InputException;

/**
 * Solvation shells (speciation): for every ref site and frame, the molecules of each species with at
 * least one selected atom closer than the species' shell radius (the ref site's own molecule never
 * counts). From these: mean coordination numbers, the distribution of shell compositions, SSIP/CIP/AGG
 * for an anion species and residence times ({@link Residence}).
 *
 * <p>Ion pairing follows the network definition of the solvation_analysis package (Networking:
 * "alone", "paired", "networked"), with the cation side of the network widened to extra cations:
 * <ul>
 *   <li>SSIP — no anion in the ref ion's shell;</li>
 *   <li>CIP — exactly one anion in the shell, and that anion is in no other cation's shell (no other
 *   ref site has it within the anion radius, no extra cation within the cation radius);</li>
 *   <li>AGG — everything else: two or more anions in the shell, or an anion shared with another cation.</li>
 * </ul>
 * The anion-centred count (how many cations coordinate each anion) is reported as well.
 *
 * <p>All radii must be set ({@link Shells#run} fills automatic ones from RDFs first).
 */
public final class ShellAnalysis implements Analysis<ShellOptions, ShellAnalysis.Partial, ShellResult> {
    static final int HIST_CAP = 24;

    private ShellOptions opt;
    private Universe u;
    private Sites ref;
    private int nspec, nref;
    private int[][] specAtoms;
    private int[][] molLocal; // per species: universe molecule → local index, −1 if not in the species
    private int[] nmol;
    private double[] radius;
    private int anion = -1;
    private int[] extraCations = new int[0];
    private double cationRadius = Double.NaN;
    private String refLabel;

    @Override
    public String name() {
        return "shells";
    }

    @Override
    public void prepare(Universe universe, ShellOptions o, Frame first) {
        this.opt = o;
        this.u = universe;
        if (o.species().isEmpty()) throw new InputException("give at least one --species NAME=SEL");
        int[] ra = Selection.parse(o.ref()).selectNonEmpty(universe, "--ref");
        ref = Sites.of(universe, ra, o.refSite(), Sites.Grouping.MOLECULE, "--ref-site");
        nref = ref.count;
        nspec = o.species().size();
        specAtoms = new int[nspec][];
        molLocal = new int[nspec][];
        nmol = new int[nspec];
        radius = new double[nspec];
        for (int s = 0; s < nspec; s++) {
            ShellOptions.Species sp = o.species().get(s);
            specAtoms[s] = Selection.parse(sp.selection()).selectNonEmpty(universe, "--species " + sp.name());
            radius[s] = sp.radius();
            if (!(radius[s] > 0)) {
                throw new InputException("--radius " + sp.name() + " must be a positive distance in nm, not " + radius[s]);
            }
            molLocal[s] = new int[universe.moleculeCount()];
            Arrays.fill(molLocal[s], -1);
            for (int a : specAtoms[s]) {
                int m = universe.molecule[a];
                if (molLocal[s][m] < 0) molLocal[s][m] = nmol[s]++;
            }
        }
        if (o.anion() != null) {
            anion = o.speciesIndex(o.anion());
            if (anion < 0) {
                throw new InputException("--anion '" + o.anion() + "' is not a species; give one of the --species names: "
                        + String.join(", ", o.species().stream().map(ShellOptions.Species::name).toList()));
            }
            if (o.cations() != null) {
                int[] ca = Selection.parse(o.cations()).selectNonEmpty(universe, "--cations");
                boolean[] isRef = new boolean[universe.natoms];
                for (int a : ra) isRef[a] = true;
                extraCations = Arrays.stream(ca).filter(a -> !isRef[a]).toArray();
                if (extraCations.length > 0) {
                    cationRadius = o.cationRadius();
                    if (!(cationRadius > 0)) {
                        throw new InputException("--cation-radius must be a positive distance in nm, not " + cationRadius);
                    }
                }
            }
        }
        if (first.box == null) throw new InputException("frame " + first.index + " has no periodic box; shells need one");
        Box b = box(first);
        for (int s = 0; s < nspec; s++) {
            if (cutoff(s) > 0.5 * b.minHeight()) {
                throw new InputException(String.format(Locale.ROOT, "shell radius %.4f nm of %s is longer than half the "
                        + "shortest box height (%.4f nm): give a smaller radius or a larger box", cutoff(s), o.species().get(s).name(), 0.5 * b.minHeight()));
            }
        }
        int m0 = ref.molecule[0];
        boolean monatomic = universe.moleculeStart[m0 + 1] - universe.moleculeStart[m0] == 1 && o.refSite() == Sites.Mode.ATOM;
        refLabel = monatomic ? universe.element[ref.atoms[0]] : universe.moleculeType[m0];
    }

    private double cutoff(int s) {
        return s == anion && extraCations.length > 0 ? Math.max(radius[s], cationRadius) : radius[s];
    }

    private static Box box(Frame f) {
        if (f.box == null) throw new InputException("frame " + f.index + " has no periodic box; shells need one");
        try {
            return Box.fromMatrix(f.box);
        } catch (IllegalArgumentException e) {
            throw new InputException("frame " + f.index + ": unusable box: " + e.getMessage());
        }
    }

    record FrameRecord(double time, int[][] pairs) {
    }

    /** Per-thread counts and the per-frame pair lists (for residence times). */
    public final class Partial implements Analysis.Partial<Partial> {
        long refFrames, anionFrames;
        final double[] cnSum = new double[nspec];
        final long[][] cnHist = new long[nspec][HIST_CAP + 1];
        final Map<String, long[]> comp = new HashMap<>();
        long ssip, cip, agg;
        final long[] anionHist = new long[HIST_CAP + 1];
        final TreeMap<Integer, FrameRecord> frames = new TreeMap<>();

        // scratch
        private final CellList[] cells = new CellList[nspec];
        private final int[][] stamp = new int[nspec][];
        private int cur;
        private final int[][] counts = new int[nref][nspec];
        private final int[] anionCations = new int[anion >= 0 ? nmol[anion] : 0];
        private final double[] rx = new double[nref], ry = new double[nref], rz = new double[nref];
        private final Sites.Workspace ws = new Sites.Workspace();
        private int[] found = new int[16];
        private int nfound;
        private final int[][] firstAnion = new int[nref][];
        private final int[][] pairBuf = new int[nspec][];
        private final int[] npairs = new int[nspec];

        Partial() {
            for (int s = 0; s < nspec; s++) {
                cells[s] = new CellList(cutoff(s));
                stamp[s] = new int[nmol[s]];
                pairBuf[s] = new int[64];
            }
            for (int i = 0; i < nref; i++) firstAnion[i] = new int[1];
        }

        @Override
        public void merge(Partial o) {
            refFrames += o.refFrames;
            anionFrames += o.anionFrames;
            for (int s = 0; s < nspec; s++) {
                cnSum[s] += o.cnSum[s];
                for (int k = 0; k <= HIST_CAP; k++) cnHist[s][k] += o.cnHist[s][k];
            }
            o.comp.forEach((k, v) -> comp.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
            ssip += o.ssip;
            cip += o.cip;
            agg += o.agg;
            for (int k = 0; k <= HIST_CAP; k++) anionHist[k] += o.anionHist[k];
            frames.putAll(o.frames);
        }

        private void addFound(int local) {
            if (nfound == found.length) found = Arrays.copyOf(found, 2 * nfound);
            found[nfound++] = local;
        }

        private void addPair(int s, int key) {
            if (npairs[s] == pairBuf[s].length) pairBuf[s] = Arrays.copyOf(pairBuf[s], 2 * npairs[s]);
            pairBuf[s][npairs[s]++] = key;
        }
    }

    @Override
    public Partial newPartial() {
        return new Partial();
    }

    /**
     * Collects into p.found (p.nfound of them) the species-s molecules, as local indices, with an atom
     * closer than √r2max to the point, other than molecule {@code own}; each molecule once.
     */
    private void findMolecules(Partial p, int s, double x, double y, double z, int own, double r2max, int[] local,
                               int[] st, int queryIndex) {
        final int[] mol = u.molecule;
        final int tag = ++p.cur;
        p.nfound = 0;
        p.cells[s].forEachNeighbor(x, y, z, (q, a, dx, dy, dz, r2) -> {
            if (r2 >= r2max) return;
            int m = mol[a];
            if (m == own) return;
            int l = local[m];
            if (st[l] != tag) {
                st[l] = tag;
                p.addFound(l);
            }
        }, queryIndex);
    }

    @Override
    public void accumulate(Frame f, Partial p) {
        Box box = box(f);
        if (2 * maxCutoff() > box.minHeight() * (1 + 1e-12)) {
            throw new InputException(String.format(Locale.ROOT, "frame %d: a shell radius (%.4f nm) is longer than half the "
                    + "shortest box height (%.4f nm; the box shrank): give a smaller radius or analyse a larger box", f.index, maxCutoff(), 0.5 * box.minHeight()));
        }
        ref.positions(f, box, p.rx, p.ry, p.rz, p.ws);
        if (anion >= 0) Arrays.fill(p.anionCations, 0);
        final int[] mol = u.molecule;
        for (int s = 0; s < nspec; s++) {
            final int ss = s;
            final double r2max = radius[s] * radius[s];
            final int[] local = molLocal[s];
            final int[] st = p.stamp[s];
            p.cells[s].build(box, f.x, f.y, f.z, specAtoms[s], specAtoms[s].length);
            p.npairs[s] = 0;
            for (int i = 0; i < nref; i++) {
                findMolecules(p, s, p.rx[i], p.ry[i], p.rz[i], ref.molecule[i], r2max, local, st, i);
                p.counts[i][s] = p.nfound;
                for (int k = 0; k < p.nfound; k++) p.addPair(s, i * nmol[s] + p.found[k]);
                if (s == anion) {
                    for (int k = 0; k < p.nfound; k++) p.anionCations[p.found[k]]++;
                    if (p.nfound > 0) p.firstAnion[i][0] = p.found[0];
                }
            }
            if (s == anion && extraCations.length > 0) {
                final double rc2 = cationRadius * cationRadius;
                for (int c : extraCations) {
                    findMolecules(p, s, f.x[c], f.y[c], f.z[c], mol[c], rc2, local, st, c);
                    for (int k = 0; k < p.nfound; k++) p.anionCations[p.found[k]]++;
                }
            }
            if (ss == anion) {
                for (int l = 0; l < nmol[s]; l++) p.anionHist[Math.min(HIST_CAP, p.anionCations[l])]++;
                p.anionFrames += nmol[s];
            }
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < nref; i++) {
            key.setLength(0);
            for (int s = 0; s < nspec; s++) {
                int c = p.counts[i][s];
                p.cnSum[s] += c;
                p.cnHist[s][Math.min(HIST_CAP, c)]++;
                if (s > 0) key.append(',');
                key.append(c);
            }
            p.comp.computeIfAbsent(key.toString(), k -> new long[1])[0]++;
            if (anion >= 0) {
                int na = p.counts[i][anion];
                if (na == 0) p.ssip++;
                else if (na == 1 && p.anionCations[p.firstAnion[i][0]] == 1) p.cip++;
                else p.agg++;
            }
        }
        p.refFrames += nref;
        if (opt.residence()) {
            int[][] pairs = new int[nspec][];
            for (int s = 0; s < nspec; s++) pairs[s] = Residence.sorted(p.pairBuf[s], p.npairs[s]);
            p.frames.put(f.index, new FrameRecord(f.time, pairs));
        } else {
            p.frames.put(f.index, new FrameRecord(f.time, null));
        }
    }

    private double maxCutoff() {
        double m = 0;
        for (int s = 0; s < nspec; s++) m = Math.max(m, cutoff(s));
        return m;
    }

    @Override
    public ShellResult conclude(Partial p, RunInfo info) {
        double rf = p.refFrames;
        double[] mean = new double[nspec];
        double[][] hist = new double[nspec][];
        for (int s = 0; s < nspec; s++) {
            mean[s] = p.cnSum[s] / rf;
            int top = HIST_CAP;
            while (top > 0 && p.cnHist[s][top] == 0) top--;
            hist[s] = new double[top + 1];
            for (int k = 0; k <= top; k++) hist[s][k] = p.cnHist[s][k] / rf;
        }
        List<ShellResult.Composition> comps = new ArrayList<>();
        for (Map.Entry<String, long[]> e : p.comp.entrySet()) {
            int[] c = Arrays.stream(e.getKey().split(",")).mapToInt(Integer::parseInt).toArray();
            comps.add(new ShellResult.Composition(label(c), c, e.getValue()[0], e.getValue()[0] / rf));
        }
        comps.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.label().compareTo(b.label()));
        ShellResult.Pairing pairing = null;
        if (anion >= 0) {
            int top = HIST_CAP;
            while (top > 0 && p.anionHist[top] == 0) top--;
            double[] ah = new double[top + 1];
            for (int k = 0; k <= top; k++) ah[k] = p.anionHist[k] / (double) p.anionFrames;
            pairing = new ShellResult.Pairing(opt.anion(), p.ssip / rf, p.cip / rf, p.agg / rf, cationRadius,
                    extraCations.length, ah);
        }
        int nf = p.frames.size();
        int[] idx = new int[nf];
        double[] time = new double[nf];
        int k = 0;
        for (Map.Entry<Integer, FrameRecord> e : p.frames.entrySet()) {
            idx[k] = e.getKey();
            time[k++] = e.getValue().time();
        }
        double dt = Double.NaN;
        Residence.Result[] res = null;
        if (opt.residence()) {
            dt = FrameTimes.step(idx, time, opt.dt(), "residence times");
            res = new Residence.Result[nspec];
            for (int s = 0; s < nspec; s++) {
                List<int[]> series = new ArrayList<>(nf);
                for (FrameRecord r : p.frames.values()) series.add(r.pairs()[s]);
                res[s] = Residence.compute(series, dt);
            }
        }
        boolean[] fromRdf = new boolean[nspec];
        return new ShellResult(opt, refLabel, nref, radius.clone(), fromRdf, mean, hist, comps, pairing, res, nf, dt, info);
    }

    private String label(int[] c) {
        StringBuilder sb = new StringBuilder(refLabel);
        for (int s = 0; s < nspec; s++) {
            if (c[s] > 0) sb.append('(').append(opt.species().get(s).name()).append(')').append(c[s]);
        }
        return sb.toString();
    }
}
