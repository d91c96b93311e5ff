#!/usr/bin/env python3
"""density.json of gromacs_density.sh from the production's gmx energy output (stdlib only).

    gromacs_density_json.py --xvg density.xvg [--energy-log energy.log] [--mdlogs equil.log prod.log]
                            [--species dol --equil-ps 150 --prod-ps 500 --threads 1 --version V] -o density.json

Mean and standard error of each term of the xvg (Density, and Temperature / Pressure / Volume when
present) by block averaging exactly as Sheath's BlockAverage (engine/.../protocol/BlockAverage.java):
the mean over all n samples; 5 equal consecutive blocks of n // 5 samples taken from the end (the
first n mod 5 samples left out of the blocks), SE = sqrt(sum (m_b - mean of m_b)^2 / (B (B - 1)));
fewer than 2 samples per block: the error is null. The production's step-0 frame (the end of the
equilibration) is included, as Sheath's production rows include their step 0.
"""
import argparse
import json
import math
import re
import sys

BLOCKS = 5


def block_average(a):
    n = len(a)
    if n == 0:
        return {"mean": None, "error": None, "samples": 0, "blocks": 0}
    mean = sum(a) / n
    ln = n // BLOCKS
    if ln < 2:
        return {"mean": mean, "error": None, "samples": n, "blocks": 0}
    off = n - BLOCKS * ln
    bm = [sum(a[off + b * ln: off + (b + 1) * ln]) / ln for b in range(BLOCKS)]
    mm = sum(bm) / BLOCKS
    ss = sum((v - mm) ** 2 for v in bm)
    return {"mean": mean, "error": math.sqrt(ss / (BLOCKS * (BLOCKS - 1.0))), "samples": n, "blocks": BLOCKS}


def read_xvg(path):
    """(legends, rows): the legends of the data columns after time, the rows as float lists."""
    legends, rows = [], []
    with open(path) as f:
        for line in f:
            if line.startswith("#"):
                continue
            if line.startswith("@"):
                m = re.match(r'@\s+s(\d+)\s+legend\s+"(.*)"', line)
                if m:
                    legends.append(m.group(2))
                continue
            if line.strip():
                rows.append([float(v) for v in line.split()])
    return legends, rows


def gmx_estimates(path):
    """gmx energy's own table: term -> (average, err.est., rmsd, tot-drift)."""
    est = {}
    if not path:
        return est
    for line in open(path):
        m = re.match(r"^(\S.*?)\s+(-?[\d.]+(?:e[-+]?\d+)?)\s+(--|-?[\d.]+(?:e[-+]?\d+)?)\s+(-?[\d.]+(?:e[-+]?\d+)?)"
                     r"\s+(-?[\d.]+(?:e[-+]?\d+)?)\s+\((.*)\)\s*$", line)
        if m:
            num = lambda s: None if s == "--" else float(s)
            est[m.group(1)] = {"average": num(m.group(2)), "err_est": num(m.group(3)), "rmsd": num(m.group(4)),
                               "tot_drift": num(m.group(5)), "unit": m.group(6)}
    return est


def md_timing(path):
    """Core and wall seconds and ns/day from the end of an md.log (None where absent)."""
    t = {"log": path, "core_s": None, "wall_s": None, "ns_per_day": None}
    try:
        text = open(path).read()
    except OSError:
        return t
    m = re.search(r"^\s*Time:\s+([\d.]+)\s+([\d.]+)", text, re.M)
    if m:
        t["core_s"], t["wall_s"] = float(m.group(1)), float(m.group(2))
    m = re.search(r"^Performance:\s+([\d.]+)", text, re.M)
    if m:
        t["ns_per_day"] = float(m.group(1))
    return t


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--xvg", required=True)
    ap.add_argument("--energy-log")
    ap.add_argument("--mdlogs", nargs="*", default=[])
    ap.add_argument("--species")
    ap.add_argument("--equil-ps", type=float)
    ap.add_argument("--prod-ps", type=float)
    ap.add_argument("--threads", type=int)
    ap.add_argument("--version")
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args()

    legends, rows = read_xvg(a.xvg)
    if "Density" not in legends:
        sys.exit(f"gromacs_density_json.py: no Density column in {a.xvg} (legends: {legends})")
    if not rows:
        sys.exit(f"gromacs_density_json.py: no frames in {a.xvg}")
    col = {name: [r[i + 1] for r in rows] for i, name in enumerate(legends)}
    times = [r[0] for r in rows]
    est = gmx_estimates(a.energy_log)
    keys = {"Density": "density_kg_m3", "Temperature": "temperature_K", "Pressure": "pressure_bar", "Volume": "volume_nm3"}
    out = {
        "engine": "GROMACS",
        "gmx_version": a.version,
        "species": a.species,
        "stage": "production",
        "equilibration_ps": a.equil_ps,
        "production_ps": a.prod_ps,
        "threads": a.threads,
        "frames": len(rows),
        "first_time_ps": times[0],
        "last_time_ps": times[-1],
        "length_ps": times[-1] - times[0],
    }
    for name, key in keys.items():
        if name in col:
            out[key] = block_average(col[name])
            if name in est:
                out[key]["gmx_energy"] = est[name]
    out["timing"] = [md_timing(p) for p in a.mdlogs]
    with open(a.output, "w") as f:
        json.dump(out, f, indent=2)
        f.write("\n")
    d = out["density_kg_m3"]
    err = "n/a (fewer than 10 frames)" if d["error"] is None else f"{d['error']:.1f}"
    print(f"{a.species or ''}: GROMACS production density {d['mean']:.1f} ± {err} kg/m³ "
          f"({len(rows)} frames, {out['length_ps']:g} ps) -> {a.output}")


if __name__ == "__main__":
    main()
