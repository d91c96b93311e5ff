#!/usr/bin/env python3
"""The density validation table from the runs of make_decks.py's decks.

    validation/densities/table.py [--save] [--readme] [RUNS_DIR]      (default: validation/densities/runs)

--save copies each finished run's summary.json and gromacs/density.json (a few kB, no trajectory) to
results/<species>/, which is committed: a species whose run folder is gone (a fresh clone, a cleaned
scratch disk) is read from there, so the table can be remade without rerunning it. --readme also writes
the table into forcefields/README.md, between its density-table markers.

For each runs/<species>/summary.json: the production stage's mean density and its standard error
(5 blocks, as summary.json computes them), beside the experimental value below; a model more than 5 %
off is flagged (the flag is not a tuning target). Prints a Markdown table for forcefields/README.md.
Species without a finished run are listed as "not run". Where gromacs_density.sh has written
runs/<species>/gromacs/density.json, its production density (GROMACS on Sheath's exported topology,
same protocol, the same 5-block SE) fills the GROMACS column, with its length when it differs from
the Sheath production's; otherwise that column is blank. The deviation column is Sheath's.
"""
import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"

# kg/m³ at 298.15 K unless stated, with the source line of ../shared/reference/forcefield-sources/VALIDATION-VALUES.md
EXPERIMENT = {
    "DMF": (944.0, "§1: 944 handbook; 949.6 DIPPR (0.6 % apart)"),
    "DME": (860.0, "§2: 0.86 g/cm³ handbook [unverified]"),
    "EC": (1320.0, "§2: 1.32 g/cm³ at 40 °C (EC melts at 36 °C) [unverified]"),
    "DOL": (1059.0, "§6: 1.058-1.060 g/cm³ handbook"),
    "DMC": (1063.0, "§6: DIPPR eq. 105, 298.15 K"),
    # EMC: not in VALIDATION-VALUES.md. 1.006 g/cm³ "from Sigma-Aldrich" (temperature not stated) in
    # HouGroup/mdgo mdgo/util.py @ c0039ac67092411e3d9742974648de15597662c9 (DENSITY dict, seen); the CRC
    # Handbook's 1012.2 kg/m³ (temperature not stated in the file; CRC tabulates at 20 °C unless noted) in
    # CalebBell/chemicals chemicals/Misc/"Physical Constants of Organic Compounds.csv" @ 82faef90 (seen),
    # less ~6 kg/m³ for 20 -> 25 °C (the DIPPR-105 slopes of DMC and DEC, ChemSep 8.32), is 1006 too.
    # No measured 298.15 K value with a DOI was found: a handbook/supplier figure.
    "EMC": (1006.0, "1.006 g/cm³ supplier (HouGroup/mdgo util.py); ≈ CRC 1012.2 at 20 °C − 6 [lit, unverified]"),
    "DEC": (969.9, "§6: interpolated 293/313 K data"),
    "FEC": (1450.0, "§6: ~1.45 g/cm³ supplier; mp 18-23 °C [unverified]"),
    "SN": (985.0, "§6: 0.985 g/mL supplier (plastic crystal at 25 °C) [unverified]"),
}


def production(summary):
    """The md stage named 'production' anywhere in summary.json."""
    stack = [summary]
    while stack:
        x = stack.pop()
        if isinstance(x, dict):
            if x.get("type") == "md" and x.get("name") == "production":
                return x
            stack.extend(x.values())
        elif isinstance(x, list):
            stack.extend(x)
    return None


def pm(mean, error):
    return f"{mean:.1f} ± " + ("n/a" if error is None else f"{error:.1f}")


def gromacs(folder, sheath_ps):
    """The GROMACS column from <folder>/gromacs/density.json ('' when there is none)."""
    f = folder / "gromacs" / "density.json"
    if not f.exists():
        return ""
    g = json.loads(f.read_text())
    rho = g.get("density_kg_m3") or {}
    if rho.get("mean") is None:
        return ""
    cell = pm(rho["mean"], rho.get("error"))
    length = g.get("length_ps")
    if length is not None and (sheath_ps is None or abs(length - sheath_ps) > 1e-6):
        cell += f" ({length:g} ps)"
    return cell


def finished(folder):
    """The production stage of folder/summary.json when its run is complete, else None."""
    f = folder / "summary.json"
    if not f.exists():
        return None
    s = json.loads(f.read_text())
    st = production(s)
    if s.get("status") != "complete" or st is None or not isinstance(st.get("density_kg_m3"), dict):
        return None
    return st if st["density_kg_m3"].get("mean") is not None else None


def save(runs):
    """Copies the finished runs' summary.json and gromacs/density.json to results/<species>/."""
    for sp in EXPERIMENT:
        src, dst = runs / sp.lower(), RESULTS / sp.lower()
        if finished(src) is not None:
            dst.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src / "summary.json", dst / "summary.json")
            print(f"saved {src / 'summary.json'} -> {dst}", file=sys.stderr)
        g = src / "gromacs" / "density.json"
        if g.exists():
            (dst / "gromacs").mkdir(parents=True, exist_ok=True)
            shutil.copyfile(g, dst / "gromacs" / "density.json")
            print(f"saved {g} -> {dst / 'gromacs'}", file=sys.stderr)


README = HERE.parent.parent / "forcefields" / "README.md"
BEGIN, END = "<!-- density-table: made by validation/densities/table.py -->\n", "<!-- /density-table -->"


def write_readme(table):
    """Replaces the text between the markers of forcefields/README.md by the table."""
    text = README.read_text()
    a, b = text.find(BEGIN), text.find(END)
    if a < 0 or b < a:
        sys.exit(f"{README}: the markers {BEGIN.strip()} ... {END} are missing; put them where the table goes")
    README.write_text(text[:a + len(BEGIN)] + table + text[b:])
    print(f"wrote the table into {README}", file=sys.stderr)


def main():
    args = [a for a in sys.argv[1:] if a not in ("--save", "--readme")]
    runs = Path(args[0]) if args else HERE / "runs"
    if "--save" in sys.argv[1:]:
        save(runs)
    lines = []
    table_rows(runs, lines.append)
    table = "\n".join(lines) + "\n"
    sys.stdout.write(table)
    if "--readme" in sys.argv[1:]:
        write_readme(table)


def table_rows(runs, out):
    """The table's lines, each given to out."""
    out("| species | production | Sheath ρ (kg/m³) | Sheath ⟨P⟩ (bar) | GROMACS ρ (kg/m³) | experiment (kg/m³) | deviation | source |")
    out("|---|---|---|---|---|---|---|---|")
    for sp, (exp, src) in EXPERIMENT.items():
        # each value from runs/ when it is there, else from the saved results/
        live, saved = runs / sp.lower(), RESULTS / sp.lower()
        st = finished(live) or finished(saved)
        folder = live if (live / "gromacs" / "density.json").exists() else saved
        if st is None:
            out(f"| {sp} | | not run | | {gromacs(folder, None)} | {exp or '—'} | | {src} |")
            continue
        rho = st["density_kg_m3"]
        dev = ""
        if exp:
            d = 100 * (rho["mean"] - exp) / exp
            dev = f"{d:+.1f} %" + (" **> 5 %**" if abs(d) > 5 else "")
        p = st.get("pressure_bar") or {}
        pressure = pm(p["mean"], p.get("error")) if p.get("mean") is not None else ""
        out(f"| {sp} | {st.get('length_ps', '')} ps | {pm(rho['mean'], rho['error'])} | {pressure} | {gromacs(folder, st.get('length_ps'))} "
              f"| {exp or '—'} | {dev} | {src} |")


if __name__ == "__main__":
    main()
