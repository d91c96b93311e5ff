#!/usr/bin/env python3
"""Writes one `sheath run` deck per neat solvent of the bundled library into decks/<species>.toml.

    validation/densities/make_decks.py          (from anywhere; rewrites decks/, same output every time)

Protocol (the same for every solvent, nothing tuned per species): N molecules packed at 90 % of the
experimental density, steepest descent, 150 ps NPT equilibration (v-rescale 298.15 K, C-rescale 1 bar), 500 ps NPT
production (the same couplings: C-rescale samples the NPT volume distribution), 2 fs with h-bond
constraints, 1.2 nm cut-off, PME 1e-5 / 0.12 nm, dispersion correction for energy and pressure (as the
densities of GROMACS and OpenMM are computed). table.py reads the production density from summary.json.
"""
import zlib
from pathlib import Path

# species: (molecules, start density g/cm³). 300 molecules (the minimum; every box is then
# > 3.1 nm, more than twice the 1.2 nm cut-off). The start is about 90 % of the experimental density
# (EMC: of its neighbours DMC and DEC), so that a short equilibration suffices; the NPT stages then
# find the model's own density, whatever it is.
SOLVENTS = {
    "DMF": (300, 0.85),
    "DME": (300, 0.77),
    "EC": (300, 1.19),
    "DOL": (300, 0.95),
    "DMC": (300, 0.96),
    "EMC": (300, 0.90),
    "DEC": (300, 0.87),
    "FEC": (300, 1.30),
    "SN": (300, 0.89),
}

def seed(sp):
    """A seed of the species' own, the same every time (CRC-32 of its name). The decks that made the table
    (results/, 2026-12-03) all had seed 298: with v-rescale and C-rescale the random draws do not depend on
    the dynamics, so all nine production stages drew the same barostat noise (forcefields/README.md)."""
    return zlib.crc32(sp.encode()) % 100000


DECK = """# Neat {sp}: liquid density at 298.15 K and 1 bar (validation/densities; made by make_decks.py).
#   ./sheath run validation/densities/decks/{low}.toml -o validation/densities/runs/{low}
title = "neat {sp} density"
seed = {seed}                      # the species' own: one seed for all gave every barostat the same noise

[system]
molecules = {{ {sp} = {n} }}
density = {rho}                     # g/cm³, ~90 % of experiment: the NPT stages find the model's density

[forces]
cutoff = 1.2
ewald_rtol = 1e-5
fourier_spacing = 0.12
pme_order = 4
dispcorr = "EnerPres"
constraints = "h-bonds"

[output]
energies = "0.5 ps"
trajectory = "50 ps"
format = "xtc"
checkpoint = "15 min"

[[stage]]
name = "em"
type = "minimize"
algorithm = "steep"
steps = 5000
emtol = 100

{equilibration}
{production}"""

# the two NPT stages differ only in name, length and the Maxwell start
NPT = """[[stage]]
name = "{name}"
type = "md"
ensemble = "npt"
dt = "2 fs"
length = "{length}"
temperature = 298.15
thermostat = "v-rescale"
tau_t = 0.1
barostat = "c-rescale"
pressure = "1 bar"
tau_p = 2.0
compressibility = 4.5e-5
"""

def main():
    out = Path(__file__).resolve().parent / "decks"
    out.mkdir(exist_ok=True)
    for sp, (n, rho) in SOLVENTS.items():
        (out / f"{sp.lower()}.toml").write_text(DECK.format(sp=sp, low=sp.lower(), n=n, rho=rho, seed=seed(sp),
            equilibration=NPT.format(name="equilibration", length="150 ps") + 'velocities = "maxwell"\n',
            production=NPT.format(name="production", length="500 ps")))
        print(out / f"{sp.lower()}.toml")

if __name__ == "__main__":
    main()
