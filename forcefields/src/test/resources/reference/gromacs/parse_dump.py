#!/usr/bin/env python3
"""Parse `gmx dump -s X.tpr` output (own code, used by make_reference.sh).

usage: parse_dump.py DUMP SYSTEM COUNTS_OUT [PAIRS_OUT]

Appends to COUNTS_OUT one line per interaction type: SYSTEM<TAB>FUNC<TAB>count,
where FUNC is the GROMACS internal function name printed in every ilist entry
("type=N (FUNC)"), count = number of entries (not ilist words), summed over
all molecule types times their molblock counts. The standard types
BONDS ANGLES PDIHS RBDIHS FOURDIHS IDIHS PIDIHS LJ14 are always written (0 if
absent); any other non-empty type is written too. With PAIRS_OUT, the LJ14 atom
pairs of the first molecule type (1-based, i<j, sorted) are written there.
"""
import re
import sys
from collections import Counter, OrderedDict

STANDARD = ["BONDS", "ANGLES", "PDIHS", "RBDIHS", "FOURDIHS", "IDIHS", "PIDIHS", "LJ14"]


def main():
    dump, system, counts_out = sys.argv[1:4]
    pairs_out = sys.argv[4] if len(sys.argv) > 4 else None
    moltype_counts = {}   # moltype index -> Counter
    moltype_pairs = {}
    nmol = Counter()
    cur = None
    cur_mb_type = None
    for line in open(dump):
        m = re.match(r"^\s+moltype \((\d+)\):", line)
        if m:
            cur = int(m.group(1))
            moltype_counts[cur] = Counter()
            moltype_pairs[cur] = []
            continue
        m = re.match(r"^\s+molblock \((\d+)\):", line)
        if m:
            cur = None
            continue
        m = re.match(r"^\s+moltype\s+=\s+(\d+)", line)
        if m:
            cur_mb_type = int(m.group(1))
            continue
        m = re.match(r"^\s+#molecules\s+=\s+(\d+)", line)
        if m and cur_mb_type is not None:
            nmol[cur_mb_type] += int(m.group(1))
            cur_mb_type = None
            continue
        if cur is None:
            continue
        m = re.match(r"^\s+\d+ type=\d+ \((\w+)\)\s+([\d\s]+)$", line)
        if m:
            func = m.group(1)
            moltype_counts[cur][func] += 1
            if func == "LJ14":
                i, j = (int(x) + 1 for x in m.group(2).split())
                moltype_pairs[cur].append((min(i, j), max(i, j)))
    total = Counter()
    for mt, c in moltype_counts.items():
        for k, v in c.items():
            total[k] += v * nmol[mt]
    names = STANDARD + sorted(k for k in total if k not in STANDARD)
    with open(counts_out, "a") as f:
        for k in names:
            f.write(f"{system}\t{k}\t{total.get(k, 0)}\n")
    if pairs_out:
        with open(pairs_out, "w") as f:
            for i, j in sorted(moltype_pairs[0]):
                f.write(f"{i} {j}\n")


if __name__ == "__main__":
    main()
