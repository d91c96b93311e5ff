#!/usr/bin/python3
"""Reads one md stage's XTC and H5MD files of a `sheath run` folder and compares them frame by frame.

The H5MD file holds the positions as Sheath had them in memory, rounded to float32; the XTC file holds
them rounded to its precision (1000/nm: at most 0.0005 nm off). Checks, with MDAnalysis and h5py:
  - both readers see the same number of frames, steps and times;
  - every XTC coordinate (MDAnalysis) is within 0.0005 nm (+ float32 rounding) of the H5MD one (h5py);
  - MDAnalysis reading the H5MD file gives exactly what h5py reads;
  - the boxes agree (XTC: float32 box; H5MD: box/edges).
Prints one line per check and exits 1 if any fails.
Usage: check_frames.py RUN_DIR STAGE
"""
import glob
import os
import sys

import warnings
warnings.simplefilter("ignore")
import h5py
import numpy as np
import MDAnalysis as mda

run, stage = sys.argv[1], sys.argv[2]
gro = os.path.join(run, stage + ".gro")
xtc = os.path.join(run, stage + ".xtc")
h5s = sorted(glob.glob(os.path.join(run, stage + ".h5")) + glob.glob(os.path.join(run, stage + ".part*.h5")))
failed = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failed.append(what)


pos, box, step, time = [], [], [], []
for f in h5s:
    with h5py.File(f, "r") as h:
        g = h["particles/all"]
        pos.append(np.asarray(g["position/value"], dtype=np.float64))
        step.append(np.asarray(g["position/step"]))
        time.append(np.asarray(g["position/time"]))
        edges = np.asarray(g["box/edges/value"], dtype=np.float64) if "value" in g["box/edges"] else None
        if edges is None:
            edges = np.tile(np.asarray(g["box/edges"], dtype=np.float64), (len(pos[-1]), 1, 1))
        box.append(edges)
pos, box, step, time = np.concatenate(pos), np.concatenate(box), np.concatenate(step), np.concatenate(time)
print(f"{stage}: {len(h5s)} H5MD block(s), {len(pos)} frames, {pos.shape[1]} atoms (h5py)")

u = mda.Universe(gro, xtc)  # positions in Å
nx = len(u.trajectory)
check(nx == len(pos), f"XTC frames (MDAnalysis) {nx} == H5MD frames (h5py) {len(pos)}")
worst, worst_box, steps_ok, times_ok = 0.0, 0.0, True, True
for k, ts in enumerate(u.trajectory[: len(pos)]):
    d = np.abs(ts.positions / 10.0 - pos[k]).max()
    worst = max(worst, d)
    b = box[k] if box[k].ndim == 2 else np.diag(box[k])
    worst_box = max(worst_box, np.abs(ts.dimensions[:3] / 10.0 - np.linalg.norm(b, axis=1)).max())
    steps_ok &= int(ts.data.get("step", step[k])) == int(step[k])
    times_ok &= abs(ts.time - time[k]) < 1e-3
tol = 0.0005 + 4e-7 * float(np.abs(pos).max())
check(worst <= tol, f"max |XTC - H5MD| over all frames and atoms {worst:.6f} nm <= {tol:.6f} nm (XTC precision)")
check(worst_box < 1e-5, f"max box-length difference {worst_box:.2e} nm")
check(steps_ok, "XTC steps == H5MD steps")
check(times_ok, "XTC times == H5MD times (to 1e-3 ps)")

# MDAnalysis' own H5MD reader on each block (convert_units=False: Sheath writes nm, as GROMACS units)
k0, worst_mda = 0, 0.0
for f in h5s:
    uh = mda.Universe(gro, f, format="H5MD", convert_units=False)
    for ts in uh.trajectory:
        worst_mda = max(worst_mda, np.abs(ts.positions.astype(np.float64) - pos[k0]).max())
        k0 += 1
check(k0 == len(pos), f"MDAnalysis H5MD reader frames {k0} == h5py frames {len(pos)}")
check(worst_mda == 0.0, f"MDAnalysis H5MD positions == h5py positions (max diff {worst_mda:.1e} nm)")
sys.exit(1 if failed else 0)
