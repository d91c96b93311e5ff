package org.sheath.forcefields.amber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheath.forcefields.InputException;
import org.sheath.forcefields.gromacs.GromacsTopologyReader;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.Interaction;
import org.sheath.forcefields.model.LennardJones;
import org.sheath.forcefields.model.MoleculeBlock;
import org.sheath.forcefields.model.MoleculeType;
import org.sheath.forcefields.model.Pair;
import org.sheath.forcefields.model.TermKind;
import org.sheath.forcefields.model.Topology;

class PrmtopReaderTest {
    @TempDir
    Path tmp;

    /** The shared reference sources live next to the project root (../shared/...). */
    static Path source(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("forcefields/pom.xml"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("project root (forcefields/pom.xml) not found above " + Path.of("").toAbsolutePath());
        Path p = dir.resolve("../shared/reference/forcefield-sources/tfsi-gaff-resp-matsumoto").resolve(name).normalize();
        // CI has ../shared next to the repository (the README says so): a missing file is a failure, not a skip
        if (!Files.exists(p)) throw new IllegalStateException("reference file " + p + " not present (../shared is needed by the tests)");
        return p;
    }

    static Properties reference() throws IOException {
        Properties p = new Properties();
        try (InputStream in = PrmtopReaderTest.class.getResourceAsStream("/reference/amber/tf2n_reference.properties")) {
            p.load(in);
        }
        return p;
    }

    static double ref(Properties p, String key) {
        return Double.parseDouble(p.getProperty(key));
    }

    // ---------------------------------------------------------------- real file: TFSI (GAFF + RESP)

    @Test
    void tfsiCountsChargesMassesMatchPointersAndParmEd() throws IOException {
        Path prmtop = source("tf2n_AC.prmtop");
        Topology top = PrmtopReader.read(prmtop);
        Properties ref = reference();
        int[] ptr = PrmtopFile.read(prmtop).ints("POINTERS", -1, "");

        assertThat(top.atomCount()).isEqualTo(15).isEqualTo(ptr[0]).isEqualTo((int) ref(ref, "atoms"));
        assertThat(top.molecules()).containsExactly(new MoleculeBlock("RES", 1, top.molecules().get(0).source()));
        MoleculeType mt = top.moleculeTypes().get("RES");
        assertThat(mt.count(TermKind.HARMONIC_BOND)).isEqualTo(ptr[2] + ptr[3]).isEqualTo((long) ref(ref, "bonds"));
        assertThat(mt.count(TermKind.HARMONIC_ANGLE)).isEqualTo(ptr[4] + ptr[5]).isEqualTo((long) ref(ref, "angles"));
        assertThat(mt.count(TermKind.PERIODIC_PROPER)).isEqualTo(27).isEqualTo((long) ref(ref, "dihedrals.proper"));
        assertThat(mt.count(TermKind.PERIODIC_IMPROPER)).isEqualTo((long) ref(ref, "dihedrals.improper")).isZero();
        assertThat(mt.pairs()).hasSize((int) ref(ref, "pairs14")).hasSize(24);

        assertThat(top.netCharge()).isCloseTo(ref(ref, "charge.total"), within(1e-12));
        assertThat(mt.atoms().get(0).charge()).isEqualTo(1.01079098E+01 / 18.2223);
        assertThat(mt.mass()).isCloseTo(ref(ref, "mass.total"), within(1e-9));
        assertThat(mt.atoms().get(4).mass()).isEqualTo(32.06);
        assertThat(mt.atoms().get(7).name()).isEqualTo("N");
        assertThat(mt.atoms().get(7).type()).isEqualTo("ne");
        assertThat(top.atomTypes().get("ne").atomicNumber()).isEqualTo(7);
        assertThat(top.systemName()).isEqualTo("tf2n.pdb");
        // 1-4 scaling from SCEE/SCNB = 1.2/2.0
        assertThat(mt.fudgeQQ()).isEqualTo(1 / 1.2);
        assertThat(mt.fudgeLJ()).isEqualTo(0.5);
        assertThat(mt.explicitExclusions()).isEmpty();
    }

    @Test
    void tfsiUnitConversionsByHand() {
        MoleculeType mt = PrmtopReader.read(source("tf2n_AC.prmtop")).moleculeTypes().get("RES");
        // BONDS_WITHOUT_HYDROGEN first entry "0 9 1": atoms 1-4, K = 356.9 kcal/mol/Å², r0 = 1.3497 Å
        Interaction bond = find(mt, TermKind.HARMONIC_BOND, 0, 3);
        assertThat(bond.params()[0]).isCloseTo(0.13497, within(1e-15));
        assertThat(bond.params()[1]).isCloseTo(836.8 * 356.9, within(1e-8));
        // ANGLES_WITHOUT_HYDROGEN first entry "0 12 21 1": atoms 1-5-8, K = 16.3, θ0 = 1.88827253 rad
        Interaction angle = find(mt, TermKind.HARMONIC_ANGLE, 0, 4, 7);
        assertThat(angle.params()[0]).isCloseTo(1.88827253 * 180 / Math.PI, within(1e-12));
        assertThat(angle.params()[1]).isCloseTo(2 * 4.184 * 16.3, within(1e-12));
        // DIHEDRALS_WITHOUT_HYDROGEN "12 21 24 33 3" and "12 21 -24 33 4": atoms 5-8-9-12, two terms
        List<Interaction> t = mt.interactions(TermKind.PERIODIC_PROPER).stream()
                .filter(d -> java.util.Arrays.equals(d.atoms(), new int[] {4, 7, 8, 11})).toList();
        assertThat(t).hasSize(2);
        assertThat(t.get(0).params()).containsExactly(new double[] {3.141594 * 180 / Math.PI, 6.8 * 4.184, 1}, within(1e-9));
        assertThat(t.get(1).params()).containsExactly(new double[] {3.141594 * 180 / Math.PI, 0.5 * 4.184, 3}, within(1e-9));
    }

    @Test
    void tfsiLennardJonesReproducesEveryTableEntry() {
        Path prmtop = source("tf2n_AC.prmtop");
        Topology top = PrmtopReader.read(prmtop);
        PrmtopFile pf = PrmtopFile.read(prmtop);
        // c3 (LJ type 1) with f (LJ type 2): NONBONDED_PARM_INDEX[0*5+1] = 2 → A = 4.68919175E+05, B = 3.91440521E+02
        LennardJones cf = top.lj("c3", "f");
        assertThat(cf.c12()).isCloseTo(4.68919175E+05 * 4.184e-12, within(1e-20));
        assertThat(cf.c6()).isCloseTo(3.91440521E+02 * 4.184e-6, within(1e-16));
        // every pair of atoms: the model gives exactly the converted table entry
        int[] idx = pf.ints("ATOM_TYPE_INDEX", -1, "");
        int[] nb = pf.ints("NONBONDED_PARM_INDEX", -1, "");
        double[] a = pf.doubles("LENNARD_JONES_ACOEF", -1, ""), b = pf.doubles("LENNARD_JONES_BCOEF", -1, "");
        List<org.sheath.forcefields.model.Atom> atoms = top.moleculeTypes().get("RES").atoms();
        for (int i = 0; i < atoms.size(); i++) {
            for (int j = 0; j < atoms.size(); j++) {
                int k = nb[(idx[i] - 1) * 5 + idx[j] - 1] - 1;
                LennardJones lj = top.lj(atoms.get(i).type(), atoms.get(j).type());
                assertThat(lj.c12()).isEqualTo(a[k] * 4.184 * 1e-12);
                assertThat(lj.c6()).isEqualTo(b[k] * 4.184 * 1e-6);
            }
        }
        // s6 and sy share LJ type 3: two atom types with the same parameters
        assertThat(top.lj("s6", "sy")).isEqualTo(top.lj("s6", "s6"));
        // LB table is not geometric in C6/C12: overrides exist, rule 1 types carry the diagonal
        assertThat(top.nonbondOverrides()).isNotEmpty();
        assertThat(top.atomTypes().get("f").v()).isEqualTo(2.24268406E+02 * 4.184e-6);
    }

    @Test
    void tfsiPairsAreTheBondGraphOneFourSetScaled() {
        Topology top = PrmtopReader.read(source("tf2n_AC.prmtop"));
        MoleculeType mt = top.moleculeTypes().get("RES");
        Set<List<Integer>> fromGraph = new HashSet<>(), fromReader = new HashSet<>();
        for (int[] p : mt.bondGraph().pairs14()) fromGraph.add(List.of(p[0], p[1]));
        for (Pair p : mt.pairs()) {
            assertThat(p.i()).isLessThan(p.j());
            assertThat(fromReader.add(List.of(p.i(), p.j()))).isTrue();
            assertThat(p.fudgeQQ()).isEqualTo(1 / 1.2);
            assertThat(p.lj()).isEqualTo(top.lj(mt.atoms().get(p.i()).type(), mt.atoms().get(p.j()).type()).scaled(0.5));
        }
        assertThat(fromReader).isEqualTo(fromGraph);
    }

    @Test
    void tfsiExclusionsEqualThePrmtopList() {
        Path prmtop = source("tf2n_AC.prmtop");
        FlatTopology flat = FlatTopology.of(PrmtopReader.read(prmtop));
        PrmtopFile pf = PrmtopFile.read(prmtop);
        int[] n = pf.ints("NUMBER_EXCLUDED_ATOMS", -1, ""), list = pf.ints("EXCLUDED_ATOMS_LIST", -1, "");
        Set<List<Integer>> listed = new HashSet<>();
        int pos = 0;
        for (int i = 0; i < n.length; i++) {
            for (int k = 0; k < n[i]; k++) if (list[pos + k] > 0) listed.add(List.of(i, list[pos + k] - 1));
            pos += n[i];
        }
        Set<List<Integer>> model = new HashSet<>();
        for (int i = 0; i < flat.natoms; i++) {
            for (int k = flat.exclOffsets[i]; k < flat.exclOffsets[i + 1]; k++) model.add(List.of(i, flat.exclAtoms[k]));
        }
        assertThat(model).isEqualTo(listed).hasSize(63);
    }

    /** Energies of the inpcrd geometry from the flat topology against OpenMM (via ParmEd), vacuum, no cut-off. */
    @Test
    void tfsiEnergiesMatchOpenMM() throws IOException {
        FlatTopology f = FlatTopology.of(PrmtopReader.read(source("tf2n_AC.prmtop")));
        AmberCoordinates.Result c = AmberCoordinates.read(source("tf2n_AC.inpcrd"));
        Properties ref = reference();
        double[][] x = new double[f.natoms][];
        for (int i = 0; i < f.natoms; i++) x[i] = new double[] {c.x()[i], c.y()[i], c.z()[i]};

        double eb = 0;
        FlatTopology.Terms b = f.terms(TermKind.HARMONIC_BOND);
        for (int k = 0; k < b.count(); k++) {
            double r = dist(x[b.atoms()[2 * k]], x[b.atoms()[2 * k + 1]]);
            eb += 0.5 * b.params()[2 * k + 1] * sq(r - b.params()[2 * k]);
        }
        double ea = 0;
        FlatTopology.Terms a = f.terms(TermKind.HARMONIC_ANGLE);
        for (int k = 0; k < a.count(); k++) {
            double th = angle(x[a.atoms()[3 * k]], x[a.atoms()[3 * k + 1]], x[a.atoms()[3 * k + 2]]);
            ea += 0.5 * a.params()[2 * k + 1] * sq(th - Math.toRadians(a.params()[2 * k]));
        }
        double ed = 0;
        FlatTopology.Terms d = f.terms(TermKind.PERIODIC_PROPER);
        for (int k = 0; k < d.count(); k++) {
            int[] at = d.atoms();
            double phi = dihedral(x[at[4 * k]], x[at[4 * k + 1]], x[at[4 * k + 2]], x[at[4 * k + 3]]);
            double[] p = d.params();
            ed += p[3 * k + 1] * (1 + Math.cos(p[3 * k + 2] * phi - Math.toRadians(p[3 * k])));
        }
        final double ke = 138.93545764438198; // OpenMM 7.7 ONE_4PI_EPS0 (CODATA 2018), kJ/mol·nm/e²
        double c14 = 0, lj14 = 0;
        for (int k = 0; k < f.npairs; k++) {
            double r = dist(x[f.pairI[k]], x[f.pairJ[k]]);
            c14 += ke * f.pairQQ[k] / r;
            lj14 += f.pairC12[k] / Math.pow(r, 12) - f.pairC6[k] / Math.pow(r, 6);
        }
        double coul = 0, lj = 0;
        for (int i = 0; i < f.natoms; i++) {
            for (int j = i + 1; j < f.natoms; j++) {
                if (f.isExcluded(i, j)) continue;
                double r = dist(x[i], x[j]);
                int t = f.type[i] * f.ntypes + f.type[j];
                coul += ke * f.charge[i] * f.charge[j] / r;
                lj += f.c12[t] / Math.pow(r, 12) - f.c6[t] / Math.pow(r, 6);
            }
        }
        // OpenMM stores LJ as σ/ε and the torsion phase in float64 from the same prmtop: agreement ~1e-9 relative
        assertThat(eb).isCloseTo(ref(ref, "openmm.HarmonicBondForce"), within(1e-8));
        assertThat(ea).isCloseTo(ref(ref, "openmm.HarmonicAngleForce"), within(1e-8));
        assertThat(ed).isCloseTo(ref(ref, "openmm.PeriodicTorsionForce"), within(1e-8));
        assertThat(c14).isCloseTo(ref(ref, "openmm.nonbonded.coulomb14"), within(1e-8));
        assertThat(lj14).isCloseTo(ref(ref, "openmm.nonbonded.lj14"), within(1e-8));
        assertThat(coul).isCloseTo(ref(ref, "openmm.nonbonded.coulomb"), within(1e-8));
        assertThat(lj).isCloseTo(ref(ref, "openmm.nonbonded.lj"), within(1e-8));
    }

    /** ParmEd's own GROMACS export of the same prmtop, read by Sheath's GROMACS reader, agrees term by term. */
    @Test
    void tfsiAgreesWithParmEdGromacsExport() throws Exception {
        Topology amber = PrmtopReader.read(source("tf2n_AC.prmtop"));
        Path top = Path.of(PrmtopReaderTest.class.getResource("/reference/amber/tf2n_parmed.top").toURI());
        Topology gmx = GromacsTopologyReader.read(top);
        FlatTopology fa = FlatTopology.of(amber), fg = FlatTopology.of(gmx);
        assertThat(fa.natoms).isEqualTo(fg.natoms);
        for (int i = 0; i < fa.natoms; i++) {
            assertThat(fa.charge[i]).isCloseTo(fg.charge[i], within(1e-8)); // .top prints 8 decimals
            assertThat(fa.mass[i]).isEqualTo(fg.mass[i]);
            assertThat(fa.atomName[i]).isEqualTo(fg.atomName[i]);
            for (int j = 0; j < fa.natoms; j++) {
                assertThat(fa.isExcluded(i, j)).isEqualTo(fg.isExcluded(i, j));
                double c6a = fa.c6[fa.type[i] * fa.ntypes + fa.type[j]], c6g = fg.c6[fg.type[i] * fg.ntypes + fg.type[j]];
                assertThat(c6a).isCloseTo(c6g, within(1e-6 * c6g));
            }
        }
        for (TermKind k : new TermKind[] {TermKind.HARMONIC_BOND, TermKind.HARMONIC_ANGLE}) {
            assertThat(fa.terms(k).count()).isEqualTo(fg.terms(k).count());
        }
        assertThat(fa.terms(TermKind.PERIODIC_PROPER).count()).isEqualTo(fg.terms(TermKind.PERIODIC_PROPER).count());
        assertThat(fa.npairs).isEqualTo(fg.npairs);
    }

    // ---------------------------------------------------------------- synthetic files

    @Test
    void splitsIntoMoleculeTypesTimesCounts() throws IOException {
        PrmtopReader.Result r = PrmtopReader.load(MiniPrmtop.watersAndIon().write(tmp, "mini.prmtop"));
        Topology top = r.topology();
        assertThat(top.molecules()).extracting(MoleculeBlock::name, MoleculeBlock::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("WAT", 2), org.assertj.core.groups.Tuple.tuple("LI", 1),
                        org.assertj.core.groups.Tuple.tuple("WAT", 1));
        assertThat(top.moleculeTypes()).containsOnlyKeys("WAT", "LI");
        MoleculeType wat = top.moleculeTypes().get("WAT");
        assertThat(wat.atomCount()).isEqualTo(3);
        assertThat(wat.count(TermKind.HARMONIC_BOND)).isEqualTo(2);
        assertThat(wat.count(TermKind.HARMONIC_ANGLE)).isEqualTo(1);
        assertThat(wat.atoms().get(0).residueNumber()).isEqualTo(1);
        assertThat(wat.netCharge()).isCloseTo(0, within(1e-12));
        assertThat(top.netCharge()).isCloseTo(1, within(1e-12));
        assertThat(top.atomCount()).isEqualTo(10);
        // water's HW has zero LJ; LI–OW is an LB (non-geometric) entry → override
        assertThat(top.lj("HW", "OW")).isEqualTo(LennardJones.ZERO);
        double eij = Math.sqrt(0.1520 * 0.0279896), rij = 1.7683 + 1.025;
        assertThat(top.lj("OW", "Li+").c6()).isCloseTo(2 * eij * Math.pow(rij, 6) * 4.184e-6, within(1e-12));
        // box: 30 Å cube
        assertThat(r.box()).containsExactly(3, 0, 0, 0, 3, 0, 0, 0, 3);
        FlatTopology flat = FlatTopology.of(top);
        assertThat(flat.isExcluded(1, 2)).isTrue();
        assertThat(flat.isExcluded(2, 3)).isFalse();
        assertThat(flat.moleculeCount()).isEqualTo(4);
    }

    @Test
    void sameResidueNameDifferentContentGetsUniqueNames() throws IOException {
        MiniPrmtop m = MiniPrmtop.watersAndIon();
        m.strings("RESIDUE_LABEL", "WAT", "WAT", "WAT", "WAT");
        Topology top = PrmtopReader.read(m.write(tmp, "same-names.prmtop"));
        assertThat(top.molecules()).extracting(MoleculeBlock::name).containsExactly("WAT", "WAT_2", "WAT");
    }

    @Test
    void extraExclusionsBecomeExplicit() throws IOException {
        MiniPrmtop m = MiniPrmtop.watersAndIon();
        // the Li+ (atom 7) excludes the following water's O (atom 8): one molecule Li+·water with one explicit exclusion
        m.ints("NUMBER_EXCLUDED_ATOMS", 2, 1, 1, 2, 1, 1, 1, 2, 1, 1);
        m.ints("EXCLUDED_ATOMS_LIST", 2, 3, 3, 0, 5, 6, 6, 0, 8, 9, 10, 10, 0);
        Topology top = PrmtopReader.read(m.write(tmp, "excl.prmtop"));
        assertThat(top.molecules()).extracting(MoleculeBlock::name).containsExactly("WAT", "LI");
        MoleculeType li = top.moleculeTypes().get("LI");
        assertThat(li.atomCount()).isEqualTo(4);
        assertThat(li.explicitExclusions()).containsExactly(new int[] {0, 1});
    }

    @Test
    void missingPointersIsAnInputErrorNamingTheFile() throws IOException {
        Path p = MiniPrmtop.watersAndIon().remove("POINTERS").write(tmp, "nopointers.prmtop");
        assertThatThrownBy(() -> PrmtopReader.read(p)).isInstanceOf(InputException.class)
                .hasMessageContaining("nopointers.prmtop").hasMessageContaining("POINTERS");
    }

    @Test
    void truncatedSectionIsAnInputError() throws IOException {
        MiniPrmtop m = MiniPrmtop.watersAndIon();
        m.doubles("CHARGE", 1, 2, 3, 4, 5, 6, 7, 8, 9); // 9 of 10
        Path p = m.write(tmp, "truncated.prmtop");
        assertThatThrownBy(() -> PrmtopReader.read(p)).isInstanceOf(InputException.class)
                .hasMessageContaining("truncated.prmtop:").hasMessageContaining("CHARGE").hasMessageContaining("has 9 values");
        // a file cut in the middle of a section
        String text = Files.readString(MiniPrmtop.watersAndIon().write(tmp, "whole.prmtop"));
        Path cut = tmp.resolve("cut.prmtop");
        Files.writeString(cut, text.substring(0, text.indexOf("%FLAG MASS") + 40));
        assertThatThrownBy(() -> PrmtopReader.read(cut)).isInstanceOf(InputException.class).hasMessageContaining("cut.prmtop");
    }

    @Test
    void wrongAtomCountIsAnInputError() throws IOException {
        MiniPrmtop m = MiniPrmtop.watersAndIon();
        m.ints("POINTERS", 11, 3, 6, 0, 3, 0, 0, 0, 0, 0, 13, 4, 0, 0, 0, 1, 1, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 0, 0);
        Path p = m.write(tmp, "count.prmtop");
        assertThatThrownBy(() -> PrmtopReader.read(p)).isInstanceOf(InputException.class)
                .hasMessageContaining("count.prmtop").hasMessageContaining("ATOM_NAME").hasMessageContaining("NATOM");
    }

    @Test
    void badIndicesAndNumbersAreInputErrors() throws IOException {
        MiniPrmtop m = MiniPrmtop.watersAndIon();
        m.ints("BONDS_INC_HYDROGEN", 0, 4, 1, 0, 6, 1, 9, 12, 1, 9, 15, 1, 21, 24, 1, 21, 27, 1); // 4 is not 3·k
        assertThatThrownBy(() -> PrmtopReader.read(m.write(tmp, "idx.prmtop"))).isInstanceOf(InputException.class)
                .hasMessageContaining("BONDS_INC_HYDROGEN");
        Path notPrmtop = tmp.resolve("x.prmtop");
        Files.writeString(notPrmtop, "hello\n");
        assertThatThrownBy(() -> PrmtopReader.read(notPrmtop)).isInstanceOf(InputException.class).hasMessageContaining("x.prmtop");
    }

    @Test
    void unsupportedFeaturesNameTheFlag() throws IOException {
        MiniPrmtop pol = MiniPrmtop.watersAndIon().ints("IPOL", 1);
        assertThatThrownBy(() -> PrmtopReader.read(pol.write(tmp, "pol.prmtop"))).isInstanceOf(InputException.class)
                .hasMessageContaining("IPOL");
        MiniPrmtop cmap = MiniPrmtop.watersAndIon().ints("CMAP_COUNT", 1, 1);
        assertThatThrownBy(() -> PrmtopReader.read(cmap.write(tmp, "cmap.prmtop"))).isInstanceOf(InputException.class)
                .hasMessageContaining("CMAP_COUNT");
        MiniPrmtop hb = MiniPrmtop.watersAndIon().doubles("HBOND_ACOEF", 1.0).doubles("HBOND_BCOEF", 1.0);
        assertThatThrownBy(() -> PrmtopReader.read(hb.write(tmp, "hb.prmtop"))).isInstanceOf(InputException.class)
                .hasMessageContaining("HBOND_ACOEF");
        MiniPrmtop ep = MiniPrmtop.watersAndIon();
        ep.ints("POINTERS", 10, 3, 6, 0, 3, 0, 0, 0, 0, 0, 13, 4, 0, 0, 0, 1, 1, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 0, 2);
        assertThatThrownBy(() -> PrmtopReader.read(ep.write(tmp, "ep.prmtop"))).isInstanceOf(InputException.class)
                .hasMessageContaining("NUMEXTRA");
    }

    @Test
    void missingScaleFactorsDefaultToAmberValues() throws IOException {
        MiniPrmtop m = MiniPrmtop.watersAndIon().remove("SCEE_SCALE_FACTOR").remove("SCNB_SCALE_FACTOR");
        Topology top = PrmtopReader.read(m.write(tmp, "noscale.prmtop"));
        assertThat(top.defaults().fudgeQQ()).isEqualTo(1 / 1.2);
        assertThat(top.defaults().fudgeLJ()).isEqualTo(0.5);
    }

    /** CHARMM-style LENNARD_JONES_14_ACOEF/BCOEF tables replace the normal table for 1-4 pairs (still / SCNB). */
    @Test
    void fourteenTablesAreUsedForPairs() throws IOException {
        Path src = source("tf2n_AC.prmtop");
        PrmtopFile pf = PrmtopFile.read(src);
        double[] a = pf.doubles("LENNARD_JONES_ACOEF", -1, ""), b = pf.doubles("LENNARD_JONES_BCOEF", -1, "");
        MiniPrmtop extra = new MiniPrmtop();
        double[] a14 = a.clone(), b14 = b.clone();
        for (int k = 0; k < a14.length; k++) {
            a14[k] *= 3;
            b14[k] *= 0.5;
        }
        extra.doubles("LENNARD_JONES_14_ACOEF", a14).doubles("LENNARD_JONES_14_BCOEF", b14);
        String sections = Files.readString(extra.write(tmp, "sections.txt"));
        Path p = tmp.resolve("tf2n_14.prmtop");
        Files.writeString(p, Files.readString(src) + sections.substring(sections.indexOf('\n') + 1));
        Topology plain = PrmtopReader.read(src), with14 = PrmtopReader.read(p);
        List<Pair> p0 = plain.moleculeTypes().get("RES").pairs(), p1 = with14.moleculeTypes().get("RES").pairs();
        assertThat(p1).hasSameSizeAs(p0);
        for (int k = 0; k < p0.size(); k++) { // the scaled tables are re-printed with 9 significant digits
            assertThat(p1.get(k).lj().c12()).isCloseTo(3 * p0.get(k).lj().c12(), within(1e-8 * p0.get(k).lj().c12()));
            assertThat(p1.get(k).lj().c6()).isCloseTo(0.5 * p0.get(k).lj().c6(), within(1e-8 * p0.get(k).lj().c6()));
        }
        assertThat(with14.lj("c3", "f")).isEqualTo(plain.lj("c3", "f"));
    }

    // ---------------------------------------------------------------- helpers

    static Interaction find(MoleculeType mt, TermKind kind, int... atoms) {
        for (Interaction t : mt.interactions(kind)) {
            if (java.util.Arrays.equals(t.atoms(), atoms)) return t;
            int[] rev = new int[atoms.length];
            for (int k = 0; k < atoms.length; k++) rev[k] = atoms[atoms.length - 1 - k];
            if (java.util.Arrays.equals(t.atoms(), rev)) return t;
        }
        throw new AssertionError("no " + kind + " " + java.util.Arrays.toString(atoms));
    }

    static double sq(double v) {
        return v * v;
    }

    static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double dist(double[] a, double[] b) {
        return Math.sqrt(dot(sub(a, b), sub(a, b)));
    }

    static double angle(double[] a, double[] b, double[] c) {
        double[] u = sub(a, b), v = sub(c, b);
        return Math.acos(dot(u, v) / Math.sqrt(dot(u, u) * dot(v, v)));
    }

    static double dihedral(double[] a, double[] b, double[] c, double[] d) {
        double[] b1 = sub(b, a), b2 = sub(c, b), b3 = sub(d, c);
        double[] n1 = cross(b1, b2), n2 = cross(b2, b3);
        double y = dot(cross(n1, n2), b2) / Math.sqrt(dot(b2, b2));
        return Math.atan2(y, dot(n1, n2));
    }
}
