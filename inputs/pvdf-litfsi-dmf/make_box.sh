#!/usr/bin/env bash
# Builds conf.gro for system.top: 2 PVDF chains H-(CH2CF2)10-F + 10 LiTFSI in 150 DMF, cubic
# 3.30 nm box (>= 2.6 nm so that 1.2 nm cut-offs fit). See ../pack_box.sh for how.
# species: name template count seed (insertion order = [ molecules ] order of system.top)
exec "$(dirname "$0")/../pack_box.sh" "$(dirname "$0")" 3.30 "PVDF/LiTFSI/DMF example box" "PVDF pvdf 2 21
LI li 10 22
TFSI tfsi 10 23
DMF dmf 150 24"
