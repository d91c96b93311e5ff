package org.sheath.forcefields.amber;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small prmtops for tests: sections in insertion order, formatted as tleap does
 * (10I8, 5E16.8, 20a4). Sections can be replaced or removed to make malformed files.
 */
final class MiniPrmtop {
    private final Map<String, String> sections = new LinkedHashMap<>();

    MiniPrmtop ints(String flag, int... v) {
        StringBuilder sb = new StringBuilder("%FLAG " + flag + "\n%FORMAT(10I8)\n");
        for (int k = 0; k < v.length; k++) {
            sb.append(String.format("%8d", v[k]));
            if (k % 10 == 9 || k == v.length - 1) sb.append('\n');
        }
        if (v.length == 0) sb.append('\n');
        sections.put(flag, sb.toString());
        return this;
    }

    MiniPrmtop doubles(String flag, double... v) {
        StringBuilder sb = new StringBuilder("%FLAG " + flag + "\n%FORMAT(5E16.8)\n");
        for (int k = 0; k < v.length; k++) {
            sb.append(String.format(java.util.Locale.ROOT, "%16.8E", v[k]));
            if (k % 5 == 4 || k == v.length - 1) sb.append('\n');
        }
        if (v.length == 0) sb.append('\n');
        sections.put(flag, sb.toString());
        return this;
    }

    MiniPrmtop strings(String flag, String... v) {
        StringBuilder sb = new StringBuilder("%FLAG " + flag + "\n%FORMAT(20a4)\n");
        for (int k = 0; k < v.length; k++) {
            sb.append(String.format("%-4s", v[k]));
            if (k % 20 == 19 || k == v.length - 1) sb.append('\n');
        }
        if (v.length == 0) sb.append('\n');
        sections.put(flag, sb.toString());
        return this;
    }

    MiniPrmtop remove(String flag) {
        sections.remove(flag);
        return this;
    }

    Path write(Path dir, String name) throws IOException {
        StringBuilder sb = new StringBuilder("%VERSION  VERSION_STAMP = V0001.000  DATE = 01/01/25  00:00:00\n");
        for (String s : sections.values()) sb.append(s);
        Path p = dir.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }

    /**
     * Water, water, Li+, water (10 atoms): 3 LJ types (OW, HW with zero LJ, LI), Lorentz–Berthelot-like
     * table, O–H bonds and H–O–H angles "with hydrogen", cubic 30 Å box.
     */
    static MiniPrmtop watersAndIon() {
        int natom = 10;
        String[] names = {"O", "H1", "H2", "O", "H1", "H2", "LI", "O", "H1", "H2"};
        String[] types = {"OW", "HW", "HW", "OW", "HW", "HW", "Li+", "OW", "HW", "HW"};
        int[] typeIndex = {1, 2, 2, 1, 2, 2, 3, 1, 2, 2};
        double[] q = {-0.834, 0.417, 0.417, -0.834, 0.417, 0.417, 1.0, -0.834, 0.417, 0.417};
        double[] qAmber = new double[natom];
        for (int i = 0; i < natom; i++) qAmber[i] = q[i] * PrmtopReader.CHARGE_UNIT;
        double[] mass = {16.0, 1.008, 1.008, 16.0, 1.008, 1.008, 6.94, 16.0, 1.008, 1.008};
        List<Integer> bonds = new ArrayList<>(), angles = new ArrayList<>();
        for (int o : new int[] {0, 3, 7}) {
            bonds.addAll(List.of(3 * o, 3 * (o + 1), 1, 3 * o, 3 * (o + 2), 1));
            angles.addAll(List.of(3 * (o + 1), 3 * o, 3 * (o + 2), 1));
        }
        MiniPrmtop m = new MiniPrmtop();
        m.strings("TITLE", "mini");
        //          NATOM NTYPES NBONH MBONA NTHETH MTHETA NPHIH MPHIA NHPARM NPARM
        m.ints("POINTERS", natom, 3, 6, 0, 3, 0, 0, 0, 0, 0,
                // NNB NRES NBONA NTHETA NPHIA NUMBND NUMANG NPTRA NATYP NPHB
                13, 4, 0, 0, 0, 1, 1, 0, 3, 0,
                // IFPERT NBPER NGPER NDPER MBPER MGPER MDPER IFBOX NMXRS IFCAP
                0, 0, 0, 0, 0, 0, 0, 1, 3, 0,
                0);
        m.strings("ATOM_NAME", names);
        m.doubles("CHARGE", qAmber);
        m.ints("ATOMIC_NUMBER", 8, 1, 1, 8, 1, 1, 3, 8, 1, 1);
        m.doubles("MASS", mass);
        m.ints("ATOM_TYPE_INDEX", typeIndex);
        //                               O: H1 H2  H1: H2  H2: none
        m.ints("NUMBER_EXCLUDED_ATOMS", 2, 1, 1, 2, 1, 1, 1, 2, 1, 1);
        m.ints("NONBONDED_PARM_INDEX", 1, 2, 4, 2, 3, 5, 4, 5, 6);
        m.strings("RESIDUE_LABEL", "WAT", "WAT", "LI", "WAT");
        m.ints("RESIDUE_POINTER", 1, 4, 7, 8);
        m.doubles("BOND_FORCE_CONSTANT", 553.0);
        m.doubles("BOND_EQUIL_VALUE", 0.9572);
        m.doubles("ANGLE_FORCE_CONSTANT", 100.0);
        m.doubles("ANGLE_EQUIL_VALUE", Math.toRadians(104.52));
        m.doubles("DIHEDRAL_FORCE_CONSTANT");
        m.doubles("DIHEDRAL_PERIODICITY");
        m.doubles("DIHEDRAL_PHASE");
        m.doubles("SCEE_SCALE_FACTOR");
        m.doubles("SCNB_SCALE_FACTOR");
        m.doubles("SOLTY", 0, 0, 0);
        // OW: rmin/2 1.7683 Å, eps 0.1520; LI: rmin/2 1.025 Å, eps 0.0279896; HW zero; LB-combined A, B
        double[] r = {1.7683, 0, 1.025}, e = {0.1520, 0, 0.0279896};
        double[] a = new double[6], b = new double[6];
        int k = 0;
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i <= j; i++, k++) {
                double rij = r[i] + r[j], eij = Math.sqrt(e[i] * e[j]);
                a[k] = eij * Math.pow(rij, 12);
                b[k] = 2 * eij * Math.pow(rij, 6);
            }
        }
        m.doubles("LENNARD_JONES_ACOEF", a);
        m.doubles("LENNARD_JONES_BCOEF", b);
        m.ints("BONDS_INC_HYDROGEN", bonds.stream().mapToInt(Integer::intValue).toArray());
        m.ints("BONDS_WITHOUT_HYDROGEN");
        m.ints("ANGLES_INC_HYDROGEN", angles.stream().mapToInt(Integer::intValue).toArray());
        m.ints("ANGLES_WITHOUT_HYDROGEN");
        m.ints("DIHEDRALS_INC_HYDROGEN");
        m.ints("DIHEDRALS_WITHOUT_HYDROGEN");
        m.ints("EXCLUDED_ATOMS_LIST", 2, 3, 3, 0, 5, 6, 6, 0, 0, 9, 10, 10, 0);
        m.doubles("HBOND_ACOEF");
        m.doubles("HBOND_BCOEF");
        m.doubles("HBCUT");
        m.strings("AMBER_ATOM_TYPE", types);
        m.ints("SOLVENT_POINTERS", 4, 4, 1);
        m.ints("ATOMS_PER_MOLECULE", 3, 3, 1, 3);
        m.doubles("BOX_DIMENSIONS", 90.0, 30.0, 30.0, 30.0);
        m.ints("IPOL", 0);
        return m;
    }
}
