#!/usr/bin/env bash
# The density of a species by GROMACS on the topology Sheath exported: an independent-engine check of
# runs/<species>/summary.json.
#
#   validation/densities/gromacs_density.sh SPECIES        (e.g. dol)
#
# Reads runs/<species>/topol.top (every parameter explicit, no #include) and runs/<species>/em.gro
# (the structure after Sheath's steepest descent) and runs, in runs/<species>/gromacs/:
#   equil: 150 ps NPT from em.gro, Maxwell velocities at 298.15 K (gen-seed 298)
#   prod:  500 ps NPT continued from equil's checkpoint (grompp -t: state, box and coupling variables)
# both with gromacs_npt.mdp (the decks' protocol: 2 fs, h-bonds/LINCS, v-rescale 0.1 ps, C-rescale
# 2 ps / 4.5e-5 /bar, 1.2 nm cut-off LJ with potential-shift, PME 1e-5 / 0.12 nm / order 4, EnerPres,
# energies every 0.5 ps). Then gmx energy -> density.xvg and gromacs_density_json.py -> density.json
# (mean ± SE of the production density, 5 blocks, as Sheath's BlockAverage).
#
# Environment: RUNS (default validation/densities/runs), THREADS (default 1, mdrun -nt), EQUIL_PS
# (150), PROD_PS (500), SEED (298), GMX (gmx), MDRUN_OPTS (extra mdrun options). A stage whose
# <stage>.gro exists is done; an interrupted one continues from its checkpoint (mdrun -cpi). A
# gromacs/ folder made with other settings or inputs is refused (delete it to start again).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
die() { echo "gromacs_density.sh: $*" >&2; exit 1; }

[[ $# -eq 1 ]] || die "usage: gromacs_density.sh SPECIES (e.g. dol); env RUNS THREADS EQUIL_PS PROD_PS"
sp="${1,,}"
runs="${RUNS:-$here/runs}"
dir="$runs/$sp"
gmx="${GMX:-gmx}"
threads="${THREADS:-1}"
equil_ps="${EQUIL_PS:-150}"
prod_ps="${PROD_PS:-500}"
seed="${SEED:-298}"
mdp="$here/gromacs_npt.mdp"

[[ -d "$dir" ]] || die "no run folder $dir (run the Sheath deck first: ./sheath run validation/densities/decks/$sp.toml -o $dir)"
for f in topol.top em.gro; do
  [[ -s "$dir/$f" ]] || die "$dir/$f is missing or empty (a Sheath run writes topol.top when it builds, em.gro after its 'em' stage)"
done
[[ -f "$mdp" ]] || die "the template $mdp is missing"
command -v "$gmx" >/dev/null || die "no '$gmx' on PATH (set GMX)"
command -v python3 >/dev/null || die "no python3 on PATH"

# steps of 2 fs; the length must be a whole number of steps
steps() { awk -v p="$1" 'BEGIN { n = p / 0.002; r = int(n + 0.5); if (p !~ /^[0-9.]+$/ || r < 1 || (n - r) ^ 2 > 1e-9) exit 1; print r }'; }
equil_steps="$(steps "$equil_ps")" || die "EQUIL_PS=$equil_ps is not a positive whole number of 2 fs steps"
prod_steps="$(steps "$prod_ps")" || die "PROD_PS=$prod_ps is not a positive whole number of 2 fs steps"

out="$dir/gromacs"
mkdir -p "$out"
cd "$out"

# what this folder was made from: refuse to mix runs of other lengths, seeds or inputs
settings="equil_steps=$equil_steps prod_steps=$prod_steps seed=$seed
$(cd "$dir" && md5sum topol.top em.gro)
$(md5sum < "$mdp" | cut -d' ' -f1)  gromacs_npt.mdp"
if [[ -f settings.txt ]]; then
  [[ "$(cat settings.txt)" == "$settings" ]] || die "$out was made with other settings or inputs (see its settings.txt); delete it to start again"
else
  printf '%s\n' "$settings" > settings.txt
fi

mdp_for() { # name nsteps continuation gen-vel
  sed -e "s/@NSTEPS@/$2/" -e "s/@CONTINUATION@/$3/" -e "s/@GEN_VEL@/$4/" -e "s/@SEED@/$seed/" "$mdp" > "$1.mdp"
}

# grompp must pass without -maxwarn: a warning stops the script (its text is in <stage>_grompp.log)
stage() { # name [grompp options...]
  local name="$1"; shift
  if [[ -f "$name.gro" ]]; then echo "$sp: $name done ($out/$name.gro)"; return; fi
  if [[ ! -f "$name.tpr" ]]; then
    "$gmx" grompp -f "$name.mdp" -p ../topol.top -o "$name.tpr" -po "$name.out.mdp" "$@" > "${name}_grompp.log" 2>&1 \
      || { grep -A4 -E 'WARNING|ERROR' "${name}_grompp.log" >&2 || true; die "grompp of $name failed (see $out/${name}_grompp.log)"; }
    grep -q NOTE "${name}_grompp.log" && grep -A3 NOTE "${name}_grompp.log" | sed "s/^/$sp $name grompp: /"
  fi
  echo "$sp: mdrun $name ($threads thread(s)) in $out"
  # shellcheck disable=SC2086
  "$gmx" mdrun -deffnm "$name" -cpi "$name.cpt" -nt "$threads" ${MDRUN_OPTS:-} > "${name}_mdrun.log" 2>&1 \
    || { tail -20 "${name}_mdrun.log" >&2; die "mdrun of $name failed (see $out/${name}_mdrun.log)"; }
  [[ -f "$name.gro" ]] || die "mdrun of $name ended without $name.gro (see $out/$name.log)"
}

mdp_for equil "$equil_steps" no yes
mdp_for prod "$prod_steps" yes no
stage equil -c ../em.gro
stage prod -c equil.gro -t equil.cpt

rm -f density.xvg energy.log   # no #density.xvg.1# backups when the analysis is run again
printf 'Density\nTemperature\nPressure\nVolume\n\n' | "$gmx" energy -f prod.edr -o density.xvg > energy.log 2>&1 \
  || { tail -5 energy.log >&2; die "gmx energy on prod.edr failed (see $out/energy.log)"; }
python3 "$here/gromacs_density_json.py" --species "$sp" --xvg density.xvg --energy-log energy.log \
  --mdlogs equil.log prod.log --equil-ps "$equil_ps" --prod-ps "$prod_ps" --threads "$threads" \
  --version "$("$gmx" --version 2>/dev/null | sed -n 's/^GROMACS version: *//p')" -o density.json
