#!/usr/bin/env bash
# MD benchmark B1 (performance issue): 1600 DMF + 160 LiTFSI + 40 Zn(TFSI)2 from the bundled library
# (23 000 atoms), rc 1.2 nm, PME ewald-rtol 1e-5 with 0.12 nm spacing, 2 fs with h-bond constraints,
# Nose-Hoover NVT 300 K. Builds and relaxes the box once with `sheath run` (steep + 0.2 ps v-rescale),
# then times, alternately in each round: Sheath (`sheath run`, cost table in its log), OpenMM (Debian
# python3-simtk + libopenmm-plugins, CPU platform) and GROMACS (`gmx mdrun`, same exported topology) where they run.
# Prints ns/day of every run and the ratios of the round means.
#
#   bench/md_bench.sh [DIR]         DIR default /tmp/sheath-md-bench
#   env: STEPS (5000: 10 ps, about a minute each; production runs are millions of steps, so a run
#   short enough for JIT warm-up (~4 s in Sheath) to weigh is not what users see), ROUNDS (1), THREADS (2), KERNEL (cluster; or reference), ENGINES ("sheath openmm gromacs")
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${1:-/tmp/sheath-md-bench}
STEPS=${STEPS:-5000}
ROUNDS=${ROUNDS:-1}
THREADS=${THREADS:-2}
KERNEL=${KERNEL:-cluster}
ENGINES=${ENGINES:-"sheath openmm gromacs"}
PY=${PY:-/usr/bin/python3}
mkdir -p "$DIR"
cd "$DIR"

cat > prep.toml <<TOML
title = "B1: 1600 DMF + 160 LiTFSI + 40 Zn(TFSI)2"
seed = 1
[system]
molecules = { LI = 160, ZN = 40, TFSI = 240, DMF = 1600 }
density = 1.1
[forces]
constraints = "h-bonds"
kernel = "$KERNEL"
[output]
energies = "0.1 ps"
trajectory = 0
[[stage]]
name = "em"
type = "minimize"
algorithm = "steep"
steps = 500
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
TOML
if [[ ! -s prep/warm.gro ]]; then
  echo "preparing B1 in $DIR/prep (build, steep, 0.2 ps v-rescale) ..."
  "$ROOT/sheath" run prep.toml -o prep --threads "$THREADS" > prep.log 2>&1 || { tail -5 prep.log; exit 1; }
fi
grep -m1 "^system:" prep/log.txt

cat > md.toml <<TOML
title = "B1 benchmark: Nose-Hoover NVT, 2 fs, h-bonds"
seed = 1
[system]
topology = "prep/topol.top"
coordinates = "prep/warm.gro"
[forces]
constraints = "h-bonds"
kernel = "$KERNEL"
[output]
energies = "1 ps"
trajectory = 0
checkpoint = "10 h"
[[stage]]
name = "md"
type = "md"
ensemble = "nvt"
dt = "2 fs"
steps = $STEPS
temperature = 300
thermostat = "nose-hoover"
tau_t = 0.5
velocities = "continue"
TOML

cat > md.mdp <<MDP
integrator = md
dt = 0.002
nsteps = $STEPS
cutoff-scheme = Verlet
rvdw = 1.2
rcoulomb = 1.2
coulombtype = PME
ewald-rtol = 1e-5
fourierspacing = 0.12
pme-order = 4
vdw-modifier = potential-shift
DispCorr = EnerPres
constraints = h-bonds
tcoupl = nose-hoover
tc-grps = System
tau-t = 0.5
ref-t = 300
nstcalcenergy = 100
nstenergy = 500
nstlog = 500
MDP

declare -A sum count
for ((r = 1; r <= ROUNDS; r++)); do
  for e in $ENGINES; do
    case $e in
      sheath)
        rm -rf "sheath$r"
        "$ROOT/sheath" run md.toml -o "sheath$r" --threads "$THREADS" > "sheath$r.out" 2>&1 || { tail -3 "sheath$r.out"; continue; }
        v=$(grep -o "[0-9.]* ns/day" "sheath$r/log.txt" | tail -1 | cut -d' ' -f1)
        echo "round $r sheath ($KERNEL kernel, $THREADS threads): $v ns/day"
        sed -n "/^cost of stage 'md'/,/Total/p" "sheath$r/log.txt" ;;
      openmm)
        if ! "$PY" -c "import openmm" 2>/dev/null; then echo "round $r openmm: not installed"; continue; fi
        if ! "$PY" "$ROOT/bench/openmm_md.py" --top prep/topol.top --gro prep/warm.gro --steps "$STEPS" --threads "$THREADS" > "openmm$r.out" 2>&1; then
          echo "round $r openmm: failed: $(tail -1 "openmm$r.out") (Debian 12: apt-get install python3-simtk libopenmm-plugins)"; continue
        fi
        line=$(tail -1 "openmm$r.out")
        echo "round $r $line"
        v=$(echo "$line" | grep -o "[0-9.]* ns/day" | cut -d' ' -f1) ;;
      gromacs)
        if ! command -v gmx > /dev/null; then echo "round $r gromacs: gmx not installed"; continue; fi
        gmx grompp -f md.mdp -p prep/topol.top -c prep/warm.gro -o md.tpr -maxwarn 2 > grompp.log 2>&1 || { echo "round $r gromacs: grompp failed (grompp.log)"; continue; }
        if ! gmx mdrun -s md.tpr -deffnm "gmx$r" -nt "$THREADS" -noconfout > "gmx$r.out" 2>&1; then
          echo "round $r gromacs: mdrun cannot run here: $(grep -m1 -i -E "rdtscp|error|fatal" "gmx$r.out" || tail -1 "gmx$r.out")"; continue
        fi
        v=$(awk '/^Performance:/ {print $2}' "gmx$r.log")
        echo "round $r gromacs ($THREADS threads): $v ns/day" ;;
      *) echo "unknown engine $e"; continue ;;
    esac
    [[ -n "${v:-}" ]] || continue
    sum[$e]=$(echo "${sum[$e]:-0} + $v" | bc -l); count[$e]=$(( ${count[$e]:-0} + 1 ))
  done
done
echo "mean ns/day over $ROUNDS round(s), $STEPS steps each:"
for e in "${!sum[@]}"; do printf "  %-8s %.3f\n" "$e" "$(echo "${sum[$e]} / ${count[$e]}" | bc -l)"; done
if [[ -n "${sum[sheath]:-}" ]]; then
  for e in "${!sum[@]}"; do
    [[ $e == sheath ]] && continue
    printf "  sheath / %-8s %.2f\n" "$e" "$(echo "(${sum[sheath]} / ${count[sheath]}) / (${sum[$e]} / ${count[$e]})" | bc -l)"
  done
fi
