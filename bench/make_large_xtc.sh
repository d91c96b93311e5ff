#!/usr/bin/env bash
# Builds a large XTC for the decode benchmark: ~21k atoms (SPC water from gmx solvate in a
# 6 nm cube), 200 frames of a random walk, written as TRR by MDAnalysis and converted to XTC
# by gmx trjconv (precision 1000). Usage: bench/make_large_xtc.sh [OUT.xtc]
set -euo pipefail
OUT="$(realpath -m "${1:-/tmp/sheath-bench/large.xtc}")"
mkdir -p "$(dirname "$OUT")"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
export GMX_MAXBACKUP=-1
gmx -quiet solvate -cs spc216.gro -box 6 6 6 -o conf.gro >/dev/null 2>&1
/usr/bin/python3 - <<'PY'
import warnings; warnings.filterwarnings("ignore")
import numpy as np, MDAnalysis as mda
from MDAnalysis.lib.formats.libmdaxdr import TRRFile
u = mda.Universe("conf.gro")
x = u.atoms.positions.astype(np.float64) / 10
box = np.diag(u.dimensions[:3] / 10).astype(np.float32)
rs = np.random.RandomState(0)
with TRRFile("walk.trr", "w") as f:
    for i in range(200):
        f.write(x.astype(np.float32), None, None, box, 1000 * i, 2.0 * i, 0.0, len(x))
        x += rs.normal(0, 0.01, x.shape)
PY
echo 0 | gmx -quiet trjconv -f walk.trr -o "$OUT" >/dev/null 2>&1
ls -l "$OUT"
