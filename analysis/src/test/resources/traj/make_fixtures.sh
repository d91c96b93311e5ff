#!/usr/bin/env bash
# Regenerates the trajectory test fixtures in this directory.
# Needs GROMACS 2022 (gmx, gmx_d) and MDAnalysis 2.4 (system python /usr/bin/python3).
# Not run in CI: the outputs are committed. Usage: ./make_fixtures.sh
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
export GMX_MAXBACKUP=-1

# 1. 120 SPC waters (360 atoms) in a general triclinic cell (a along x, b in the xy plane).
cat > empty.gro <<'GRO'
empty triclinic cell
    0
   1.80000   1.69706   1.27279   0.00000   0.00000   0.90000   0.00000   0.90000   0.60000
GRO
gmx -quiet solvate -cs spc216.gro -cp empty.gro -o conf.gro

# 2. a synthetic 11-frame trajectory (random walk + random velocities/forces), written as TRR
#    with MDAnalysis' xdrfile writer; forces only on every other frame, velocities on all but
#    frame 3, so the optional TRR blocks vary per frame. (gmx mdrun is not usable on every
#    machine, and the readers only care about the file formats.)
/usr/bin/python3 "$HERE/make_fixtures.py" base conf.gro md.trr
# XTC from it with gmx (precision 1000), double-precision TRR with gmx_d
echo 0 | gmx -quiet trjconv -f md.trr -o md.xtc
echo 0 | gmx_d -quiet trjconv -f md.trr -skip 4 -force -o md_d.trr

cp md.xtc "$HERE/water.xtc"
cp md.trr "$HERE/water.trr"
cp md_d.trr "$HERE/water_double.trr"
# frames 0, 4, 8 as text
echo 0 | gmx -quiet trjconv -s conf.gro -f md.trr -skip 4 -o "$HERE/water.gro"
echo 0 | gmx -quiet trjconv -s conf.gro -f md.trr -skip 4 -o "$HERE/water.pdb"
# XTC at 7 decimals: integer ranges exceed 2^24, exercising the "large integer" code path
echo 0 | gmx -quiet trjconv -f md.xtc -skip 3 -ndec 7 -o "$HERE/water_ndec7.xtc"
# XTC with 5 atoms: stored uncompressed (natoms <= 9)
printf '[ five ]\n1 2 3 4 5\n' > five.ndx
echo 0 | gmx -quiet trjconv -f md.xtc -n five.ndx -o "$HERE/five_atoms.xtc"

# 3. DCD / LAMMPS dump / XYZ variants and the MDAnalysis reference values
/usr/bin/python3 "$HERE/make_fixtures.py" fixtures "$HERE" conf.gro
rm -f "$HERE"/.*_offsets.npz "$HERE"/.*_offsets.lock   # MDAnalysis' offset caches
ls -l "$HERE"
du -ch "$HERE"/* | tail -1
