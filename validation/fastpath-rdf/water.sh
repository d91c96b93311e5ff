#!/usr/bin/env bash
# Fast path vs reference path, structure, on water (fast-relaxing: its block errors are meaningful): GROMACS's
# spc216 test box (648 atoms, TIP3P with SETTLE, OPLS-AA; 1.86 nm, rc 0.8 nm, PME), two replicas (seeds 5, 6) of
# 10 ps + 80 ps v-rescale NVT at 300 K for each kernel, then g_OO, g_OH (intermolecular) from `sheath analyze rdf`
# in 8-ps blocks of both replicas, and compare.py. The files are GROMACS's (not in this repository):
#   GMXSYS=DIR (spc216.top, spc216.gro from src/testutils/simulationdatabase)  GMXTOP=/usr/share/gromacs/top
#   validation/fastpath-rdf/water.sh [OUT]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-/tmp/sheath-fastpath-water}
GMXTOP=${GMXTOP:-/usr/share/gromacs/top}
mkdir -p "$OUT"
cd "$OUT"
"$ROOT/sheath" topology -p "$GMXSYS/spc216.top" -I "$GMXTOP" --export-gromacs topol.top > /dev/null
cp "$GMXSYS/spc216.gro" conf.gro
for k in cluster reference; do
  for seed in 5 6; do
    cat > "$k$seed.toml" <<TOML
title = "water: $k kernel, seed $seed"
seed = $seed
[system]
topology = "topol.top"
coordinates = "conf.gro"
[forces]
cutoff = 0.8
kernel = "$k"
[output]
energies = "1 ps"
trajectory = "0.1 ps"
[[stage]]
name = "em"
type = "minimize"
steps = 200
emtol = 1000
[[stage]]
name = "eq"
type = "md"
ensemble = "nvt"
dt = "2 fs"
length = "10 ps"
temperature = 300
thermostat = "v-rescale"
tau_t = 0.1
[[stage]]
name = "nvt"
type = "md"
ensemble = "nvt"
dt = "2 fs"
length = "80 ps"
temperature = 300
thermostat = "v-rescale"
tau_t = 0.1
TOML
    [[ -s "$k$seed/nvt.gro" ]] || { rm -rf "$k$seed"; "$ROOT/sheath" run "$k$seed.toml" -o "$k$seed" --threads 1 > "$k$seed.out" 2>&1 & }
  done
done
wait
for k in cluster reference; do
  b=0
  for seed in 5 6; do
    for ((blk = 0; blk < 10; blk++)); do
      for pair in "OO|name OW|name OW" "OH|name OW|name HW1 HW2"; do
        IFS='|' read -r tag ref sel <<< "$pair"
        "$ROOT/sheath" analyze rdf -s topol.top -f "$k$seed/nvt.xtc" --ref "$ref" --sel "$sel" --exclude-same-molecule \
          --rmax 0.9 --bin 0.01 -b $(( blk * 80 )) -e $(( (blk + 1) * 80 )) -o "$k.$tag.$b.csv" --no-progress > /dev/null
      done
      b=$(( b + 1 ))
    done
  done
done
python3 "$ROOT/validation/fastpath-rdf/compare.py" . 20
