"""Builds the DCD / LAMMPS-dump / XYZ fixtures from the GROMACS run and records the
coordinates, boxes and times that MDAnalysis reads from every fixture into reference.tsv.

Called twice by make_fixtures.sh:
  python3 make_fixtures.py base conf.gro md.trr       -> the synthetic base trajectory
  python3 make_fixtures.py fixtures OUTDIR conf.gro   -> DCD/dump/XYZ files + reference.tsv
All reference values are in GROMACS units (nm, ps, nm/ps); boxes as 9 numbers,
row-major box vectors a, b, c.
"""
import math
import os
import random
import re
import struct
import sys
import tempfile
import warnings

import numpy as np

warnings.filterwarnings("ignore")
import MDAnalysis as mda  # noqa: E402
from MDAnalysis.coordinates import DCD, GRO, LAMMPS, PDB, TRR, XTC, XYZ  # noqa: E402
from MDAnalysis.lib.mdamath import triclinic_vectors  # noqa: E402


if sys.argv[1] == "base":
    from MDAnalysis.lib.formats.libmdaxdr import TRRFile
    from MDAnalysis.lib.mdamath import triclinic_vectors as tv
    g = mda.Universe(sys.argv[2])
    rs = np.random.RandomState(2023)
    x = g.atoms.positions.astype(np.float64) / 10
    box = tv(g.dimensions) / 10
    with TRRFile(sys.argv[3], "w") as f:
        for i in range(11):
            v = rs.normal(0, 0.5, x.shape)
            force = rs.normal(0, 300, x.shape)
            f.write(x.astype(np.float32), None if i == 3 else v.astype(np.float32),
                    force.astype(np.float32) if i % 2 == 0 else None,
                    box.astype(np.float32), 100 * i, 0.2 * i, 0.0, len(x))
            x = x + 0.002 * v + rs.normal(0, 0.003, x.shape)
            box = box * (1 + 0.001 * (i % 3 - 1))
    sys.exit(0)

out, conf = sys.argv[2], sys.argv[3]
P = lambda name: os.path.join(out, name)  # noqa: E731
SAMPLE = [0, 1, 2, 100, 181, 359]

# ---------------------------------------------------------------- DCD variants
u = mda.Universe(conf, P("water.trr"))
with DCD.DCDWriter(P("water.dcd"), u.atoms.n_atoms, nsavc=5, istart=10, dt=0.4) as w:
    for ts in u.trajectory[::2]:
        w.write(u.atoms)


def records(data):
    """Fortran unformatted records with 4-byte little-endian length markers."""
    pos = 0
    while pos < len(data):
        (n,) = struct.unpack_from("<i", data, pos)
        yield data[pos + 4:pos + 4 + n]
        pos += 8 + n


def rec(payload, endian):
    m = struct.pack(endian + "i", len(payload))
    return m + payload + m


def swap(payload, width):
    a = np.frombuffer(payload, dtype="<f%d" % width if width == 8 else "<i4")
    return a.byteswap().tobytes()


raw = open(P("water.dcd"), "rb").read()
recs = list(records(raw))
natoms = struct.unpack("<i", recs[2])[0]
# big-endian copy, unit-cell angles stored as cosines (CHARMM / NAMD > 2.5 style)
be = [rec(recs[0][:4] + swap(recs[0][4:], 4), ">"),
      rec(struct.pack(">i", struct.unpack_from("<i", recs[1])[0]) + recs[1][4:], ">"),
      rec(swap(recs[2], 4), ">")]
# copy without a unit cell (flag icntrl[10] cleared)
head = bytearray(recs[0])
struct.pack_into("<i", head, 4 + 4 * 10, 0)
nc = [rec(bytes(head), "<"), rec(recs[1], "<"), rec(recs[2], "<")]
for i in range(3, len(recs), 4):
    cell = np.frombuffer(recs[i], dtype="<f8").copy()  # A, gamma, B, beta, alpha, C (degrees)
    for k in (1, 3, 4):
        cell[k] = math.cos(math.radians(cell[k]))
    be.append(rec(cell.astype(">f8").tobytes(), ">"))
    for k in range(1, 4):
        be.append(rec(swap(recs[i + k], 4), ">"))
        nc.append(rec(recs[i + k], "<"))
open(P("water_be.dcd"), "wb").write(b"".join(be))
open(P("water_nocell.dcd"), "wb").write(b"".join(nc))

# ---------------------------------------------------------------- XYZ
with XYZ.XYZWriter(P("water.xyz"), u.atoms.n_atoms) as w:
    for ts in u.trajectory[::2]:
        w.write(u.atoms)

# ---------------------------------------------------------------- LAMMPS dumps (Angstrom)
rng = random.Random(7)
order = list(range(natoms))
types = [1 if n.startswith("O") else 2 for n in u.atoms.names]


def dump(name, frames, columns, tric, origin):
    """columns: list of LAMMPS column names; atoms written in a shuffled order."""
    with open(P(name), "w") as f:
        for step, pos, H in frames:
            lx, ly, lz = H[0, 0], H[1, 1], H[2, 2]
            xy, xz, yz = (H[1, 0], H[2, 0], H[2, 1]) if tric else (0.0, 0.0, 0.0)
            xlo, ylo, zlo = origin
            f.write("ITEM: TIMESTEP\n%d\nITEM: NUMBER OF ATOMS\n%d\n" % (step, natoms))
            if tric:
                xlob = xlo + min(0.0, xy, xz, xy + xz)
                xhib = xlo + lx + max(0.0, xy, xz, xy + xz)
                ylob = ylo + min(0.0, yz)
                yhib = ylo + ly + max(0.0, yz)
                f.write("ITEM: BOX BOUNDS xy xz yz pp pp pp\n")
                f.write("%.10g %.10g %.10g\n%.10g %.10g %.10g\n%.10g %.10g %.10g\n"
                        % (xlob, xhib, xy, ylob, yhib, xz, zlo, zlo + lz, yz))
            else:
                f.write("ITEM: BOX BOUNDS pp pp pp\n")
                f.write("%.10g %.10g\n%.10g %.10g\n%.10g %.10g\n"
                        % (xlo, xlo + lx, ylo, ylo + ly, zlo, zlo + lz))
            f.write("ITEM: ATOMS " + " ".join(columns) + "\n")
            Hm = np.array([[lx, 0, 0], [xy, ly, 0], [xz, yz, lz]])
            frac = pos @ np.linalg.inv(Hm)
            rng.shuffle(order)
            for i in order:
                val = {"id": "%d" % (i + 1), "type": "%d" % types[i]}
                for k, c in enumerate("xyz"):
                    val[c] = val[c + "u"] = "%.6f" % (pos[i, k] + origin[k])
                    val[c + "s"] = val[c + "su"] = "%.8f" % frac[i, k]
                f.write(" ".join(val[c] for c in columns) + "\n")


frames = []
for ts in u.trajectory[::2]:
    frames.append((ts.data.get("step", ts.frame), u.atoms.positions.astype(np.float64),
                   triclinic_vectors(ts.dimensions).astype(np.float64)))
ortho = [(s, p, np.diag([18.0, 17.0, 13.0])) for s, p, H in frames[:2]]
dump("water_ortho.lammpstrj", ortho, ["type", "id", "x", "y", "z"], False, (-3.0, 1.5, 0.0))
dump("water_tric_scaled.lammpstrj", frames[:2], ["id", "type", "xs", "ys", "zs"], True, (0.0, 0.0, 0.0))
dump("water_tric_unwrapped.lammpstrj", frames[:2], ["xu", "yu", "zu", "id"], True, (-2.0, 1.0, 0.5))
dump("water_scaled_unwrapped.lammpstrj", frames[1:3], ["id", "xsu", "ysu", "zsu"], True, (0.0, 0.0, 0.0))

# ---------------------------------------------------------------- reference values
ref = open(P("reference.tsv"), "w")
ref.write("# file\tkind\tframe\t... (written by make_fixtures.py from MDAnalysis %s; nm, ps)\n"
          % mda.__version__)


def fmt(vals):
    return "\t".join(repr(float(v)) for v in vals)


def record(name, frames_iter, natoms, has_step=True, times=None, steps=None):
    n = 0
    for i, ts in enumerate(frames_iter):
        n += 1
        t = times[i] if times is not None else ts.time
        s = steps[i] if steps is not None else ts.data.get("step", "NA") if has_step else "NA"
        ref.write("%s\ttime\t%d\t%r\t%s\n" % (name, i, float(t), s))
        if ts.dimensions is None:
            ref.write("%s\tbox\t%d\tnone\n" % (name, i))
        else:
            ref.write("%s\tbox\t%d\t%s\n" % (name, i, fmt(triclinic_vectors(ts.dimensions).ravel() / 10)))
        for a in SAMPLE:
            if a >= natoms:
                continue
            ref.write("%s\tx\t%d\t%d\t%s\n" % (name, i, a, fmt(ts.positions[a] / 10)))
            if ts.has_velocities:
                ref.write("%s\tv\t%d\t%d\t%s\n" % (name, i, a, fmt(ts.velocities[a] / 10)))
            if ts.has_forces:
                ref.write("%s\tf\t%d\t%d\t%s\n" % (name, i, a, fmt(ts.forces[a] * 10)))
    ref.write("%s\tcount\t%d\t%d\n" % (name, natoms, n))


for name, cls in [("water.xtc", XTC.XTCReader), ("water_ndec7.xtc", XTC.XTCReader),
                  ("five_atoms.xtc", XTC.XTCReader), ("water.trr", TRR.TRRReader),
                  ("water_double.trr", TRR.TRRReader)]:
    r = cls(P(name))
    record(name, r, r.n_atoms)
    r.close()

r = DCD.DCDReader(P("water.dcd"))
dcd_times = [ts.time for ts in r]
r.close()
for name in ["water.dcd", "water_be.dcd", "water_nocell.dcd"]:
    r = DCD.DCDReader(P(name))
    # step = istart + frame * nsavc (MDAnalysis stores the file offset in ts.data['step']).
    # MDAnalysis 2.4 misreads the time step of big-endian files: all three share one header,
    # so use the little-endian file's times.
    hdr = r._file.header
    record(name, r, r.n_atoms, times=dcd_times,
           steps=[hdr["istart"] + i * hdr["nsavc"] for i in range(r.n_frames)])
    r.close()

r = PDB.PDBReader(P("water.pdb"))
ptimes = [float(m) for m in re.findall(r"^TITLE .* t=\s*(\S+)", open(P("water.pdb")).read(), re.M)]
pst = [int(m) for m in re.findall(r"^TITLE .* step=\s*(\d+)", open(P("water.pdb")).read(), re.M)]
record("water.pdb", r, r.n_atoms, times=ptimes, steps=pst)
r.close()

r = XYZ.XYZReader(P("water.xyz"))
record("water.xyz", r, r.n_atoms, times=list(range(r.n_frames)), steps=["NA"] * r.n_frames)
r.close()

# MDAnalysis reads only the first frame of a .gro file: feed it one frame at a time
lines = open(P("water.gro")).read().splitlines(True)
gro_frames, pos, gtimes, gsteps = [], 0, [], []
while pos < len(lines):
    n = int(lines[pos + 1])
    m = re.search(r"t=\s*(\S+)\s+step=\s*(\d+)", lines[pos])
    gtimes.append(float(m.group(1)))
    gsteps.append(int(m.group(2)))
    with tempfile.NamedTemporaryFile("w", suffix=".gro", delete=False) as tmp:
        tmp.writelines(lines[pos:pos + n + 3])
    rr = GRO.GROReader(tmp.name)
    gro_frames.append(rr.ts.copy())
    rr.close()
    os.unlink(tmp.name)
    pos += n + 3
record("water.gro", gro_frames, natoms, times=gtimes, steps=gsteps)

for name in ["water_ortho.lammpstrj", "water_tric_scaled.lammpstrj",
             "water_tric_unwrapped.lammpstrj", "water_scaled_unwrapped.lammpstrj"]:
    r = LAMMPS.DumpReader(P(name))
    tsl = [ts.copy() for ts in r]
    record(name, tsl, r.n_atoms, times=["nan"] * len(tsl), steps=[ts.data["step"] for ts in tsl])
    r.close()
ref.close()
