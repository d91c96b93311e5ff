package org.sheath.engine.protocol.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheath.engine.force.nonbonded.DispCorrMode;
import org.sheath.engine.force.nonbonded.Modifier;
import org.sheath.engine.protocol.deck.MdStage.Ensemble;
import org.sheath.engine.protocol.deck.MdStage.Velocities;

class DeckTest {
    private static Path issue14Dir() throws URISyntaxException {
        return Path.of(DeckTest.class.getResource("issue14/deck.toml").toURI()).getParent();
    }

    /** The example deck of issue 14, verbatim, next to the litfsi-zn-dmf box's files. */
    @Test
    void issue14ExampleDeck() throws Exception {
        Path dir = issue14Dir();
        Deck deck = Deck.read(dir.resolve("deck.toml"));

        assertThat(deck.warnings()).isEmpty();
        assertThat(deck.title()).isEqualTo("LiTFSI + Zn(TFSI)2 in DMF");
        assertThat(deck.seed()).isEqualTo(7);
        assertThat(deck.deckDir()).isEqualTo(dir.toAbsolutePath().normalize());

        SystemSpec.FromFiles sys = (SystemSpec.FromFiles) deck.system();
        assertThat(sys.topology()).isEqualTo(dir.resolve("system.top").toAbsolutePath().normalize());
        assertThat(sys.coordinates()).isEqualTo(dir.resolve("conf.gro").toAbsolutePath().normalize());
        assertThat(sys.defines()).containsExactly("CHARGE_SCALE_0_8");
        assertThat(sys.defineMap()).containsEntry("CHARGE_SCALE_0_8", "");

        ForcesSpec f = deck.forces();
        assertThat(f.cutoff()).isEqualTo(1.2);
        assertThat(f.ewaldRtol()).isEqualTo(1e-5);
        assertThat(f.fourierSpacing()).isEqualTo(0.12);
        assertThat(f.pmeOrder()).isEqualTo(4);
        assertThat(f.vdwModifier()).isEqualTo(Modifier.POTENTIAL_SHIFT);
        assertThat(f.coulombModifier()).isEqualTo(Modifier.POTENTIAL_SHIFT);
        assertThat(f.dispCorr()).isEqualTo(DispCorrMode.ENER_PRES);
        assertThat(f.constraints()).isEqualTo(ForcesSpec.Constraints.H_BONDS);
        // no list_buffer: md stages size the buffer for the drift tolerance; minimisation and the box
        // checks use the nominal 0.1 nm
        assertThat(f.tolerantBuffer()).isTrue();
        assertThat(f.verletBufferTolerance()).isEqualTo(0.005);
        assertThat(f.nstlist()).isZero();
        assertThat(f.nonbondedOptions().rlist()).isCloseTo(1.3, within(1e-12));
        assertThat(f.nonbondedOptions().nstlist()).isZero();

        OutputSpec o = deck.output();
        assertThat(o.energies()).isCloseTo(0.1, within(1e-12));
        assertThat(o.trajectory()).isEqualTo(1.0);
        assertThat(o.format()).isEqualTo(OutputSpec.Format.XTC);
        assertThat(o.checkpoint()).isEqualTo(new OutputSpec.Checkpoint(OutputSpec.Checkpoint.Clock.WALL, 900));

        assertThat(deck.stages()).extracting(StageSpec::name).containsExactly("em", "anneal", "npt");
        MinimizeStage em = (MinimizeStage) deck.stages().get(0);
        assertThat(em).isEqualTo(new MinimizeStage("em", MinimizeStage.Algorithm.STEEP, 5000, 100, 0.01, 28));

        MdStage anneal = (MdStage) deck.stages().get(1);
        assertThat(anneal.line()).isEqualTo(35);
        assertThat(anneal.ensemble()).isEqualTo(Ensemble.NVT);
        assertThat(anneal.dt()).isEqualTo(0.001);
        assertThat(anneal.steps()).isEqualTo(100_000);
        assertThat(anneal.length()).isCloseTo(100, within(1e-9));
        TemperatureSchedule t = anneal.temperature().orElseThrow();
        assertThat(t.points()).containsExactly(new TemperatureSchedule.Point(0, 700), new TemperatureSchedule.Point(100, 300));
        assertThat(t.initial()).isEqualTo(700);
        assertThat(t.at(25)).isCloseTo(600, within(1e-9));
        assertThat(t.at(150)).isEqualTo(300);
        assertThat(anneal.thermostat()).contains(new ThermostatSpec(ThermostatSpec.Type.V_RESCALE, 0.1, 1));
        assertThat(anneal.barostat()).isEmpty();
        assertThat(anneal.velocities()).isEqualTo(Velocities.MAXWELL);
        assertThat(anneal.commRemoval()).isEqualTo(MdStage.CommRemoval.LINEAR);
        assertThat(anneal.seedOr(deck.seed())).isEqualTo(7);

        MdStage npt = (MdStage) deck.stages().get(2);
        assertThat(npt.ensemble()).isEqualTo(Ensemble.NPT);
        assertThat(npt.dt()).isEqualTo(0.002);
        assertThat(npt.steps()).isEqualTo(100_000);
        assertThat(npt.temperature().orElseThrow().isConstant()).isTrue();
        assertThat(npt.temperature().orElseThrow().at(12)).isEqualTo(300);
        assertThat(npt.thermostat()).contains(new ThermostatSpec(ThermostatSpec.Type.NOSE_HOOVER, 0.4, 3));
        assertThat(npt.barostat()).contains(new BarostatSpec(BarostatSpec.Type.MTK, 1.01325, 1.01325, 2.0, 4.5e-5, 4.5e-5,
                BarostatSpec.Coupling.ISOTROPIC));
        assertThat(npt.velocities()).as("continues after an md stage by default").isEqualTo(Velocities.CONTINUE);

        assertThat(deck.analyses()).hasSize(1);
        AnalysisSpec a = deck.analyses().get(0);
        assertThat(a.stage()).isEqualTo("npt");
        assertThat(a.type()).isEqualTo(AnalysisSpec.Type.RDF);
        assertThat(a.option("ref")).isEqualTo("resname LI");
        assertThat(a.option("sel")).isEqualTo("resname DMF and name O1");
        assertThat(a.option("rmax")).isEqualTo("1");
        assertThat(a.cliArgs()).containsExactly("rdf", "--ref", "resname LI", "--sel", "resname DMF and name O1", "--rmax", "1");
    }

    @Test
    void compositionKeepsTheOrderWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("built.toml");
        Files.writeString(file, """
                [system]
                molecules = { ZN = 4, LI = 20, TFSI = 28, DMF = 250 }
                density = "950 kg/m3"
                defines = "CHARGE_SCALE_0_8"

                [[stage]]
                name = "md"
                type = "md"
                ensemble = "nvt"
                steps = 1000
                temperature = "300 K"
                thermostat = "langevin"
                """);
        Deck deck = Deck.read(file);
        SystemSpec.Composition c = (SystemSpec.Composition) deck.system();
        assertThat(c.molecules().keySet()).containsExactly("ZN", "LI", "TFSI", "DMF");
        assertThat(c.molecules()).containsEntry("DMF", 250);
        assertThat(c.density().getAsDouble()).isCloseTo(0.95, within(1e-12));
        assertThat(c.box()).isEmpty();
        assertThat(c.defines()).containsExactly("CHARGE_SCALE_0_8");
        assertThat(deck.title()).isEqualTo("built");
        assertThat(deck.seed()).isEqualTo(1);
        assertThat(deck.forces()).isEqualTo(ForcesSpec.DEFAULTS);
        assertThat(deck.output()).isEqualTo(OutputSpec.DEFAULTS);
        MdStage md = (MdStage) deck.stages().get(0);
        assertThat(md.dt()).isEqualTo(0.001);
        assertThat(md.thermostat()).contains(new ThermostatSpec(ThermostatSpec.Type.LANGEVIN, 1.0, 1));
        assertThat(deck.warnings()).isEmpty();
    }

    @Test
    void nstpcoupleAsGivenOrTenOrFewerForAShortTauP(@TempDir Path dir) throws Exception {
        String stage = """
                [[stage]]
                name = "%s"
                type = "md"
                ensemble = "npt"
                dt = "2 fs"
                steps = 1000
                temperature = 300
                thermostat = "v-rescale"
                barostat = "c-rescale"
                pressure = "1 bar"
                %s
                """;
        Path file = dir.resolve("npt.toml");
        Files.writeString(file, "[system]\nmolecules = { DMF = 250 }\ndensity = 0.9\n"
                + stage.formatted("given", "nstpcouple = 50") + stage.formatted("default", "")
                + stage.formatted("short", "tau_p = 0.05"));
        Deck deck = Deck.read(file);
        int[] n = deck.stages().stream().mapToInt(st -> ((MdStage) st).barostat().orElseThrow().nstpcouple()).toArray();
        assertThat(n).containsExactly(50, 10, 5); // 0.05 ps / (5 × 2 fs) = 5
    }

    @Test
    void boxAsOneEdgeOrThreeWithUnits(@TempDir Path dir) {
        String stage = """
                [[stage]]
                name = "em"
                type = "minimize"
                algorithm = "lbfgs"
                emtol = "1 kcal/mol/Å"
                """;
        Deck cube = Deck.parse("[system]\nmolecules = { LI = 20, TFSI = 20, DMF = 250 }\nbox = 3.7\n" + stage, dir.resolve("d.toml"));
        assertThat(((SystemSpec.Composition) cube.system()).box()).contains(new SystemSpec.BoxSize(3.7, 3.7, 3.7));
        Deck slab = Deck.parse("[system]\nmolecules = { LI = 20, TFSI = 20, DMF = 250 }\nbox = [3.5, \"35 Å\", 4]\n" + stage,
                dir.resolve("d.toml"));
        assertThat(((SystemSpec.Composition) slab.system()).box()).contains(new SystemSpec.BoxSize(3.5, 3.5, 4));
        MinimizeStage em = (MinimizeStage) slab.stages().get(0);
        assertThat(em.algorithm()).isEqualTo(MinimizeStage.Algorithm.LBFGS);
        assertThat(em.emtol()).isCloseTo(41.84, within(1e-12));
    }

    @Test
    void everyStageAndAnalysisKindParses(@TempDir Path dir) {
        Deck deck = Deck.parse("""
                title = "all kinds"
                [system]
                molecules = { LI = 20, TFSI = 20, DMF = 250 }
                density = 0.95
                [forces]
                cutoff = "10 Å"
                constraints = "all-bonds"
                list_buffer = 0
                dispcorr = "ener"
                vdw_modifier = "none"
                [output]
                energies = 0.5
                trajectory = "500 fs"
                format = "both"
                checkpoint = "10 ps"
                [[stage]]
                name = "fire"
                type = "minimize"
                algorithm = "fire"
                steps = 200
                emstep = "0.5 Å"
                [[stage]]
                name = "nve"
                type = "md"
                ensemble = "nve"
                dt = "4 fs"
                steps = 250
                temperature = 300
                seed = 99
                [[stage]]
                name = "semi"
                type = "md"
                ensemble = "npt"
                length = "1 ns"
                temperature = 320
                thermostat = "v-rescale"
                barostat = "c-rescale"
                coupling = "semi-isotropic"
                pressure = [1, "1 atm"]
                compressibility = [4.5e-5, 0]
                comm_removal = "none"
                [[analysis]]
                stage = "semi"
                type = "shells"
                ref = "name LI"
                species = { DMF = "resname DMF and name O1", TFSI = "resname TFSI and name O1 O2 O3 O4" }
                radius = ["DMF=2.8 Å"]
                no_residence = true
                [[analysis]]
                stage = "semi"
                type = "msd"
                sel = "resname LI TFSI DMF"
                site = "COM"
                fit-start = "10 ps"
                charge = { LI = 0.8 }
                [[analysis]]
                stage = "nve"
                type = "rdf"
                ref = "name LI"
                sel = "name ZN"
                exclude_same_molecule = false
                bin = "0.02 Å"
                """.replace("compressibility = [4.5e-5, 0]", "compressibility = [4.5e-5, 1e-6]"), dir.resolve("d.toml"));
        assertThat(deck.forces().cutoff()).isCloseTo(1.0, within(1e-12));
        assertThat(deck.forces().constraints()).isEqualTo(ForcesSpec.Constraints.ALL_BONDS);
        assertThat(deck.forces().dispCorr()).isEqualTo(DispCorrMode.ENER);
        assertThat(deck.forces().vdwModifier()).isEqualTo(Modifier.NONE);
        assertThat(deck.output().format().h5md()).isTrue();
        assertThat(deck.output().format().xtc()).isTrue();
        assertThat(deck.output().checkpoint()).isEqualTo(new OutputSpec.Checkpoint(OutputSpec.Checkpoint.Clock.SIMULATED, 10));
        assertThat(((MinimizeStage) deck.stages().get(0)).emstep()).isCloseTo(0.05, within(1e-12));
        MdStage nve = (MdStage) deck.stages().get(1);
        assertThat(nve.thermostat()).isEmpty();
        assertThat(nve.velocities()).isEqualTo(Velocities.MAXWELL);
        assertThat(nve.seedOr(1)).isEqualTo(99);
        MdStage semi = (MdStage) deck.stages().get(2);
        assertThat(semi.steps()).isEqualTo(1_000_000);
        assertThat(semi.velocities()).isEqualTo(Velocities.CONTINUE);
        BarostatSpec b = semi.barostat().orElseThrow();
        assertThat(b.pressure()).isEqualTo(1);
        assertThat(b.pressureZ()).isEqualTo(1.01325);
        assertThat(b.compressibilityZ()).isEqualTo(1e-6);
        assertThat(semi.commRemoval()).isEqualTo(MdStage.CommRemoval.NONE);
        AnalysisSpec shells = deck.analyses().get(0);
        assertThat(shells.options().get("species")).containsExactly("DMF=resname DMF and name O1",
                "TFSI=resname TFSI and name O1 O2 O3 O4");
        assertThat(shells.options().get("radius")).containsExactly("DMF=0.28");
        assertThat(shells.cliArgs()).containsExactly("shells", "--ref", "name LI", "--species", "DMF=resname DMF and name O1",
                "--species", "TFSI=resname TFSI and name O1 O2 O3 O4", "--radius", "DMF=0.28", "--no-residence");
        AnalysisSpec msd = deck.analyses().get(1);
        assertThat(msd.option("site")).isEqualTo("com");
        assertThat(msd.option("fit-start")).isEqualTo("10");
        assertThat(msd.options().get("charge")).containsExactly("LI=0.8");
        AnalysisSpec rdf = deck.analyses().get(2);
        assertThat(rdf.cliArgs()).containsExactly("rdf", "--ref", "name LI", "--sel", "name ZN", "--bin", "0.002");
        // 4 fs with all-bonds is at the usual limit: no warning; 10 Å = 1.0 nm cut-off is fine
        assertThat(deck.warnings()).isEmpty();
    }

    @Test
    void warningsForSuspiciousButAllowedSettings(@TempDir Path dir) {
        Deck deck = Deck.parse("""
                [system]
                molecules = { LI = 20, TFSI = 20, DMF = 250 }
                box = 10
                [output]
                energies = "0.25 ps"
                [[stage]]
                name = "npt"
                type = "md"
                ensemble = "npt"
                dt = "3 fs"
                length = "100.001 ps"
                temperature = 300
                thermostat = "v-rescale"
                barostat = "berendsen"
                pressure = 1
                comm_removal = "angular"
                """, dir.resolve("deck.toml"));
        List<String> w = deck.warnings();
        assertThat(w).allSatisfy(s -> assertThat(s).startsWith(dir.resolve("deck.toml") + ":").doesNotContain("\n"));
        assertThat(w).anySatisfy(s -> assertThat(s).contains(":3: system.box = 10: a density of").contains("check the units"));
        assertThat(w).anySatisfy(s -> assertThat(s).contains(":10: stage 'npt': dt = \"3 fs\": larger than the 1 fs")
                .contains("constraints = \"h-bonds\""));
        assertThat(w).anySatisfy(s -> assertThat(s).contains(":11: stage 'npt': length = \"100.001 ps\": not a whole number"));
        assertThat(w).anySatisfy(s -> assertThat(s).contains(":14: stage 'npt': barostat = \"berendsen\": the Berendsen barostat"));
        assertThat(w).anySatisfy(s -> assertThat(s).contains("comm_removal = \"angular\""));
        assertThat(w).anySatisfy(s -> assertThat(s).contains(":6: stage 'npt': [output] energies = 0.25 ps is not a whole number"));
    }

    @Test
    void bundledSpeciesAreFoundWithTheirMasses() {
        assertThat(BundledSpecies.all().keySet()).contains("LI", "ZN", "TFSI", "PF6", "NO3", "DMF", "DME", "EC", "PVDF",
                "DOL", "DMC", "DEC", "EMC", "FEC", "SN", "FSI", "PVHFP");
        BundledSpecies.Species dmf = BundledSpecies.find("DMF").orElseThrow();
        assertThat(dmf.atoms()).isEqualTo(12);
        assertThat(dmf.mass()).isCloseTo(73.09, within(0.05));
        assertThat(BundledSpecies.find("LI").orElseThrow().mass()).isCloseTo(6.94, within(1e-9));
    }

    @Test
    void seedCanBeReplacedForReplicas() throws Exception {
        Deck deck = Deck.read(issue14Dir().resolve("deck.toml"));
        assertThat(deck.withSeed(8).seed()).isEqualTo(8);
        assertThat(deck.withSeed(8).stages()).isEqualTo(deck.stages());
        assertThat(deck.stage("npt")).containsInstanceOf(MdStage.class);
        assertThat(deck.stage("nope")).isEmpty();
    }

    /** The deck's begin/end/step count frames and dt is the file's frame spacing: they map to the frame options. */
    @Test
    void analysisFrameKeysMapToTheFrameOptions() {
        String stage = "[[stage]]\nname = \"md\"\ntype = \"md\"\nensemble = \"nvt\"\nsteps = 100\ntemperature = 300\n"
                + "thermostat = \"v-rescale\"\ntau_t = 0.1\n";
        Deck d = Deck.parse("[system]\nmolecules = { LI = 20, TFSI = 20, DMF = 250 }\nbox = 4\n" + stage + "[[analysis]]\nstage = \"md\"\n"
                + "type = \"msd\"\nsel = \"name LI\"\nbegin = 5\nend = 20\nstep = 2\ndt = 2\n", java.nio.file.Path.of("f.toml"));
        assertThat(d.analyses().get(0).cliArgs()).containsExactly("msd", "--sel", "name LI", "--first-frame", "5", "--last-frame", "19",
                "--stride", "2", "--frame-time", "2");
    }
}
