#!/usr/bin/env bash
# Checks inputs/slurm/replicas.sbatch on a real, single-node SLURM started on this machine (needs root:
# it installs Debian's slurm-wlm and munge if missing, writes /etc/slurm/slurm.conf naming this host and
# runs munged, slurmctld and slurmd). Not part of CI.
#
# What it shows: an array job over two replicas of the small test deck; task 0 is pre-empted with
# `scancel --signal=TERM` once it has written a checkpoint of its own, stops with exit code 143 and is
# requeued by the job script; both tasks finish; task 0's results equal an uninterrupted run of replica 0
# byte for byte; the two replicas differ (seeds from the array index).
#
#   sudo bench/slurm_check.sh            # from the repository root; work files in /tmp/sheath-slurm-check
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work=${WORK:-/tmp/sheath-slurm-check}
host="$(hostname -s)"
jar="$repo/cli/target/sheath.jar"
say() { echo "[$(date '+%T')] $*"; }

[[ $(id -u) == 0 ]] || { echo "run as root (it starts slurmctld and slurmd)" >&2; exit 1; }
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  say "installing slurm-wlm and munge (apt-get)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi
[[ -f "$jar" ]] || { say "building $jar"; (cd "$repo" && mvn -q -B -DskipTests package); }

rm -rf "$work" && mkdir -p "$work/deck"
cp "$repo"/cli/src/test/resources/org/sheath/cli/run/small.{toml,top,gro} "$work/deck/"

# --- munge
if [[ ! -s /etc/munge/munge.key ]]; then
  mkdir -p /etc/munge && dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
  chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
fi
mkdir -p /run/munge /var/log/munge /var/lib/munge && chown munge:munge /run/munge /var/log/munge /var/lib/munge
started=()
if ! pgrep -x munged >/dev/null; then
  runuser -u munge -- /usr/sbin/munged
  started+=(munged)
fi

# --- slurm.conf for this host
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
mem=$(awk '/MemTotal/ {print int($2/1024) - 512}' /proc/meminfo)
cat > /etc/slurm/slurm.conf <<EOF
ClusterName=sheathcheck
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
JobRequeue=1
KillWait=120
NodeName=$host CPUs=$(nproc) RealMemory=$mem State=UNKNOWN
PartitionName=check Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
say "starting slurmctld and slurmd for node $host ($(nproc) CPUs)"
slurmctld -i && started+=(slurmctld)
slurmd && started+=(slurmd)
cleanup() {
  for d in "${started[@]}"; do
    case $d in
      slurmctld) [[ -f /run/slurmctld.pid ]] && kill "$(cat /run/slurmctld.pid)" 2>/dev/null || true ;;
      slurmd) [[ -f /run/slurmd.pid ]] && kill "$(cat /run/slurmd.pid)" 2>/dev/null || true ;;
      munged) [[ -f /run/munge/munged.pid ]] && kill "$(cat /run/munge/munged.pid)" 2>/dev/null || true ;;
    esac
  done
}
trap cleanup EXIT
for _ in $(seq 60); do sinfo -h -o %T 2>/dev/null | grep -q idle && break; sleep 1; done
sinfo

# --- the array job: two replicas, one CPU each (so both run at once on a 2-core machine)
cd "$repo"
job=$(sbatch --parsable --cpus-per-task=1 --array=0-1 --output="$work/task-%a.out" \
  --export=ALL,DECK="$work/deck/small.toml",OUT="$work/runs",SHEATH="java -jar $jar" inputs/slurm/replicas.sbatch)
say "submitted array job $job"
cp0="$work/runs/replica-0/checkpoint.cpt"
for _ in $(seq 600); do
  [[ -f "$cp0" ]] && grep -q "^checkpoint: stage '\(heat\|npt\)'" "$work/runs/replica-0/log.txt" 2>/dev/null && break
  sleep 0.5
done
say "pre-empting task 0: scancel --signal=TERM ${job}_0"
scancel --signal=TERM "${job}_0"
for _ in $(seq 1800); do
  [[ -z "$(squeue -h -j "$job" 2>/dev/null)" ]] && break
  sleep 1
done
squeue -j "$job" || true
say "task outputs:"
for k in 0 1; do echo "--- task $k"; cat "$work/task-$k.out"; done

# --- the same replica uninterrupted, and the comparisons
say "uninterrupted run of replica 0 (1 thread, as in the job)"
java -jar "$jar" run "$work/deck/small.toml" -o "$work/uninterrupted-0" --replica 0 --threads 1 --progress-interval 1000 >/dev/null
ok=1
for f in energies.csv em.gro heat.gro npt.gro nvt.gro heat.xtc npt.xtc nvt.xtc analysis/1-rdf-nvt.csv; do
  if cmp -s "$work/runs/replica-0/$f" "$work/uninterrupted-0/$f"; then echo "  replica 0 (pre-empted) = uninterrupted: $f"
  else echo "  DIFFERENT: replica 0 $f"; ok=0; fi
done
grep -q "stopped by SIGTERM" "$work/runs/replica-0/log.txt" && grep -q "resuming from" "$work/runs/replica-0/log.txt" \
  && echo "  replica 0 log: stopped by SIGTERM, then resumed" || { echo "  replica 0 was not pre-empted and resumed"; ok=0; }
if cmp -s "$work/runs/replica-0/nvt.gro" "$work/runs/replica-1/nvt.gro"; then echo "  replicas 0 and 1 are the SAME"; ok=0
else echo "  replicas 0 and 1 differ (seeds $(grep -o '"seed" : [0-9-]*' "$work/runs/replica-0/summary.json") vs $(grep -o '"seed" : [0-9-]*' "$work/runs/replica-1/summary.json"))"; fi
for k in 0 1; do grep -h "first-shell CN" "$work/runs/replica-$k/log.txt" | sed "s/^/  replica $k: /"; done
[[ $ok == 1 ]] && say "slurm check passed" || { say "slurm check FAILED"; exit 1; }
