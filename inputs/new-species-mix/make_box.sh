#!/usr/bin/env bash
# Builds conf.gro for system.top: 1 PVDF-HFP chain + 8 LiFSI in DOL, DMC, DEC, EMC, FEC and SN
# (the species of issue #16), cubic 3.30 nm box (>= 2.6 nm so that 1.2 nm cut-offs fit). A test
# box for the GROMACS energy oracle, not a study composition (far below liquid density).
# See ../pack_box.sh for how.
# species: name template count seed (insertion order = [ molecules ] order of system.top)
exec "$(dirname "$0")/../pack_box.sh" "$(dirname "$0")" 3.30 "DOL/DMC/DEC/EMC/FEC/SN/LiFSI/PVDF-HFP oracle box" "PVHFP pvhfp 1 31
LI li 8 32
FSI fsi 8 33
DOL dol 12 34
DMC dmc 12 35
DEC dec 10 36
EMC emc 12 37
FEC fec 12 38
SN sn 12 39"
