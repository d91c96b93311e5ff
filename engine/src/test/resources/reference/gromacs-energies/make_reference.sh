#!/usr/bin/env bash
# Regenerates the GROMACS energy fixtures read by GromacsEnergyOracleTest:
#
#   engine/src/test/resources/reference/gromacs-energies/make_reference.sh   (from anywhere)
#
# For each bundled example box (inputs/<system>/system.top + conf.gro) and each setting below:
#   1. ./sheath topology --export-gromacs writes <system>/flat.top: the same topology with every
#      parameter explicit (C6/C12 types, all cross terms, 1-4 pairs as function 2 carrying each
#      molecule's own fudgeQQ), which plain GROMACS can read (the library mixes AMBER and OPLS 1-4
#      factors, which one [ defaults ] line cannot express);
#   2. gmx_d grompp, then gmx_d mdrun -rerun conf.gro -nt 1 (double precision, one frame): the
#      energies. GROMACS 2022 writes no pressure or virial to the .edr of a rerun, so a second tpr
#      with integrator = md-vv and continuation = no (otherwise identical) is run for nsteps = 0 from
#      conf.gro, which has no velocities: md-vv then reports the kinetic energy of the zero initial
#      velocities, so its pressure is the virial-only one a rerun would give (the script checks
#      Kinetic En. = 0 and that its energies equal the rerun's to 1e-10);
#   3. gmx_d energy -dp (all terms, 12 decimals) and gmx_d dump -s (the PME grid grompp chose);
#   4. writes <system>/<setting>.tsv: header lines "# key: value" (GROMACS build, the mdp lines used
#      as "# mdp: key = value", the PME grid), then "term<TAB>value<TAB>run" for every term: run is
#      "rerun" (energies) or "md-vv" (Pres. DC, Pressure, Vir-*, Pres-*).
#
# GMX_D: double-precision gmx (default: gmx_d on PATH, e.g. Debian's /usr/bin/gmx_d from `apt-get install
# gromacs`, else /opt/gromacs-2022.5-nordtscp/bin/gmx_d; it must be able to run mdrun, i.e. on CPUs
# without rdtscp a build configured with -DGMX_USE_RDTSCP=OFF). Needs ./sheath
# (Java 17, Maven). The nbnxm kernels are GROMACS's defaults for the build (AVX2_256 double:
# tabulated Ewald correction).
set -euo pipefail
GMX_D=${GMX_D:-$(command -v gmx_d || echo /opt/gromacs-2022.5-nordtscp/bin/gmx_d)}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../../../../.." && pwd)
SYSTEMS=${SYSTEMS:-"litfsi-zn-dmf pvdf-litfsi-dmf new-species-mix"}
SETTINGS=${SETTINGS:-"default tight-pme no-modifiers"}
export GMX_MAXBACKUP=-1 GMX_NO_QUOTES=1

[ -x "$GMX_D" ] || { echo "GMX_D=$GMX_D is not executable" >&2; exit 1; }

# The .mdp of one setting. Common part: one rerun frame, pair list exactly the cut-off
# (verlet-buffer-tolerance = -1, rlist = rc, rebuilt every step), energies every step.
mdp() {
  cat <<'EOF'
integrator              = md
continuation            = yes
nsteps                  = 0
dt                      = 0.001
comm-mode               = None
nstcalcenergy           = 1
nstenergy               = 1
nstlog                  = 1
cutoff-scheme           = Verlet
nstlist                 = 1
verlet-buffer-tolerance = -1
rlist                   = 1.2
coulombtype             = PME
rcoulomb                = 1.2
vdwtype                 = Cut-off
rvdw                    = 1.2
ewald-rtol              = 1e-5
epsilon-r               = 1
tcoupl                  = no
pcoupl                  = no
constraints             = none
EOF
  case $1 in
    default)      printf '%s\n' 'vdw-modifier            = Potential-shift' 'coulomb-modifier        = Potential-shift' \
                    'DispCorr                = EnerPres' 'fourier-spacing         = 0.12' 'pme-order               = 4' ;;
    tight-pme)    printf '%s\n' 'vdw-modifier            = Potential-shift' 'coulomb-modifier        = Potential-shift' \
                    'DispCorr                = EnerPres' 'fourier-spacing         = 0.06' 'pme-order               = 8' ;;
    no-modifiers) printf '%s\n' 'vdw-modifier            = None' 'coulomb-modifier        = None' \
                    'DispCorr                = Ener' 'fourier-spacing         = 0.12' 'pme-order               = 4' ;;
    *) echo "unknown setting $1" >&2; exit 1 ;;
  esac
}

W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
version=$("$GMX_D" --version 2>/dev/null | sed -n 's/^GROMACS version: *//p')
precision=$("$GMX_D" --version 2>/dev/null | sed -n 's/^Precision: *//p')
simd=$("$GMX_D" --version 2>/dev/null | sed -n 's/^SIMD instructions: *//p')
[ "$precision" = double ] || { echo "$GMX_D is not a double-precision build ($precision)" >&2; exit 1; }
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)

for sys in $SYSTEMS; do
  mkdir -p "$HERE/$sys"
  (cd "$ROOT" && ./sheath topology -p "inputs/$sys/system.top" --export-gromacs "$HERE/$sys/flat.top" >/dev/null)
  for set in $SETTINGS; do
    d="$W/$sys.$set"; mkdir -p "$d"
    mdp "$set" > "$d/run.mdp"
    # md-vv with continuation = no: step 0 reports the kinetic energy of the initial (zero) velocities
    sed -e 's/^integrator .*/integrator              = md-vv/' -e 's/^continuation .*/continuation            = no/' \
        "$d/run.mdp" > "$d/vv.mdp"
    cp "$HERE/$sys/flat.top" "$d/flat.top"
    cp "$ROOT/inputs/$sys/conf.gro" "$d/conf.gro"
    for r in run vv; do
      (cd "$d" && "$GMX_D" grompp -f $r.mdp -c conf.gro -p flat.top -o $r.tpr -po mdout-$r.mdp >grompp-$r.log 2>&1) \
        || { cat "$d/grompp-$r.log" >&2; exit 1; }
    done
    (cd "$d" && "$GMX_D" mdrun -s run.tpr -rerun conf.gro -deffnm run -nt 1 -pin off -notunepme >mdrun-run.log 2>&1) \
      || { cat "$d/mdrun-run.log" >&2; exit 1; }
    (cd "$d" && "$GMX_D" mdrun -s vv.tpr -deffnm vv -nt 1 -pin off -notunepme >mdrun-vv.log 2>&1) \
      || { cat "$d/mdrun-vv.log" >&2; exit 1; }
    for r in run vv; do
      (cd "$d" && seq 1 100 | "$GMX_D" energy -f $r.edr -s $r.tpr -o $r.xvg -dp >energy-$r.log 2>&1) \
        || { cat "$d/energy-$r.log" >&2; exit 1; }
    done
    grid=$("$GMX_D" dump -s "$d/run.tpr" 2>/dev/null | awk '$1 ~ /^fourier-n[xyz]$/ {printf "%s%s", s, $3; s=" "}')
    out="$HERE/$sys/$set.tsv"
    {
      echo "# GROMACS energies of inputs/$sys/conf.gro with $sys/flat.top, made by make_reference.sh"
      echo "# gromacs: $version, $precision precision, SIMD $simd"
      echo "# flat.top written by sheath at commit: $commit"
      echo "# run rerun: gmx_d mdrun -rerun conf.gro -nt 1 -notunepme (the energies)"
      echo "# run md-vv: the same with integrator = md-vv, continuation = no, nsteps 0 from conf.gro without velocities (Kinetic En. 0: virial-only pressure)"
      echo "# pme-grid: $grid"
      sed 's/^/# mdp: /' "$d/run.mdp"
      awk -v rerun="$d/run.xvg" -v vv="$d/vv.xvg" -f - <<'AWK'
        # names[f, k]: legend k of xvg file f ('@ s<k> legend "<name>"'); val[f, name]: its one data row
        function load(f,   line, n, k, v, rows) {
          while ((getline line < f) > 0) {
            if (line ~ /^@ s[0-9]+ legend/) { match(line, /"[^"]*"/); names[f, n++] = substr(line, RSTART + 1, RLENGTH - 2) }
            else if (line !~ /^[@#]/) { rows++; split(line, v, " "); for (k = 0; k < n; k++) val[f, names[f, k]] = v[k + 2] }
          }
          if (rows != 1 || n == 0) die(f ": expected one frame with values")
          count[f] = n
        }
        function die(msg) { print "make_reference.sh: " msg > "/dev/stderr"; exit 1 }
        function abs(x) { return x < 0 ? -x : x }
        BEGIN {
          load(rerun); load(vv)
          if (val[vv, "Kinetic En."] != 0) die("md-vv: Kinetic En. " val[vv, "Kinetic En."] ", expected 0")
          for (k = 0; k < count[rerun]; k++) {
            nm = names[rerun, k]; r = val[rerun, nm]; w = val[vv, nm]
            if (!((vv, nm) in val) || abs(r - w) > 1e-10 * (abs(r) + 1)) die("md-vv and rerun differ in " nm ": " w " vs " r)
            printf "%s\t%s\trerun\n", nm, r
          }
          for (k = 0; k < count[vv]; k++) {
            nm = names[vv, k]
            if (nm ~ /^(Pres\. DC|Pressure|Vir-..|Pres-..)$/) printf "%s\t%s\tmd-vv\n", nm, val[vv, nm]
          }
        }
AWK
    } > "$out.tmp"
    mv "$out.tmp" "$out"
    echo "wrote $out ($(grep -vc '^#' "$out") values, PME grid $grid)"
  done
done
