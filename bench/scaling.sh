#!/usr/bin/env bash
# Cost per MD step against system size (performance issue): the B1 composition (1600 DMF + 160 LiTFSI +
# 40 Zn(TFSI)2, 23 000 atoms) scaled by 1/4, 1/2, 1, 2, 4 (5 750 to 92 000 atoms), each built, relaxed
# (steep + 0.2 ps v-rescale) and run for STEPS steps of Nose-Hoover NVT (2 fs, h-bonds, rc 1.2 nm, PME 1e-5,
# 0.12 nm) with `sheath run` under -Xmx1g. Prints ms/step (the md stage's cost-table total over STEPS),
# ms/step per 1000 atoms, and the ratio to linear growth per doubling; then B1 on 1 and 2 threads.
#   bench/scaling.sh [DIR]     env: STEPS (200), THREADS (2), XMX (1g)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${1:-/tmp/sheath-scaling}
STEPS=${STEPS:-200}
THREADS=${THREADS:-2}
export SHEATH_JAVA_OPTS="-Xmx${XMX:-1g} ${SHEATH_JAVA_OPTS:-}"
mkdir -p "$DIR"
cd "$DIR"

deck() { # name scale
  local s=$2
  local li=$(( 160 * s / 4 )) zn=$(( 40 * s / 4 )) tfsi=$(( 240 * s / 4 )) dmf=$(( 1600 * s / 4 ))
  cat > "$1.toml" <<TOML
title = "B1 x $s/4"
seed = 1
[system]
molecules = { LI = $li, ZN = $zn, TFSI = $tfsi, DMF = $dmf }
density = 1.1
[forces]
constraints = "h-bonds"
[output]
energies = "1 ps"
trajectory = 0
checkpoint = "10 h"
[[stage]]
name = "em"
type = "minimize"
steps = 300
emtol = 1000
[[stage]]
name = "warm"
type = "md"
ensemble = "nvt"
dt = "1 fs"
steps = 200
temperature = 300
thermostat = "v-rescale"
tau_t = 0.1
[[stage]]
name = "md"
type = "md"
ensemble = "nvt"
dt = "2 fs"
steps = $STEPS
temperature = 300
thermostat = "nose-hoover"
tau_t = 0.5
TOML
}

msstep() { # run dir -> ms per step of stage md: its cost table's total (the step loop; start-up and JIT warm-up
  # of the stage, which weigh heavily on a few hundred steps of a small box, are not in it)
  awk -v n="$STEPS" '/^cost of stage .md./ { c = 1 } c && /^  Total/ { print 1000 * $2 / n; exit }' "$1/log.txt"
}

prev_n=0; prev_ms=0
printf "%8s %10s %14s %18s\n" atoms ms/step "ms/step/katom" "per doubling"
for s in 1 2 4 8 16; do
  deck "b$s" "$s"
  rm -rf "b$s"
  "$ROOT/sheath" run "b$s.toml" -o "b$s" --threads "$THREADS" > "b$s.out" 2>&1 || { echo "scale $s/4 failed:"; tail -3 "b$s.out"; exit 1; }
  n=$(awk '/^system:/ {print $2; exit}' "b$s/log.txt")
  ms=$(msstep "b$s")
  ratio="-"
  if [[ $prev_n -gt 0 ]]; then ratio=$(echo "($ms / $prev_ms) / ($n / $prev_n)" | bc -l | xargs printf "%.3f"); fi
  printf "%8d %10.1f %14.3f %18s\n" "$n" "$ms" "$(echo "$ms / ($n / 1000)" | bc -l)" "$ratio"
  prev_n=$n; prev_ms=$ms
done
echo "B1 on 1 thread vs $THREADS:"
rm -rf b4t1
"$ROOT/sheath" run b4.toml -o b4t1 --threads 1 > b4t1.out 2>&1
m1=$(msstep b4t1); m2=$(msstep b4)
printf "  1 thread %.1f ms/step, %s threads %.1f ms/step: speed-up %.2f\n" "$m1" "$THREADS" "$m2" "$(echo "$m1 / $m2" | bc -l)"
