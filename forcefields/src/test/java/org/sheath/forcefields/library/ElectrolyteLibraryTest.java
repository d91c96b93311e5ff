package org.sheath.forcefields.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sheath.forcefields.TopFiles;
import org.sheath.forcefields.coords.GroFile;
import org.sheath.forcefields.coords.Structure;
import org.sheath.forcefields.gromacs.GromacsTopologyReader;
import org.sheath.forcefields.gromacs.TextFile;
import org.sheath.forcefields.model.AtomType;
import org.sheath.forcefields.model.Interaction;
import org.sheath.forcefields.model.MoleculeType;
import org.sheath.forcefields.model.Pair;
import org.sheath.forcefields.model.TermKind;
import org.sheath.forcefields.model.Topology;
import org.sheath.forcefields.model.Units;

/**
 * Every bundled molecule: integral charge, complete parameters, 1-4 pairs equal to the bond graph's
 * and to the pairs GROMACS put in its run input, term counts equal to gmx grompp's (fixtures made by
 * src/test/resources/reference/gromacs/make_reference.sh).
 */
class ElectrolyteLibraryTest {
    static final Path REF = Path.of("src/test/resources/reference/gromacs");
    static final Path SHARED = Path.of("../../shared/reference/forcefield-sources");
    static final Map<String, Boolean> IONS = Map.of("LI", true, "ZN", true, "TFSI", true, "PF6", true, "NO3", true, "FSI", true);
    @TempDir Path dir;

    Topology load(String mol, Map<String, String> defines) {
        String top = "#include \"electrolyte.ff/forcefield.itp\"\n#include \"electrolyte.ff/" + mol.toLowerCase() + ".itp\"\n"
                + "[ system ]\n" + mol + "\n[ molecules ]\n" + mol + " 1\n";
        return GromacsTopologyReader.read(TopFiles.write(dir, mol + ".top", top),
                new GromacsTopologyReader.Options(List.of(), defines));
    }

    static Map<String, Map<String, Integer>> gromacsCounts() throws IOException {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        for (String line : Files.readAllLines(REF.resolve("counts.tsv"))) {
            String[] f = line.split("\t");
            if (f[0].equals("system")) continue;
            out.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], Integer.parseInt(f[2]));
        }
        return out;
    }

    /** Our term counts under GROMACS's interaction-function names (gmx dump). */
    static Map<String, Integer> ourCounts(MoleculeType m) {
        Map<String, Integer> c = new HashMap<>();
        c.put("BONDS", (int) m.count(TermKind.HARMONIC_BOND));
        c.put("ANGLES", (int) m.count(TermKind.HARMONIC_ANGLE));
        c.put("PDIHS", (int) m.count(TermKind.PERIODIC_PROPER));
        c.put("RBDIHS", (int) m.count(TermKind.RYCKAERT_BELLEMANS));
        c.put("FOURDIHS", (int) m.count(TermKind.FOURIER));
        c.put("IDIHS", (int) m.count(TermKind.HARMONIC_IMPROPER));
        c.put("PIDIHS", (int) m.count(TermKind.PERIODIC_IMPROPER));
        c.put("LJ14", m.pairs().size());
        return c;
    }

    static Set<String> pairSet(List<int[]> pairs) {
        Set<String> s = new TreeSet<>();
        for (int[] p : pairs) s.add(Math.min(p[0], p[1]) + 1 + " " + (Math.max(p[0], p[1]) + 1));
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"LI", "ZN", "TFSI", "DMF", "PVDF", "DME", "EC", "PF6", "NO3", "DOL", "DMC", "DEC", "EMC", "FEC", "SN", "FSI", "PVHFP"})
    void bundledMoleculeIsCompleteAndMatchesGromacs(String name) throws IOException {
        Topology top = load(name, Map.of());
        MoleculeType m = top.moleculeTypes().get(name);
        assertThat(m).as(name).isNotNull();

        double q = m.netCharge();
        assertThat(Math.abs(q - Math.rint(q))).as(name + " net charge %f", q).isLessThan(1e-6);
        assertThat(ourCounts(m)).as(name).isEqualTo(gromacsCounts().get("electrolyte_" + name));

        List<int[]> listed = new ArrayList<>();
        for (Pair p : m.pairs()) listed.add(new int[] {p.i(), p.j()});
        Set<String> fromGraph = pairSet(m.bondGraph().pairs14());
        assertThat(pairSet(listed)).as(name + " [ pairs ] vs bond graph").isEqualTo(fromGraph);
        Set<String> gromacs = new TreeSet<>();
        for (String l : Files.readAllLines(REF.resolve("pairs14/" + name + ".txt"))) if (!l.isBlank()) gromacs.add(l.strip().replaceAll("\\s+", " "));
        assertThat(fromGraph).as(name + " bond graph vs gmx dump").isEqualTo(gromacs);

        // every periodic term has an integral multiplicity and a finite force constant
        for (Interaction t : m.interactions()) for (double p : t.params()) assertThat(Double.isFinite(p)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"LI", "ZN", "TFSI", "PF6", "NO3", "FSI"})
    void ionChargesScaleBy08(String name) {
        double full = load(name, Map.of()).moleculeTypes().get(name).netCharge();
        double scaled = load(name, Map.of("CHARGE_SCALE_0_8", "")).moleculeTypes().get(name).netCharge();
        assertThat(scaled).isCloseTo(0.8 * full, within(1e-6));
        assertThat(Math.abs(full)).isGreaterThan(0.99);
    }

    @ParameterizedTest
    @ValueSource(strings = {"LI", "ZN", "TFSI", "DMF", "PVDF", "DME", "EC", "PF6", "NO3", "DOL", "DMC", "DEC", "EMC", "FEC", "SN", "FSI", "PVHFP"})
    void templateMatchesTopologyAndSitsNearEquilibrium(String name) {
        MoleculeType m = load(name, Map.of()).moleculeTypes().get(name);
        Path gro = dir.resolve(name + ".gro");
        try {
            Files.write(gro, TextFile.bundled("electrolyte.ff/" + name.toLowerCase() + ".gro").orElseThrow().readLines());
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
        Structure s = GroFile.read(gro);
        assertThat(s.natoms).isEqualTo(m.atomCount());
        for (int i = 0; i < s.natoms; i++) assertThat(s.atomName[i]).isEqualTo(m.atoms().get(i).name());
        for (Interaction b : m.interactions(TermKind.HARMONIC_BOND)) {
            int i = b.atoms()[0], j = b.atoms()[1];
            double r = Math.sqrt(Math.pow(s.x[i] - s.x[j], 2) + Math.pow(s.y[i] - s.y[j], 2) + Math.pow(s.z[i] - s.z[j], 2));
            assertThat(r).as(name + " bond " + (i + 1) + "-" + (j + 1)).isCloseTo(b.params()[0], within(0.05 * b.params()[0]));
        }
    }

    /** The species of issue #16: net charge exactly 0 (solvents, polymer) or -1 (FSI), to the written digits. */
    @ParameterizedTest
    @CsvSource({"DOL, 0", "DMC, 0", "DEC, 0", "EMC, 0", "FEC, 0", "SN, 0", "FSI, -1",
        "PVHFP, 0"})
    void newSpeciesHaveExactNetCharge(String name, int charge) {
        MoleculeType m = load(name, Map.of()).moleculeTypes().get(name);
        assertThat(m).as(name).isNotNull();
        assertThat(m.netCharge()).as(name).isCloseTo(charge, within(1e-9));
        assertThat(m.atoms().get(0).residueName()).as(name + " residue name").isEqualTo(name);
        if (charge != 0) {
            assertThat(load(name, Map.of("CHARGE_SCALE_0_8", "")).moleculeTypes().get(name).netCharge())
                    .isCloseTo(0.8 * charge, within(1e-9));
        }
    }

    @Test
    void oneMoleculeFamilyPerFudgeAndOneGlobalLorentzBerthelotRule() {
        assertThat(load("DMF", Map.of()).defaults().combiningRule().gromacsNumber()).isEqualTo(2);
        for (String amber : List.of("LI", "ZN", "DMF", "DME")) {
            MoleculeType m = load(amber, Map.of()).moleculeTypes().get(amber);
            assertThat(m.fudgeLJ()).isEqualTo(0.5);
            assertThat(m.fudgeQQ()).isCloseTo(1 / 1.2, within(1e-6));
        }
        for (String opls : List.of("TFSI", "PVDF", "EC", "PF6", "NO3", "DOL", "DMC", "DEC", "EMC", "FEC", "SN", "FSI", "PVHFP")) {
            MoleculeType m = load(opls, Map.of()).moleculeTypes().get(opls);
            assertThat(m.fudgeLJ()).isEqualTo(0.5);
            assertThat(m.fudgeQQ()).isEqualTo(0.5);
        }
    }

    @Test
    void ionParametersAreTheLiMerzIodSetsConverted() {
        AtomType li = load("LI", Map.of()).atomTypes().get("li_Li");
        // Li/Merz 2015 12-6 IOD: Rmin/2 1.315 Å, ε 0.00594975 kcal/mol (written to 7 decimals)
        assertThat(li.v()).isCloseTo(Units.sigmaFromRminHalf(1.315), within(5e-8));
        assertThat(li.w()).isCloseTo(Units.kcalToKj(0.00594975), within(5e-8));
        AtomType zn = load("ZN", Map.of()).atomTypes().get("zn_Zn");
        // Li/Merz 2013 12-6 IOD (TIP3P): Rmin/2 1.395 Å, ε 0.01491700 kcal/mol
        assertThat(zn.v()).isCloseTo(Units.sigmaFromRminHalf(1.395), within(5e-8));
        assertThat(zn.w()).isCloseTo(Units.kcalToKj(0.014917), within(5e-8));
    }

    @Test
    void referenceTopologiesReadWithGrompsCounts() throws IOException {
        Map<String, Map<String, Integer>> counts = gromacsCounts();
        Topology dmf = GromacsTopologyReader.read(SHARED.resolve("freesolv-gaff-am1bcc/mobley_8011706.top"));
        assertThat(ourCounts(dmf.moleculeTypes().get("MOL"))).isEqualTo(counts.get("freesolv_DMF"));
        Topology tfsi = GromacsTopologyReader.read(REF.resolve("opls2009il_tfsi.top"),
                new GromacsTopologyReader.Options(List.of(SHARED.resolve("opls2009il-acevedo")), Map.of()));
        assertThat(ourCounts(tfsi.moleculeTypes().get("NSC"))).isEqualTo(counts.get("opls2009il_TFSI"));
    }
}
