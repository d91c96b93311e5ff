#!/usr/bin/env python3
"""Compare the g(r) of the fast-path (cluster kernel) and reference-path NVT runs made by run.sh.

For each pair (files KERNEL.TAG.BLOCK.csv with columns r, g, cn) the block means and standard errors of g(r)
and of the coordination number at the reference run's first minimum; per bin z = (g_fast - g_ref) /
sqrt(se_fast^2 + se_ref^2) over bins where either g > 0.05, and chi^2 per bin (about 1 when the curves agree
within their statistical errors). Prints one line per pair and exits 1 if a pair's chi^2 per bin exceeds 2 or
its peak or CN differ by more than 3 combined standard errors.

    compare.py DIR BLOCKS
"""
import csv
import math
import sys
from pathlib import Path


def read(path):
    r, g, cn = [], [], []
    with open(path) as f:
        for row in csv.reader(f):
            try:
                vals = [float(v) for v in row[:3]]
            except ValueError:
                continue  # header
            r.append(vals[0]); g.append(vals[1]); cn.append(vals[2])
    return r, g, cn


def mean_se(samples):
    n = len(samples)
    m = sum(samples) / n
    var = sum((x - m) ** 2 for x in samples) / (n - 1) if n > 1 else 0.0
    return m, math.sqrt(var / n)


def main():
    d, blocks = Path(sys.argv[1]), int(sys.argv[2])
    tags = sorted({p.name.split(".")[1] for p in d.glob("cluster.*.0.csv")})
    ok = True
    for tag in tags:
        runs = {}
        for k in ("cluster", "reference"):
            data = [read(d / f"{k}.{tag}.{b}.csv") for b in range(blocks)]
            r = data[0][0]
            g = [mean_se([blk[1][i] for blk in data]) for i in range(len(r))]
            runs[k] = (r, g, data)
        r, gref, dref = runs["reference"]
        _, gfast, dfast = runs["cluster"]
        # first peak and first minimum after it, from the reference mean
        ip = max(range(len(r)), key=lambda i: gref[i][0])
        im = ip + min(range(len(r) - ip), key=lambda j: gref[ip + j][0] if r[ip + j] < r[ip] + 0.25 else 1e9)
        chi2, nbins, zmax = 0.0, 0, 0.0
        for i in range(len(r)):
            if max(gref[i][0], gfast[i][0]) < 0.05:
                continue
            se = math.hypot(gref[i][1], gfast[i][1])
            if se == 0:
                continue
            z = (gfast[i][0] - gref[i][0]) / se
            chi2 += z * z
            nbins += 1
            zmax = max(zmax, abs(z))
        cn_ref = mean_se([blk[2][im] for blk in dref])
        cn_fast = mean_se([blk[2][im] for blk in dfast])
        zpeak = (gfast[ip][0] - gref[ip][0]) / math.hypot(gfast[ip][1], gref[ip][1])
        zcn = (cn_fast[0] - cn_ref[0]) / max(1e-12, math.hypot(cn_fast[1], cn_ref[1]))
        per_bin = chi2 / max(1, nbins)
        print(f"{tag}: peak r {r[ip]:.3f} nm g {gfast[ip][0]:.2f}±{gfast[ip][1]:.2f} (fast) vs {gref[ip][0]:.2f}±{gref[ip][1]:.2f}"
              f" (reference), z {zpeak:+.2f}; CN to {r[im]:.3f} nm {cn_fast[0]:.3f}±{cn_fast[1]:.3f} vs "
              f"{cn_ref[0]:.3f}±{cn_ref[1]:.3f}, z {zcn:+.2f}; chi2/bin {per_bin:.2f} over {nbins} bins, max |z| {zmax:.2f}")
        ok &= per_bin < 2 and abs(zpeak) < 3 and abs(zcn) < 3
    print("agree within statistical error" if ok else "DIFFER beyond statistical error")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
