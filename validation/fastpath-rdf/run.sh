#!/usr/bin/env bash
# Fast path vs reference path, structure (performance issue): the same NVT run of the bundled study box
# (inputs/litfsi-zn-dmf, equilibrated, 3 444 atoms; 300 K, v-rescale, 2 fs, h-bonds, rc 1.2 nm) once with the
# single-precision cluster kernel (tolerance-sized Verlet buffer) and once with the double-precision reference
# kernel, each on its own thread; then the Li-O(DMF), Li-O(TFSI), Zn-O(DMF) g(r) of both from `sheath analyze rdf`
# in blocks, and compare.py: difference of the two curves against their block standard errors.
#   validation/fastpath-rdf/run.sh [DIR]     env: PS (production ps, default 40), BLOCKS (default 4)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIR=${1:-/tmp/sheath-fastpath-rdf}
PS=${PS:-40}
BLOCKS=${BLOCKS:-4}
mkdir -p "$DIR"
cd "$DIR"
for k in cluster reference; do
  cat > "$k.toml" <<TOML
title = "fast path vs reference: $k kernel"
seed = 11
[system]
topology = "$ROOT/inputs/litfsi-zn-dmf/system.top"
coordinates = "$ROOT/inputs/litfsi-zn-dmf/equilibrated.gro"
[forces]
constraints = "h-bonds"
kernel = "$k"
[output]
energies = "1 ps"
trajectory = "0.2 ps"
[[stage]]
name = "eq"
type = "md"
ensemble = "nvt"
dt = "2 fs"
length = "4 ps"
temperature = 300
thermostat = "v-rescale"
tau_t = 0.1
[[stage]]
name = "nvt"
type = "md"
ensemble = "nvt"
dt = "2 fs"
length = "$PS ps"
temperature = 300
thermostat = "v-rescale"
tau_t = 0.1
TOML
  if [[ ! -s "$k/nvt.gro" ]]; then
    rm -rf "$k"
    "$ROOT/sheath" run "$k.toml" -o "$k" --threads 1 > "$k.out" 2>&1 &
  fi
done
wait
frames=$(( PS * 5 ))
per=$(( frames / BLOCKS ))
for k in cluster reference; do
  traj="$k/nvt.xtc"
  # ion shells (they exchange on ns: over tens of ps each run keeps the shells it started with, so their block
  # errors understate the run-to-run spread) and solvent pairs (relax in ps: block errors are meaningful)
  for pair in "name LI|name O1 and resname DMF" "name LI|name O O1 O2 O3 and resname TFSI" "name ZN|name O1 and resname DMF" \
              "name O1 and resname DMF|name C3 and resname DMF" "name N1 and resname DMF|name N1 and resname DMF" \
              "name N and resname TFSI|name O1 and resname DMF"; do
    ref=${pair%%|*}; sel=${pair#*|}; tag=$(echo "$ref-$sel" | tr -cs 'A-Za-z0-9' '_')
    for ((b = 0; b < BLOCKS; b++)); do
      "$ROOT/sheath" analyze rdf -s "$ROOT/inputs/litfsi-zn-dmf/system.top" -f "$traj" --ref "$ref" --sel "$sel" \
        --exclude-same-molecule --rmax 1.0 --bin 0.01 \
        -b $(( b * per )) -e $(( (b + 1) * per )) -o "$k.$tag.$b.csv" --no-progress > /dev/null
    done
  done
done
python3 "$ROOT/validation/fastpath-rdf/compare.py" "$DIR" "$BLOCKS"
