#!/usr/bin/env bash
# Runs every deck of decks/ (or the species named as arguments) into runs/<species>/, one after the
# other, each with --resume: a stopped queue (SIGTERM, --max-hours, a lost node) continues where it
# stopped when started again, and a finished run is skipped by the resume.
#   validation/densities/run_all.sh [SPECIES...]      THREADS=N sets --threads; SHEATH=cmd the binary
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
sheath="${SHEATH:-$here/../../sheath}"
species=("$@")
[[ ${#species[@]} -eq 0 ]] && for d in "$here"/decks/*.toml; do b="${d##*/}"; species+=("${b%.toml}"); done
for sp in "${species[@]}"; do
  sp="${sp,,}"
  [[ -f "$here/runs/$sp/summary.json" ]] && grep -q '"status" *: *"complete"' "$here/runs/$sp/summary.json" \
    && { echo "$sp: done"; continue; }
  $sheath run "$here/decks/$sp.toml" -o "$here/runs/$sp" --resume --no-progress ${THREADS:+--threads "$THREADS"}
  rc=$?
  # 128+n: stopped by a signal, so stop the queue too; another failure: go on with the next deck
  [[ $rc -gt 128 ]] && { echo "$sp: stopped by signal $((rc - 128)); run again to resume" >&2; exit $rc; }
  [[ $rc -ne 0 ]] && echo "$sp: sheath run failed with exit code $rc (see runs/$sp/log.txt)" >&2
done
