"""Times whole processes, round robin, and prints medians and ratios (for bench/rdf_bench.sh).

    /usr/bin/python3 bench/timing.py COMMANDS.tsv RUNS [OUT.json]

COMMANDS.tsv: one line per command, "pair<TAB>tool<TAB>shell command"; the tool named "sheath" is
the one the others are compared with. Every command runs once as a warm-up, then RUNS times, one
run of each command per round, so load changes during the benchmark hit all tools alike. Wall time
is taken around the whole process (start-up, topology and trajectory reading, output); CPU time
(user + system, the process and its children) comes from wait4.
"""
import json
import os
import statistics
import subprocess
import sys
import time


def run(cmd):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    if status != 0:
        sys.stderr.write(err.decode(errors="replace"))
        raise SystemExit("failed (status %d): %s" % (status, cmd))
    return wall, ru.ru_utime + ru.ru_stime


def main():
    path, runs = sys.argv[1], int(sys.argv[2])
    out = sys.argv[3] if len(sys.argv) > 3 else None
    cmds = []
    with open(path) as f:
        for line in f:
            if line.strip():
                pair, tool, cmd = line.rstrip("\n").split("\t", 2)
                cmds.append((pair, tool, cmd))
    load0 = os.getloadavg()
    for c in cmds:
        run(c[2])
    res = {(p, t): [] for p, t, _ in cmds}
    for r in range(runs):
        for p, t, c in cmds:
            res[(p, t)].append(run(c))
        sys.stderr.write("round %d/%d done\n" % (r + 1, runs))
    load1 = os.getloadavg()
    pairs = []
    for p, _, _ in cmds:
        if p not in pairs:
            pairs.append(p)
    print("%d runs per command after one warm-up; %d CPUs; load average %.2f at the start, %.2f at the end"
          % (runs, os.cpu_count(), load0[0], load1[0]))
    print()
    print("| pair | tool | median wall (s) | min wall (s) | median CPU (s) | wall / Sheath |")
    print("| --- | --- | --- | --- | --- | --- |")
    summary = {}
    for p in pairs:
        tools = [t for q, t, _ in cmds if q == p]
        med = {t: statistics.median(w for w, _ in res[(p, t)]) for t in tools}
        base = med.get("sheath")
        for t in tools:
            walls = [w for w, _ in res[(p, t)]]
            cpus = [c for _, c in res[(p, t)]]
            print("| %s | %s | %.2f | %.2f | %.2f | %s |" % (p, t, med[t], min(walls), statistics.median(cpus),
                                                        "%.2f" % (med[t] / base) if base else "-"))
        others = [med[t] for t in tools if t != "sheath"]
        if base and others:
            best = min(others)
            summary[p] = best / base
    print()
    for p, s in summary.items():
        print("%s: Sheath is %.2fx faster than the faster of the others (target 2x: %s)"
              % (p, s, "met" if s >= 2 else "NOT met"))
    if out:
        with open(out, "w") as f:
            json.dump({"runs": runs, "load_start": load0, "load_end": load1,
                       "results": [{"pair": p, "tool": t, "wall": [w for w, _ in res[(p, t)]],
                                    "cpu": [c for _, c in res[(p, t)]]} for p, t, _ in cmds]}, f, indent=1)


if __name__ == "__main__":
    main()
