"""Writes small H5MD files shaped like LAMMPS `dump h5md` output, for H5mdReaderTest.

    /usr/bin/python3 make_h5md_fixtures.py      (needs h5py; Debian: python3-h5py)

The layout follows LAMMPS' dump_h5md.cpp and the ch5md library it uses: /h5md version [1, 0],
author and creator groups with fixed-length string attributes (creator "lammps"); the particle
group named after the LAMMPS group ("all"); position value [frames][atoms][3] float64 in
extendible chunked datasets with int32 step and float64 time; image and box/edges hard-linked
to the position's step and time; box edges as the [3] diagonal of an orthogonal box; species;
empty /observables and /parameters. LAMMPS writes no unit attributes: in `units real` the
positions are in Angstrom and time = step * dt in fs.

lammps_real.h5   exactly that (the reader assumes LAMMPS real units for it)
lammps_units.h5  the same data with unit attributes: position and edges "Angstrom", time "fs"
                 (as files that carry units write them), and the box on its own step/time,
                 sampled every other frame

Values (also hard-coded in H5mdReaderTest): 5 atoms, 3 frames at steps 0, 500, 1000, dt 2 fs;
x = 1.5 i + 0.25 k, y = 2.0 + 0.5 i - 0.125 k, z = 10 - i + 0.0625 k (Angstrom, atom i, frame k);
box edges 20 + k, 21, 22 + 0.5 k (Angstrom).
"""
import os

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
NATOMS, STEPS, DT_FS = 5, [0, 500, 1000], 2.0


def fixed_string(value):
    return np.array(value.encode(), dtype=f"S{len(value)}")


def time_data(parent, name, shape, dtype, link=None):
    """An extendible H5MD time-dependent element, as ch5md's h5md_create_time_data makes it."""
    g = parent.create_group(name)
    if link is None:
        g.create_dataset("step", shape=(0,), maxshape=(None,), dtype=np.int32, chunks=(1,))
        g.create_dataset("time", shape=(0,), maxshape=(None,), dtype=np.float64, chunks=(1,))
    else:
        g["step"] = link["step"]  # hard links, as LAMMPS makes them
        g["time"] = link["time"]
    g.create_dataset("value", shape=(0,) + shape, maxshape=(None,) + shape, dtype=dtype,
                     chunks=(1,) + shape)
    return g


def append(g, value, step, time, own_time=True):
    v = g["value"]
    v.resize(v.shape[0] + 1, axis=0)
    v[-1] = value
    if own_time:
        for key, val in (("step", step), ("time", time)):
            d = g[key]
            d.resize(d.shape[0] + 1, axis=0)
            d[-1] = val


def write(path, with_units):
    with h5py.File(path, "w") as f:
        h = f.create_group("h5md")
        h.attrs["version"] = np.array([1, 0], dtype=np.int32)
        h.create_group("author").attrs["name"] = fixed_string("N/A")
        c = h.create_group("creator")
        c.attrs["name"] = fixed_string("lammps")
        c.attrs["version"] = fixed_string("29 Aug 2024")
        part = f.create_group("particles").create_group("all")
        f.create_group("observables")
        f.create_group("parameters")
        pos = time_data(part, "position", (NATOMS, 3), np.float64)
        box = part.create_group("box")
        box.attrs["dimension"] = np.int32(3)
        box.attrs["boundary"] = np.array([b"periodic"] * 3, dtype="S9")
        edges = time_data(box, "edges", (3,), np.float64, link=None if with_units else pos)
        image = time_data(part, "image", (NATOMS, 3), np.int32, link=pos)
        species = time_data(part, "species", (NATOMS,), np.int32, link=pos)
        for k, step in enumerate(STEPS):
            i = np.arange(NATOMS)
            x = np.stack([1.5 * i + 0.25 * k, 2.0 + 0.5 * i - 0.125 * k, 10.0 - i + 0.0625 * k], axis=1)
            t = step * DT_FS
            append(pos, x, step, t)
            if not with_units:
                append(edges, [20.0 + k, 21.0, 22.0 + 0.5 * k], step, t, own_time=False)
            elif k % 2 == 0:
                append(edges, [20.0 + k, 21.0, 22.0 + 0.5 * k], step, t)
            append(image, np.zeros((NATOMS, 3), dtype=np.int32), step, t, own_time=False)
            append(species, np.array([1, 2, 2, 1, 3], dtype=np.int32), step, t, own_time=False)
        if with_units:
            pos["value"].attrs["unit"] = "Angstrom"
            pos["time"].attrs["unit"] = "fs"
            edges["value"].attrs["unit"] = "Angstrom"
            edges["time"].attrs["unit"] = "fs"


write(os.path.join(HERE, "lammps_real.h5"), with_units=False)
write(os.path.join(HERE, "lammps_units.h5"), with_units=True)
for name in ("lammps_real.h5", "lammps_units.h5"):
    with h5py.File(os.path.join(HERE, name), "r") as f:
        print(name, os.path.getsize(os.path.join(HERE, name)), "bytes")
        f.visititems(lambda n, o: print("  ", n, getattr(o, "shape", ""), getattr(o, "dtype", ""), dict(o.attrs)))
