package org.sheath.analysis.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sheath.analysis.core.Universe;
import org.sheath.analysis.traj.Frame;
import org.sheath.engine.system.Box;
import org.sheath.forcefields.InputException;

/**
 * The points an analysis measures from: the selected atoms themselves, or one centre of mass /
 * centre of geometry per molecule (or per residue) over the selected atoms of that molecule.
 *
 * <p>Centres are computed from unwrapped coordinates: with a bond graph (from a .top/.prmtop) each
 * molecule is made whole by walking its bonds breadth-first and placing every atom at the minimum
 * image of its parent; without bonds (.gro/.pdb) each selected atom of a group is placed at the
 * minimum image of the previous one, which needs consecutive atoms of a group closer than half the
 * box. The centre may lie outside the box; the pair search wraps it.
 */
public final class Sites {
    public enum Mode {
        ATOM, COM, COG;

        public static Mode parse(String s, String option) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InputException(option + " '" + s + "' is not a site; use atom, com (centre of mass) or cog (centre of geometry)");
            }
        }
    }

    public enum Grouping { MOLECULE, RESIDUE }

    public final Mode mode;
    public final Grouping grouping;
    /** Number of sites. */
    public final int count;
    /** Selected atoms of site s: atoms[start[s] .. start[s+1]). */
    public final int[] atoms, start;
    /** Molecule of each site. */
    public final int[] molecule;
    private final double[] weight; // per entry of atoms (mass / total or 1/n)
    // unwrapping: for group modes, a walk over the atoms to make whole; parent -1 for roots
    private final int[] walk, walkParent, walkStart;

    private Sites(Mode mode, Grouping grouping, int[] atoms, int[] start, int[] molecule, double[] weight,
                  int[] walk, int[] walkParent, int[] walkStart) {
        this.mode = mode;
        this.grouping = grouping;
        this.count = start.length - 1;
        this.atoms = atoms;
        this.start = start;
        this.molecule = molecule;
        this.weight = weight;
        this.walk = walk;
        this.walkParent = walkParent;
        this.walkStart = walkStart;
    }

    /** Sites over the selected atoms {@code selected} (ascending). */
    public static Sites of(Universe u, int[] selected, Mode mode, Grouping grouping, String option) {
        if (mode == Mode.ATOM) {
            int[] start = new int[selected.length + 1];
            int[] mol = new int[selected.length];
            for (int k = 0; k <= selected.length; k++) start[k] = k;
            for (int k = 0; k < selected.length; k++) mol[k] = u.molecule[selected[k]];
            return new Sites(mode, grouping, selected.clone(), start, mol, null, null, null, null);
        }
        int[] key = grouping == Grouping.MOLECULE ? u.molecule : u.residueIndex;
        List<Integer> starts = new ArrayList<>();
        for (int k = 0; k < selected.length; k++) {
            if (k == 0 || key[selected[k]] != key[selected[k - 1]]) starts.add(k);
        }
        int n = starts.size();
        int[] start = new int[n + 1];
        for (int s = 0; s < n; s++) start[s] = starts.get(s);
        start[n] = selected.length;
        int[] mol = new int[n];
        double[] w = new double[selected.length];
        for (int s = 0; s < n; s++) {
            mol[s] = u.molecule[selected[start[s]]];
            double tot = 0;
            for (int k = start[s]; k < start[s + 1]; k++) tot += mode == Mode.COM ? u.mass[selected[k]] : 1.0;
            if (!(tot > 0)) {
                throw new InputException(option + ": the centre of mass of " + grouping.name().toLowerCase(Locale.ROOT) + " "
                        + (s + 1) + " is undefined (zero or unknown masses); use cog");
            }
            for (int k = start[s]; k < start[s + 1]; k++) w[k] = (mode == Mode.COM ? u.mass[selected[k]] : 1.0) / tot;
        }
        // the walk that makes each site's atoms whole
        int[] walk, parent, wstart = new int[n + 1];
        if (u.hasBonds()) {
            IntList wl = new IntList(), pl = new IntList();
            int[] seen = new int[u.natoms];
            Arrays.fill(seen, -1);
            for (int s = 0; s < n; s++) {
                wstart[s] = wl.size;
                int m = mol[s];
                // whole molecule (also for residue sites: bonds may run through unselected atoms)
                int first = u.moleculeStart[m], end = u.moleculeStart[m + 1];
                int[] queue = new int[end - first];
                for (int root = first; root < end; root++) {
                    if (seen[root] == s) continue;
                    int qh = 0, qt = 0;
                    queue[qt++] = root;
                    seen[root] = s;
                    wl.add(root);
                    pl.add(root == first ? -1 : first); // other fragments: relative to the molecule's first atom
                    while (qh < qt) {
                        int a = queue[qh++];
                        for (int b = u.bondOffsets[a]; b < u.bondOffsets[a + 1]; b++) {
                            int c = u.bondAtoms[b];
                            if (c < first || c >= end || seen[c] == s) continue;
                            seen[c] = s;
                            queue[qt++] = c;
                            wl.add(c);
                            pl.add(a);
                        }
                    }
                }
            }
            wstart[n] = wl.size;
            walk = wl.toArray();
            parent = pl.toArray();
        } else {
            walk = selected.clone();
            parent = new int[selected.length];
            for (int s = 0; s < n; s++) {
                wstart[s] = start[s];
                for (int k = start[s]; k < start[s + 1]; k++) parent[k] = k == start[s] ? -1 : selected[k - 1];
            }
            wstart[n] = selected.length;
        }
        return new Sites(mode, grouping, selected.clone(), start, mol, w, walk, parent, wstart);
    }

    /** A per-thread scratch space for {@link #positions}. */
    public static final class Workspace {
        double[] ux = new double[0], uy = new double[0], uz = new double[0];
        final double[] d = new double[3];
    }

    /** Positions of the sites in this frame into sx, sy, sz (length ≥ count). */
    public void positions(Frame f, Box box, double[] sx, double[] sy, double[] sz, Workspace ws) {
        if (mode == Mode.ATOM) {
            for (int s = 0; s < count; s++) {
                int a = atoms[s];
                sx[s] = f.x[a];
                sy[s] = f.y[a];
                sz[s] = f.z[a];
            }
            return;
        }
        if (ws.ux.length < f.natoms) {
            ws.ux = new double[f.natoms];
            ws.uy = new double[f.natoms];
            ws.uz = new double[f.natoms];
        }
        double[] ux = ws.ux, uy = ws.uy, uz = ws.uz, d = ws.d;
        for (int s = 0; s < count; s++) {
            for (int k = walkStart[s]; k < walkStart[s + 1]; k++) {
                int a = walk[k], p = walkParent[k];
                if (p < 0 || box == null) {
                    ux[a] = f.x[a];
                    uy[a] = f.y[a];
                    uz[a] = f.z[a];
                } else {
                    d[0] = f.x[a] - f.x[p];
                    d[1] = f.y[a] - f.y[p];
                    d[2] = f.z[a] - f.z[p];
                    box.minimumImage(d);
                    ux[a] = ux[p] + d[0];
                    uy[a] = uy[p] + d[1];
                    uz[a] = uz[p] + d[2];
                }
            }
            double cx = 0, cy = 0, cz = 0;
            for (int k = start[s]; k < start[s + 1]; k++) {
                int a = atoms[k];
                cx += weight[k] * ux[a];
                cy += weight[k] * uy[a];
                cz += weight[k] * uz[a];
            }
            sx[s] = cx;
            sy[s] = cy;
            sz[s] = cz;
        }
    }

    /** Whether site s of this and site t of other are the same point by definition (same atoms, same kind). */
    public boolean sameSite(int s, Sites other, int t) {
        if (mode != other.mode) return false;
        if (mode != Mode.ATOM && grouping != other.grouping) return false;
        int n = start[s + 1] - start[s];
        if (n != other.start[t + 1] - other.start[t]) return false;
        for (int k = 0; k < n; k++) if (atoms[start[s] + k] != other.atoms[other.start[t] + k]) return false;
        return true;
    }

    /** Whether the two site lists are identical (same sites in the same order). */
    public boolean sameAs(Sites other) {
        if (count != other.count) return false;
        for (int s = 0; s < count; s++) if (!sameSite(s, other, s)) return false;
        return true;
    }

    private static final class IntList {
        int[] a = new int[64];
        int size;

        void add(int v) {
            if (size == a.length) a = Arrays.copyOf(a, 2 * size);
            a[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }

    /**
     * A chemist's name for these sites, for plot titles: "Li" for ions (one-atom molecules of one element),
     * "O(DMF)" for one element in one molecule type, "DMF (com)" for centres of whole molecules; null when the
     * sites mix elements or molecule types (then the selection text is the label).
     */
    public String chemicalLabel(org.sheath.analysis.core.Universe u) {
        if (atoms.length == 0) return null;
        String el = u.element[atoms[0]], mt = u.moleculeType[u.molecule[atoms[0]]];
        boolean oneEl = el != null && !el.isEmpty(), oneMt = mt != null;
        for (int a : atoms) {
            oneEl &= el != null && el.equals(u.element[a]);
            oneMt &= mt != null && mt.equals(u.moleculeType[u.molecule[a]]);
        }
        if (!oneMt) return null;
        if (mode != Mode.ATOM) return mt + " (" + mode.name().toLowerCase(java.util.Locale.ROOT) + ")";
        if (!oneEl) return mt;
        int m = u.molecule[atoms[0]];
        boolean ion = u.moleculeStart[m + 1] - u.moleculeStart[m] == 1;
        return ion ? el : el + "(" + mt + ")";
    }
}
