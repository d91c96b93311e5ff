#!/usr/bin/env bash
# Packs an example study box for the system.top next to the calling script:
#
#   inputs/pack_box.sh DIR BOX_NM "TITLE" "SPECIES"     (called by inputs/*/make_box.sh)
#
# SPECIES: one line per molecule type, "name template count seed", in the [ molecules ] order.
# 1. gmx insert-molecules places the one-molecule templates of electrolyte.ff
#    (fixed seeds, so the box is reproducible with the same GROMACS build);
# 2. gmx grompp checks the box against system.top (library reached through a
#    symlink electrolyte.ff in a temporary directory, nothing is committed);
# 3. the box is energy-minimised with OpenMM reading system.top (PME, 1.2 nm
#    cut-offs, Lorentz-Berthelot, global 1-4 factors of forcefield.itp), using
#    forcefields/tools/em_openmm.py: gmx mdrun cannot run on these machines
#    (the GROMACS build needs the rdtscp instruction, which the CPU lacks).
# Needs GROMACS (gmx) and OpenMM for /usr/bin/python3 (Debian python3-simtk, libopenmm-plugins).
set -euo pipefail
HERE=$(cd "$1" && pwd)
BOX=$2
TITLE=$3
SPECIES=$4
ROOT=$(cd "$(dirname "$0")/.." && pwd)
FF="$ROOT/forcefields/src/main/resources/org/sheath/forcefields/library/electrolyte.ff"

W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
ln -s "$FF" "$W/electrolyte.ff"
cp "$HERE/system.top" "$W/system.top"
cur=""
while read -r mol tpl n seed; do
  out="$W/box_$mol.gro"
  if [ -z "$cur" ]; then
    gmx insert-molecules -box $BOX $BOX $BOX -ci "$FF/$tpl.gro" -nmol "$n" -seed "$seed" \
        -try 500 -o "$out" >"$W/ins_$mol.log" 2>&1
  else
    gmx insert-molecules -f "$cur" -ci "$FF/$tpl.gro" -nmol "$n" -seed "$seed" \
        -try 500 -o "$out" >"$W/ins_$mol.log" 2>&1
  fi
  got=$(grep -oE 'Added [0-9]+ molecules' "$W/ins_$mol.log" | grep -oE '[0-9]+')
  [ "$got" = "$n" ] || { echo "insert-molecules placed $got of $n $mol"; exit 1; }
  cur="$out"
done <<< "$SPECIES"
printf 'integrator=steep\nnsteps=0\ncutoff-scheme=Verlet\ncoulombtype=PME\nrcoulomb=1.2\nrvdw=1.2\n' > "$W/check.mdp"
(cd "$W" && gmx grompp -f check.mdp -c "$cur" -p system.top -o check.tpr >grompp.log 2>&1) \
  || { cat "$W/grompp.log"; exit 1; }
/usr/bin/python3 "$ROOT/forcefields/tools/em_openmm.py" pme "$W/system.top" "$cur" "$W/em.gro"
(cd "$W" && gmx grompp -f check.mdp -c em.gro -p system.top -o check2.tpr >grompp2.log 2>&1) \
  || { cat "$W/grompp2.log"; exit 1; }
{ echo "$TITLE, insert-molecules + OpenMM minimisation (make_box.sh)"; tail -n +2 "$W/em.gro"; } > "$HERE/conf.gro"
echo "wrote $HERE/conf.gro ($(sed -n 2p "$HERE/conf.gro" | tr -d ' ') atoms)"
