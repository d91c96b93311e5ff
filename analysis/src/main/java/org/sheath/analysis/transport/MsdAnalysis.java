package org.sheath.analysis.transport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.sheath.engine.system.Box;
import org.sheath.forcefields.InputException;

/**
 * Mean squared displacement per species, self-diffusion coefficients, Nernst–Einstein conductivity
 * and a transference-number estimate.
 *
 * <p>The workers only collect the sites' (wrapped) positions, box and time of every frame;
 * {@link #conclude} orders the frames, checks that they are evenly spaced ({@link FrameTimes}),
 * unwraps them ({@link Unwrap}), averages the windowed MSD over all time origins ({@link Msd}, FFT) and
 * over the sites of each species (sites grouped by molecule type), and fits D ({@link DiffusionFit}).
 * Memory: 12 bytes per site and frame.
 */
public final class MsdAnalysis implements Analysis<MsdOptions, MsdAnalysis.Partial, MsdResult> {
    private MsdOptions opt;
    private Universe u;
    private Sites sites;

    @Override
    public String name() {
        return "msd";
    }

    @Override
    public void prepare(Universe universe, MsdOptions o, Frame first) {
        this.opt = o;
        this.u = universe;
        int[] a = Selection.parse(o.sel()).selectNonEmpty(universe, "--sel");
        sites = Sites.of(universe, a, o.site(), o.grouping(), "--site");
    }

    record Rec(double time, float[] xyz, double[] box) {
    }

    /** Per-thread store of frames. */
    public final class Partial implements Analysis.Partial<Partial> {
        final TreeMap<Integer, Rec> frames = new TreeMap<>();
        final double[] sx = new double[sites.count], sy = new double[sites.count], sz = new double[sites.count];
        final Sites.Workspace ws = new Sites.Workspace();

        @Override
        public void merge(Partial o) {
            frames.putAll(o.frames);
        }
    }

    @Override
    public Partial newPartial() {
        return new Partial();
    }

    @Override
    public void accumulate(Frame f, Partial p) {
        Box box = null;
        if (f.box != null) {
            try {
                box = Box.fromMatrix(f.box);
            } catch (IllegalArgumentException e) {
                throw new InputException("frame " + f.index + ": unusable box: " + e.getMessage());
            }
        }
        sites.positions(f, box, p.sx, p.sy, p.sz, p.ws);
        float[] xyz = new float[3 * sites.count];
        for (int s = 0; s < sites.count; s++) {
            xyz[3 * s] = (float) p.sx[s];
            xyz[3 * s + 1] = (float) p.sy[s];
            xyz[3 * s + 2] = (float) p.sz[s];
        }
        p.frames.put(f.index, new Rec(f.time, xyz, f.box == null ? null : f.box.clone()));
    }

    @Override
    public MsdResult conclude(Partial p, RunInfo info) {
        int nf = p.frames.size();
        int[] idx = new int[nf];
        double[] time = new double[nf];
        double[][] wrapped = new double[nf][];
        double[][] boxes = new double[nf][];
        double vol = 0;
        int nvol = 0;
        int k = 0;
        for (Map.Entry<Integer, Rec> e : p.frames.entrySet()) {
            idx[k] = e.getKey();
            Rec r = e.getValue();
            time[k] = r.time();
            double[] w = new double[r.xyz().length];
            for (int i = 0; i < w.length; i++) w[i] = r.xyz()[i];
            wrapped[k] = w;
            boxes[k] = r.box();
            if (r.box() != null) {
                vol += Box.fromMatrix(r.box()).volume();
                nvol++;
            }
            k++;
        }
        p.frames.clear();
        if (nf < 2) throw new InputException("an MSD needs at least 2 frames, not " + nf);
        double dt = FrameTimes.step(idx, time, opt.dt(), "an MSD");
        double[][] un = Unwrap.unwrap(wrapped, boxes);
        wrapped = null;
        // species = molecule type of each site, in order of first appearance
        Map<String, List<Integer>> bySpecies = new LinkedHashMap<>();
        for (int s = 0; s < sites.count; s++) {
            bySpecies.computeIfAbsent(u.moleculeType[sites.molecule[s]], x -> new ArrayList<>()).add(s);
        }
        double[] t = new double[nf];
        for (int m = 0; m < nf; m++) t[m] = m * dt;
        List<MsdResult.Species> out = new ArrayList<>();
        double[] series = new double[nf];
        for (Map.Entry<String, List<Integer>> e : bySpecies.entrySet()) {
            double[] msd = new double[nf];
            java.util.Set<Integer> mols = new java.util.HashSet<>();
            for (int s : e.getValue()) {
                mols.add(sites.molecule[s]);
                for (int c = 0; c < 3; c++) {
                    for (int f = 0; f < nf; f++) series[f] = un[f][3 * s + c];
                    Msd.addFft(series, msd);
                }
            }
            for (int m = 0; m < nf; m++) msd[m] /= e.getValue().size();
            msd[0] = 0;
            DiffusionFit.Fit fit = DiffusionFit.fit(msd, dt, opt.fitStart(), opt.fitEnd(), e.getKey());
            out.add(new MsdResult.Species(e.getKey(), e.getValue().size(), mols.size(), charge(e.getKey(), mols), msd, fit));
        }
        for (String name : opt.charges().keySet()) {
            if (!bySpecies.containsKey(name)) {
                throw new InputException("--charge " + name + ": no such species in the selection; species are "
                        + String.join(", ", bySpecies.keySet()));
            }
        }
        double meanV = nvol > 0 ? vol / nvol : Double.NaN;
        double sigma = Double.NaN, tplus = Double.NaN;
        if (!Double.isNaN(opt.temperature())) {
            if (!(opt.temperature() > 0)) throw new InputException("--temperature must be positive, not " + opt.temperature());
            if (Double.isNaN(meanV)) throw new InputException("the Nernst–Einstein conductivity needs the box volume; the frames have no box");
            int n = out.size();
            int[] cnt = new int[n];
            double[] z = new double[n], d = new double[n];
            for (int i = 0; i < n; i++) {
                MsdResult.Species s = out.get(i);
                if (Double.isNaN(s.charge())) {
                    throw new InputException("no charge for species " + s.name() + " (the topology has none); give --charge "
                            + s.name() + "=Z");
                }
                cnt[i] = s.molecules();
                z[i] = s.charge();
                d[i] = s.fit().d();
            }
            sigma = NernstEinstein.conductivity(meanV, opt.temperature(), cnt, z, d);
            tplus = NernstEinstein.transference(cnt, z, d);
        }
        return new MsdResult(opt, t, out, dt, meanV, sigma, tplus, nf, info);
    }

    private double charge(String species, java.util.Set<Integer> mols) {
        Double given = opt.charges().get(species);
        if (given != null) return given;
        double[] q = opt.moleculeCharge();
        if (q == null) return Double.NaN;
        double z = Double.NaN;
        for (int m : mols) {
            if (Double.isNaN(z)) z = q[m];
            else if (Math.abs(q[m] - z) > 1e-6) {
                throw new InputException(String.format(Locale.ROOT, "molecules of %s have different net charges (%g, %g); "
                        + "give --charge %s=Z", species, z, q[m], species));
            }
        }
        return z;
    }
}
