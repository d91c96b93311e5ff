#!/usr/bin/env bash
# Regenerates the GROMACS reference fixtures in this directory (re-runnable):
#
#   forcefields/src/test/resources/reference/gromacs/make_reference.sh [SRCDIR]
#
# SRCDIR = directory with freesolv-gaff-am1bcc/ and opls2009il-acevedo/ (default
# /work/shared/reference/forcefield-sources). Needs GROMACS 2022 (gmx grompp, gmx dump,
# gmx editconf) and python3. Tests read only the outputs, so CI needs no GROMACS:
#
#   counts.tsv          system<TAB>FUNC<TAB>count  (interaction entries in the .tpr)
#   pairs14/<MOL>.txt   1-4 pairs (LJ14 entries) of each bundled molecule, "i j", 1-based, i<j
#
# Systems: freesolv_DMF (mobley_8011706.top/.gro), opls2009il_TFSI (opls2009il_tfsi.top
# wrapping NTF2_atomtypes.itp + NTF2.itp, coordinates NTF2.pdb), and every electrolyte.ff
# molecule alone in its template box (system name electrolyte_<MOL>).
# grompp must pass without -maxwarn (no missing parameter, no warning); ions are also checked
# with -DCHARGE_SCALE_0_8, and the two example boxes in inputs/ are checked with PME.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
FFROOT=$(cd "$HERE/../../../../.." && pwd)          # forcefields/
REPO=$(cd "$FFROOT/.." && pwd)
FF="$FFROOT/src/main/resources/org/sheath/forcefields/library/electrolyte.ff"
SRC=${1:-/work/shared/reference/forcefield-sources}
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT

cat > "$W/cut.mdp" <<'MDP'
integrator    = steep
nsteps        = 0
cutoff-scheme = Verlet
coulombtype   = Cut-off
rcoulomb      = 1.2
rvdw          = 1.2
MDP
sed 's/^coulombtype .*/coulombtype   = PME/' "$W/cut.mdp" > "$W/pme.mdp"

grompp_ok() {  # grompp_ok DIR MDP GRO TOP TPR [nocharge]  (cd DIR); fails on any warning/error
  local d=$1 mdp=$2 gro=$3 top=$4 tpr=$5 nocharge=${6:-}
  if ! (cd "$d" && gmx grompp -f "$mdp" -c "$gro" -p "$top" -o "$tpr" -po "$W/mdout.mdp" >"$tpr.log" 2>&1); then
    echo "grompp FAILED for $top" >&2; cat "$d/$tpr.log" >&2; exit 1
  fi
  local q
  q=$(grep -oE 'non-zero total charge: -?[0-9.]+' "$d/$tpr.log" | awk '{print $NF}' || true)
  if [ -z "$nocharge" ] && [ -n "$q" ] && ! python3 -c "import sys; q=float('$q'); sys.exit(abs(q-round(q*5)/5)>1e-6)"; then
    echo "net charge $q of $top is not a multiple of 0.2" >&2; exit 1
  fi
}

dump() {  # dump TPR SYSTEM [PAIRS_OUT]
  gmx dump -s "$1" > "$1.dump" 2>/dev/null
  python3 "$HERE/parse_dump.py" "$1.dump" "$2" "$W/counts.tsv" ${3:+"$3"}
}

printf 'system\tinteraction\tcount\n' > "$W/counts.tsv"
mkdir -p "$W/pairs14"

# a. external references
mkdir -p "$W/freesolv"
cp "$SRC/freesolv-gaff-am1bcc/mobley_8011706.top" "$SRC/freesolv-gaff-am1bcc/mobley_8011706.gro" "$W/freesolv/"
# (the FreeSolv file itself carries a net charge of -0.0002 e: no charge check for it)
grompp_ok "$W/freesolv" "$W/cut.mdp" mobley_8011706.gro mobley_8011706.top dmf.tpr nocharge
dump "$W/freesolv/dmf.tpr" freesolv_DMF

mkdir -p "$W/opls"
cp "$SRC/opls2009il-acevedo/NTF2_atomtypes.itp" "$SRC/opls2009il-acevedo/NTF2.itp" "$HERE/opls2009il_tfsi.top" "$W/opls/"
gmx editconf -f "$SRC/opls2009il-acevedo/NTF2.pdb" -o "$W/opls/ntf2.gro" -box 3 -c >/dev/null 2>&1
grompp_ok "$W/opls" "$W/cut.mdp" ntf2.gro opls2009il_tfsi.top ntf2.tpr
dump "$W/opls/ntf2.tpr" opls2009il_TFSI

# b/c. bundled molecules
mkdir -p "$W/lib"
ln -s "$FF" "$W/lib/electrolyte.ff"
( echo "define = -DCHARGE_SCALE_0_8"; cat "$W/cut.mdp" ) > "$W/cut08.mdp"
for sp in li zn tfsi dmf pvdf dme ec pf6 no3 dol dmc dec emc fec sn fsi pvhfp; do
  MOL=$(echo "$sp" | tr a-z A-Z)
  printf '#include "electrolyte.ff/forcefield.itp"\n#include "electrolyte.ff/%s.itp"\n[ system ]\n%s\n[ molecules ]\n%s 1\n' \
    "$sp" "$MOL" "$MOL" > "$W/lib/$sp.top"
  grompp_ok "$W/lib" "$W/cut.mdp" "electrolyte.ff/$sp.gro" "$sp.top" "$sp.tpr"
  case $sp in li|zn|tfsi|pf6|no3|fsi)
    grompp_ok "$W/lib" "$W/cut08.mdp" "electrolyte.ff/$sp.gro" "$sp.top" "${sp}_08.tpr" ;;
  esac
  dump "$W/lib/$sp.tpr" "electrolyte_$MOL" "$W/pairs14/$MOL.txt"
done

# example boxes (check only)
for box in litfsi-zn-dmf pvdf-litfsi-dmf new-species-mix; do
  mkdir -p "$W/$box"
  ln -s "$FF" "$W/$box/electrolyte.ff"
  cp "$REPO/inputs/$box/system.top" "$REPO/inputs/$box/conf.gro" "$W/$box/"
  grompp_ok "$W/$box" "$W/pme.mdp" conf.gro system.top box.tpr
  echo "grompp accepts inputs/$box"
done

cp "$W/counts.tsv" "$HERE/counts.tsv"
rm -rf "$HERE/pairs14"; cp -r "$W/pairs14" "$HERE/pairs14"
echo "wrote $HERE/counts.tsv and $HERE/pairs14/"
