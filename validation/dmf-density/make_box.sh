#!/usr/bin/env bash
# Builds conf.gro for system.top: 400 DMF in a cubic 3.72 nm box (0.94 g/cm3:
# 400 x 73.095 g/mol / (3.72 nm)^3 = 0.944 g/cm3). See ../../inputs/pack_box.sh for how.
# species: name template count seed
exec "$(dirname "$0")/../../inputs/pack_box.sh" "$(dirname "$0")" 3.72 "Neat DMF 400 density reference box" "DMF dmf 400 21"
