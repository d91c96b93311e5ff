"""Reads H5MD chains written by the engine's H5mdWriter with h5py and with MDAnalysis.

A manual interoperability check, not part of CI (the build needs no Python). First make the
sample (H5mdReaderTest writes it to analysis/target/h5md-sample/):

    mvn -o -q -pl engine,analysis -am test -Dtest=H5mdReaderTest -Dsurefire.failIfNoSpecifiedTests=false
    /usr/bin/python3 analysis/src/test/scripts/check_h5md_mdanalysis.py [DIR]

Needs h5py and MDAnalysis (Debian: python3-h5py, python3-mdanalysis). The sample is a chain of
3 blocks (4 + 4 + 2 frames, 12 atoms, steps 0..450, velocities, observables temperature and
potential_energy, a triclinic box): sheath.h5 without unit attributes (the writer's default) and
sheath_units.h5 with them. For each block the script prints its layout (h5py), then reads the
chain with MDAnalysis' ChainReader and compares every frame with what h5py reads.
"""
import glob
import os
import sys
import warnings

import h5py
import numpy as np

warnings.filterwarnings("ignore")
import MDAnalysis as mda  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "target", "h5md-sample")


def chain(first):
    stem, ext = os.path.splitext(first)
    return [first] + sorted(glob.glob(f"{stem}.part[0-9][0-9][0-9][0-9]*{ext}"))


def describe(path):
    with h5py.File(path, "r") as f:
        print(f"  {os.path.basename(path)}: h5md version {list(f['h5md'].attrs['version'])}, creator "
              f"{f['h5md/creator'].attrs['name']!r} {f['h5md/creator'].attrs['version']!r}, "
              f"sheath_block {f.attrs['sheath_block']}, sheath_first_frame {f.attrs['sheath_first_frame']}")
        box = f["particles/all/box"]
        print(f"    box: dimension {box.attrs['dimension']}, boundary {list(box.attrs['boundary'])}, "
              f"edges/value {box['edges/value'].shape} {box['edges/value'].dtype}")
        for name in ("position", "velocity"):
            g = f[f"particles/all/{name}"]
            print(f"    {name}: value {g['value'].shape} {g['value'].dtype} {dict(g['value'].attrs)}, "
                  f"step {list(g['step'][:])}, time {list(np.round(g['time'][:], 6))}")
        for name in f["observables"]:
            print(f"    observables/{name}: {list(f['observables'][name]['value'][:])}")


def h5py_frames(files):
    out = []
    for path in files:
        with h5py.File(path, "r") as f:
            p = f["particles/all/position"]
            for i in range(p["value"].shape[0]):
                out.append((int(p["step"][i]), float(p["time"][i]), p["value"][i].astype(np.float64),
                            f["particles/all/box/edges/value"][i]))
    return out


def check(first, verbose, **kwargs):
    files = chain(first)
    print(f"{os.path.basename(first)}: {len(files)} blocks")
    if verbose:
        for path in files:
            describe(path)
    ref = h5py_frames(files)
    n_atoms = ref[0][2].shape[0]
    u = mda.Universe.empty(n_atoms, trajectory=True)
    try:
        u.load_new(files, format="H5MD", **kwargs)
    except Exception as e:  # noqa: BLE001 - report whatever MDAnalysis says
        try:  # the chain reader hides the reason: ask for the first block alone
            mda.Universe.empty(n_atoms, trajectory=True).load_new(files[0], format="H5MD", **kwargs)
        except Exception as e1:  # noqa: BLE001
            e = e1
        print(f"  MDAnalysis {mda.__version__} H5MDReader{kwargs}: FAILS: {type(e).__name__}: {e}")
        return
    print(f"  MDAnalysis {mda.__version__} H5MDReader{kwargs}: {u.trajectory.n_frames} frames, {n_atoms} atoms")
    worst = 0.0
    for ts in u.trajectory:
        step, time, pos, edges = ref[ts.frame]
        worst = max(worst, float(np.abs(ts.positions - pos).max()))
        tri = mda.lib.mdamath.triclinic_vectors(ts.dimensions)
        if verbose:
            print(f"    frame {ts.frame}: step {ts.data['step']} time {ts.time:.3f} "
                  f"T {ts.data['temperature']:.1f} box {np.round(ts.dimensions.astype(float), 4).tolist()} "
                  f"atom0 {np.round(ts.positions[0].astype(float), 5).tolist()} atom11 {np.round(ts.positions[11].astype(float), 5).tolist()}")
        assert ts.data["step"] == step and abs(ts.time - time) < 1e-6
        assert np.abs(tri - edges).max() < 1e-5
    print(f"  every frame as h5py reads it: max |MDAnalysis - h5py| position difference {worst:.2e}")


check(os.path.join(DIR, "sheath.h5"), True, convert_units=False)
check(os.path.join(DIR, "sheath.h5"), False)
check(os.path.join(DIR, "sheath_units.h5"), False)
check(os.path.join(DIR, "sheath_units.h5"), False, convert_units=False)
