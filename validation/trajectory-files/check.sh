#!/usr/bin/env bash
# Trajectory files of `sheath run`, read by other programs: runs deck.toml (XTC + H5MD of the same frames,
# NVT then NPT), then
#   check_frames.py  — MDAnalysis (XTC, H5MD) and h5py agree frame by frame, XTC within its precision;
#   gmx check        — GROMACS reads every XTC frame (if gmx is installed);
#   sheath analyze   — the same RDF from the XTC and from the H5MD file.
# Not in CI (needs Python with MDAnalysis and h5py: Debian python3-mdanalysis python3-h5py).
# Usage: validation/trajectory-files/check.sh [RUN_DIR]   (default: a new temporary folder)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
run=${1:-$(mktemp -d)/run}
py="/usr/bin/python3 -W ignore"
"$root/sheath" run "$here/deck.toml" -o "$run" --threads 2 --no-progress > /dev/null
status=0
for stage in nvt npt; do
  $py "$here/check_frames.py" "$run" "$stage" || status=1
  if command -v gmx > /dev/null; then
    if out=$(gmx -quiet check -f "$run/$stage.xtc" 2>&1); then
      echo "ok    gmx check $stage.xtc: $(echo "$out" | grep -E '^(Coords|Box) ' | tr -s ' ' | paste -sd ';')"
    else
      echo "FAIL  gmx check $stage.xtc"; echo "$out" | tail -5; status=1
    fi
  else
    echo "skip  gmx check (gmx not installed)"
  fi
done
a=$("$root/sheath" analyze rdf -s "$run/topol.top" -f "$run/npt.xtc" --ref "name LI" --sel "resname DMF and name O1" --rmax 0.8 --no-progress -o "$run/rdf-xtc.csv" 2>&1 | grep -i "coordination\|CN" | head -1 || true)
b=$("$root/sheath" analyze rdf -s "$run/topol.top" -f "$run/npt.h5" --ref "name LI" --sel "resname DMF and name O1" --rmax 0.8 --no-progress -o "$run/rdf-h5.csv" 2>&1 | grep -i "coordination\|CN" | head -1 || true)
$py - "$run/rdf-xtc.csv" "$run/rdf-h5.csv" <<'PY' || status=1
import sys, numpy as np
def table(path):
    rows = [l for l in open(path) if l.strip() and not l.startswith("#")]
    return rows[0].strip().split(","), np.array([[float(v) for v in l.split(",")] for l in rows[1:]])
names, x = table(sys.argv[1])
_, h = table(sys.argv[2])
x, h, col = x[:, 2], h[:, 2], names[2]  # running CN: a pair that XTC rounding moves across a bin edge changes it by 1/(N_ref frames)
d = np.abs(x - h).max()
ok = len(x) == len(h) and d <= 0.05
print(("ok    " if ok else "FAIL  ") + f"sheath analyze rdf: npt.xtc vs npt.h5, {len(x)} bins, max |cn_xtc - cn_h5| {d:.3g} (column {col})")
sys.exit(0 if ok else 1)
PY
echo "run folder: $run"
exit $status
