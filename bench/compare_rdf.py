"""Compares a Sheath RDF CSV (sheath analyze rdf -o) with an MDAnalysis one (bench/mda_rdf.py).

    /usr/bin/python3 bench/compare_rdf.py SHEATH.csv MDA.csv LABEL

Prints max |dg| and max |dCN| over all bins and whether both are within 0.01; exit code 1 if not.
"""
import sys


def read(path):
    rows = []
    with open(path) as f:
        for line in f:
            if line.startswith("#") or not line.strip() or line[0].isalpha():
                continue
            rows.append([float(v) for v in line.split(",")[:3]])
    return rows


a, b = read(sys.argv[1]), read(sys.argv[2])
label = sys.argv[3] if len(sys.argv) > 3 else ""
if len(a) != len(b):
    print("%s: %d bins (Sheath) vs %d (MDAnalysis)" % (label, len(a), len(b)))
    sys.exit(1)
dr = max(abs(x[0] - y[0]) for x, y in zip(a, b))
dg = max(abs(x[1] - y[1]) for x, y in zip(a, b))
dcn = max(abs(x[2] - y[2]) for x, y in zip(a, b))
k = max(range(len(a)), key=lambda i: abs(a[i][1] - b[i][1]))
ok = dg <= 0.01 and dcn <= 0.01 and dr < 1e-6
print("check %-14s Sheath vs MDAnalysis, %d bins: max |dg| = %.2e (at r = %.3f nm, g = %.3f), max |dCN| = %.2e, "
      "CN(1.2 nm) %.4f vs %.4f -> %s" % (label, len(a), dg, a[k][0], b[k][1], dcn, a[-1][2], b[-1][2],
                                         "ok" if ok else "FAIL (limit 0.01)"))
sys.exit(0 if ok else 1)
