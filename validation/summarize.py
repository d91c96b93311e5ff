#!/usr/bin/env python3
"""Prints the validation results (validation/results/*.json, written by the -Pvalidation runs) as Markdown tables."""
import json, pathlib, sys

res = pathlib.Path(__file__).parent / "results"
runs = {p.stem: json.loads(p.read_text()) for p in sorted(res.glob("*.json"))}

def row(cells):
    print("| " + " | ".join(str(c) for c in cells) + " |")

nve = [r for k, r in runs.items() if k.startswith("nve-")]
if nve:
    print("NVE on the study box (drift = least-squares slope of the total energy, per atom):\n")
    row(["constraints", "dt (ps)", "kernel", "pair list", "NVE (ps)", "drift (kJ/mol/ps/atom)", "σ (kJ/mol/atom)", "⟨T⟩ (K)",
         "threads", "ns/day"])
    row(["---"] * 10)
    for r in nve:
        lst = (f'nstlist {r["nstlist"]}, buffer {r["list_buffer_nm"]:.3f}' if r.get("nstlist", 0) > 0
               else f'exact, buffer {r.get("list_buffer_nm", 0.1):.2f}')
        row([r["constraints"], r["dt_ps"], r.get("kernel", "reference"), lst, r["nve_ps"], f'{r["drift_kJ_mol_ps_atom"]:.2e}',
             f'{r["sigma_kJ_mol_atom"]:.2e}', f'{r["mean_T_K"]:.1f}', r["threads"], f'{r["ns_per_day"]:.2f}'])
    print()
nvt = [r for k, r in runs.items() if k.startswith("nvt-")]
if nvt:
    print(f"NVT at 300 K ({nvt[0]['system']}):\n")
    row(["thermostat", "τ_t (ps)", "ps", "⟨T⟩ ± SE (K)", "Var K / (2⟨K⟩²/N_dof)", "drift (kJ/mol/ps/atom)"])
    row(["---"] * 6)
    for r in nvt:
        row([r["thermostat"], r["tau_t_ps"], r["ps"], f'{r["mean_T_K"]:.2f} ± {r["mean_T_se_K"]:.2f}', f'{r["var_ratio"]:.3f}',
             f'{r["drift_kJ_mol_ps_atom"]:.1e}'])
    print()
npt = [r for k, r in runs.items() if k.startswith("npt-water")]
if npt:
    print(f"NPT ({npt[0]['system']}):\n")
    row(["barostat", "seed", "noise z", "ps", "⟨P⟩ ± SE at 1 bar", "⟨P⟩ ± SE at 1000 bar", "ρ (kg/m³) 1 / 1000 bar", "κ fluct. (1/bar)",
         "κ two pressures (1/bar)", "ratio", "drift (kJ/mol/ps/atom)"])
    row(["---"] * 11)
    for r in npt:
        hp = "mean_P_1000bar_bar" in r
        z = r.get("barostat_noise_z", r.get("barostat_noise_z_production"))
        row([r["barostat"], r.get("seed", 23), f'{z:+.2f}' if z is not None else "—", r["ps"], f'{r["mean_P_bar"]:.1f} ± {r["mean_P_se_bar"]:.1f}',
             f'{r["mean_P_1000bar_bar"]:.1f} ± {r["mean_P_1000bar_se_bar"]:.1f}' if hp else "—",
             f'{r["density_kg_m3"]:.1f} / {r["density_1000bar_kg_m3"]:.1f}' if hp else f'{r["density_kg_m3"]:.1f} / —',
             f'{r["kappa_fluct_per_bar"]:.2e}',
             f'{r["kappa_two_pressures_per_bar"]:.2e}' + (f' (from {r["kappa_two_pressures_from"]})' if "kappa_two_pressures_from" in r else ""),
             f'{r["kappa_ratio"]:.2f}', f'{r["drift_kJ_mol_ps_atom"]:.1e}'])
    print()
for k, r in runs.items():
    if k.startswith("anneal"):
        print(f"Annealing ({r['system']}): worst relative deviation of a tenth's mean T from the schedule "
              f"{100 * r['worst_relative_deviation']:.2f} %\n")
    if k.startswith("npt-dmf"):
        print(f"DMF density ({r['system']}, {r['barostat']}): {r['density_kg_m3']:.1f} ± {r['density_se_kg_m3']:.1f} kg/m³"
              + (f", OpenMM {r['openmm_density_kg_m3']:.1f} ({100 * r['relative_difference']:+.2f} %)" if 'openmm_density_kg_m3' in r else "") + "\n")
