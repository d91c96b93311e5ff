"""Times MDAnalysis reading every frame of an XTC (for comparison with XtcBench).
Usage: /usr/bin/python3 bench/mdanalysis_read.py FILE.xtc [passes]"""
import sys
import time
import warnings

warnings.filterwarnings("ignore")
from MDAnalysis.coordinates.XTC import XTCReader  # noqa: E402

path = sys.argv[1]
passes = int(sys.argv[2]) if len(sys.argv) > 2 else 3
best = 1e9
for p in range(passes):
    t0 = time.perf_counter()
    r = XTCReader(path, refresh_offsets=False)
    n = 0
    for ts in r:
        n += 1
    r.close()
    dt = time.perf_counter() - t0
    best = min(best, dt)
    print("pass %d: %d frames x %d atoms in %.3f s (%.0f frames/s)" % (p + 1, n, r.n_atoms, dt, n / dt))
print("best: %.3f s, %.0f frames/s" % (best, n / best))
