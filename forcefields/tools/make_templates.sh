#!/usr/bin/env bash
# Regenerate electrolyte.ff (itp files) and its one-molecule coordinate templates (<species>.gro).
#
#   forcefields/tools/make_templates.sh [SRCDIR]
#   SPECIES="dol fsi" forcefields/tools/make_templates.sh     (only these templates; all .itp are rewritten)
#
# SRCDIR holds derived/pvdf_H-CH2CF2-10-F_alltrans.pdb (default
# /work/shared/reference/forcefield-sources). Needs python3 and OpenMM for
# /usr/bin/python3 (Debian packages python3-simtk, libopenmm-plugins).
#
# 1. gen_electrolyte_ff.py writes the .itp files and unminimised start geometries.
# 2. DMF, DME, EC, PVDF, DOL, DMC, DEC, EMC, FEC, SN, FSI and PVHFP are minimised in vacuum (no cut-off, the molecule's own
#    [ sheath_fudge ] 1-4 factors) with OpenMM's L-BFGS reading the GROMACS topology
#    (em_openmm.py). gmx mdrun cannot run on these machines (GROMACS build needs the
#    rdtscp instruction, which the CPU lacks), so gmx_d could not be used here.
# 3. Every template is centred on the origin (geometric centre) and given a cubic
#    box of 3 nm (5 nm for PVDF, PVHFP). LI, ZN, TFSI, PF6 and NO3 are not minimised:
#    TFSI keeps the QM (PyRED) geometry of PARAMETERS.md 3a, PF6 and NO3 are ideal
#    octahedral/trigonal structures at the force-field r0.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
FF="$HERE/../src/main/resources/org/sheath/forcefields/library/electrolyte.ff"
SRC=${1:-/work/shared/reference/forcefield-sources}
WORK=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT

python3 "$HERE/gen_electrolyte_ff.py" "$FF" "$SRC" "$WORK/start"

mkdir -p "$WORK/top"
ln -s "$FF" "$WORK/top/electrolyte.ff"


center() {  # center IN OUT BOX TITLE  -> centred template with our own title/box
  python3 - "$@" <<'EOF'
import sys
src, dst, box, title = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
lines = open(src).read().splitlines()
n = int(lines[1])
atoms = lines[2:2 + n]
xyz = [[float(l[20 + 8 * d:28 + 8 * d]) for d in range(3)] for l in atoms]
c = [sum(x[d] for x in xyz) / n for d in range(3)]
with open(dst, "w") as f:
    f.write(title + "\n%5d\n" % n)
    for l, x in zip(atoms, xyz):
        f.write(l[:20] + "".join("%8.3f" % (x[d] - c[d]) for d in range(3)) + "\n")
    f.write("%10.5f%10.5f%10.5f\n" % (box, box, box))
EOF
}

for sp in ${SPECIES:-li zn tfsi dmf pvdf dme ec pf6 no3 dol dmc dec emc fec sn fsi pvhfp}; do
  MOL=$(echo "$sp" | tr a-z A-Z)
  box=3.0; case $sp in pvdf|pvhfp) box=5.0 ;; esac
  case $sp in
    dmf|dme|ec|pvdf|dol|dmc|dec|emc|fec|sn|fsi|pvhfp)
      cat > "$WORK/top/$sp.top" <<EOF
#include "electrolyte.ff/forcefield.itp"
#include "electrolyte.ff/$sp.itp"
[ system ]
$MOL vacuum minimisation
[ molecules ]
$MOL 1
EOF
      echo -n "$MOL: "
      /usr/bin/python3 "$HERE/em_openmm.py" vacuum "$WORK/top/$sp.top" "$WORK/start/$sp.start.gro" \
          "$WORK/$sp.min.gro" | tail -1
      center "$WORK/$sp.min.gro" "$FF/$sp.gro" "$box" \
        "$MOL template: gas-phase minimum (OpenMM L-BFGS, no cut-off, own 1-4 factors)"
      ;;
    *)
      center "$WORK/start/$sp.start.gro" "$FF/$sp.gro" "$box" "$MOL template (see forcefields/README.md)"
      ;;
  esac
done
echo "templates written to $FF"
