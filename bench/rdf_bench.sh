#!/usr/bin/env bash
# RDF benchmark: Sheath vs gmx rdf vs MDAnalysis InterRDF on a ~23k-atom LiTFSI + Zn(TFSI)2 + DMF
# box, 1000 XTC frames.
#
#   bench/rdf_bench.sh [DIR]          (default DIR: /tmp/sheath-rdf-bench)
#
# 1. system   gmx insert-molecules packs 30 Zn2+, 130 Li+, 190 TFSI-, 1700 DMF (23,410 atoms) into a
#             7.0 nm cube from the bundled electrolyte.ff templates (fixed seeds); DIR/system.top.
# 2. em       steepest descent (gmx grompp + mdrun).
# 3. md       NVT, 2 fs, v-rescale 300 K, PME, 1.2 nm cut-offs, h-bond constraints, FRAMES (1000)
#             frames every NSTXOUT (10) steps -> DIR/md.xtc. Frames need not be decorrelated.
#             XTC precision 1024/nm instead of the default 1000: coordinates on a 1/1024-nm grid are
#             exact in float32 and double, in nm and in Angstrom, so MDAnalysis (float32 Angstrom) and
#             Sheath (double nm) compute the same distances and the g(r) check below compares the
#             histograms, not rounding. With 1/1000 nm many pairs lie exactly on a 0.002-nm bin edge
#             (integer Pythagorean quadruples) and the float32 rounding in MDAnalysis sends some of
#             them to the other bin. Decoding cost is the same (13 bits per coordinate either way).
# 4. timing   whole-process wall time of each tool on two pairs, round robin, RUNS repetitions
#             after one warm-up each (the warm-up also writes MDAnalysis' offset cache and lets
#             ./sheath build its jar and start-up cache):
#               sparse  Li+ - O(DMF)          dense  O(DMF) - O(DMF) (self pairs excluded)
#             bin 0.002 nm, rmax 1.2 nm; Sheath with --threads 2; gmx rdf and MDAnalysis run
#             single-threaded (neither has a threads option for this); gmx at nice 0.
# 5. check    Sheath's g(r) and running CN against MDAnalysis' on the same trajectory: max |dg|
#             and max |dCN| over the bins (limit 0.01 each).
#
# Stages 1-3 are skipped when their outputs exist in DIR (FORCE=1 redoes them). The trajectory
# stays in DIR; nothing is written into the repository.
#
# Environment:
#   GMX      gmx for insert-molecules, grompp and rdf (default: gmx on PATH)
#   GMX_MD   gmx whose mdrun runs on this CPU (default /opt/gromacs-2022.5-nordtscp/bin/gmx, or
#            gmx_d next to it); it also runs the grompp of the em and md steps
#   PYTHON   Python with MDAnalysis (default /usr/bin/python3)
#   SHEATH   Sheath launcher (default: ./sheath of this repository)
#   RUNS (5), FRAMES (1000), NSTXOUT (10), MD_THREADS (2)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=$(realpath -m "${1:-/tmp/sheath-rdf-bench}")
GMX=${GMX:-gmx}
GMX_MD=${GMX_MD:-/opt/gromacs-2022.5-nordtscp/bin/gmx}
# the mixed-precision build may not be there yet; its double-precision sibling works as well
[[ ! -x "$GMX_MD" && -x "${GMX_MD}_d" ]] && GMX_MD="${GMX_MD}_d"
PYTHON=${PYTHON:-/usr/bin/python3}
SHEATH=${SHEATH:-$ROOT/sheath}
RUNS=${RUNS:-5}
FRAMES=${FRAMES:-1000}
NSTXOUT=${NSTXOUT:-10}
MD_THREADS=${MD_THREADS:-2}
FF="$ROOT/forcefields/src/main/resources/org/sheath/forcefields/library/electrolyte.ff"
export GMX_MAXBACKUP=-1
mkdir -p "$DIR"
cd "$DIR"
ln -sfn "$FF" electrolyte.ff
[ "${FORCE:-0}" = 1 ] && rm -f box.gro em.gro md.tpr md.xtc

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ------------------------------------------------------------------ 1. system
cat > system.top <<'EOF'
; RDF benchmark box: 130 LiTFSI + 30 Zn(TFSI)2 in 1700 DMF (made by bench/rdf_bench.sh)
#include "electrolyte.ff/forcefield.itp"
#include "electrolyte.ff/zn.itp"
#include "electrolyte.ff/li.itp"
#include "electrolyte.ff/tfsi.itp"
#include "electrolyte.ff/dmf.itp"

[ system ]
LiTFSI + Zn(TFSI)2 in DMF, RDF benchmark

[ molecules ]
ZN        30
LI       130
TFSI     190
DMF     1700
EOF
if [ ! -s box.gro ]; then
  log "packing the box with $GMX insert-molecules"
  cur=""
  while read -r mol tpl n seed; do
    if [ -z "$cur" ]; then
      "$GMX" -quiet insert-molecules -box 7.0 7.0 7.0 -ci "$FF/$tpl.gro" -nmol "$n" -seed "$seed" \
          -try 500 -o "pack_$mol.gro" >"pack_$mol.log" 2>&1
    else
      "$GMX" -quiet insert-molecules -f "$cur" -ci "$FF/$tpl.gro" -nmol "$n" -seed "$seed" \
          -try 500 -o "pack_$mol.gro" >"pack_$mol.log" 2>&1
    fi
    got=$(grep -oE 'Added [0-9]+ molecules' "pack_$mol.log" | grep -oE '[0-9]+')
    [ "$got" = "$n" ] || { echo "insert-molecules placed $got of $n $mol" >&2; exit 1; }
    cur="pack_$mol.gro"
  done <<'EOF'
ZN zn 30 11
LI li 130 12
TFSI tfsi 190 13
DMF dmf 1700 14
EOF
  mv "$cur" box.gro
  rm -f pack_*.gro
fi
NATOMS=$(sed -n 2p box.gro | tr -d ' ')
log "system: $NATOMS atoms, box $(tail -1 box.gro | xargs) nm"

# ------------------------------------------------------------------ 2-3. em and md
need_md() { [ ! -s md.xtc ] || [ ! -s md.tpr ] || [ ! -s md.gro ]; }
if need_md; then
  [ -x "$GMX_MD" ] || command -v "$GMX_MD" >/dev/null \
    || { echo "GMX_MD=$GMX_MD not found: a gmx whose mdrun runs on this CPU is needed" >&2; exit 1; }
  cat > em.mdp <<'EOF'
integrator     = steep
emtol          = 500
emstep         = 0.01
nsteps         = 5000
cutoff-scheme  = Verlet
coulombtype    = PME
rcoulomb       = 1.2
rvdw           = 1.2
DispCorr       = EnerPres
EOF
  cat > md.mdp <<EOF
integrator           = md
dt                   = 0.002
nsteps               = $(( (FRAMES - 1) * NSTXOUT ))
nstxout-compressed   = $NSTXOUT
compressed-x-precision = 1024
nstenergy            = 500
nstlog               = 1000
cutoff-scheme        = Verlet
coulombtype          = PME
rcoulomb             = 1.2
rvdw                 = 1.2
DispCorr             = EnerPres
tcoupl               = v-rescale
tc-grps              = System
tau-t                = 0.5
ref-t                = 300
gen-vel              = yes
gen-temp             = 300
gen-seed             = 2024
constraints          = h-bonds
constraint-algorithm = lincs
EOF
  if [ ! -s em.gro ]; then
    log "minimising (steep) with $GMX_MD"
    "$GMX_MD" -quiet grompp -f em.mdp -c box.gro -p system.top -o em.tpr -po em_out.mdp >grompp_em.log 2>&1 \
      || { tail -30 grompp_em.log >&2; exit 1; }
    "$GMX_MD" -quiet mdrun -nt "$MD_THREADS" -deffnm em >mdrun_em.log 2>&1 || { tail -30 mdrun_em.log >&2; exit 1; }
    grep -E 'Potential Energy|Maximum force' em.log | tail -2 >&2 || true
  fi
  log "NVT MD: $(( (FRAMES - 1) * NSTXOUT )) steps of 2 fs, $FRAMES frames, with $GMX_MD"
  "$GMX_MD" -quiet grompp -f md.mdp -c em.gro -p system.top -o md.tpr -po md_out.mdp >grompp_md.log 2>&1 \
    || { tail -30 grompp_md.log >&2; exit 1; }
  t0=$(date +%s)
  "$GMX_MD" -quiet mdrun -nt "$MD_THREADS" -deffnm md >mdrun_md.log 2>&1 || { tail -30 mdrun_md.log >&2; exit 1; }
  log "MD took $(( $(date +%s) - t0 )) s; $(grep -E '^Performance' md.log || true)"
  rm -f md.trr md.cpt md_prev.cpt
fi
log "trajectory: $DIR/md.xtc, $(du -m md.xtc | cut -f1) MB"

# ------------------------------------------------------------------ 4-5. timing and check
mkdir -p out
rm -f out/*
SPARSE_REF='name LI'
SEL_O='resname DMF and name O1'
cat > commands.tsv <<EOF
sparse	sheath	$SHEATH analyze rdf -s system.top -f md.xtc --ref '$SPARSE_REF' --sel '$SEL_O' --bin 0.002 --rmax 1.2 --threads 2 -o out/sheath_sparse.csv
sparse	gmx rdf	$GMX -quiet rdf -nice 0 -s md.tpr -f md.xtc -ref '$SPARSE_REF' -sel '$SEL_O' -bin 0.002 -rmax 1.2 -o out/gmx_sparse.xvg
sparse	MDAnalysis	$PYTHON $ROOT/bench/mda_rdf.py md.gro md.xtc '$SPARSE_REF' '$SEL_O' out/mda_sparse.csv
dense	sheath	$SHEATH analyze rdf -s system.top -f md.xtc --ref '$SEL_O' --sel '$SEL_O' --bin 0.002 --rmax 1.2 --threads 2 -o out/sheath_dense.csv
dense	gmx rdf	$GMX -quiet rdf -nice 0 -s md.tpr -f md.xtc -ref '$SEL_O' -sel '$SEL_O' -bin 0.002 -rmax 1.2 -o out/gmx_dense.xvg
dense	MDAnalysis	$PYTHON $ROOT/bench/mda_rdf.py md.gro md.xtc '$SEL_O' '$SEL_O' out/mda_dense.csv --exclude-self
EOF
log "timing: $RUNS runs of each command after one warm-up (round robin)"
"$PYTHON" "$ROOT/bench/timing.py" commands.tsv "$RUNS" timing.json
echo
"$PYTHON" "$ROOT/bench/compare_rdf.py" out/sheath_sparse.csv out/mda_sparse.csv "Li-O(DMF)"
"$PYTHON" "$ROOT/bench/compare_rdf.py" out/sheath_dense.csv out/mda_dense.csv "O(DMF)-O(DMF)"
