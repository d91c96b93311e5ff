package org.sheath.analysis.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sheath.forcefields.InputException;
import org.sheath.forcefields.TopologyFiles;
import org.sheath.forcefields.coords.Structure;
import org.sheath.forcefields.coords.StructureFiles;
import org.sheath.forcefields.gromacs.GromacsTopologyReader;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.TermKind;

/**
 * What the analyses know about the atoms: names, residues, molecules, types, elements, masses and
 * (when a topology gives them) bonds. Atom indices are 0-based and match the trajectory's.
 *
 * <p>Residues are numbered {@link #resid} as in the source (a .top numbers them through the whole
 * system from 1; a .gro/.pdb as written in the file) and indexed {@link #residueIndex} 0, 1, 2, … in
 * order of appearance. Molecules come from the topology; a coordinate file has none, so each residue
 * is taken to be one molecule, with the residue name as its molecule type.
 */
public final class Universe {
    public final int natoms;
    public final String[] atomName;
    public final String[] residueName;
    public final int[] resid;
    public final int[] residueIndex;
    public final int[] molecule;
    /** First atom of molecule m; moleculeStart[moleculeCount] = natoms. */
    public final int[] moleculeStart;
    /** Molecule type name of each molecule. */
    public final String[] moleculeType;
    /** LJ/force-field atom type names, or null when the source has none (.gro, .pdb). */
    public final String[] type;
    public final String[] element;
    /** Masses (amu): from the topology, else from the element. */
    public final double[] mass;
    /** Bond graph as CSR (both directions), or null when unknown. */
    public final int[] bondOffsets, bondAtoms;
    /** Where the universe came from, for messages. */
    public final String source;

    public Universe(String source, String[] atomName, String[] residueName, int[] resid, int[] molecule,
                    String[] moleculeType, String[] type, String[] element, double[] mass, int[][] bonds) {
        this.source = source;
        this.natoms = atomName.length;
        this.atomName = atomName;
        this.residueName = residueName;
        this.resid = resid;
        this.molecule = molecule;
        this.type = type;
        this.moleculeType = moleculeType;
        int nmol = moleculeType.length;
        moleculeStart = new int[nmol + 1];
        Arrays.fill(moleculeStart, -1);
        for (int i = natoms - 1; i >= 0; i--) moleculeStart[molecule[i]] = i;
        moleculeStart[nmol] = natoms;
        for (int m = 0; m < nmol; m++) {
            if (moleculeStart[m] < 0) throw new IllegalArgumentException("molecule " + m + " has no atoms");
            if (m > 0 && moleculeStart[m] < moleculeStart[m - 1]) throw new IllegalArgumentException("molecules must be contiguous");
        }
        residueIndex = new int[natoms];
        int r = -1;
        for (int i = 0; i < natoms; i++) {
            if (i == 0 || resid[i] != resid[i - 1] || molecule[i] != molecule[i - 1] || !residueName[i].equals(residueName[i - 1])) r++;
            residueIndex[i] = r;
        }
        this.element = new String[natoms];
        this.mass = new double[natoms];
        // a system repeats a few molecule types many times: guess each (name, residue, mass) once
        // (Elements.guess per atom was most of the topology load time for ~20k atoms)
        java.util.HashMap<String, String> guessed = new java.util.HashMap<>();
        for (int i = 0; i < natoms; i++) {
            double m = mass != null ? mass[i] : Double.NaN;
            String e;
            if (element != null && element[i] != null && !element[i].isBlank()) {
                e = normalizeElement(element[i]);
            } else {
                String key = atomName[i] + '\u0000' + residueName[i] + '\u0000' + Double.doubleToLongBits(m);
                e = guessed.get(key);
                if (e == null) {
                    e = Elements.guess(atomName[i], residueName[i], m);
                    guessed.put(key, e);
                }
            }
            this.element[i] = e;
            this.mass[i] = m > 0 ? m : Elements.mass(e);
        }
        if (bonds == null) {
            bondOffsets = null;
            bondAtoms = null;
        } else {
            bondOffsets = new int[natoms + 1];
            for (int[] b : bonds) {
                bondOffsets[b[0] + 1]++;
                bondOffsets[b[1] + 1]++;
            }
            for (int i = 0; i < natoms; i++) bondOffsets[i + 1] += bondOffsets[i];
            bondAtoms = new int[bondOffsets[natoms]];
            int[] fill = Arrays.copyOf(bondOffsets, natoms);
            for (int[] b : bonds) {
                bondAtoms[fill[b[0]]++] = b[1];
                bondAtoms[fill[b[1]]++] = b[0];
            }
        }
    }

    private static String normalizeElement(String e) {
        String s = e.trim();
        return s.length() == 1 ? s.toUpperCase(Locale.ROOT) : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    public int moleculeCount() {
        return moleculeType.length;
    }

    public int residueCount() {
        return natoms == 0 ? 0 : residueIndex[natoms - 1] + 1;
    }

    public boolean hasBonds() {
        return bondOffsets != null;
    }

    /** From a flattened topology (GROMACS or AMBER). */
    public static Universe of(FlatTopology t, String source) {
        String[] types = new String[t.natoms];
        for (int i = 0; i < t.natoms; i++) types[i] = t.typeNames[t.type[i]];
        List<int[]> bonds = new ArrayList<>();
        for (FlatTopology.Terms terms : t.terms.values()) {
            TermKind k = terms.kind();
            if (!k.isChemicalBond()) continue;
            int a = k.atomCount();
            for (int n = 0; n < terms.count(); n++) {
                int i0 = terms.atoms()[n * a];
                for (int q = 1; q < a; q++) bonds.add(new int[] {i0, terms.atoms()[n * a + q]});
            }
        }
        return new Universe(source, t.atomName, t.residueName, t.residueNumber, t.molecule, t.moleculeName, types,
                null, t.mass, bonds.toArray(new int[0][]));
    }

    /** From a coordinate file: each residue is a molecule. */
    public static Universe of(Structure s, String source) {
        int[] mol = new int[s.natoms];
        List<String> molType = new ArrayList<>();
        for (int i = 0; i < s.natoms; i++) {
            if (i == 0 || s.residueNumber[i] != s.residueNumber[i - 1] || !s.residueName[i].equals(s.residueName[i - 1])) {
                molType.add(s.residueName[i]);
            }
            mol[i] = molType.size() - 1;
        }
        for (int i = 0; i < s.natoms; i++) {
            if (s.atomName[i].isEmpty()) {
                throw new InputException(source, 0, "has no atom names (AMBER coordinates?); give the topology "
                        + "(.prmtop or .top) with -s instead");
            }
        }
        return new Universe(source, s.atomName, s.residueName, s.residueNumber, mol, molType.toArray(new String[0]),
                null, s.element, null, null);
    }

    /**
     * Reads a topology (.top, .itp, .prmtop, .parm7) or a structure (.gro, .pdb).
     *
     * @throws InputException for unknown formats and malformed files
     */
    public static Universe load(Path file, GromacsTopologyReader.Options options) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".top") || n.endsWith(".itp") || n.endsWith(".prmtop") || n.endsWith(".parm7") || n.endsWith(".top7")) {
            return of(FlatTopology.of(TopologyFiles.read(file, options)), file.toString());
        }
        if (n.endsWith(".gro") || n.endsWith(".pdb") || n.endsWith(".ent")) {
            if (!java.nio.file.Files.isRegularFile(file)) throw new InputException(file.toString(), 0, "file not found");
            return of(StructureFiles.read(file), file.toString());
        }
        throw new InputException(file.toString(), 0, "unknown topology format; use a GROMACS .top/.itp, an AMBER "
                + ".prmtop, or a .gro/.pdb structure");
    }

    public static Universe load(Path file) {
        return load(file, GromacsTopologyReader.Options.DEFAULT);
    }
}
