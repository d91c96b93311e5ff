package org.sheath.engine.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sheath.engine.system.Box;
import org.sheath.forcefields.InputException;
import org.sheath.forcefields.coords.GroFile;
import org.sheath.forcefields.coords.Structure;
import org.sheath.forcefields.gromacs.TextFile;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.MoleculeBlock;

class SystemBuilderTest {
    static final Composition SMALL = Composition.parse("LI=6,ZN=2,TFSI=10,DMF=60");

    static BuiltSystem small(long seed) {
        return SystemBuilder.of(SMALL).density(0.95).seed(seed).build();
    }

    @Test
    void sameSeedGivesIdenticalCoordinatesOtherSeedOthers() {
        BuiltSystem a = small(7), b = small(7), c = small(8);
        assertThat(a.structure().x).isEqualTo(b.structure().x);
        assertThat(a.structure().y).isEqualTo(b.structure().y);
        assertThat(a.structure().z).isEqualTo(b.structure().z);
        assertThat(a.box().toMatrix()).isEqualTo(b.box().toMatrix());
        assertThat(a.packing().attempts()).isEqualTo(b.packing().attempts());
        assertThat(c.structure().x).isNotEqualTo(a.structure().x);
        int same = 0;
        for (int i = 0; i < a.atomCount(); i++) if (a.structure().x[i] == c.structure().x[i]) same++;
        assertThat(same).as("atoms at the same x with another seed").isLessThan(a.atomCount() / 100);
    }

    /**
     * Shortest distance, minimum image, by brute force over all atom pairs of different molecules and
     * of pairs of one molecule that are closer through a periodic image than directly.
     */
    static double bruteForceMinDistance(BuiltSystem s) {
        Structure st = s.structure();
        return bruteForceMinDistance(st.x, st.y, st.z, s.flatTopology(), s.box());
    }

    static double bruteForceMinDistance(double[] x, double[] y, double[] z, FlatTopology f, Box box) {
        double[] d = new double[3];
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < f.natoms; i++) {
            for (int j = i + 1; j < f.natoms; j++) {
                d[0] = x[j] - x[i];
                d[1] = y[j] - y[i];
                d[2] = z[j] - z[i];
                double direct = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
                box.minimumImage(d);
                double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
                if (f.molecule[i] == f.molecule[j] && r2 >= direct) continue;
                min = Math.min(min, Math.sqrt(r2));
            }
        }
        return min;
    }

    @ParameterizedTest(name = "density {0}")
    @ValueSource(doubles = {0.6, 0.95, 1.3})
    void noTwoAtomsOfDifferentMoleculesCloserThanTheTolerance(double density) {
        BuiltSystem s = SystemBuilder.of(SMALL).density(density).seed(3).build();
        double brute = bruteForceMinDistance(s);
        System.out.printf("density %.2f: %d atoms, box %.3f nm, min distance %.4f nm (brute force %.4f), %d relaxation steps%n",
                density, s.atomCount(), s.box().ax(), s.minDistance(), brute, s.packing().relaxSteps());
        assertThat(brute).isGreaterThanOrEqualTo(0.2 + SystemBuilder.GRO_ROUNDING_MARGIN);
        assertThat(s.minDistance()).isCloseTo(brute, within(1e-12));
    }

    @Test
    void minimumDistanceHoldsInTheWrittenGroFile() throws Exception {
        BuiltSystem s = SystemBuilder.of(SMALL).density(1.3).seed(5).build();
        StringBuilder sb = new StringBuilder();
        GroFile.write(sb, s.structure());
        Structure back = GroFile.parse(sb.toString().lines().toList(), 0, "built.gro");
        double min = bruteForceMinDistance(back.x, back.y, back.z, s.flatTopology(), Box.fromMatrix(back.box));
        assertThat(min).isGreaterThanOrEqualTo(0.2 - 1e-9);
    }

    @Test
    void moleculesAreIntactWholeAndCentredInTheBox() {
        BuiltSystem s = SystemBuilder.of(Composition.parse("PVDF=1,LI=4,TFSI=4,DMF=30,EC=10,PF6=2,NO3=2,DME=4"))
                .box(3.2).seed(11).build();
        Structure st = s.structure();
        FlatTopology f = s.flatTopology();
        Box box = s.box();
        double worst = 0;
        for (int m = 0; m < f.moleculeCount(); m++) {
            int a0 = f.moleculeStart[m], n = f.moleculeStart[m + 1] - a0;
            Structure t = template(f.moleculeName[m]);
            assertThat(t.natoms).isEqualTo(n);
            double gx = 0, gy = 0, gz = 0;
            for (int i = 0; i < n; i++) {
                gx += st.x[a0 + i];
                gy += st.y[a0 + i];
                gz += st.z[a0 + i];
                for (int j = i + 1; j < n; j++) {
                    double built = dist(st.x[a0 + i] - st.x[a0 + j], st.y[a0 + i] - st.y[a0 + j], st.z[a0 + i] - st.z[a0 + j]);
                    double ref = dist(t.x[i] - t.x[j], t.y[i] - t.y[j], t.z[i] - t.z[j]);
                    worst = Math.max(worst, Math.abs(built - ref));
                }
            }
            // whole (no periodic wrapping inside a molecule) and geometric centre inside the box
            gx /= n;
            gy /= n;
            gz /= n;
            assertThat(gx).isBetween(0.0, box.ax());
            assertThat(gy).isBetween(0.0, box.by());
            assertThat(gz).isBetween(0.0, box.cz());
        }
        System.out.printf("intramolecular distances: largest deviation from the templates %.2e nm%n", worst);
        assertThat(worst).isLessThan(1e-12);
    }

    static Structure template(String species) {
        String path = SpeciesLibrary.bundled().species(species).templateFile();
        TextFile f = TextFile.bundled(path).orElseThrow();
        return GroFile.parse(f.readLines(), 0, path);
    }

    static double dist(double dx, double dy, double dz) {
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    @Test
    void densityAndBoxAreHonoured() {
        BuiltSystem d = SystemBuilder.of(SMALL).density(0.95).build();
        double mass = 0;
        for (double m : d.flatTopology().mass) mass += m;
        double volume = d.box().volume();
        assertThat(mass * 1.66053906660e-3 / volume).isCloseTo(0.95, within(1e-12));
        assertThat(d.density()).isCloseTo(0.95, within(1e-12));
        assertThat(d.box().ax()).isEqualTo(d.box().by()).isEqualTo(d.box().cz());
        assertThat(d.structure().box).isEqualTo(d.box().toMatrix());

        BuiltSystem b = SystemBuilder.of(SMALL).box(3.0, 3.2, 3.4).build();
        assertThat(b.box().toMatrix()).containsExactly(3.0, 0, 0, 0, 3.2, 0, 0, 0, 3.4);
        assertThat(b.density()).isCloseTo(mass * 1.66053906660e-3 / (3.0 * 3.2 * 3.4), within(1e-12));
        assertThat(SystemBuilder.of(SMALL).box(3.1).build().box().toMatrix()).containsExactly(3.1, 0, 0, 0, 3.1, 0, 0, 0, 3.1);
    }

    @Test
    void compositionOrderIsKeptInTopologyAndCoordinates() {
        // TFSI is placed before the single-atom ions (largest first) but listed after them
        BuiltSystem s = SystemBuilder.of(Composition.parse("ZN=3,LI=5,TFSI=11,DMF=40")).density(0.9).build();
        assertThat(s.topology().molecules().stream().map(MoleculeBlock::name).toList()).containsExactly("ZN", "LI", "TFSI", "DMF");
        assertThat(s.topology().molecules().stream().map(MoleculeBlock::count).toList()).containsExactly(3, 5, 11, 40);
        FlatTopology f = s.flatTopology();
        List<String> order = new ArrayList<>();
        for (int m = 0; m < f.moleculeCount(); m++) {
            if (order.isEmpty() || !order.get(order.size() - 1).equals(f.moleculeName[m])) order.add(f.moleculeName[m]);
        }
        assertThat(order).containsExactly("ZN", "LI", "TFSI", "DMF");
        assertThat(s.structure().residueName[0]).isEqualTo("ZN");
        assertThat(s.structure().residueName[3]).isEqualTo("LI");
        assertThat(s.structure().residueName[8]).isEqualTo("TFSI");
        assertThat(s.structure().residueName[s.atomCount() - 1]).isEqualTo("DMF");
        assertThat(s.structure().atomName).isEqualTo(f.atomName);
        String top = s.topologyText();
        assertThat(top).containsSubsequence("#include \"electrolyte.ff/forcefield.itp\"", "#include \"electrolyte.ff/zn.itp\"",
                "#include \"electrolyte.ff/li.itp\"", "#include \"electrolyte.ff/tfsi.itp\"", "#include \"electrolyte.ff/dmf.itp\"",
                "[ system ]", "[ molecules ]", "ZN", "LI", "TFSI", "DMF");
    }

    @Test
    void definesGoBeforeTheIncludesAndReachTheTopology() {
        BuiltSystem full = SystemBuilder.of(Composition.parse("LI=2,TFSI=2")).box(2.5).build();
        BuiltSystem scaled = SystemBuilder.of(Composition.parse("LI=2,TFSI=2")).box(2.5).define("CHARGE_SCALE_0_8").build();
        assertThat(full.flatTopology().charge[0]).isEqualTo(1.0);
        assertThat(scaled.flatTopology().charge[0]).isCloseTo(0.8, within(1e-12));
        assertThat(scaled.flatTopology().totalCharge()).isCloseTo(0, within(1e-9));
        assertThat(scaled.topologyText().indexOf("#define CHARGE_SCALE_0_8"))
                .isGreaterThanOrEqualTo(0).isLessThan(scaled.topologyText().indexOf("#include"));
        assertThat(scaled.summary()).contains("defines CHARGE_SCALE_0_8");
    }

    @Test
    void speciesNamesAreCaseInsensitiveAndComeOutAsTheLibrarySpellsThem() {
        BuiltSystem s = SystemBuilder.of(Composition.parse("li=2, tfsi=2")).box(2.5).build();
        assertThat(s.composition().toString()).isEqualTo("LI=2,TFSI=2");
    }

    @Test
    void libraryListsEverySpeciesWithItsItpAndTemplate() {
        SpeciesLibrary lib = SpeciesLibrary.bundled();
        assertThat(lib.names()).containsExactlyInAnyOrder("DEC", "DMC", "DME", "DMF", "DOL", "EC", "EMC", "FEC", "FSI", "LI", "NO3",
                "PF6", "PVDF", "PVHFP", "SN", "TFSI", "ZN");
        Species tfsi = lib.species("TFSI");
        assertThat(tfsi.itp()).isEqualTo("electrolyte.ff/tfsi.itp");
        assertThat(tfsi.templateFile()).isEqualTo("electrolyte.ff/tfsi.gro");
        assertThat(tfsi.atomCount()).isEqualTo(15);
        assertThat(tfsi.atomNames()).startsWith("C1", "F1");
        assertThat(lib.species("PVDF").atomCount()).isEqualTo(62);
        assertThat(lib.forceFieldItp()).isEqualTo("electrolyte.ff/forcefield.itp");
    }

    // ------------------------------------------------------------------ errors: one line each

    static void assertOneLine(Throwable e, String... fragments) {
        assertThat(e).isInstanceOf(InputException.class);
        assertThat(e.getMessage()).doesNotContain("\n");
        for (String f : fragments) assertThat(e.getMessage()).contains(f);
    }

    @Test
    void unknownSpeciesListsTheKnownOnesWithADidYouMean() {
        Throwable e = catchBuild(() -> SystemBuilder.of(Composition.parse("LI=2,TFS=2")).box(3).build());
        assertOneLine(e, "unknown species 'TFS'", "did you mean TFSI?", "DEC, DMC, DME, DMF, DOL, EC, EMC, FEC, FSI, LI, NO3, PF6, PVDF, PVHFP, SN, TFSI, ZN");
        Throwable far = catchBuild(() -> SystemBuilder.of(Composition.parse("WATER=10")).box(3).build());
        assertOneLine(far, "unknown species 'WATER'", "Known species in electrolyte.ff: DEC, DMC, DME");
        assertThat(far.getMessage()).doesNotContain("did you mean");
    }

    @Test
    void impossiblePackingSaysSoAndWhatToDo() {
        Throwable e = catchBuild(() -> SystemBuilder.of(SMALL).density(3.0).build());
        System.out.println("too dense: " + e.getMessage());
        assertOneLine(e, "cannot pack LI=6,ZN=2,TFSI=10,DMF=60 into a", "g/cm3", "do not fit", "lower the density or use a larger box");
    }

    @Test
    void moleculeLongerThanTheBoxIsRefused() {
        Throwable e = catchBuild(() -> SystemBuilder.of(Composition.parse("PVDF=1")).box(0.8).build());
        System.out.println("too long: " + e.getMessage());
        assertOneLine(e, "PVDF (2.650 nm across) touches its own periodic image", "box edge of at least 2.852 nm");
    }

    /** PVDF chains 2.65 nm long in a 2.84 nm box: placed so that no chain meets its own image. */
    @Test
    void longChainsInABoxShorterThanThemAvoidTheirOwnImages() {
        BuiltSystem s = SystemBuilder.of(Composition.parse("PVDF=2,LI=10,TFSI=10,DMF=150")).density(1.1).seed(2).build();
        assertThat(s.box().ax()).isLessThan(SpeciesLibrary.bundled().species("PVDF").template().diameter() + 0.2);
        double brute = bruteForceMinDistance(s);
        System.out.printf("PVDF box %.3f nm: min distance %.4f nm (brute force, own images included %.4f)%n", s.box().ax(),
                s.minDistance(), brute);
        assertThat(brute).isGreaterThanOrEqualTo(0.2 + SystemBuilder.GRO_ROUNDING_MARGIN);
        assertThat(s.minDistance()).isCloseTo(brute, within(1e-12));
    }

    @Test
    void badNumbersAreOneLineErrors() {
        assertOneLine(catchBuild(() -> SystemBuilder.of(SMALL).density(0)), "density must be a positive number", "got 0");
        assertOneLine(catchBuild(() -> SystemBuilder.of(SMALL).density(-0.9)), "density must be a positive number", "-0.9");
        assertOneLine(catchBuild(() -> SystemBuilder.of(SMALL).density(Double.NaN)), "density must be a positive number");
        assertOneLine(catchBuild(() -> SystemBuilder.of(SMALL).box(0)), "box edges must be positive");
        assertOneLine(catchBuild(() -> SystemBuilder.of(SMALL).box(3, -1, 3)), "box edges must be positive", "-1");
        assertOneLine(catchBuild(() -> SystemBuilder.of(SMALL).build()), "give a target density (g/cm3) or a box (nm)");
        assertOneLine(catchBuild(() -> SystemBuilder.of(SMALL).tolerance(0)), "minimum distance must be a positive");
        assertOneLine(catchBuild(() -> SystemBuilder.of(SMALL).define("1BAD")), "bad macro name '1BAD'");
        assertOneLine(catchBuild(() -> Composition.parse("LI=0,TFSI=2")), "count of LI must be a positive whole number, got 0");
        assertOneLine(catchBuild(() -> Composition.parse("LI=-3")), "count of LI must be a positive whole number, got -3");
        assertOneLine(catchBuild(() -> Composition.parse("LI=2.5")), "bad count '2.5' for LI");
        assertOneLine(catchBuild(() -> Composition.parse("LI=x")), "bad count 'x' for LI");
        assertOneLine(catchBuild(() -> Composition.parse("LI")), "bad composition item 'LI'", "NAME=COUNT");
        assertOneLine(catchBuild(() -> Composition.parse("LI=2,,DMF=3")), "bad composition item ''");
        assertOneLine(catchBuild(() -> Composition.parse("LI=2,li=3")), "given twice");
        assertOneLine(catchBuild(() -> Composition.parse(" ")), "composition is empty");
        assertOneLine(catchBuild(() -> Composition.parse("LI=99999999999")), "positive whole number");
    }

    static Throwable catchBuild(org.assertj.core.api.ThrowableAssert.ThrowingCallable c) {
        try {
            c.call();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("expected an InputException");
    }

    @Test
    void compositionParsesAndPrintsInOrder() {
        Composition c = Composition.parse(" LI=20, ZN:4,TFSI = 28,DMF=250 ");
        assertThat(c.entries()).containsExactly(new Composition.Entry("LI", 20), new Composition.Entry("ZN", 4),
                new Composition.Entry("TFSI", 28), new Composition.Entry("DMF", 250));
        assertThat(c.toString()).isEqualTo("LI=20,ZN=4,TFSI=28,DMF=250");
        assertThat(c.molecules()).isEqualTo(302);
        assertThat(Composition.of("LI", 20, "ZN", 4, "TFSI", 28, "DMF", 250)).isEqualTo(c);
    }

    @Test
    void singleMoleculeAndDiluteBoxes() {
        BuiltSystem one = SystemBuilder.of(Composition.parse("DMF=1")).box(2.0).build();
        assertThat(one.minDistance()).isInfinite();
        BuiltSystem gas = SystemBuilder.of(Composition.parse("LI=2")).box(5.0).build();
        assertThat(gas.minDistance()).isEqualTo(bruteForceMinDistance(gas), within(1e-12));
        assertThatThrownBy(() -> SystemBuilder.of(Composition.parse("LI=2")).box(0.5).build())
                .isInstanceOf(InputException.class).hasMessageContaining("too short");
    }
}
