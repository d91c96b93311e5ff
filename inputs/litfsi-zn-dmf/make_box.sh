#!/usr/bin/env bash
# Builds conf.gro for system.top: 20 LiTFSI + 4 Zn(TFSI)2 in 250 DMF, cubic 3.70 nm box
# (>= 2.6 nm so that 1.2 nm cut-offs fit). See ../pack_box.sh for how.
# species: name template count seed (insertion order = [ molecules ] order of system.top)
exec "$(dirname "$0")/../pack_box.sh" "$(dirname "$0")" 3.70 "LiTFSI/Zn(TFSI)2/DMF example box" "ZN zn 4 11
LI li 20 12
TFSI tfsi 28 13
DMF dmf 250 14"
