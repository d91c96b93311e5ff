#!/usr/bin/env python3
"""Generate the Sheath bundled force-field library electrolyte.ff (GROMACS format).

Own code. Every number below was read from the parameter digest
shared/reference/forcefield-sources/PARAMETERS.md (section given in the
comments) and typed in here; no source file is copied.  The script

  * builds the bond graph of each species,
  * enumerates angles, proper dihedrals and 1-4 pairs from that graph
    (1-4 pair = shortest bond path of exactly 3 bonds, so ring 1-2/1-3 pairs
    are never listed),
  * assigns explicit parameters to every bonded line from per-species class
    tables and stops with an error when a term has no parameter,
  * checks that every net charge is integral (1e-6),
  * writes forcefield.itp, ffnonbonded.itp, <species>.itp and an *unminimised*
    starting geometry <species>.start.gro into the output directory.

The final coordinate templates <species>.gro are written by make_templates.sh
(energy minimisation with gmx_d for DMF, DME, EC and PVDF; the other species
are copied from the start geometry, centred).

Usage: gen_electrolyte_ff.py OUTDIR [SRCDIR [STARTDIR]]
  SRCDIR   directory holding derived/pvdf_H-CH2CF2-10-F_alltrans.pdb
           (default /work/shared/reference/forcefield-sources)
  STARTDIR where the unminimised <species>.start.gro go (default OUTDIR)
"""
import math
import os
import sys
from collections import deque
from decimal import Decimal

# ---------------------------------------------------------------------------
# Atom types: name -> (at.num, mass, sigma nm, epsilon kJ/mol, comment)
# ---------------------------------------------------------------------------
def amber_sigma(rmin_half_A):
    """AMBER Rmin/2 [A] -> sigma [nm]."""
    return 2.0 * rmin_half_A / 2.0 ** (1.0 / 6.0) / 10.0


KCAL = 4.184

ATOMTYPES = [
    # --- Li+: Li/Merz 2015 12-6 IOD set (frcmod.ions1lm_iod: Rmin/2 1.315 A, eps 0.00594975 kcal/mol)
    ("li_Li", 3, 6.94, amber_sigma(1.315), 0.00594975 * KCAL, "Li+ Li/Merz 12-6 IOD (PARAMETERS 1)"),
    # --- Zn2+: Li/Merz 2013 12-6 IOD TIP3P set (Rmin/2 1.395 A, eps 0.01491700 kcal/mol)
    ("zn_Zn", 30, 65.4, amber_sigma(1.395), 0.01491700 * KCAL, "Zn2+ Li/Merz 12-6 IOD TIP3P (PARAMETERS 2)"),
    # --- TFSI: CL&P il.ff 2025 values (PARAMETERS 3a)
    ("tfsi_CBT", 6, 12.011, 0.350, 0.27614, "TFSI C (CL&P CBT)"),
    ("tfsi_SBT", 16, 32.066, 0.355, 1.04600, "TFSI S (CL&P SBT)"),
    ("tfsi_NBT", 7, 14.000, 0.325, 0.71128, "TFSI N (CL&P NBT; mass 14.000 as in il.ff)"),
    ("tfsi_OBT", 8, 15.999, 0.315, 0.83736, "TFSI O (CL&P OBT, 2017 LJ)"),
    ("tfsi_F1", 9, 18.998, 0.3118, 0.25540, "TFSI F (CL&P F1, 2017 LJ)"),
    # --- DMF: GAFF 1.7 (FreeSolv mobley_8011706; PARAMETERS 4)
    ("dmf_c3", 6, 12.01, 0.339967, 0.457730, "DMF methyl C (GAFF c3)"),
    ("dmf_n", 7, 14.01, 0.325000, 0.711280, "DMF N (GAFF n)"),
    ("dmf_c", 6, 12.01, 0.339967, 0.359824, "DMF carbonyl C (GAFF c)"),
    ("dmf_o", 8, 16.00, 0.295992, 0.878640, "DMF O (GAFF o)"),
    ("dmf_h1", 1, 1.008, 0.247135, 0.0656888, "DMF methyl H (GAFF h1)"),
    ("dmf_h5", 1, 1.008, 0.242146, 0.0627600, "DMF formyl H (GAFF h5)"),
    # --- PVDF: Byutner-Smith/OPLS-AA (Sahihi 2021; PARAMETERS 5a)
    ("pvdf_CH3", 6, 12.011, 0.350, 0.276144, "PVDF terminal CH3 carbon"),
    ("pvdf_CH2", 6, 12.011, 0.350, 0.276144, "PVDF backbone CH2 carbon"),
    ("pvdf_CF2", 6, 12.011, 0.350, 0.276144, "PVDF backbone CF2 carbon"),
    ("pvdf_CF3", 6, 12.011, 0.350, 0.276144, "PVDF terminal CF3 carbon"),
    ("pvdf_H", 1, 1.008, 0.250, 0.125520, "PVDF H"),
    ("pvdf_F", 9, 18.9984, 0.295, 0.221752, "PVDF F"),
    # --- DME: GAFF 1.7 (FreeSolv mobley_4630641; PARAMETERS 6a)
    ("dme_c3", 6, 12.01, 0.339967, 0.457730, "DME C (GAFF c3)"),
    ("dme_os", 8, 16.00, 0.300001, 0.711280, "DME ether O (GAFF os)"),
    ("dme_h1", 1, 1.008, 0.247135, 0.0656888, "DME H (GAFF h1)"),
    # --- EC: LigParGen OPLS-AA (PARAMETERS 6b); LigParGen's opls_800..809 merged by identical LJ
    ("ec_H", 1, 1.008, 0.250, 0.125520, "EC H (LigParGen opls_800/802/806/807)"),
    ("ec_CT", 6, 12.011, 0.350, 0.276144, "EC ring CH2 carbon (opls_801/804)"),
    ("ec_C", 6, 12.011, 0.355, 0.292880, "EC carbonyl C (opls_805)"),
    ("ec_OS", 8, 15.999, 0.290, 0.585760, "EC ring O (opls_803/808)"),
    ("ec_O", 8, 15.999, 0.296, 0.878640, "EC carbonyl O (opls_809)"),
    # --- PF6-: CL&P (PARAMETERS 6c)
    ("pf6_P", 15, 30.974, 0.374, 0.83680, "PF6 P (CL&P)"),
    ("pf6_F", 9, 18.998, 0.312, 0.25520, "PF6 F (CL&P)"),
    # --- NO3-: OPLS-2009IL (PARAMETERS 6d)
    ("no3_N", 7, 14.007, 0.315, 0.71128, "NO3 N (OPLS-2009IL)"),
    ("no3_O", 8, 15.999, 0.286, 0.87864, "NO3 O (OPLS-2009IL)"),
    # --- DOL: OPLS-AA types of GROMACS oplsaa.ff (PARAMETERS 9f, DERIVED assembly)
    ("dol_CT", 6, 12.011, 0.350, 0.276144, "DOL C4/C5 (opls_182 C(H2OR) ethyl ether)"),
    ("dol_CO", 6, 12.011, 0.350, 0.276144, "DOL C2 (opls_189 C(H2O2) acetal OCH2O)"),
    ("dol_OS", 8, 15.9994, 0.290, 0.585760, "DOL ring O (opls_186 acetal ether)"),
    ("dol_HC", 1, 1.008, 0.250, 0.125520, "DOL H on C4/C5 (opls_185 alpha H ether)"),
    ("dol_HA", 1, 1.008, 0.250, 0.125520, "DOL H on C2 (opls_190 H(CHO2) acetal)"),
    # --- DMC: Kalugin-group modified OPLS-AA (PARAMETERS 9e; H LJ = GAFF hc as in the source)
    ("dmc_CM", 6, 12.011, 0.350, 0.276144, "DMC methyl C (DMC_CM)"),
    ("dmc_OE", 8, 15.999, 0.290, 0.585760, "DMC ester O (DMC_OE)"),
    ("dmc_CC", 6, 12.011, 0.355, 0.292880, "DMC carbonyl C (DMC_CC)"),
    ("dmc_OC", 8, 15.999, 0.296, 0.878640, "DMC carbonyl O (DMC_OC)"),
    ("dmc_H", 1, 1.008, 0.2471, 0.065693, "DMC H (DMC_H, GAFF hc LJ)"),
    # --- DEC: LigParGen OPLS-AA (PARAMETERS 9a); opls_800..817 merged by identical LJ
    ("dec_H", 1, 1.008, 0.250, 0.125520, "DEC H (LigParGen opls_800/803/804/806/807/813-817)"),
    ("dec_CT", 6, 12.011, 0.350, 0.276144, "DEC CH2/CH3 carbon (opls_801/802/811/812)"),
    ("dec_C", 6, 12.011, 0.355, 0.292880, "DEC carbonyl C (opls_808)"),
    ("dec_OS", 8, 15.999, 0.290, 0.585760, "DEC ester O (opls_805/809)"),
    ("dec_O", 8, 15.999, 0.296, 0.878640, "DEC carbonyl O (opls_810)"),
    # --- EMC: DERIVED from the DMC (methoxy half) and DEC (ethoxy half) types (README)
    ("emc_CT", 6, 12.011, 0.350, 0.276144, "EMC methyl/methylene C (DMC_CM = DEC opls_811/812)"),
    ("emc_OS", 8, 15.999, 0.290, 0.585760, "EMC ester O (DMC_OE = DEC opls_809)"),
    ("emc_C", 6, 12.011, 0.355, 0.292880, "EMC carbonyl C (DMC_CC = DEC opls_808)"),
    ("emc_O", 8, 15.999, 0.296, 0.878640, "EMC carbonyl O (DMC_OC = DEC opls_810)"),
    ("emc_HM", 1, 1.008, 0.2471, 0.065693, "EMC methoxy H (DMC_H, GAFF hc LJ)"),
    ("emc_H", 1, 1.008, 0.250, 0.125520, "EMC ethyl H (DEC opls_813-817)"),
    # --- FEC: PEMD (LigParGen OPLS-AA LJ; PARAMETERS 9c); opls_800..809 merged by identical LJ
    ("fec_OS", 8, 15.999, 0.290, 0.585760, "FEC ring O (opls_800/805)"),
    ("fec_CT", 6, 12.011, 0.350, 0.276144, "FEC ring CH2/CHF carbon (opls_801/806)"),
    ("fec_F", 9, 18.998, 0.290, 0.251040, "FEC F (opls_802, LigParGen alkyl F)"),
    ("fec_C", 6, 12.011, 0.355, 0.292880, "FEC carbonyl C (opls_803)"),
    ("fec_O", 8, 15.999, 0.296, 0.878640, "FEC carbonyl O (opls_804)"),
    ("fec_H", 1, 1.008, 0.250, 0.125520, "FEC H (opls_807-809)"),
    # --- SN: LigParGen OPLS-AA (PEMD; PARAMETERS 9d)
    ("sn_CT", 6, 12.011, 0.350, 0.276144, "SN CH2 carbon (opls_800/801)"),
    ("sn_CZ", 6, 12.011, 0.330, 0.276144, "SN nitrile C (opls_802/804)"),
    ("sn_NZ", 7, 14.007, 0.320, 0.711280, "SN nitrile N (opls_803/805)"),
    ("sn_H", 1, 1.008, 0.250, 0.125520, "SN H (opls_806-809)"),
    # --- FSI-: CL&P il.ff 2025 (FSI F type; S/N/O are the bistriflamide types)
    ("fsi_SBT", 16, 32.066, 0.355, 1.04600, "FSI S (CL&P SBT)"),
    ("fsi_NBT", 7, 14.000, 0.325, 0.71128, "FSI N (CL&P NBT; mass 14.000 as in il.ff)"),
    ("fsi_OBT", 8, 15.999, 0.315, 0.83736, "FSI O (CL&P OBT, 2017 LJ)"),
    ("fsi_FSI", 9, 18.998, 0.3118, 0.25540, "FSI F (CL&P FSI, PCCP 2017)"),
    # --- PVHFP: PVDF units as PVDF (Byutner-Smith/OPLS-AA), HFP unit Watkins-Jorgensen (il.ff)
    ("pvhfp_CH3", 6, 12.011, 0.350, 0.276144, "PVHFP terminal CH3 carbon (= pvdf_CH3)"),
    ("pvhfp_CH2", 6, 12.011, 0.350, 0.276144, "PVHFP VDF CH2 carbon (= pvdf_CH2)"),
    ("pvhfp_CF2", 6, 12.011, 0.350, 0.276144, "PVHFP VDF CF2 carbon (= pvdf_CF2)"),
    ("pvhfp_CF3", 6, 12.011, 0.350, 0.276144, "PVHFP terminal CF3 carbon (= pvdf_CF3)"),
    ("pvhfp_H", 1, 1.008, 0.250, 0.125520, "PVHFP H (= pvdf_H)"),
    ("pvhfp_F", 9, 18.9984, 0.295, 0.221752, "PVHFP VDF F (= pvdf_F)"),
    ("pvhfp_hCF2", 6, 12.011, 0.350, 0.27614, "PVHFP HFP backbone CF2 (il.ff CSF)"),
    ("pvhfp_hCF", 6, 12.011, 0.350, 0.27614, "PVHFP HFP backbone CF (opls_963 charge, il.ff LJ)"),
    ("pvhfp_hCF3", 6, 12.011, 0.350, 0.27614, "PVHFP HFP pendant CF3 (il.ff CTF)"),
    ("pvhfp_hF", 9, 18.998, 0.295, 0.22175, "PVHFP HFP F (il.ff F)"),
]
TYPE = {t[0]: t for t in ATOMTYPES}

AMBER_FUDGE = ("0.5", "0.833333")
OPLS_FUDGE = ("0.5", "0.5")


class Mol:
    def __init__(self, name, title, family, atoms, bonds, coords, scaled=False,
                 scale=Decimal("0.8"), header=""):
        self.name = name
        self.title = title
        self.fudge = AMBER_FUDGE if family == "amber" else OPLS_FUDGE
        self.family = family
        # atoms: list of (atomname, type, charge(str), mass or None)
        self.atoms = atoms
        self.names = [a[0] for a in atoms]
        self.idx = {n: i for i, n in enumerate(self.names)}
        assert len(self.idx) == len(self.names), "duplicate atom names in " + name
        self.bonds = [(self.idx[a], self.idx[b]) for a, b in bonds]
        self.coords = coords  # nm
        self.scaled = scaled
        self.scale = scale
        self.header = header
        self.adj = [set() for _ in atoms]
        for i, j in self.bonds:
            self.adj[i].add(j)
            self.adj[j].add(i)

    def typ(self, i):
        return self.atoms[i][1]

    def dist(self):
        n = len(self.atoms)
        d = [[None] * n for _ in range(n)]
        for s in range(n):
            d[s][s] = 0
            q = deque([s])
            while q:
                u = q.popleft()
                for v in self.adj[u]:
                    if d[s][v] is None:
                        d[s][v] = d[s][u] + 1
                        q.append(v)
        return d

    def angles(self):
        out = []
        for j in range(len(self.atoms)):
            nb = sorted(self.adj[j])
            for a in range(len(nb)):
                for b in range(a + 1, len(nb)):
                    out.append((nb[a], j, nb[b]))
        return out

    def propers(self):
        out = []
        for j, k in self.bonds:
            for i in sorted(self.adj[j] - {k}):
                for l in sorted(self.adj[k] - {j}):
                    if i != l:
                        out.append((i, j, k, l))
        return out

    def pairs14(self):
        d = self.dist()
        n = len(self.atoms)
        return [(i, j) for i in range(n) for j in range(i + 1, n) if d[i][j] == 3]


def lookup(table, key, what, molname, allow_missing=False):
    """Look key up in table, trying the reversed key too."""
    for k in (key, tuple(reversed(key))):
        if k in table:
            return table[k]
    if allow_missing:
        return None
    raise SystemExit(f"{molname}: no {what} parameter for {key}")


# ---------------------------------------------------------------------------
# Species definitions
# ---------------------------------------------------------------------------
MOLS = []
BONDED = {}   # molname -> dict(bond=..., angle=..., dihedral=callable, impropers=[...], angle_filter=...)

# ----- LI -----
MOLS.append(Mol("LI", "Li+ (Li/Merz 12-6 IOD)", "amber",
                [("LI", "li_Li", "1.0", None)], [], [(0.0, 0.0, 0.0)], scaled=True))
BONDED["LI"] = {}
# ----- ZN -----
MOLS.append(Mol("ZN", "Zn2+ (Li/Merz 2013 12-6 IOD, TIP3P set)", "amber",
                [("ZN", "zn_Zn", "2.0", None)], [], [(0.0, 0.0, 0.0)], scaled=True))
BONDED["ZN"] = {}

# ----- TFSI (PARAMETERS 3a) -----
tfsi_xyz = [
    ("C1", "tfsi_CBT", "0.35", (-0.2510, -0.0375, -0.0026)),
    ("F1", "tfsi_F1", "-0.16", (-0.2878, -0.0782, 0.1168)),
    ("F2", "tfsi_F1", "-0.16", (-0.3552, 0.0189, -0.0603)),
    ("F3", "tfsi_F1", "-0.16", (-0.2170, -0.1428, -0.0732)),
    ("S1", "tfsi_SBT", "1.02", (-0.1147, 0.0827, 0.0078)),
    ("O1", "tfsi_OBT", "-0.53", (-0.1637, 0.1810, 0.0993)),
    ("O2", "tfsi_OBT", "-0.53", (-0.0909, 0.1216, -0.1278)),
    ("N", "tfsi_NBT", "-0.66", (0.0000, 0.0000, 0.0771)),
    ("S", "tfsi_SBT", "1.02", (0.1147, -0.0827, 0.0078)),
    ("O3", "tfsi_OBT", "-0.53", (0.0909, -0.1216, -0.1278)),
    ("O", "tfsi_OBT", "-0.53", (0.1637, -0.1810, 0.0993)),
    ("C", "tfsi_CBT", "0.35", (0.2510, 0.0375, -0.0026)),
    ("F4", "tfsi_F1", "-0.16", (0.3552, -0.0189, -0.0603)),
    ("F5", "tfsi_F1", "-0.16", (0.2878, 0.0782, 0.1168)),
    ("F", "tfsi_F1", "-0.16", (0.2170, 0.1428, -0.0732)),
]
MOLS.append(Mol("TFSI", "TFSI- bis(trifluoromethanesulfonyl)imide, CL&P (il.ff 2025)", "opls",
                [(a, t, q, None) for a, t, q, _ in tfsi_xyz],
                [("C1", "F1"), ("C1", "F2"), ("C1", "F3"), ("C1", "S1"), ("S1", "O1"), ("S1", "O2"),
                 ("S1", "N"), ("N", "S"), ("S", "O3"), ("S", "O"), ("S", "C"), ("C", "F4"),
                 ("C", "F5"), ("C", "F")],
                [x for *_, x in tfsi_xyz], scaled=True))
BONDED["TFSI"] = dict(
    bond={("tfsi_CBT", "tfsi_F1"): (0.1323, 369800.0), ("tfsi_CBT", "tfsi_SBT"): (0.1818, 195000.0),
          ("tfsi_SBT", "tfsi_OBT"): (0.1437, 533100.0), ("tfsi_NBT", "tfsi_SBT"): (0.1570, 313700.0)},
    angle={("tfsi_F1", "tfsi_CBT", "tfsi_F1"): (107.1, 781.0),
           ("tfsi_F1", "tfsi_CBT", "tfsi_SBT"): (111.7, 694.0),
           ("tfsi_OBT", "tfsi_SBT", "tfsi_OBT"): (118.5, 969.0),
           ("tfsi_CBT", "tfsi_SBT", "tfsi_OBT"): (102.6, 870.0),
           ("tfsi_NBT", "tfsi_SBT", "tfsi_OBT"): (113.6, 789.0),
           ("tfsi_NBT", "tfsi_SBT", "tfsi_CBT"): (103.5, 764.0),
           ("tfsi_SBT", "tfsi_NBT", "tfsi_SBT"): (125.6, 671.0)},
    # OPLS Fourier V1..V4 -> periodic (phi_s, k, n): k1=V1/2@0, k2=V2/2@180, k3=V3/2@0
    dihedral={("tfsi_OBT", "tfsi_SBT", "tfsi_CBT", "tfsi_F1"): [(0.0, 0.7255, 3)],
              ("tfsi_NBT", "tfsi_SBT", "tfsi_CBT", "tfsi_F1"): [(0.0, 0.6610, 3)],
              ("tfsi_OBT", "tfsi_SBT", "tfsi_NBT", "tfsi_SBT"): [(0.0, -0.0075, 3)],
              ("tfsi_SBT", "tfsi_NBT", "tfsi_SBT", "tfsi_CBT"): [(0.0, 16.3865, 1), (180.0, -5.2100, 2),
                                                                 (0.0, -1.5975, 3)]},
)

# ----- DMF (PARAMETERS 4); atom order as FreeSolv mobley_8011706 -----
dmf_xyz = [
    ("C1", "dmf_c3", "0.0827", (0.0969, -0.0055, -0.0559)),
    ("N1", "dmf_n", "-0.4976", (0.1548, -0.1361, -0.0293)),
    ("C2", "dmf_c3", "0.0827", (0.0783, -0.2556, -0.0607)),
    ("C3", "dmf_c", "0.6579", (0.2817, -0.1442, 0.0254)),
    ("O1", "dmf_o", "-0.6016", (0.3558, -0.0515, 0.0561)),
    ("H1", "dmf_h1", "0.0414", (0.0413, 0.0295, 0.0315)),
    ("H2", "dmf_h1", "0.0414", (0.0286, -0.0111, -0.1411)),
    ("H3", "dmf_h1", "0.0414", (0.1756, 0.0668, -0.0788)),
    ("H4", "dmf_h1", "0.0414", (0.1000, -0.2864, -0.1628)),
    ("H5", "dmf_h1", "0.0414", (-0.0279, -0.2343, -0.0509)),
    ("H6", "dmf_h1", "0.0414", (0.1059, -0.3353, 0.0080)),
    ("H7", "dmf_h5", "0.0273", (0.3136, -0.2487, 0.0404)),
]
MOLS.append(Mol("DMF", "N,N-dimethylformamide, GAFF 1.7 + AM1-BCC (FreeSolv mobley_8011706)", "amber",
                [(a, t, q, None) for a, t, q, _ in dmf_xyz],
                [("C1", "N1"), ("N1", "C2"), ("N1", "C3"), ("C3", "O1"), ("C1", "H1"), ("C1", "H2"),
                 ("C1", "H3"), ("C2", "H4"), ("C2", "H5"), ("C2", "H6"), ("C3", "H7")],
                [x for *_, x in dmf_xyz]))
BONDED["DMF"] = dict(
    bond={("dmf_c3", "dmf_n"): (0.14600, 276646.1), ("dmf_c3", "dmf_h1"): (0.10930, 281081.1),
          ("dmf_n", "dmf_c"): (0.13450, 400157.8), ("dmf_c", "dmf_o"): (0.12140, 542246.4),
          ("dmf_c", "dmf_h5"): (0.11053, 267273.9)},
    angle={("dmf_c3", "dmf_n", "dmf_c3"): (115.56, 528.272), ("dmf_c3", "dmf_n", "dmf_c"): (121.35, 534.883),
           ("dmf_n", "dmf_c3", "dmf_h1"): (109.32, 416.894), ("dmf_n", "dmf_c", "dmf_o"): (122.03, 634.545),
           ("dmf_n", "dmf_c", "dmf_h5"): (112.19, 438.400), ("dmf_o", "dmf_c", "dmf_h5"): (123.26, 450.952),
           ("dmf_h1", "dmf_c3", "dmf_h1"): (109.55, 327.858)},
    dihedral={("dmf_c3", "dmf_n", "dmf_c", "dmf_o"): [(180.0, 10.46, 2)],      # X-c-n-X
              ("dmf_c3", "dmf_n", "dmf_c", "dmf_h5"): [(180.0, 10.46, 2)],     # X-c-n-X
              ("dmf_h1", "dmf_c3", "dmf_n", "dmf_c3"): [],                     # X-c3-n-X, k = 0
              ("dmf_h1", "dmf_c3", "dmf_n", "dmf_c"): []},                     # X-c3-n-X, k = 0
    impropers=[(("C3", "C1", "N1", "C2"), (180.0, 4.6024, 2), "c-c3-n-c3, N centre (GAFF X-c3-n-c3)"),
               (("H7", "N1", "C3", "O1"), (180.0, 43.932, 2), "h5-n-c-o, carbonyl C centre (GAFF X-X-c-o)")],
)

# ----- PVDF H-(CH2CF2)10-F (PARAMETERS 5a), geometry from derived/pvdf_H-CH2CF2-10-F_alltrans.pdb -----
PVDF_PDB = "derived/pvdf_H-CH2CF2-10-F_alltrans.pdb"
PVDF_Q = {"pvdf_CH3": "-0.6215", "pvdf_CH2": "-0.5202", "pvdf_CF2": "0.6120", "pvdf_CF3": "0.7592",
          "pvdf_H": "0.1807", "pvdf_F": "-0.2266"}


def read_pvdf(srcdir):
    path = os.path.join(srcdir, PVDF_PDB)
    types, atoms, xyz, bonds = [], [], [], []
    with open(path) as f:
        for line in f:
            if line.startswith("REMARK   TYPES"):
                types += line.split(":", 1)[1].split()
            elif line.startswith(("ATOM", "HETATM")):
                atoms.append(line[12:16].strip())
                xyz.append(tuple(float(line[c:c + 8]) / 10.0 for c in (30, 38, 46)))
            elif line.startswith("CONECT"):
                f_ = line.split()
                a = int(f_[1])
                for b in f_[2:]:
                    if a < int(b):
                        bonds.append((a - 1, int(b) - 1))
    assert len(types) == len(atoms) == 62, (len(types), len(atoms))
    bonds = sorted(set(bonds))
    return atoms, types, xyz, bonds


def pvdf_dihedral(t):
    """Byutner-Smith torsion classes (func 9, phi_s 180, n = 1..6)."""
    FCCC = [1.48532, 1.44348, -1.58992, 0.58576, 0.60668, -0.10460]
    CCCC = [1.65268, 3.01248, -1.58992, -0.85772, 1.77820, -0.10460]
    if "pvdf_H" in (t[0], t[3]):
        return []  # X-X-X-H: k = 0
    for q in (t, tuple(reversed(t))):
        if q[0] == "pvdf_F" and q[1] in ("pvdf_CF2", "pvdf_CF3") and q[2] == "pvdf_CH2" \
                and q[3] in ("pvdf_CF2", "pvdf_CF3"):
            return [(180.0, k, n + 1) for n, k in enumerate(FCCC)]
        if q[0] in ("pvdf_CF2", "pvdf_CF3") and q[1] == "pvdf_CH2" and q[2] == "pvdf_CF2" \
                and q[3] in ("pvdf_CH2", "pvdf_CH3"):
            return [(180.0, k, n + 1) for n, k in enumerate(CCCC)]
    raise SystemExit(f"PVDF: no torsion class for {t}")


def pvdf_angle(t):
    a, c, b = t
    if c in ("pvdf_CH3", "pvdf_CH2"):
        if a == b == "pvdf_H":
            return (109.27, 322.168)
        if "pvdf_H" in (a, b):
            return (108.45, 358.9872)
        return (118.24, 671.9504)
    if a == b == "pvdf_F":
        return (105.27, 1004.16)
    if "pvdf_F" in (a, b):
        return (107.74, 753.12)
    return (118.24, 671.9504)


def pvdf_bond(t):
    s = set(t)
    if "pvdf_H" in s:
        return (0.1085, 274135.68)
    if "pvdf_F" in s:
        return (0.1357, 417814.24)
    return (0.1534, 258487.52)


# ----- DME (PARAMETERS 6a, coordinates section 7); atom order as FreeSolv mobley_4630641 -----
dme_xyz = [
    ("C1", "dme_c3", "0.1143", (0.0304, 0.0820, 0.2430)),
    ("O1", "dme_os", "-0.4060", (-0.0853, 0.0236, 0.1847)),
    ("C2", "dme_c3", "0.1270", (-0.0894, 0.0451, 0.0442)),
    ("C3", "dme_c3", "0.1270", (-0.2146, -0.0194, -0.0121)),
    ("O2", "dme_os", "-0.4060", (-0.2115, -0.1589, 0.0155)),
    ("C4", "dme_c3", "0.1143", (-0.3268, -0.2246, -0.0351)),
    ("H1", "dme_h1", "0.0323", (0.0302, 0.0636, 0.3508)),
    ("H2", "dme_h1", "0.0323", (0.0309, 0.1895, 0.2234)),
    ("H3", "dme_h1", "0.0323", (0.1194, 0.0366, 0.1987)),
    ("H4", "dme_h1", "0.0338", (-0.0890, 0.1530, 0.0261)),
    ("H5", "dme_h1", "0.0338", (0.0000, 0.0000, 0.0000)),
    ("H6", "dme_h1", "0.0338", (-0.2204, -0.0062, -0.1206)),
    ("H7", "dme_h1", "0.0338", (-0.3038, 0.0229, 0.0350)),
    ("H8", "dme_h1", "0.0323", (-0.3207, -0.3310, -0.0120)),
    ("H9", "dme_h1", "0.0323", (-0.3324, -0.2095, -0.1430)),
    ("H10", "dme_h1", "0.0323", (-0.4152, -0.1818, 0.0125)),
]
MOLS.append(Mol("DME", "1,2-dimethoxyethane, GAFF 1.7 + AM1-BCC (FreeSolv mobley_4630641)", "amber",
                [(a, t, q, None) for a, t, q, _ in dme_xyz],
                [("C1", "O1"), ("O1", "C2"), ("C2", "C3"), ("C3", "O2"), ("O2", "C4"),
                 ("C1", "H1"), ("C1", "H2"), ("C1", "H3"), ("C2", "H4"), ("C2", "H5"),
                 ("C3", "H6"), ("C3", "H7"), ("C4", "H8"), ("C4", "H9"), ("C4", "H10")],
                [x for *_, x in dme_xyz]))
BONDED["DME"] = dict(
    bond={("dme_c3", "dme_os"): (0.14390, 252295.2), ("dme_c3", "dme_h1"): (0.10930, 281081.1),
          ("dme_c3", "dme_c3"): (0.15350, 253634.1)},
    angle={("dme_c3", "dme_os", "dme_c3"): (112.45, 522.080), ("dme_os", "dme_c3", "dme_h1"): (108.82, 425.429),
           ("dme_os", "dme_c3", "dme_c3"): (108.42, 567.183), ("dme_c3", "dme_c3", "dme_h1"): (110.07, 387.940),
           ("dme_h1", "dme_c3", "dme_h1"): (109.55, 327.858)},
    dihedral={("dme_c3", "dme_os", "dme_c3", "dme_c3"): [(0.0, 1.6025, 3), (180.0, 0.4184, 2)],
              ("dme_h1", "dme_c3", "dme_os", "dme_c3"): [(0.0, 1.6039, 3)],        # X-c3-os-X
              ("dme_os", "dme_c3", "dme_c3", "dme_os"): [(0.0, 0.6025, 3), (0.0, 4.9162, 2)],
              ("dme_h1", "dme_c3", "dme_c3", "dme_os"): [(0.0, 1.046, 1)],
              ("dme_h1", "dme_c3", "dme_c3", "dme_h1"): [(0.0, 0.6508, 3)]},
)

# ----- EC (PARAMETERS 6b); LigParGen atom order; start geometry EC_ligpargen.xyz (A) -----
ec_atoms = [
    ("H00", "ec_H", "0.1338", (1.000000, 1.000000, 0.000000)),
    ("C01", "ec_CT", "-0.0453", (-0.093000, 1.000000, 0.000000)),
    ("H02", "ec_H", "0.1338", (-0.459000, 1.000000, 1.030000)),
    ("O03", "ec_OS", "-0.2958", (-0.581000, -0.050000, -0.643000)),
    ("C04", "ec_CT", "-0.0435", (-0.676000, 2.156000, -0.832000)),
    ("C05", "ec_C", "0.5840", (-1.321000, 0.274000, -1.562000)),
    ("H06", "ec_H", "0.1337", (0.098000, 2.733000, -1.344000)),
    ("H07", "ec_H", "0.1337", (-1.298000, 2.825000, -0.232000)),
    ("O08", "ec_OS", "-0.2982", (-1.406000, 1.488000, -1.714000)),
    ("O09", "ec_O", "-0.4365", (-1.917000, -0.533000, -2.258000)),
]
MOLS.append(Mol("EC", "ethylene carbonate, LigParGen OPLS-AA / 1.14*CM1A-LBCC", "opls",
                [(a, t, q, None) for a, t, q, _ in ec_atoms],
                [("C01", "H00"), ("C01", "H02"), ("C01", "O03"), ("C01", "C04"), ("O03", "C05"),
                 ("C04", "H06"), ("C04", "H07"), ("C04", "O08"), ("C05", "O09"), ("C05", "O08")],
                [tuple(v / 10.0 for v in x) for *_, x in ec_atoms]))
BONDED["EC"] = dict(
    bond={("ec_CT", "ec_H"): (0.1090, 284512.0), ("ec_CT", "ec_OS"): (0.1410, 267776.0),
          ("ec_CT", "ec_CT"): (0.1529, 224262.4), ("ec_C", "ec_OS"): (0.1327, 179075.2),
          ("ec_C", "ec_O"): (0.1229, 476976.0)},
    angle={("ec_H", "ec_CT", "ec_H"): (107.8, 276.144), ("ec_H", "ec_CT", "ec_OS"): (109.5, 292.88),
           ("ec_H", "ec_CT", "ec_CT"): (110.7, 313.8), ("ec_CT", "ec_OS", "ec_C"): (116.9, 694.544),
           ("ec_OS", "ec_C", "ec_O"): (123.4, 694.544), ("ec_CT", "ec_CT", "ec_OS"): (109.5, 418.4),
           ("ec_OS", "ec_C", "ec_OS"): (118.18, 584.923)},
    # LigParGen RB -> periodic (PARAMETERS 6b)
    dihedral={("ec_OS", "ec_C", "ec_OS", "ec_CT"): [(0.0, 9.768, 1), (180.0, 10.7195, 2)],
              ("ec_O", "ec_C", "ec_OS", "ec_CT"): [(180.0, 10.7195, 2)],
              ("ec_C", "ec_OS", "ec_CT", "ec_CT"): [(0.0, -2.5527, 1), (180.0, -0.2635, 2), (0.0, 0.8828, 3)],
              ("ec_OS", "ec_CT", "ec_CT", "ec_OS"): [(0.0, -1.151, 1)],
              ("ec_H", "ec_CT", "ec_CT", "ec_H"): [(0.0, 0.6275, 3)],
              ("ec_H", "ec_CT", "ec_CT", "ec_OS"): [(0.0, 0.979, 3)],
              ("ec_C", "ec_OS", "ec_CT", "ec_H"): [(0.0, 0.4143, 3)]},
    impropers=[(("O09", "C05", "O03", "O08"), (180.0, 43.932, 2),
                "O=C(O)O, carbonyl C listed second as in the LigParGen file")],
)

# ----- PF6 (PARAMETERS 6c): ideal octahedron, P-F = r0 -----
R_PF = 0.1606
pf6 = [("P", "pf6_P", "1.34", (0.0, 0.0, 0.0)),
       ("F1", "pf6_F", "-0.39", (R_PF, 0, 0)), ("F2", "pf6_F", "-0.39", (-R_PF, 0, 0)),
       ("F3", "pf6_F", "-0.39", (0, R_PF, 0)), ("F4", "pf6_F", "-0.39", (0, -R_PF, 0)),
       ("F5", "pf6_F", "-0.39", (0, 0, R_PF)), ("F6", "pf6_F", "-0.39", (0, 0, -R_PF))]
MOLS.append(Mol("PF6", "hexafluorophosphate PF6-, CL&P / OPLS-2009IL", "opls",
                [(a, t, q, None) for a, t, q, _ in pf6],
                [("P", "F%d" % i) for i in range(1, 7)], [x for *_, x in pf6], scaled=True))
PF6_TRANS = {frozenset(("F1", "F2")), frozenset(("F3", "F4")), frozenset(("F5", "F6"))}
BONDED["PF6"] = dict(
    bond={("pf6_P", "pf6_F"): (0.1606, 310000.0)},
    angle={("pf6_F", "pf6_P", "pf6_F"): (90.0, 1165.0)},
    # only the 12 cis F-P-F angles carry a term; trans pairs (F1/F2, F3/F4, F5/F6) have none
    angle_filter=lambda m, a: frozenset((m.names[a[0]], m.names[a[2]])) not in PF6_TRANS,
)

# ----- NO3 (PARAMETERS 6d): ideal trigonal planar, N-O = r0 -----
R_NO = 0.1256
no3 = [("N", "no3_N", "0.794", (0.0, 0.0, 0.0))]
for i, ang in enumerate((90.0, 210.0, 330.0)):
    no3.append(("O%d" % (i + 1), "no3_O", "-0.598",
                (round(R_NO * math.cos(math.radians(ang)), 6), round(R_NO * math.sin(math.radians(ang)), 6), 0.0)))
MOLS.append(Mol("NO3", "nitrate NO3-, OPLS-2009IL", "opls",
                [(a, t, q, None) for a, t, q, _ in no3],
                [("N", "O1"), ("N", "O2"), ("N", "O3")], [x for *_, x in no3], scaled=True))
BONDED["NO3"] = dict(
    bond={("no3_N", "no3_O"): (0.1256, 530698.56)},
    angle={("no3_O", "no3_N", "no3_O"): (120.0, 1011.022)},
    # OPLS-2009IL Fourier V2 = 8.368 kJ/mol (func 5) -> periodic k = V2/2 = 4.184, phi_s 180, n 2;
    # atom order as OPLS-2009IL (N second)
    impropers=[(("O1", "N", "O2", "O3"), (180.0, 4.184, 2), "O-N-O-O"),
               (("O2", "N", "O1", "O3"), (180.0, 4.184, 2), "O-N-O-O"),
               (("O3", "N", "O1", "O2"), (180.0, 4.184, 2), "O-N-O-O")],
)

# ---------------------------------------------------------------------------
# Extension (issue #16): DOL, DMC, DEC, EMC, FEC, SN (OPLS-AA family solvents), FSI- and the
# PVDF-HFP oligomer. Numbers from PARAMETERS.md section 9 (and il.ff for FSI); the source RB
# (LigParGen/PEMD/oplsaa.ff func 3) and OPLS Fourier coefficients are typed in as in the source
# files and converted to periodic terms by rb() / opls() below.
# ---------------------------------------------------------------------------
def rb(c0, c1, c2, c3, c4=0.0, c5=0.0):
    """RB C0..C5 (psi = phi - 180) -> periodic (phi_s, k, n) terms, V = sum k[1 + cos(n phi - phi_s)].

    V1 = -2C1 - 1.5C3, V2 = -C2 - C4, V3 = -0.5C3, V4 = -0.25C4 (OPLS Fourier), then
    k1 = V1/2 @ 0, k2 = V2/2 @ 180, k3 = V3/2 @ 0, k4 = V4/2 @ 180; the two forms differ by a
    constant only. Terms with |k| < 0.001 kJ/mol (rounding residues of 3-decimal RB numbers) are
    dropped. C5 must be 0 (no periodic equivalent up to n = 4 is needed here).
    """
    assert c5 == 0.0, "RB C5 != 0"
    return opls(-2 * c1 - 1.5 * c3, -c2 - c4, -0.5 * c3, -0.25 * c4)


def opls(v1, v2, v3, v4):
    """OPLS Fourier V1..V4 -> periodic terms (k1 = V1/2 @ 0, k2 = V2/2 @ 180, k3 = V3/2 @ 0, k4 = V4/2 @ 180)."""
    out = []
    for n, (v, ph) in enumerate(((v1, 0.0), (v2, 180.0), (v3, 0.0), (v4, 180.0)), start=1):
        k = round(v / 2.0, 6)
        if abs(k) >= 0.001:
            out.append((ph, k, n))
    return out


def read_gro(path):
    """Atom names and coordinates (nm) of a .gro file."""
    lines = open(path).read().splitlines()
    n = int(lines[1])
    names = [l[10:15].strip() for l in lines[2:2 + n]]
    xyz = [tuple(float(v) for v in l[20:].split()[:3]) for l in lines[2:2 + n]]  # any precision
    return names, xyz


def _sub(a, b):
    return tuple(x - y for x, y in zip(a, b))


def _add(a, b):
    return tuple(x + y for x, y in zip(a, b))


def _scale(a, f):
    return tuple(x * f for x in a)


def _unit(a):
    n = math.sqrt(sum(x * x for x in a))
    return tuple(x / n for x in a)


def _cross(a, b):
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def _along(origin, towards, r):
    """The point at distance r from origin in the direction of towards."""
    return _add(origin, _scale(_unit(_sub(towards, origin)), r))


def _mol_from_gro(name, title, srcdir, gro, spec, bonds, rename=None):
    """Mol whose atoms are spec = [(name, type, charge)] in the order of the .gro file (start geometry)."""
    names, xyz = read_gro(os.path.join(srcdir, gro))
    assert len(names) == len(spec), (name, len(names), len(spec))
    for (an, _, _), src in zip(spec, names):
        want = rename.get(src, src) if rename else src
        assert rename is not None or an == want, (name, an, src)
    return Mol(name, title, "opls", [(a, t, q, None) for a, t, q in spec], bonds, xyz)


# LigParGen / OPLS-AA carbonate classes (identical in DEC_ligpargen.itp, dmc.itp, EC)
CARB_BOND = {("CT", "OS"): (0.1410, 267776.0), ("C", "OS"): (0.1327, 179075.2), ("C", "O"): (0.1229, 476976.0),
             ("CT", "H"): (0.1090, 284512.0), ("CT", "CT"): (0.1529, 224262.4)}
CARB_ANGLE = {("CT", "OS", "C"): (116.9, 694.544), ("OS", "C", "O"): (123.4, 694.544),
              ("OS", "C", "OS"): (118.18, 584.923), ("H", "CT", "OS"): (109.5, 292.88),
              ("H", "CT", "H"): (107.8, 276.144), ("H", "CT", "CT"): (110.7, 313.8),
              ("CT", "CT", "OS"): (109.5, 418.4)}
CARB_DIH = {("CT", "OS", "C", "O"): rb(21.439, 0.000, -21.439, -0.000),
            ("CT", "OS", "C", "OS"): rb(31.206, -9.768, -21.439, -0.000),
            ("H", "CT", "OS", "C"): rb(0.414, 1.243, 0.000, -1.657),
            ("C", "OS", "CT", "CT"): rb(-2.197, 5.201, 0.527, -3.531),
            ("H", "CT", "CT", "H"): rb(0.628, 1.883, 0.000, -2.510),
            ("H", "CT", "CT", "OS"): rb(0.979, 2.937, 0.000, -3.916)}
CARB_IMPROPER = (180.0, 43.932, 2)


def classes(prefix, table, alias=None):
    """Class table keyed by generic names -> keyed by the species' type names (alias: extra type -> class)."""
    alias = alias or {}
    out = {}
    for key, val in table.items():
        variants = [()]
        for g in key:
            names = ([prefix + g] if prefix else []) + [t for t, c in alias.items() if c == g]
            variants = [v + (x,) for v in variants for x in names]
        for v in variants:
            out[v] = val
    return out


# ----- PVDF-HFP: H-(CH2-CF2)4-CF2-CF(CF3)-(CH2-CF2)5-F -----
PVHFP_Q = {"pvhfp_CH3": "-0.6215", "pvhfp_CH2": "-0.5202", "pvhfp_CF2": "0.6120", "pvhfp_CF3": "0.7592",
           "pvhfp_H": "0.1807", "pvhfp_F": "-0.2266",
           "pvhfp_hCF2": "0.24", "pvhfp_hCF": "0.12", "pvhfp_hCF3": "0.36", "pvhfp_hF": "-0.12"}
PVHFP_WJ = {"pvhfp_hCF2", "pvhfp_hCF", "pvhfp_hCF3", "pvhfp_hF"}          # Watkins-Jorgensen (HFP unit)
PVHFP_FC = {"pvhfp_CF2", "pvhfp_CF3", "pvhfp_hCF2", "pvhfp_hCF", "pvhfp_hCF3"}  # fluorinated carbons
PVHFP_UNIT = 5   # the VDF unit (counted from the CH3 end) replaced by the HFP unit


def _to_bs(t):
    """Type as the Byutner-Smith classes see it (HFP carbons = fluorinated C, HFP F = F)."""
    if t == "pvhfp_hF":
        return "pvdf_F"
    if t in PVHFP_WJ:
        return "pvdf_CF2"
    return t.replace("pvhfp_", "pvdf_")


def pvhfp_bond(t):
    a, b = t
    if (a in PVHFP_WJ or b in PVHFP_WJ) and ((a in PVHFP_WJ and b in PVHFP_WJ) or (a in PVHFP_FC and b in PVHFP_FC)):
        # inside the HFP unit and the CF2-CF2 junction: W&J (il.ff F-CF 1.332 A 3071.1, CF-CF 1.529 A 2242.6)
        return (0.1332, 307110.0) if "pvhfp_hF" in t else (0.1529, 224260.0)
    # VDF bonds and the CF-CH2 junction: Byutner-Smith
    return pvdf_bond(tuple(_to_bs(x) for x in t))


def pvhfp_angle(t):
    a, c, b = t
    if c in PVHFP_WJ:   # angle centred on an HFP carbon: W&J (il.ff)
        nf = (a == "pvhfp_hF") + (b == "pvhfp_hF")
        return {2: (109.1, 644.3), 1: (109.5, 418.4), 0: (112.7, 488.3)}[nf]
    return pvdf_angle(tuple(_to_bs(x) for x in t))   # centred on a VDF atom: Byutner-Smith


PVHFP_WJ_DIH = {("F", "CF", "CF", "F"): opls(-10.4600, 0.0, 1.0460, 0.0),
                ("F", "CF", "CF", "CF"): opls(1.2552, 0.0, 1.6736, 0.0),
                ("F", "CF", "CF", "CT"): opls(0.0, 0.0, 2.7656, 0.0),
                ("CF", "CF", "CF", "CF"): opls(27.7064, 3.9664, -5.8074, -8.8617),
                ("CF", "CF", "CF", "CT"): opls(14.6750, -0.9179, -2.8980, -2.0174)}


def pvhfp_dihedral(t):
    i, j, k, l = t
    if j in PVHFP_FC and k in PVHFP_FC:
        # central bond between two fluorinated carbons (in the HFP unit or the CF2-CF2 junction): W&J (il.ff)
        def cls(x):
            return "F" if x in ("pvhfp_F", "pvhfp_hF") else "CF" if x in PVHFP_FC else "CT"
        return lookup(PVHFP_WJ_DIH, tuple(cls(x) for x in t), "dihedral", "PVHFP")
    # central bond CH2/CH3 - fluorinated carbon (VDF units and the CF-CH2 junction): Byutner-Smith classes
    if "pvhfp_H" in (i, l):
        return []
    fend, hend = (i, l) if j in PVHFP_FC else (l, i)
    s = pvdf_dihedral(("pvdf_CF2", "pvdf_CH2", "pvdf_CF2", "pvdf_CH2"))          # C-CH2-CF2-C
    if fend in ("pvhfp_F", "pvhfp_hF"):
        s = pvdf_dihedral(("pvdf_F", "pvdf_CF2", "pvdf_CH2", "pvdf_CF2"))         # F-C(F)-CH2-C
    elif not (fend in PVHFP_FC or fend in ("pvhfp_CH2", "pvhfp_CH3")) or hend == "pvhfp_F":
        raise SystemExit(f"PVHFP: no torsion class for {t}")
    return s


def build_pvhfp(srcdir):
    atoms, types, xyz, bonds = read_pvdf(srcdir)
    types = [t.replace("pvdf_", "pvhfp_") for t in types]
    # unit u = atoms 6u-4 .. 6u+1 (1-based): CH2 carbon, 2 H, CF2 carbon, 2 F
    c1 = 6 * PVHFP_UNIT - 5           # 0-based index of the CH2 carbon -> HFP CF2
    h1, h2, c2, f1, f2 = c1 + 1, c1 + 2, c1 + 3, c1 + 4, c1 + 5
    assert types[c1] == "pvhfp_CH2" and types[c2] == "pvhfp_CF2" and types[h1] == types[h2] == "pvhfp_H"
    new_t, new_x, old2new = [], [], {}
    for i, (t, x) in enumerate(zip(types, xyz)):
        old2new[i] = len(new_t)
        if i == c1:
            new_t.append("pvhfp_hCF2"); new_x.append(x)
        elif i in (h1, h2):            # H -> F of the HFP CF2, along the old C-H direction
            new_t.append("pvhfp_hF"); new_x.append(_along(xyz[c1], x, 0.1332))
        elif i == c2:
            new_t.append("pvhfp_hCF"); new_x.append(x)
        elif i == f1:
            new_t.append("pvhfp_hF"); new_x.append(_along(xyz[c2], x, 0.1332))
        elif i == f2:                  # F -> pendant CF3 carbon + its 3 F (tetrahedral, staggered)
            p = _along(xyz[c2], x, 0.1529)
            new_t.append("pvhfp_hCF3"); new_x.append(p)
            u = _unit(_sub(p, xyz[c2]))
            v = _unit(_cross(u, _sub(xyz[c1], xyz[c2])))
            w = _cross(u, v)
            a = math.radians(180.0 - 109.5)
            for phi in (60.0, 180.0, 300.0):
                d = _add(_scale(u, math.cos(a)), _scale(_add(_scale(v, math.cos(math.radians(phi))),
                                                            _scale(w, math.sin(math.radians(phi)))), math.sin(a)))
                new_t.append("pvhfp_hF"); new_x.append(_add(p, _scale(d, 0.1332)))
        else:
            new_t.append(t); new_x.append(x)
    pend = old2new[f2]
    new_b = [(old2new[i], old2new[j]) for i, j in bonds] + [(pend, pend + m) for m in (1, 2, 3)]
    count = {}
    names = []
    for t in new_t:
        el = "H" if t == "pvhfp_H" else "F" if t in ("pvhfp_F", "pvhfp_hF") else "C"
        count[el] = count.get(el, 0) + 1
        names.append(f"{el}{count[el]}")
    assert len(names) == 65
    m = Mol("PVHFP", "PVDF-HFP oligomer H-(CH2-CF2)4-CF2-CF(CF3)-(CH2-CF2)5-F, "
            "Byutner-Smith/OPLS-AA VDF units + Watkins-Jorgensen OPLS-AA HFP unit (DERIVED junctions)", "opls",
            [(n, t, PVHFP_Q[t], None) for n, t in zip(names, new_t)],
            [(names[i], names[j]) for i, j in new_b], new_x,
            header=["DERIVED: one HFP unit -CF2-CF(CF3)- replaces VDF unit 5 of the PVDF chain of pvdf.itp.",
                    "Angles belong to their central atom (HFP carbon: W&J/il.ff; VDF atom: Byutner-Smith);",
                    "bonds and torsions to their (central) bond: between two fluorinated carbons (HFP unit,",
                    "CF2-CF2 junction) W&J/il.ff, CH2/CH3-fluorinated carbon (VDF units, CF-CH2 junction)",
                    "Byutner-Smith classes. See forcefields/README.md."])
    BONDED["PVHFP"] = dict(bond_fn=pvhfp_bond, angle_fn=pvhfp_angle, dihedral_fn=pvhfp_dihedral)
    return m


def new_species(srcdir):
    """The species of issue #16 (need the start geometries in SRCDIR/derived)."""
    out = []
    D = "derived/"

    # ----- DOL (PARAMETERS 9f; DERIVED OPLS-AA type assembly, bonded terms from oplsaa.ff ffbonded.itp) -----
    dol = _mol_from_gro("DOL", "1,3-dioxolane, OPLS-AA types (oplsaa.ff; DERIVED assembly)", srcdir,
                        D + "DOL_oplsaa_min.gro",
                        [("C4", "dol_CT", "0.14"), ("O3", "dol_OS", "-0.40"), ("C2", "dol_CO", "0.20"),
                         ("O1", "dol_OS", "-0.40"), ("C5", "dol_CT", "0.14"), ("H41", "dol_HC", "0.03"),
                         ("H42", "dol_HC", "0.03"), ("H21", "dol_HA", "0.10"), ("H22", "dol_HA", "0.10"),
                         ("H51", "dol_HC", "0.03"), ("H52", "dol_HC", "0.03")],
                        [("C4", "O3"), ("O3", "C2"), ("C2", "O1"), ("O1", "C5"), ("C5", "C4"), ("C4", "H41"),
                         ("C4", "H42"), ("C2", "H21"), ("C2", "H22"), ("C5", "H51"), ("C5", "H52")])
    dol.header = ["DERIVED: standard OPLS-AA types assigned to 1,3-dioxolane (opls_182/185/186/189/190); bonded",
                  "terms are the oplsaa.ff ffbonded.itp entries for their bond types (CT/CO/OS/HC); no fitted DOL model."]
    out.append(dol)
    BONDED["DOL"] = dict(
        bond={("dol_CT", "dol_OS"): (0.1410, 267776.0), ("dol_CO", "dol_OS"): (0.1380, 267776.0),
              ("dol_CT", "dol_CT"): (0.1529, 224262.4), ("dol_CT", "dol_HC"): (0.1090, 284512.0),
              ("dol_CO", "dol_HA"): (0.1090, 284512.0)},
        angle={("dol_OS", "dol_CT", "dol_CT"): (109.5, 418.4), ("dol_OS", "dol_CT", "dol_HC"): (109.5, 292.88),
               ("dol_CT", "dol_CT", "dol_HC"): (110.7, 313.8), ("dol_HC", "dol_CT", "dol_HC"): (107.8, 276.144),
               ("dol_CT", "dol_OS", "dol_CO"): (109.5, 502.08), ("dol_OS", "dol_CO", "dol_OS"): (111.55, 774.876),
               ("dol_OS", "dol_CO", "dol_HA"): (109.5, 292.88), ("dol_HA", "dol_CO", "dol_HA"): (109.5, 276.144)},
        dihedral={("dol_CT", "dol_CT", "dol_OS", "dol_CO"): rb(1.71544, 2.84512, 1.04600, -5.60656),
                  ("dol_HC", "dol_CT", "dol_OS", "dol_CO"): rb(1.58992, 4.76976, 0.00000, -6.35968),
                  ("dol_CT", "dol_OS", "dol_CO", "dol_HA"): rb(1.58992, 4.76976, 0.00000, -6.35968),
                  ("dol_CT", "dol_OS", "dol_CO", "dol_OS"): rb(-6.45801, 0.80961, 5.68187, -0.03347),
                  ("dol_HC", "dol_CT", "dol_CT", "dol_OS"): rb(0.97905, 2.93716, 0.00000, -3.91622),
                  ("dol_HC", "dol_CT", "dol_CT", "dol_HC"): rb(0.62760, 1.88280, 0.00000, -2.51040),
                  ("dol_OS", "dol_CT", "dol_CT", "dol_OS"): rb(-1.15060, 1.15060, 0.00000, 0.00000)},
    )

    # ----- DMC (PARAMETERS 9e; dmc-kalugin-ligpargen-opls/dmc.itp, order and names as there) -----
    out.append(_mol_from_gro("DMC", "dimethyl carbonate, modified OPLS-AA (Kalugin group; LigParGen-based)", srcdir,
                             D + "DMC_kalugin_min.gro",
                             [("C00", "dmc_CM", "0.098148"), ("O01", "dmc_OE", "-0.449998"),
                              ("C02", "dmc_CC", "1.004995"), ("O03", "dmc_OC", "-0.597267"),
                              ("O04", "dmc_OE", "-0.449998"), ("C05", "dmc_CM", "0.098148"),
                              ("H06", "dmc_H", "0.035715"), ("H07", "dmc_H", "0.035720"), ("H08", "dmc_H", "0.076551"),
                              ("H09", "dmc_H", "0.035718"), ("H0A", "dmc_H", "0.035717"), ("H0B", "dmc_H", "0.076551")],
                             [("O01", "C00"), ("C02", "O01"), ("O03", "C02"), ("O04", "C02"), ("C05", "O04"),
                              ("H06", "C00"), ("H07", "C00"), ("H08", "C00"), ("H09", "C05"), ("H0A", "C05"),
                              ("H0B", "C05")]))
    dmc_alias = {"dmc_CM": "CT", "dmc_OE": "OS", "dmc_CC": "C", "dmc_OC": "O", "dmc_H": "H"}
    BONDED["DMC"] = dict(bond=classes(None, CARB_BOND, dmc_alias), angle=classes(None, CARB_ANGLE, dmc_alias),
                         dihedral=classes(None, CARB_DIH, dmc_alias),
                         impropers=[(("O04", "C02", "O01", "O03"), CARB_IMPROPER,
                                     "O=C(O)O, carbonyl C listed second as in dmc.itp")])

    # ----- DEC (PARAMETERS 9a; dec-ligpargen-opls/DEC_ligpargen.itp, LigParGen order and names) -----
    dec_spec = [("H00", "dec_H", "0.1029"), ("C01", "dec_CT", "-0.2492"), ("C02", "dec_CT", "0.0942"),
                ("H03", "dec_H", "0.1029"), ("H04", "dec_H", "0.1029"), ("O05", "dec_OS", "-0.3735"),
                ("H06", "dec_H", "0.0895"), ("H07", "dec_H", "0.0895"), ("C08", "dec_C", "0.6719"),
                ("O09", "dec_OS", "-0.3731"), ("O0A", "dec_O", "-0.5905"), ("C0B", "dec_CT", "0.0939"),
                ("C0C", "dec_CT", "-0.2489"), ("H0D", "dec_H", "0.0894"), ("H0E", "dec_H", "0.0894"),
                ("H0F", "dec_H", "0.1030"), ("H0G", "dec_H", "0.1030"), ("H0H", "dec_H", "0.1030")]
    dec_bonds = [("C01", "H00"), ("C02", "C01"), ("H03", "C01"), ("H04", "C01"), ("O05", "C02"), ("H06", "C02"),
                 ("H07", "C02"), ("C08", "O05"), ("O09", "C08"), ("O0A", "C08"), ("C0B", "O09"), ("C0C", "C0B"),
                 ("H0D", "C0B"), ("H0E", "C0B"), ("H0F", "C0C"), ("H0G", "C0C"), ("H0H", "C0C")]
    out.append(_mol_from_gro("DEC", "diethyl carbonate, LigParGen OPLS-AA / 1.14*CM1A-LBCC", srcdir,
                             D + "DEC_ligpargen_min.gro", dec_spec, dec_bonds))
    BONDED["DEC"] = dict(bond=classes("dec_", CARB_BOND), angle=classes("dec_", CARB_ANGLE),
                         dihedral=classes("dec_", CARB_DIH),
                         impropers=[(("O0A", "C08", "O05", "O09"), CARB_IMPROPER,
                                     "O=C(O)O, carbonyl C listed second as in the LigParGen file")])

    # ----- EMC (DERIVED): methoxy half of DMC + ethoxy half of DEC; geometry from the DEC template -----
    dnames, dxyz = read_gro(os.path.join(srcdir, D + "DEC_ligpargen_min.gro"))
    X = dict(zip(dnames, dxyz))
    emc = [  # name, type, charge (source atom), start position
        ("C1", "emc_CT", "0.098148", X["C02"]),        # DMC C00 (methyl C) at DEC's O-CH2 carbon
        ("O1", "emc_OS", "-0.449998", X["O05"]),       # DMC O01
        ("C2", "emc_C", "0.8384475", X["C08"]),        # mean of DMC C02 (1.004995) and DEC C08 (0.6719)
        ("O2", "emc_O", "-0.5938835", X["O0A"]),       # mean of DMC O03 (-0.597267) and DEC O0A (-0.5905)
        ("O3", "emc_OS", "-0.3731", X["O09"]),         # DEC O09
        ("C3", "emc_CT", "0.0939", X["C0B"]),          # DEC C0B
        ("C4", "emc_CT", "-0.2489", X["C0C"]),         # DEC C0C
        ("H11", "emc_HM", "0.035715", _along(X["C02"], X["C01"], 0.1090)),  # DMC H06 (in-plane H)
        ("H12", "emc_HM", "0.035720", X["H06"]),       # DMC H07
        ("H13", "emc_HM", "0.076551", X["H07"]),       # DMC H08
        ("H31", "emc_H", "0.0894", X["H0D"]), ("H32", "emc_H", "0.0894", X["H0E"]),
        ("H41", "emc_H", "0.1030", X["H0F"]), ("H42", "emc_H", "0.1030", X["H0G"]), ("H43", "emc_H", "0.1030", X["H0H"]),
    ]
    m = Mol("EMC", "ethyl methyl carbonate, DERIVED from DMC (Kalugin OPLS-AA) and DEC (LigParGen OPLS-AA)", "opls",
            [(a, t, q, None) for a, t, q, _ in emc],
            [("C1", "O1"), ("O1", "C2"), ("C2", "O2"), ("C2", "O3"), ("O3", "C3"), ("C3", "C4"), ("C1", "H11"),
             ("C1", "H12"), ("C1", "H13"), ("C3", "H31"), ("C3", "H32"), ("C4", "H41"), ("C4", "H42"),
             ("C4", "H43")], [x for *_, x in emc],
            header=["DERIVED: methoxy half CH3-O from dmc.itp (types, LJ incl. GAFF-hc H, charges), ethoxy half",
                    "O-CH2-CH3 from DEC_ligpargen.itp, carbonyl C and O charges the mean of the two parents;",
                    "bonded terms: the LigParGen classes shared by both parents. See forcefields/README.md."])
    out.append(m)
    emc_alias = {"emc_HM": "H"}
    BONDED["EMC"] = dict(bond=classes("emc_", CARB_BOND, emc_alias), angle=classes("emc_", CARB_ANGLE, emc_alias),
                         dihedral=classes("emc_", CARB_DIH, emc_alias),
                         impropers=[(("O2", "C2", "O1", "O3"), CARB_IMPROPER,
                                     "O=C(O)O, carbonyl C second as in the parent files")])

    # ----- FEC (PARAMETERS 9c; PEMD FEC + derived/FEC_pemd_bonded_ringpairs-fixed.itp) -----
    out.append(_mol_from_gro("FEC", "fluoroethylene carbonate, PEMD (LigParGen OPLS-AA bonded/LJ, RESP-like charges)",
                             srcdir, D + "FEC_pemd_min.gro",
                             [("O05", "fec_OS", "-0.38404171"), ("C06", "fec_CT", "0.02251462"),
                              ("C01", "fec_CT", "0.40764847"), ("F02", "fec_F", "-0.25435299"),
                              ("O00", "fec_OS", "-0.40554774"), ("C03", "fec_C", "0.91714599"),
                              ("O04", "fec_O", "-0.58101867"), ("H07", "fec_H", "0.10747030"),
                              ("H08", "fec_H", "0.10747030"), ("H09", "fec_H", "0.06271142")],
                             [("C01", "O00"), ("F02", "C01"), ("C03", "O00"), ("O04", "C03"), ("O05", "C03"),
                              ("C06", "O05"), ("H07", "C06"), ("H08", "C06"), ("H09", "C01"), ("C06", "C01")]))
    fec_bond = dict(CARB_BOND)
    fec_bond[("CT", "F")] = (0.1360, 307105.6)
    fec_angle = {k: v for k, v in CARB_ANGLE.items() if k != ("OS", "C", "OS")}
    fec_angle.update({("OS", "C", "OS"): (117.45, 586.848), ("F", "CT", "OS"): (110.24, 427.94),
                      ("CT", "CT", "F"): (109.5, 418.4), ("F", "CT", "H"): (107.0, 334.72)})
    fec_dih = dict(CARB_DIH)
    fec_dih.update({("C", "OS", "CT", "F"): rb(0.414, 1.243, 0.000, -1.657),
                    ("OS", "CT", "CT", "F"): rb(1.130, 3.389, 0.000, -4.519),
                    ("H", "CT", "CT", "F"): rb(0.837, 2.510, 0.000, -3.347),
                    ("OS", "CT", "CT", "OS"): rb(-1.151, 1.151, 0.000, -0.000)})
    BONDED["FEC"] = dict(bond=classes("fec_", fec_bond), angle=classes("fec_", fec_angle),
                         dihedral=classes("fec_", fec_dih),
                         impropers=[(("O00", "C03", "O04", "O05"), CARB_IMPROPER,
                                     "O=C(O)O, carbonyl C listed second as in the PEMD file")])

    # ----- SN (PARAMETERS 9d; PEMD/LigParGen); the source names every atom C/N/H: renamed -----
    sn_names = ["C1", "C2", "C3", "N3", "C4", "N4", "H11", "H12", "H21", "H22"]
    names, xyz = read_gro(os.path.join(srcdir, D + "SN_pemd_min.gro"))
    assert [n[0] for n in sn_names] == names, names
    sn_q = ["-0.0315617", "-0.0321368", "0.311739", "-0.466829", "0.311623", "-0.46685",
            "0.0934292", "0.0934292", "0.0935785", "0.0935785"]
    sn_t = ["sn_CT", "sn_CT", "sn_CZ", "sn_NZ", "sn_CZ", "sn_NZ", "sn_H", "sn_H", "sn_H", "sn_H"]
    out.append(Mol("SN", "succinonitrile, LigParGen OPLS-AA / CM1A (PEMD)", "opls",
                   [(a, t, q, None) for a, t, q in zip(sn_names, sn_t, sn_q)],
                   [("C1", "C2"), ("C3", "C2"), ("N3", "C3"), ("C4", "C1"), ("N4", "C4"), ("H11", "C1"),
                    ("H12", "C1"), ("H21", "C2"), ("H22", "C2")], xyz))
    BONDED["SN"] = dict(
        bond={("sn_CT", "sn_CT"): (0.1529, 224262.4), ("sn_CT", "sn_CZ"): (0.1470, 326352.0),
              ("sn_CZ", "sn_NZ"): (0.1157, 543920.0), ("sn_CT", "sn_H"): (0.1090, 284512.0)},
        angle={("sn_CZ", "sn_CT", "sn_CT"): (112.7, 488.273), ("sn_NZ", "sn_CZ", "sn_CT"): (180.0, 1255.2),
               ("sn_H", "sn_CT", "sn_CT"): (110.7, 313.8), ("sn_H", "sn_CT", "sn_CZ"): (108.5, 292.88),
               ("sn_H", "sn_CT", "sn_H"): (107.8, 276.144)},
        dihedral={("sn_NZ", "sn_CZ", "sn_CT", "sn_CT"): rb(0.0, 0.0, 0.0, 0.0),          # all zero in the source
                  ("sn_NZ", "sn_CZ", "sn_CT", "sn_H"): rb(0.0, 0.0, 0.0, 0.0),
                  ("sn_CZ", "sn_CT", "sn_CT", "sn_CZ"): rb(-2.720, 0.000, 2.720, -0.000),
                  ("sn_H", "sn_CT", "sn_CT", "sn_CZ"): rb(0.766, 2.297, 0.000, -3.063),
                  ("sn_H", "sn_CT", "sn_CT", "sn_H"): rb(0.628, 1.883, 0.000, -2.510)},
    )

    # ----- FSI- (CL&P il.ff: FSI F type, bistriflamide SBT/NBT/OBT; geometry: TFSI QM structure, CF3 -> F) -----
    T = {a: x for a, _, _, x in tfsi_xyz}
    fsi = [("F1", "fsi_FSI", "-0.13", _along(T["S1"], T["C1"], 0.1575)),
           ("S1", "fsi_SBT", "1.02", T["S1"]), ("O1", "fsi_OBT", "-0.53", T["O1"]), ("O2", "fsi_OBT", "-0.53", T["O2"]),
           ("N", "fsi_NBT", "-0.66", T["N"]),
           ("S2", "fsi_SBT", "1.02", T["S"]), ("O3", "fsi_OBT", "-0.53", T["O3"]), ("O4", "fsi_OBT", "-0.53", T["O"]),
           ("F2", "fsi_FSI", "-0.13", _along(T["S"], T["C"], 0.1575))]
    out.append(Mol("FSI", "FSI- bis(fluorosulfonyl)imide, CL&P (il.ff 2025)", "opls",
                   [(a, t, q, None) for a, t, q, _ in fsi],
                   [("F1", "S1"), ("S1", "O1"), ("S1", "O2"), ("S1", "N"), ("N", "S2"), ("S2", "O3"), ("S2", "O4"),
                    ("S2", "F2")], [x for *_, x in fsi], scaled=True))
    BONDED["FSI"] = dict(
        bond={("fsi_FSI", "fsi_SBT"): (0.1575, 187900.0), ("fsi_SBT", "fsi_OBT"): (0.1437, 533100.0),
              ("fsi_NBT", "fsi_SBT"): (0.1570, 313700.0)},
        angle={("fsi_FSI", "fsi_SBT", "fsi_OBT"): (104.1, 1077.0), ("fsi_FSI", "fsi_SBT", "fsi_NBT"): (103.0, 902.0),
               ("fsi_OBT", "fsi_SBT", "fsi_OBT"): (118.5, 969.0), ("fsi_NBT", "fsi_SBT", "fsi_OBT"): (113.6, 789.0),
               ("fsi_SBT", "fsi_NBT", "fsi_SBT"): (125.6, 671.0)},
        dihedral={("fsi_FSI", "fsi_SBT", "fsi_NBT", "fsi_SBT"): opls(11.4450, -15.1860, -3.2120, 0.0),
                  ("fsi_OBT", "fsi_SBT", "fsi_NBT", "fsi_SBT"): opls(0.0, 0.0, -0.0150, 0.0)},
    )

    # ----- PVDF-HFP oligomer (DERIVED junctions) -----
    out.append(build_pvhfp(srcdir))
    return out


LIGPARGEN = "L. S. Dodda, I. Cabeza de Vaca, J. Tirado-Rives, W. L. Jorgensen, Nucleic Acids Res. 2017, 45, W331 (LigParGen)"

FILE_FOR = {"LI": "li", "ZN": "zn", "TFSI": "tfsi", "DMF": "dmf", "PVDF": "pvdf", "DME": "dme",
            "EC": "ec", "PF6": "pf6", "NO3": "no3", "DOL": "dol", "DMC": "dmc", "DEC": "dec", "EMC": "emc",
            "FEC": "fec", "SN": "sn", "FSI": "fsi", "PVHFP": "pvhfp"}

CITE = {
    "LI": ["P. Li, L. F. Song, K. M. Merz Jr., J. Chem. Theory Comput. 2015, 11, 1645 (12-6 IOD set)"],
    "ZN": ["P. Li, B. P. Roberts, D. K. Chakravorty, K. M. Merz Jr., J. Chem. Theory Comput. 2013, 9, 2733 (12-6 IOD set, TIP3P)"],
    "TFSI": ["J. N. Canongia Lopes, A. A. H. Padua, J. Phys. Chem. B 2004, 108, 16893 (CL&P TFSI)",
             "CL&P il.ff version 2025/12/19 (revised OBT/F1 LJ, PCCP 2017, 19, 29617)"],
    "DMF": ["J. Wang et al., J. Comput. Chem. 2004, 25, 1157 (GAFF)",
            "A. Jakalian, D. B. Jack, C. I. Bayly, J. Comput. Chem. 2002, 23, 1623 (AM1-BCC)",
            "D. L. Mobley, J. P. Guthrie, J. Comput. Aided Mol. Des. 2014, 28, 711 (FreeSolv mobley_8011706)"],
    "PVDF": ["O. G. Byutner, G. D. Smith, Macromolecules 2000, 33, 4264 (bonded terms)",
             "M. Sahihi, A. Jaramillo-Botero, W. A. Goddard III, F. Bedoui, J. Phys. Chem. C 2021, 125, 21635 (combined set)",
             "E. K. Watkins, W. L. Jorgensen, J. Phys. Chem. A 2001, 105, 4118 (OPLS-AA LJ)"],
    "DME": ["J. Wang et al., J. Comput. Chem. 2004, 25, 1157 (GAFF)",
            "A. Jakalian, D. B. Jack, C. I. Bayly, J. Comput. Chem. 2002, 23, 1623 (AM1-BCC)",
            "D. L. Mobley, J. P. Guthrie, J. Comput. Aided Mol. Des. 2014, 28, 711 (FreeSolv mobley_4630641)"],
    "EC": ["L. S. Dodda, I. Cabeza de Vaca, J. Tirado-Rives, W. L. Jorgensen, Nucleic Acids Res. 2017, 45, W331 (LigParGen)",
           "L. S. Dodda, J. Z. Vilseck, J. Tirado-Rives, W. L. Jorgensen, J. Phys. Chem. B 2017, 121, 3864 (1.14*CM1A-LBCC)"],
    "PF6": ["J. N. Canongia Lopes, A. A. H. Padua (CL&P il.ff; PF6 from J. Chem. Soc. Perkin Trans. 2 1999, 2365)",
            "S. V. Sambasivarao, O. Acevedo, J. Chem. Theory Comput. 2009, 5, 1038 (OPLS-2009IL)"],
    "NO3": ["S. V. Sambasivarao, O. Acevedo, J. Chem. Theory Comput. 2009, 5, 1038 (OPLS-2009IL)",
            "B. Doherty, X. Zhong, S. Gathiaka, B. Li, O. Acevedo, J. Chem. Theory Comput. 2017, 13, 6131"],
    "DOL": ["W. L. Jorgensen, D. S. Maxwell, J. Tirado-Rives, J. Am. Chem. Soc. 1996, 118, 11225 (OPLS-AA)",
            "W. Damm, A. Frontera, J. Tirado-Rives, W. L. Jorgensen, J. Comput. Chem. 1997, 18, 1955 (acetal/ether types)",
            "GROMACS oplsaa.ff (ffnonbonded.itp/ffbonded.itp, LGPL-2.1) for the tabulated numbers"],
    "DMC": ["A. V. Borovyk, Y. V. Kolesnik, O. M. Kalugin, Kharkiv Univ. Bull. Chem. Ser. 2024, 43, doi:10.26565/2220-637X-2024-43-03",
            LIGPARGEN],
    "DEC": [LIGPARGEN,
            "L. S. Dodda, J. Z. Vilseck, J. Tirado-Rives, W. L. Jorgensen, J. Phys. Chem. B 2017, 121, 3864 (1.14*CM1A-LBCC)"],
    "EMC": ["derived from DMC (Borovyk, Kolesnik, Kalugin 2024) and DEC (LigParGen)", LIGPARGEN],
    "FEC": ["S. Tan, T. Hou et al., PEMD (open-source polymer-electrolyte MD framework), 2025", LIGPARGEN],
    "SN": ["S. Tan, T. Hou et al., PEMD (open-source polymer-electrolyte MD framework), 2025", LIGPARGEN,
           "W. L. Jorgensen, J. Tirado-Rives, PNAS 2005, 102, 6665 (CM1A charges in LigParGen)"],
    "FSI": ["J. N. Canongia Lopes, A. A. H. Padua (CL&P il.ff version 2025/12/19; FSI: PCCP 2017, 19, 29617)",
            "J. N. Canongia Lopes, A. A. H. Padua, J. Phys. Chem. B 2004, 108, 16893 (SBT/NBT/OBT)"],
    "PVHFP": ["O. G. Byutner, G. D. Smith, Macromolecules 2000, 33, 4264 (VDF bonded terms)",
              "M. Sahihi, A. Jaramillo-Botero, W. A. Goddard III, F. Bedoui, J. Phys. Chem. C 2021, 125, 21635 (VDF set)",
              "E. K. Watkins, W. L. Jorgensen, J. Phys. Chem. A 2001, 105, 4118 (perfluoroalkanes, HFP unit; via CL&P il.ff)"],
}


def neutralize(m):
    """Neutralisation rule (documented in forcefields/README.md).

    If the source charges of a molecule do not sum to an integer, the residual
    (nearest integer - sum) is added to the atom with the largest |q|; when
    several atoms share that largest |q| (symmetry-equivalent atoms) the
    residual is split equally between them. Returns a comment line or None.
    """
    tot = sum(Decimal(a[2]) for a in m.atoms)
    res = tot.to_integral_value() - tot
    if res == 0:
        return None
    qmax = max(abs(Decimal(a[2])) for a in m.atoms)
    tgt = [i for i, a in enumerate(m.atoms) if abs(Decimal(a[2])) == qmax]
    share = res / len(tgt)
    notes = []
    for i in tgt:
        an, t, q, mass = m.atoms[i]
        newq = Decimal(q) + share
        m.atoms[i] = (an, t, str(newq), mass)
        notes.append(f"{an} {q} -> {newq}")
    return (f"source charges sum to {tot}; residual {res:+} added to the largest-|q| atom(s): "
            + ", ".join(notes))


# ---------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------
def fmt_q(q):
    """Charge with 6 decimals, or all its decimals when the source gives more (PEMD: 8), so that the
    written charges are exactly the checked ones."""
    d = Decimal(q).normalize()
    places = max(6, -d.as_tuple().exponent)
    return f"{Decimal(q):10.{places}f}"


def write_itp(m, path):
    B = BONDED[m.name]
    n = len(m.atoms)
    L = []
    L.append(f"; {FILE_FOR[m.name]}.itp -- {m.title}")
    L.append("; Part of the Sheath bundled library electrolyte.ff. Generated by")
    L.append("; forcefields/tools/gen_electrolyte_ff.py from the numbers in PARAMETERS.md; do not edit by hand.")
    L.append("; Units: nm, kJ/mol, degrees, e, amu. Cite:")
    for c in CITE[m.name]:
        L.append(";   " + c)
    for h in (m.header or []):
        L.append("; " + h)
    if m.neutral_note:
        L.append("; Neutralisation: " + m.neutral_note)
    L.append(f"; Family: {'AMBER/GAFF (1-4 scaling 0.5/0.833333)' if m.family == 'amber' else 'OPLS-AA (1-4 scaling 0.5/0.5)'}")
    L.append("")
    L.append("[ moleculetype ]")
    L.append("; name  nrexcl")
    L.append(f"  {m.name:<6s} 3")
    L.append("")
    L.append("[ atoms ]")
    L.append(";  nr  type        resnr  res    atom   cgnr     charge       mass")

    def atom_lines(scale):
        out = []
        tot = Decimal(0)
        for i, (an, t, q, mass) in enumerate(m.atoms):
            qq = Decimal(fmt_q(Decimal(q) * scale))   # the value as written
            tot += qq
            mass = TYPE[t][2] if mass is None else mass
            out.append(f"  {i + 1:4d}  {t:<10s} {1:4d}  {m.name:<6s} {an:<6s} {i + 1:4d} {fmt_q(qq)}  {mass:9.4f}")
        # full charges: net charge must be integral; scaled: exactly scale x integer
        if abs(tot / scale - (tot / scale).to_integral_value()) > Decimal("1e-6"):
            raise SystemExit(f"{m.name}: net charge {tot} is not {scale} x integer")
        return out, tot

    full, qfull = atom_lines(Decimal(1))
    if m.scaled:
        sc, qsc = atom_lines(m.scale)
        L.append("#ifdef CHARGE_SCALE_0_8")
        L.append(f"; charges x{m.scale} (net {qsc.normalize():f})")
        L += sc
        L.append("#else")
        L.append(f"; full charges (net {qfull.normalize():f})")
        L += full
        L.append("#endif")
    else:
        L.append(f"; net charge {qfull.normalize():f}")
        L += full
    L.append("")
    L.append("#ifdef SHEATH")
    L.append("[ sheath_fudge ]")
    L.append("; fudgeLJ fudgeQQ")
    L.append(f"  {m.fudge[0]}  {m.fudge[1]}")
    L.append("#endif")

    counts = {}
    if m.bonds:
        L.append("")
        L.append("[ bonds ]")
        L.append(";  ai   aj  funct   b0 (nm)     kb (kJ/mol/nm2)")
        for i, j in sorted((min(a, b), max(a, b)) for a, b in m.bonds):
            t = (m.typ(i), m.typ(j))
            b0, kb = B["bond_fn"](t) if "bond_fn" in B else lookup(B["bond"], t, "bond", m.name)
            L.append(f"  {i + 1:4d} {j + 1:4d}  1   {b0:8.4f}  {kb:12.2f}   ; {m.names[i]}-{m.names[j]}")
        counts["bonds"] = len(m.bonds)
        pairs = m.pairs14()
    if m.bonds and pairs:
        L.append("")
        L.append("[ pairs ]")
        L.append("; all 1-4 pairs (shortest bond path exactly 3 bonds); LJ/QQ from gen-pairs and fudge factors")
        L.append(";  ai   aj  funct")
        for i, j in pairs:
            L.append(f"  {i + 1:4d} {j + 1:4d}  1   ; {m.names[i]}-{m.names[j]}")
        counts["pairs"] = len(pairs)
    angs = m.angles()
    if "angle_filter" in B:
        angs = [a for a in angs if B["angle_filter"](m, a)]
    if angs:
        L.append("")
        L.append("[ angles ]")
        L.append(";  ai   aj   ak  funct  theta0 (deg)  k (kJ/mol/rad2)")
        for i, j, k in angs:
            t = (m.typ(i), m.typ(j), m.typ(k))
            th, kth = B["angle_fn"](t) if "angle_fn" in B else lookup(B["angle"], t, "angle", m.name)
            L.append(f"  {i + 1:4d} {j + 1:4d} {k + 1:4d}  1   {th:9.3f}  {kth:10.4f}   ; "
                     f"{m.names[i]}-{m.names[j]}-{m.names[k]}")
        counts["angles"] = len(angs)
    props = m.propers()
    dlines, nzero, ntors = [], 0, 0
    for q in props:
        t = tuple(m.typ(x) for x in q)
        terms = B["dihedral_fn"](t) if "dihedral_fn" in B else lookup(B["dihedral"], t, "dihedral", m.name)
        if not terms:
            nzero += 1
            continue
        ntors += 1
        lab = "-".join(m.names[x] for x in q)
        for ph, k, nn in terms:
            dlines.append(f"  {q[0] + 1:4d} {q[1] + 1:4d} {q[2] + 1:4d} {q[3] + 1:4d}  9   {ph:6.1f} {k:10.5f}  {nn:d}   ; {lab}")
    imps = B.get("impropers", [])
    if dlines:
        L.append("")
        L.append("[ dihedrals ]")
        L.append("; proper torsions, periodic (func 9): V = k [1 + cos(n phi - phi_s)]; one line per cosine term")
        if nzero:
            L.append(f"; {nzero} torsions whose force-field term is exactly zero are omitted "
                     f"(their 1-4 pairs are still in [ pairs ])")
        L.append(";  ai   aj   ak   al  funct  phi_s   k (kJ/mol)  n")
        L += dlines
        counts["torsions"] = ntors
        counts["torsion_terms"] = len(dlines)
    if imps:
        L.append("")
        L.append("[ dihedrals ]")
        L.append("; impropers, periodic (func 4): V = k [1 + cos(n phi - phi_s)]")
        L.append(";  ai   aj   ak   al  funct  phi_s   k (kJ/mol)  n")
        for names, (ph, k, nn), com in imps:
            ids = [m.idx[x] + 1 for x in names]
            L.append(f"  {ids[0]:4d} {ids[1]:4d} {ids[2]:4d} {ids[3]:4d}  4   {ph:6.1f} {k:10.5f}  {nn:d}   ; "
                     f"{'-'.join(names)}: {com}")
        counts["impropers"] = len(imps)
    L.append("")
    with open(path, "w") as f:
        f.write("\n".join(L))
    return counts


def write_gro(m, path, box=3.0, title=None):
    xs = m.coords
    c = [sum(x[d] for x in xs) / len(xs) for d in range(3)]
    with open(path, "w") as f:
        f.write((title or f"{m.name} start geometry") + "\n")
        f.write(f"{len(xs):5d}\n")
        for i, (an, x) in enumerate(zip(m.names, xs)):
            f.write(f"{1:5d}{m.name:<5s}{an:>5s}{i + 1:5d}" +
                    "".join(f"{x[d] - c[d]:8.3f}" for d in range(3)) + "\n")
        f.write(f"{box:10.5f}{box:10.5f}{box:10.5f}\n")


def write_forcefield(outdir):
    with open(os.path.join(outdir, "forcefield.itp"), "w") as f:
        f.write("""; electrolyte.ff -- Sheath bundled force-field library for battery electrolytes
; GROMACS topology format; units nm, kJ/mol, degrees, e, amu.
; Generated by forcefields/tools/gen_electrolyte_ff.py; see forcefields/README.md.
;
; One global combining rule: Lorentz-Berthelot (comb-rule 2), as in AMBER/GAFF.
; The OPLS-family species (TFSI, PVDF, EC, PF6, NO3, DOL, DMC, DEC, EMC, FEC, SN, FSI,
; PVHFP) were parameterised with geometric mixing; using LB for them is a documented
; approximation (cross sigma changes <= ~2.2 %).
; The global fudge factors below are the AMBER ones. GROMACS applies them to every
; molecule; Sheath instead reads each molecule's [ sheath_fudge ] block (0.5/0.5 for
; the OPLS family), which is hidden from GROMACS by #ifdef SHEATH.

[ defaults ]
; nbfunc  comb-rule  gen-pairs  fudgeLJ  fudgeQQ
  1       2          yes        0.5      0.833333

#include "ffnonbonded.itp"
""")
    with open(os.path.join(outdir, "ffnonbonded.itp"), "w") as f:
        f.write("; ffnonbonded.itp -- atom types of electrolyte.ff (all species)\n")
        f.write("; Type names carry the species prefix so that no two families share a type.\n")
        f.write("; Charges are given per atom in the molecule files; the charge column here is 0.\n")
        f.write("; Li+/Zn2+ sigma/epsilon converted from AMBER Rmin/2 (A) and eps (kcal/mol):\n")
        f.write(";   sigma = 2*(Rmin/2)/2^(1/6)/10, epsilon = eps*4.184\n\n")
        f.write("[ atomtypes ]\n")
        f.write("; name       bond_type   at.num     mass      charge  ptype   sigma (nm)    epsilon (kJ/mol)\n")
        for name, z, mass, s, e, com in ATOMTYPES:
            f.write(f"  {name:<10s} {name:<10s} {z:4d}  {mass:9.4f}    0.0000   A    {s:.7f}    {e:.7f}   ; {com}\n")


def main():
    outdir = sys.argv[1]
    srcdir = sys.argv[2] if len(sys.argv) > 2 else "/work/shared/reference/forcefield-sources"
    startdir = sys.argv[3] if len(sys.argv) > 3 else outdir
    atoms, types, xyz, bonds = read_pvdf(srcdir)
    pv = Mol("PVDF", "PVDF oligomer H-(CH2-CF2)10-F, Byutner-Smith bonded + OPLS-AA LJ (Sahihi 2021)", "opls",
             [(a, t, PVDF_Q[t], None) for a, t in zip(atoms, types)],
             [(atoms[i], atoms[j]) for i, j in bonds], xyz)
    BONDED["PVDF"] = dict(bond_fn=pvdf_bond, angle_fn=pvdf_angle, dihedral_fn=pvdf_dihedral)
    mols = MOLS[:4] + [pv] + MOLS[4:] + new_species(srcdir)
    os.makedirs(outdir, exist_ok=True)
    os.makedirs(startdir, exist_ok=True)
    write_forcefield(outdir)
    for m in mols:
        m.neutral_note = neutralize(m)
        if m.neutral_note:
            print(m.name, m.neutral_note)
        c = write_itp(m, os.path.join(outdir, FILE_FOR[m.name] + ".itp"))
        write_gro(m, os.path.join(startdir, FILE_FOR[m.name] + ".start.gro"),
                  box=5.0 if m.name in ("PVDF", "PVHFP") else 3.0)
        print(m.name, len(m.atoms), c)


if __name__ == "__main__":
    main()
