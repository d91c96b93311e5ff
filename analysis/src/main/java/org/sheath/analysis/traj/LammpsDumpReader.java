package org.sheath.analysis.traj;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * LAMMPS text dump reader ({@code dump atom/custom}). Columns may come in any order; positions
 * are taken from the first available of {@code x y z}, {@code xs ys zs} (scaled),
 * {@code xu yu zu} (unwrapped) and {@code xsu ysu zsu} (the order MDAnalysis uses), and are
 * reported relative to the box origin {@code (xlo, ylo, zlo)}. Orthogonal and triclinic
 * ({@code ITEM: BOX BOUNDS xy xz yz}) boxes. Atoms are sorted by {@code id} when present.
 * Velocities {@code vx vy vz} and forces {@code fx fy fz} are read too. Lengths are converted
 * with the unit style (default {@code real}: Å). Time is {@code ITEM: TIME} if present, else
 * step × time step (default: the unit style's LAMMPS default time step).
 */
public final class LammpsDumpReader extends TextReader {
    private final LammpsUnits units;
    private final double timestepPs;
    // per-frame column layout
    private int cId, cx, cy, cz, cvx, cvy, cvz, cfx, cfy, cfz;
    private boolean scaled;
    private int[] stamp = new int[0];
    private int stampValue;
    private long[] keys;
    private double[] tmp;

    public LammpsDumpReader(Path file) throws IOException {
        this(file, LammpsUnits.REAL, Double.NaN);
    }

    /**
     * @param timestepPs time per step in ps, or NaN for the unit style's default
     */
    public LammpsDumpReader(Path file, LammpsUnits units, double timestepPs) throws IOException {
        super(file);
        this.units = units;
        this.timestepPs = Double.isNaN(timestepPs) ? units.defaultTimestepPs : timestepPs;
        natoms = -1;
        while (t.nextLine()) {
            if (t.startsWith("ITEM: NUMBER OF ATOMS")) {
                if (t.nextLine()) {
                    try {
                        natoms = (int) TextInput.parseLong(t.buf(), t.start, t.end);
                    } catch (NumberFormatException e) {
                        natoms = -1;
                    }
                }
                break;
            }
        }
        if (natoms < 0) {
            throw new TrajectoryException(name + ": not a LAMMPS dump (no 'ITEM: NUMBER OF ATOMS')");
        }
        in.position(0);
    }

    @Override
    boolean readFrame(Frame f, int index) {
        return frame(f, index);
    }

    @Override
    boolean skipFrame(int index) {
        return frame(null, index);
    }

    private boolean frame(Frame f, int index) {
        do {
            if (!t.nextLine()) {
                return false;
            }
        } while (t.tokenize() == 0);
        if (!t.startsWith("ITEM: TIMESTEP")) {
            throw bad(index, "expected 'ITEM: TIMESTEP', found '" + t.line().trim() + "'");
        }
        need(index);
        t.tokenize();
        long step = tokLong(0, index);
        double time = Double.NaN;
        double xlo = 0, ylo = 0, zlo = 0, lx = 0, ly = 0, lz = 0, xy = 0, xz = 0, yz = 0;
        boolean box = false;
        while (true) {
            need(index);
            if (t.startsWith("ITEM: ATOMS")) {
                break;
            } else if (t.startsWith("ITEM: NUMBER OF ATOMS")) {
                need(index);
                t.tokenize();
                long n = tokLong(0, index);
                if (n != natoms) {
                    throw bad(index, "atom count " + n + ", expected " + natoms
                            + " (a changing number of atoms is not supported)");
                }
            } else if (t.startsWith("ITEM: TIME")) {
                need(index);
                t.tokenize();
                time = tokNum(0, index) * units.time;
            } else if (t.startsWith("ITEM: BOX BOUNDS")) {
                boolean tric = t.tokenize() >= 6 && t.tokenEquals(3, "xy");
                double[] v = new double[9];
                for (int r = 0; r < 3; r++) {
                    need(index);
                    int k = t.tokenize();
                    if (k < (tric ? 3 : 2)) {
                        throw bad(index, "short box line '" + t.line().trim() + "'");
                    }
                    v[3 * r] = tokNum(0, index);
                    v[3 * r + 1] = tokNum(1, index);
                    if (tric) {
                        v[3 * r + 2] = tokNum(2, index);
                    }
                }
                if (tric) {
                    xy = v[2];
                    xz = v[5];
                    yz = v[8];
                    xlo = v[0] - Math.min(Math.min(0, xy), Math.min(xz, xy + xz));
                    double xhi = v[1] - Math.max(Math.max(0, xy), Math.max(xz, xy + xz));
                    ylo = v[3] - Math.min(0, yz);
                    double yhi = v[4] - Math.max(0, yz);
                    lx = xhi - xlo;
                    ly = yhi - ylo;
                } else {
                    xlo = v[0];
                    lx = v[1] - v[0];
                    ylo = v[3];
                    ly = v[4] - v[3];
                }
                zlo = v[6];
                lz = v[7] - v[6];
                box = true;
            } else if (t.startsWith("ITEM:")) {
                throw bad(index, "unsupported section '" + t.line().trim() + "'");
            }
        }
        if (f != null) {
            columns(index);
        }
        if (f == null) {
            for (int i = 0; i < natoms; i++) {
                need(index);
            }
            return true;
        }
        f.natoms = natoms;
        f.ensureCapacity(natoms);
        f.step = step;
        f.time = Double.isNaN(time) ? step * timestepPs : time;
        f.hasVelocities = cvx >= 0;
        f.hasForces = cfx >= 0;
        if (f.hasVelocities) {
            f.ensureVelocityCapacity(natoms);
        }
        if (f.hasForces) {
            f.ensureForceCapacity(natoms);
        }
        if (stamp.length < natoms) {
            stamp = new int[natoms];
            stampValue = 0;
        }
        stampValue++;
        boolean direct = cId >= 0;
        int maxCol = Math.max(Math.max(Math.max(cId, cx), Math.max(cy, cz)),
                Math.max(Math.max(Math.max(cvx, cvy), cvz), Math.max(Math.max(cfx, cfy), cfz)));
        long[] ids = null;
        for (int row = 0; row < natoms; row++) {
            need(index);
            if (t.tokenize() <= maxCol) {
                if (in.position() >= in.size) {
                    throw TrajectoryException.truncated(name, index, in.size);
                }
                throw bad(index, "atom line has " + t.ntok + " columns, expected " + (maxCol + 1));
            }
            int i = row;
            if (direct) {
                long id = tokLong(cId, index);
                if (id >= 1 && id <= natoms && stamp[(int) id - 1] != stampValue) {
                    i = (int) id - 1;
                    stamp[i] = stampValue;
                } else {
                    // ids are not a permutation of 1..N: fall back to a sort after reading
                    direct = false;
                    ids = idsSoFar(f, row, index);
                    ids[row] = id;
                }
            } else if (ids != null) {
                ids[row] = tokLong(cId, index);
            }
            if (!direct && ids != null) {
                i = row; // rows are stored in file order and sorted at the end
            }
            f.x[i] = tokNum(cx, index);
            f.y[i] = tokNum(cy, index);
            f.z[i] = tokNum(cz, index);
            if (cvx >= 0) {
                f.vx[i] = tokNum(cvx, index) * units.length / units.time;
                f.vy[i] = tokNum(cvy, index) * units.length / units.time;
                f.vz[i] = tokNum(cvz, index) * units.length / units.time;
            }
            if (cfx >= 0) {
                f.fx[i] = tokNum(cfx, index) * units.force;
                f.fy[i] = tokNum(cfy, index) * units.force;
                f.fz[i] = tokNum(cfz, index) * units.force;
            }
        }
        if (ids != null) {
            sortById(f, ids);
        }
        double s = units.length;
        for (int i = 0; i < natoms; i++) {
            double px = f.x[i], py = f.y[i], pz = f.z[i];
            if (scaled) {
                f.x[i] = (px * lx + py * xy + pz * xz) * s;
                f.y[i] = (py * ly + pz * yz) * s;
                f.z[i] = pz * lz * s;
            } else {
                f.x[i] = (px - xlo) * s;
                f.y[i] = (py - ylo) * s;
                f.z[i] = (pz - zlo) * s;
            }
        }
        if (box) {
            f.setBox(lx * s, 0, 0, xy * s, ly * s, 0, xz * s, yz * s, lz * s);
        } else {
            f.box = null;
        }
        return true;
    }

    /** Switches from direct placement by id to sorting: moves rows placed so far back to file order. */
    private long[] idsSoFar(Frame f, int rows, int index) {
        // rows 0..rows-1 were placed at id-1; their ids are exactly the stamped slots, but their
        // file order is lost, which does not matter: re-key them by id and sort everything.
        if (keys == null || keys.length < natoms) {
            keys = new long[natoms];
        }
        long[] ids = new long[natoms];
        int k = 0;
        double[][] arrays = arrays(f);
        // compact the stamped slots (in id order) into positions 0..rows-1
        for (int slot = 0; slot < natoms && k < rows; slot++) {
            if (stamp[slot] == stampValue) {
                for (double[] a : arrays) {
                    a[k] = a[slot];
                }
                ids[k++] = slot + 1;
            }
        }
        stampValue++; // invalidate the stamps
        return ids;
    }

    private double[][] arrays(Frame f) {
        int n = 3 + (cvx >= 0 ? 3 : 0) + (cfx >= 0 ? 3 : 0);
        double[][] a = new double[n][];
        int k = 0;
        a[k++] = f.x;
        a[k++] = f.y;
        a[k++] = f.z;
        if (cvx >= 0) {
            a[k++] = f.vx;
            a[k++] = f.vy;
            a[k++] = f.vz;
        }
        if (cfx >= 0) {
            a[k++] = f.fx;
            a[k++] = f.fy;
            a[k] = f.fz;
        }
        return a;
    }

    private void sortById(Frame f, long[] ids) {
        Integer[] order = new Integer[natoms];
        for (int i = 0; i < natoms; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(ids[a], ids[b]));
        if (tmp == null || tmp.length < natoms) {
            tmp = new double[natoms];
        }
        for (double[] a : arrays(f)) {
            for (int i = 0; i < natoms; i++) {
                tmp[i] = a[order[i]];
            }
            System.arraycopy(tmp, 0, a, 0, natoms);
        }
    }

    private void columns(int index) {
        int n = t.tokenize();
        cId = cx = cy = cz = cvx = cvy = cvz = cfx = cfy = cfz = -1;
        int[] conv = new int[12];
        Arrays.fill(conv, -1);
        String[] names = {"x", "y", "z", "xs", "ys", "zs", "xu", "yu", "zu", "xsu", "ysu", "zsu"};
        for (int k = 2; k < n; k++) {
            int col = k - 2;
            if (t.tokenEquals(k, "id")) {
                cId = col;
            } else if (t.tokenEquals(k, "vx")) {
                cvx = col;
            } else if (t.tokenEquals(k, "vy")) {
                cvy = col;
            } else if (t.tokenEquals(k, "vz")) {
                cvz = col;
            } else if (t.tokenEquals(k, "fx")) {
                cfx = col;
            } else if (t.tokenEquals(k, "fy")) {
                cfy = col;
            } else if (t.tokenEquals(k, "fz")) {
                cfz = col;
            } else {
                for (int c = 0; c < names.length; c++) {
                    if (t.tokenEquals(k, names[c])) {
                        conv[c] = col;
                    }
                }
            }
        }
        for (int c = 0; c < 12; c += 3) {
            if (conv[c] >= 0 && conv[c + 1] >= 0 && conv[c + 2] >= 0) {
                cx = conv[c];
                cy = conv[c + 1];
                cz = conv[c + 2];
                scaled = c == 3 || c == 9;
                break;
            }
        }
        if (cx < 0) {
            throw bad(index, "no x y z, xs ys zs, xu yu zu or xsu ysu zsu columns in '" + t.line().trim() + "'");
        }
        if (cvx < 0 || cvy < 0 || cvz < 0) {
            cvx = cvy = cvz = -1;
        }
        if (cfx < 0 || cfy < 0 || cfz < 0) {
            cfx = cfy = cfz = -1;
        }
    }
}
