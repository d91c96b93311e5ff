package org.sheath.forcefields.gromacs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheath.forcefields.TopFiles;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.Interaction;
import org.sheath.forcefields.model.LennardJones;
import org.sheath.forcefields.model.MoleculeType;
import org.sheath.forcefields.model.Pair;
import org.sheath.forcefields.model.TermKind;
import org.sheath.forcefields.model.Topology;

/** Bonded and pair parameters are looked up the way grompp does; exclusions follow nrexcl. */
class ParameterLookupTest {
    @TempDir Path dir;
    Topology top;
    MoleculeType mol;

    static final String TOP = """
            [ defaults ]
              1 2 yes 0.5 0.8333
            [ atomtypes ]
            ; bond types differ from the atom type names on purpose
              CA CT 6 12.011 0 A 0.34 0.45
              HA HC 1 1.008  0 A 0.26 0.06
              OA OS 8 16.00  0 A 0.30 0.70
              NA N  7 14.01  0 A 0.32 0.70
            [ nonbond_params ]
              CA NA 1 0.5 1.0
            [ pairtypes ]
              HA OA 1 0.28 0.2
            [ bondtypes ]
              CT HC 1 0.109 300000
              CT CT 1 0.153 250000
              CT OS 1 0.143 260000
              N  CT 1 0.147 280000
            [ angletypes ]
              HC CT CT 1 110.0 400
              CT CT OS 1 109.0 500
              N  CT CT 5 111.0 450 0.25 10000
              HC CT N  1 108.0 300
            [ dihedraltypes ]
            ; old two-name proper: X CT CT X
              CT CT 9 0.0 1.0 3
              HC CT CT HC 9 0.0 0.5 3
              HC CT CT HC 9 180.0 0.25 2
              OS CT CT HC 9 0.0 2.0 1
            ; old two-name improper: CT X X OS
              CT OS 4 180.0 10.5 2
            [ moleculetype ]
              MOL 2
            [ atoms ]
              1 HA 1 MOL H1 1  0.1
              2 CA 1 MOL C1 1  0.2
              3 CA 1 MOL C2 1  0.3
              4 HA 1 MOL H2 1  0.1
              5 OA 1 MOL O1 1 -0.5
              6 NA 1 MOL N1 1 -0.2 14.5
            #ifdef SHEATH
            [ sheath_fudge ]
              0.5 0.5
            #endif
            [ bonds ]
              1 2 1
              2 3 1
              3 4 1
              3 5 1
              2 6 1
            [ angles ]
              1 2 3 1
              2 3 5 1
              6 2 3 5
              1 2 6 1
            [ dihedrals ]
              1 2 3 4 9
              1 2 3 5 9
              4 3 2 1 1
              6 2 3 4 9
              2 1 4 5 4
              6 2 3 5 3 1 2 3 4 5 6
            [ pairs ]
              1 4 1
              1 5 1
              6 4 2 0.5 0.1 -0.2 0.3 0.4
              6 5 1 0.31 0.5
            [ exclusions ]
              1 4
            [ system ]
              lookup test
            [ molecules ]
              MOL 2
            """;

    @BeforeEach
    void read() {
        top = GromacsTopologyReader.read(TopFiles.write(dir, "t.top", TOP));
        mol = top.moleculeTypes().get("MOL");
    }

    private static List<double[]> params(MoleculeType m, TermKind kind, int... atoms1) {
        return m.interactions(kind).stream()
                .filter(t -> java.util.Arrays.equals(t.atoms(), java.util.Arrays.stream(atoms1).map(a -> a - 1).toArray()))
                .map(Interaction::params).toList();
    }

    @Test
    void bondsAndAnglesUseBondTypesInEitherOrientation() {
        assertThat(params(mol, TermKind.HARMONIC_BOND, 1, 2)).containsExactly(new double[] {0.109, 300000});
        assertThat(params(mol, TermKind.HARMONIC_BOND, 2, 6)).containsExactly(new double[] {0.147, 280000});
        assertThat(params(mol, TermKind.HARMONIC_ANGLE, 1, 2, 6)).containsExactly(new double[] {108.0, 300});
        assertThat(params(mol, TermKind.UREY_BRADLEY, 6, 2, 3)).containsExactly(new double[] {111.0, 450, 0.25, 10000});
    }

    @Test
    void function9TakesAllAdjacentLinesOfTheBestMatch() {
        assertThat(params(mol, TermKind.PERIODIC_PROPER, 1, 2, 3, 4))
                .containsExactly(new double[] {0.0, 0.5, 3}, new double[] {180.0, 0.25, 2});
    }

    @Test
    void reversedTypeLineMatchesAndBeatsWildcard() {
        assertThat(params(mol, TermKind.PERIODIC_PROPER, 1, 2, 3, 5)).containsExactly(new double[] {0.0, 2.0, 1});
    }

    @Test
    void function1TakesOnlyTheFirstLine() {
        assertThat(params(mol, TermKind.PERIODIC_PROPER, 4, 3, 2, 1)).containsExactly(new double[] {0.0, 0.5, 3});
    }

    @Test
    void wildcardIsTheFallback() {
        assertThat(params(mol, TermKind.PERIODIC_PROPER, 6, 2, 3, 4)).containsExactly(new double[] {0.0, 1.0, 3});
    }

    @Test
    void twoNameImproperMatchesOuterAtoms() {
        assertThat(params(mol, TermKind.PERIODIC_IMPROPER, 2, 1, 4, 5)).containsExactly(new double[] {180.0, 10.5, 2});
    }

    @Test
    void explicitParametersOnTheLineWin() {
        assertThat(params(mol, TermKind.RYCKAERT_BELLEMANS, 6, 2, 3, 5)).containsExactly(new double[] {1, 2, 3, 4, 5, 6});
    }

    @Test
    void pairsGeneratedFromPairtypesExplicitOrFunction2() {
        List<Pair> p = mol.pairs();
        assertThat(p).hasSize(4);
        // 1-4: generated, fudgeLJ 0.5 times LB(HA, HA); the molecule's own fudgeQQ 0.5
        LennardJones gen = LennardJones.fromSigmaEpsilon(0.26, 0.06).scaled(0.5);
        assertThat(p.get(0).lj().c6()).isCloseTo(gen.c6(), within(1e-15));
        assertThat(p.get(0).lj().c12()).isCloseTo(gen.c12(), within(1e-20));
        assertThat(p.get(0).fudgeQQ()).isEqualTo(0.5);
        assertThat(p.get(0).chargeProduct(mol.atoms())).isCloseTo(0.5 * 0.1 * 0.1, within(1e-15));
        // 1-5: [ pairtypes ] used as given, not scaled
        LennardJones pt = LennardJones.fromSigmaEpsilon(0.28, 0.2);
        assertThat(p.get(1).lj().c6()).isCloseTo(pt.c6(), within(1e-15));
        // 6-4: function 2, own charges and fudgeQQ
        assertThat(p.get(2).chargeProduct(mol.atoms())).isCloseTo(0.5 * 0.1 * -0.2, within(1e-15));
        assertThat(p.get(2).lj().sigma()).isCloseTo(0.3, within(1e-12));
        assertThat(p.get(2).lj().epsilon()).isCloseTo(0.4, within(1e-12));
        // 6-5: explicit sigma/epsilon on the line
        assertThat(p.get(3).lj().sigma()).isCloseTo(0.31, within(1e-12));
    }

    @Test
    void exclusionsFollowNrexclPlusExplicit() {
        int[][] ex = mol.exclusions();
        // nrexcl 2: 1-4 pairs (1,4) (1,5) (6,4) (6,5) are not excluded unless listed; (1,4) is listed
        assertThat(ex[0]).containsExactly(1, 2, 3, 5);   // 1: 2, 3, 4 (explicit), 6
        assertThat(ex[3]).containsExactly(4);               // 4-3-5 is 1-3
        assertThat(ex[4]).isEmpty();                        // 5-3-2-6 is 1-4: not excluded with nrexcl 2
        assertThat(mol.bondGraph().pairs14()).containsExactly(new int[] {0, 3}, new int[] {0, 4}, new int[] {3, 5},
                new int[] {4, 5});
    }

    @Test
    void massAndChargeDefaultFromColumnsOrType() {
        assertThat(mol.atoms().get(0).mass()).isEqualTo(1.008);
        assertThat(mol.atoms().get(5).mass()).isEqualTo(14.5);
        assertThat(mol.netCharge()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void flatTopologyExpandsCopiesAndBuildsTheLjTable() {
        FlatTopology f = FlatTopology.of(top);
        assertThat(f.natoms).isEqualTo(12);
        assertThat(f.moleculeStart).containsExactly(0, 6, 12);
        assertThat(f.residueNumber[0]).isEqualTo(1);
        assertThat(f.residueNumber[6]).isEqualTo(2);
        FlatTopology.Terms bonds = f.terms(TermKind.HARMONIC_BOND);
        assertThat(bonds.count()).isEqualTo(10);
        assertThat(bonds.atoms()[10]).isEqualTo(6);   // first bond of the second copy: atoms 6, 7
        assertThat(f.npairs).isEqualTo(8);
        assertThat(f.pairI[4]).isEqualTo(6);
        assertThat(f.isExcluded(6, 9)).isTrue();      // explicit 1-4 exclusion in the second copy
        assertThat(f.isExcluded(0, 6)).isFalse();     // different molecules
        int ca = java.util.Arrays.asList(f.typeNames).indexOf("CA");
        int oa = java.util.Arrays.asList(f.typeNames).indexOf("OA");
        int na = java.util.Arrays.asList(f.typeNames).indexOf("NA");
        LennardJones lb = LennardJones.fromSigmaEpsilon((0.34 + 0.30) / 2, Math.sqrt(0.45 * 0.70));
        assertThat(f.c6[ca * f.ntypes + oa]).isCloseTo(lb.c6(), within(1e-15));
        assertThat(f.c12[oa * f.ntypes + ca]).isCloseTo(lb.c12(), within(1e-18));
        LennardJones nb = LennardJones.fromSigmaEpsilon(0.5, 1.0);
        assertThat(f.c6[na * f.ntypes + ca]).isCloseTo(nb.c6(), within(1e-15));
        assertThat(f.totalCharge()).isCloseTo(0, within(1e-12));
    }

    @Test
    void combiningRulesOneTwoThree() {
        // rule 1: C6/C12 geometric
        LennardJones r1 = org.sheath.forcefields.model.CombiningRule.GEOMETRIC_C6_C12.combine(4e-3, 4e-6, 1e-3, 9e-6);
        assertThat(r1.c6()).isCloseTo(2e-3, within(1e-15));
        assertThat(r1.c12()).isCloseTo(6e-6, within(1e-18));
        // rule 2: arithmetic sigma, geometric epsilon
        LennardJones r2 = org.sheath.forcefields.model.CombiningRule.LORENTZ_BERTHELOT.combine(0.3, 0.4, 0.5, 0.9);
        assertThat(r2.sigma()).isCloseTo(0.4, within(1e-12));
        assertThat(r2.epsilon()).isCloseTo(0.6, within(1e-12));
        // rule 3: geometric sigma and epsilon
        LennardJones r3 = org.sheath.forcefields.model.CombiningRule.GEOMETRIC.combine(0.2, 0.4, 0.8, 0.9);
        assertThat(r3.sigma()).isCloseTo(0.4, within(1e-12));
        assertThat(r3.epsilon()).isCloseTo(0.6, within(1e-12));
    }

    /** grompp matches directive names ignoring case, '-' and '_': GROMACS's own test topologies write [ molecule_type ]. */
    @Test
    void directiveNamesIgnoreCaseDashesAndUnderscores() {
        String text = TOP.replace("[ moleculetype ]", "[ Molecule_Type ]").replace("[ nonbond_params ]", "[ nonbondparams ]")
                .replace("[ atoms ]", "[ ATOMS ]");
        Topology t = GromacsTopologyReader.read(TopFiles.write(dir, "u.top", text));
        assertThat(t.moleculeTypes()).hasSameSizeAs(top.moleculeTypes());
        assertThat(FlatTopology.of(t).c6).isEqualTo(FlatTopology.of(top).c6);
    }

    /** Text before the first directive is skipped, as grompp does (GROMACS's amber*.ff/forcefield.itp start with a banner). */
    @Test
    void textBeforeTheFirstDirectiveIsSkipped() {
        Topology t = GromacsTopologyReader.read(TopFiles.write(dir, "b.top", "****************\n* a banner *\n" + TOP));
        assertThat(FlatTopology.of(t).natoms).isEqualTo(FlatTopology.of(top).natoms);
    }
}
