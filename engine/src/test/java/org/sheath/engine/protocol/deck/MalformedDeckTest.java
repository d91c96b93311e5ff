package org.sheath.engine.protocol.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sheath.forcefields.InputException;

/**
 * Malformed decks: each is written to a file and read with {@link Deck#read}; the error must be one line
 * that starts with {@code FILE:LINE: } (the line of {@code at}, or {@code FILE: } when {@code at} is null),
 * and holds every expected piece (what is wrong and the fix). {@code -Dsheath.deck.print=true} prints every message.
 */
class MalformedDeckTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void files() throws IOException, URISyntaxException {
        Path res = Path.of(MalformedDeckTest.class.getResource("issue14/deck.toml").toURI()).getParent();
        Files.copy(res.resolve("system.top"), dir.resolve("system.top"));
        Files.copy(res.resolve("conf.gro"), dir.resolve("conf.gro"));
    }

    static final String SYS = """
            [system]
            molecules = { LI = 20, TFSI = 20, DMF = 250 }
            density = 0.95
            """;
    static final String FILES = """
            [system]
            topology = "system.top"
            coordinates = "conf.gro"
            """;
    static final String EM = """
            [[stage]]
            name = "em"
            type = "minimize"
            """;
    static final String NVT = """
            [[stage]]
            name = "nvt"
            type = "md"
            ensemble = "nvt"
            dt = "1 fs"
            length = "10 ps"
            temperature = 300
            thermostat = "v-rescale"
            """;
    static final String NPT = """
            [[stage]]
            name = "npt"
            type = "md"
            ensemble = "npt"
            length = "10 ps"
            temperature = 300
            thermostat = "v-rescale"
            barostat = "c-rescale"
            pressure = "1 bar"
            """;
    static final String RDF = """
            [[analysis]]
            stage = "nvt"
            type = "rdf"
            ref = "name LI"
            sel = "resname DMF and name O1"
            """;

    /**
     * @param deck   the deck's text
     * @param at     a piece of the deck whose (first) line the message must name; null: no line
     * @param expect pieces of the message
     */
    record Case(String label, String deck, String at, List<String> expect) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Case c(String label, String deck, String at, String... expect) {
        return new Case(label, deck, at, List.of(expect));
    }

    /** The deck with the first {@code from} replaced by {@code to}. */
    static String with(String deck, String from, String to) {
        if (!deck.contains(from)) throw new IllegalArgumentException("no '" + from + "' in the deck");
        return deck.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    static Stream<Case> cases() {
        List<Case> l = new ArrayList<>();
        // --- syntax, empty, structure
        l.add(c("TOML syntax: unquoted unit", SYS + with(NVT, "dt = \"1 fs\"", "dt = 1 fs"), "dt = 1 fs",
                "TOML syntax error", "Unexpected 'fs'", "strings need quotes"));
        l.add(c("TOML syntax: repeated key", SYS + with(NVT, "dt = \"1 fs\"", "dt = \"1 fs\"\ndt = \"2 fs\""), "dt = \"2 fs\"",
                "TOML syntax error", "previously defined", "remove the repeat"));
        l.add(c("TOML syntax: unclosed table header", "[system\n" + EM, "[system", "TOML syntax error", "expected ]"));
        l.add(c("empty deck", "# nothing but a comment\n\n", null, "the deck is empty", "docs/deck.md"));
        l.add(c("no stages", SYS, null, "no [[stage]]", "add at least one", "type = \"minimize\""));
        l.add(c("[stage] instead of [[stage]]", SYS + "[stage]\nname = \"em\"\ntype = \"minimize\"\n", "[stage]",
                "[[stage]] (double brackets)", "change [stage] to [[stage]]"));
        l.add(c("[[forces]] instead of [forces]", SYS + "[[forces]]\ncutoff = 1.0\n" + EM, "[[forces]]",
                "write [forces] (single brackets)"));
        l.add(c("no [system]", EM, null, "no [system]", "topology = \"system.top\"", "molecules ="));
        // --- unknown keys, with did-you-mean, at every level
        l.add(c("unknown key at the top", "sed = 7\n" + SYS + EM, "sed = 7", "unknown key 'sed'; did you mean 'seed'?"));
        l.add(c("unknown key in [system]", with(SYS, "density", "densty"), "densty",
                "[system]: unknown key 'densty'; did you mean 'density'?"));
        l.add(c("unknown key in [forces]", SYS + "[forces]\ncutof = 1.0\n" + EM, "cutof",
                "[forces]: unknown key 'cutof'; did you mean 'cutoff'?"));
        l.add(c("unknown key in [output]", SYS + "[output]\ntrajectroy = \"1 ps\"\n" + EM, "trajectroy",
                "[output]: unknown key 'trajectroy'; did you mean 'trajectory'?"));
        l.add(c("unknown key in a stage", SYS + with(NVT, "temperature", "temprature"), "temprature",
                "stage 'nvt': unknown key 'temprature'; did you mean 'temperature'?"));
        l.add(c("unknown key in an analysis", SYS + NVT + with(RDF, "sel =", "rmx = 1.0\nsel ="), "rmx",
                "[[analysis]] #1: unknown key 'rmx'; did you mean 'rmax'?"));
        l.add(c("unknown key without a near one", SYS + NVT.replace("dt =", "flux_capacitor = 1\ndt ="), "flux_capacitor",
                "unknown key 'flux_capacitor'; the keys here are name, type, ensemble"));
        l.add(c("key in the wrong table", SYS + NVT.replace("dt =", "cutoff = 1.0\ndt ="), "cutoff = 1.0",
                "stage 'nvt': key 'cutoff' belongs in [forces]; move it there"));
        l.add(c("md key in a minimize stage", SYS + EM + "dt = \"1 fs\"\n", "dt = ",
                "stage 'em': key 'dt' is for md stages", "type = \"minimize\"; remove it"));
        l.add(c("option of another analysis", SYS + NVT + RDF + "species = { DMF = \"name O1\" }\n", "species",
                "'species' is not an option of sheath analyze rdf; remove it"));
        // --- wrong types
        l.add(c("seed as a string", "seed = \"seven\"\n" + SYS + EM, "seed", "seed = \"seven\": expected a whole number, not a string; e.g. seed = 7"));
        l.add(c("steps with a decimal point", SYS + EM + "steps = 5000.0\n", "steps = 5000.0",
                "stage 'em': steps = 5000.0: expected a whole number; write steps = 5000 (no decimal point)"));
        l.add(c("thermostat as a number", SYS + with(NVT, "\"v-rescale\"", "1"), "thermostat",
                "thermostat = 1: expected nose-hoover, v-rescale or langevin in quotes"));
        l.add(c("molecules as a list", with(SYS, "{ LI = 20, TFSI = 20, DMF = 250 }", "[\"LI\", \"DMF\"]"), "molecules",
                "system.molecules = [\"LI\", \"DMF\"]: expected a table of species and counts", "molecules = { LI = 20"));
        l.add(c("title as a number", "title = 3\n" + SYS + EM, "title", "title = 3: expected a string in quotes"));
        l.add(c("dt as a table", SYS + with(NVT, "dt = \"1 fs\"", "dt = { value = 1 }"), "dt = {",
                "dt = { value = 1 }: expected a number (ps) or a string with a time unit, not a table; e.g. dt = \"2 fs\""));
        // --- [system]
        l.add(c("topology and molecules", with(FILES, "coordinates", "molecules = { LI = 1 }\ncoordinates") + EM, "molecules",
                "[system]: both topology/coordinates and molecules given", "keep topology + coordinates, or molecules"));
        l.add(c("neither topology nor molecules", "[system]\ndefines = [\"X\"]\n" + EM, "[system]",
                "[system]: no system given; add topology + coordinates, or molecules + density (or box)"));
        l.add(c("missing topology file", with(FILES, "system.top", "missing.top") + EM, "missing.top",
                "system.topology = \"missing.top\": no such file", "missing.top; relative paths are relative to the deck's folder"));
        l.add(c("missing coordinates file", with(FILES, "conf.gro", "sub/conf.gro") + EM, "sub/conf.gro",
                "system.coordinates = \"sub/conf.gro\": no such file"));
        l.add(c("topology without coordinates", "[system]\ntopology = \"system.top\"\n" + EM, "topology",
                "[system]: a topology without coordinates; add coordinates = \"conf.gro\""));
        l.add(c("unknown topology format", with(FILES, "system.top", "system.psf") + EM, "system.psf",
                "unknown format '.psf'; use a GROMACS .top/.itp or an AMBER .prmtop"));
        l.add(c("density with a coordinates file", FILES + "density = 1.0\n" + EM, "density",
                "system.density = 1.0: density is for a composition (molecules); the coordinates file gives the box; remove it"));
        l.add(c("unknown species", with(SYS, "DMF = 250", "DMSO = 250"), "molecules",
                "unknown species 'DMSO'; the bundled electrolyte.ff has DEC, DMC, DME, DMF, DOL, EC, EMC, FEC, FSI, LI, NO3, PF6, PVDF, PVHFP, SN, TFSI, ZN",
                "(did you mean 'DMC'?)"));
        l.add(c("species in the wrong case", with(SYS, "LI = 20", "Li = 20"), "molecules",
                "unknown species 'Li'", "(did you mean 'LI'?)"));
        l.add(c("zero molecules", with(SYS, "LI = 20", "LI = 0"), "molecules",
                "system.molecules.LI = 0: a count is a whole number > 0; e.g. LI = 20"));
        l.add(c("density zero", with(SYS, "density = 0.95", "density = 0"), "density", "system.density = 0: must be > 0"));
        l.add(c("density negative", with(SYS, "density = 0.95", "density = \"-1 g/cm3\""), "density",
                "system.density = \"-1 g/cm3\": must be > 0"));
        l.add(c("density and box", SYS + "box = 4.0\n" + EM, "box", "both density and box given; keep one"));
        l.add(c("molecules without density or box", with(SYS, "density = 0.95\n", "") + EM, "[system]",
                "molecules need a density or a box", "add density = 1.0"));
        l.add(c("box smaller than twice the cut-off", with(SYS, "density = 0.95", "box = 2.5") + EM, "box",
                "system.box = 2.5: an edge of 2.5 nm is less than twice the cut-off plus pair-list buffer (2 x 1.3 = 2.6 nm)",
                "make the box larger, or lower forces.cutoff"));
        l.add(c("box edge zero", with(SYS, "density = 0.95", "box = [4, 4, 0]") + EM, "box",
                "system.box = [4, 4, 0]: every edge must be > 0 nm"));
        l.add(c("density gives a box too small", "[system]\nmolecules = { LI = 2, TFSI = 2, DMF = 10 }\ndensity = 1.0\n" + EM,
                "density", "fill a cube", "less than twice the cut-off plus pair-list buffer", "add molecules"));
        l.add(c("coordinates box too small for a long cut-off", FILES + "[forces]\ncutoff = 1.8\n" + EM, "coordinates",
                "the box is 3.7 nm across, less than twice the cut-off plus pair-list buffer (2 x 1.9 = 3.8 nm)"));
        l.add(c("bad define", with(FILES, "coordinates", "defines = [\"-DFOO\"]\ncoordinates") + EM, "defines",
                "each define is a name in quotes (NAME or NAME=VALUE, no -D)"));
        // --- [forces], [output]
        l.add(c("unknown constraints", SYS + "[forces]\nconstraints = \"hbonds-only\"\n" + EM, "constraints",
                "forces.constraints = \"hbonds-only\": unknown constraints 'hbonds-only'; use none, h-bonds or all-bonds"));
        l.add(c("unknown modifier", SYS + "[forces]\nvdw_modifier = \"switch\"\n" + EM, "vdw_modifier",
                "unknown modifier 'switch'; use potential-shift or none"));
        l.add(c("unknown dispcorr", SYS + "[forces]\ndispcorr = \"AllEner\"\n" + EM, "dispcorr",
                "unknown dispcorr 'AllEner'; use EnerPres, Ener or no"));
        l.add(c("pme order out of range", SYS + "[forces]\npme_order = 2\n" + EM, "pme_order", "must be 3 to 12"));
        l.add(c("buffer given twice", SYS + "[forces]\nlist_buffer = 0.1\nverlet_buffer_tolerance = 0.005\n" + EM, "verlet_buffer_tolerance", "not both"));
        l.add(c("tolerance not positive", SYS + "[forces]\nverlet_buffer_tolerance = 0\n" + EM, "verlet_buffer_tolerance", "must be > 0"));
        l.add(c("nstlist out of range", SYS + "[forces]\nnstlist = 0\n" + EM, "nstlist", "must be 1 to 1000"));
        l.add(c("unknown kernel", SYS + "[forces]\nkernel = \"gpu\"\n" + EM, "kernel", "unknown kernel"));
        l.add(c("ewald_rtol out of range", SYS + "[forces]\newald_rtol = 2\n" + EM, "ewald_rtol", "must be between 0 and 1"));
        l.add(c("cut-off negative", SYS + "[forces]\ncutoff = -1.2\n" + EM, "cutoff", "forces.cutoff = -1.2: must be > 0"));
        l.add(c("unknown trajectory format", SYS + "[output]\nformat = \"dcd\"\n" + EM, "format",
                "unknown format 'dcd'; use xtc, h5md or both"));
        l.add(c("checkpoint with a wrong unit", SYS + "[output]\ncheckpoint = \"15 bar\"\n" + EM, "checkpoint",
                "unknown unit 'bar'; use a wall-clock time (s, min, h) or a simulated time (fs, ps, ns, us)"));
        l.add(c("negative trajectory interval", SYS + "[output]\ntrajectory = -1\n" + EM, "trajectory", "must be >= 0"));
        // --- stages
        l.add(c("stage without a name", SYS + NVT.replace("name = \"nvt\"\n", ""), "[[stage]]",
                "[[stage]] #1: no name; add name = \"...\""));
        l.add(c("stage names repeated", SYS + NVT + NVT, "name = \"nvt\"\ntype = \"md\"\nensemble = \"nvt\"\ndt = \"1 fs\"\nlength = \"10 ps\"\ntemperature = 300\nthermostat = \"v-rescale\"\n[[stage]]\nname",
                "stage 'nvt': the name 'nvt' is taken by the stage at line 4; give each stage its own name"));
        l.add(c("stage name with a space", SYS + with(NVT, "\"nvt\"", "\"my nvt\""), "my nvt",
                "name = \"my nvt\": a stage name names files", "use letters, digits"));
        l.add(c("misspelt name in a stage", SYS + NVT.replace("name = \"nvt\"", "nmae = \"nvt\""), "nmae",
                "[[stage]] #1: unknown key 'nmae'; did you mean 'name'?"));
        l.add(c("misspelt type in an analysis", SYS + NVT + RDF.replace("type = ", "tpye = "), "tpye",
                "[[analysis]] #1: unknown key 'tpye'; did you mean 'type'?"));
        l.add(c("stage without a type", SYS + NVT.replace("type = \"md\"\n", ""), "[[stage]]",
                "stage 'nvt': no type; add type = \"minimize\" or type = \"md\""));
        l.add(c("unknown stage type", SYS + with(NVT, "\"md\"", "\"dynamics\""), "dynamics",
                "unknown stage type 'dynamics'; use minimize or md"));
        l.add(c("unknown algorithm", SYS + EM + "algorithm = \"cg\"\n", "algorithm",
                "stage 'em': algorithm = \"cg\": unknown algorithm 'cg'; use steep, lbfgs or fire"));
        l.add(c("misspelt algorithm", SYS + EM + "algorithm = \"steepest\"\n", "algorithm", "(did you mean 'steep'?)"));
        l.add(c("unknown ensemble", SYS + with(NVT, "ensemble = \"nvt\"", "ensemble = \"npr\""), "npr",
                "stage 'nvt': ensemble = \"npr\": unknown ensemble 'npr'; use nve, nvt or npt (did you mean 'npt'?)"));
        l.add(c("md stage without an ensemble", SYS + NVT.replace("ensemble = \"nvt\"\n", ""), "[[stage]]",
                "no ensemble; add ensemble = \"nvt\""));
        l.add(c("unknown thermostat", SYS + with(NVT, "\"v-rescale\"", "\"vrescal\""), "vrescal",
                "unknown thermostat 'vrescal'; use nose-hoover, v-rescale or langevin (did you mean 'v-rescale'?)"));
        l.add(c("unknown barostat", SYS + with(NPT, "\"c-rescale\"", "\"parrinello-rahman\""), "parrinello",
                "unknown barostat 'parrinello-rahman'; use mtk, c-rescale or berendsen"));
        l.add(c("dt zero", SYS + with(NVT, "\"1 fs\"", "0"), "dt = 0", "stage 'nvt': dt = 0: the time step must be > 0; e.g. dt = \"2 fs\""));
        l.add(c("dt negative", SYS + with(NVT, "\"1 fs\"", "\"-2 fs\""), "dt =", "dt = \"-2 fs\": the time step must be > 0"));
        l.add(c("dt absurdly large", SYS + with(NVT, "\"1 fs\"", "\"25 fs\""), "dt =",
                "a time step of 25 fs cannot be integrated (the limit is 20 fs; 1-2 fs is usual)"));
        l.add(c("dt in an unknown unit", SYS + with(NVT, "\"1 fs\"", "\"2 fz\""), "dt =",
                "stage 'nvt': dt = \"2 fz\": unknown time unit 'fz'; use fs, ps, ns or us"));
        l.add(c("dt in a wall-clock unit", SYS + with(NVT, "\"1 fs\"", "\"1 min\""), "dt =",
                "'min' is a wall-clock unit; simulated times use fs, ps, ns or us"));
        l.add(c("length and steps", SYS + NVT + "steps = 100\n", "steps = 100", "both length and steps given; keep one"));
        l.add(c("neither length nor steps", SYS + NVT.replace("length = \"10 ps\"\n", ""), "[[stage]]",
                "no length; add length = \"100 ps\" or steps = N"));
        l.add(c("npt without pressure", SYS + NPT.replace("pressure = \"1 bar\"\n", ""), "[[stage]]",
                "stage 'npt': an npt stage needs a pressure; add pressure = \"1 bar\""));
        l.add(c("nstpcouple with mtk", SYS + with(NPT, "\"c-rescale\"", "\"mtk\"") + "nstpcouple = 10\n", "nstpcouple",
                "mtk couples the box every step; remove nstpcouple"));
        l.add(c("nstpcouple zero", SYS + NPT + "nstpcouple = 0\n", "nstpcouple", "must be 1 to 1000 steps"));
        l.add(c("nstpcouple too long for tau_p", SYS + NPT + "tau_p = 0.5\nnstpcouple = 200\n", "nstpcouple",
                "nstpcouple × dt = 0.2 ps is more than tau_p/5 (0.1 ps); use nstpcouple ≤ 100 or a longer tau_p"));
        l.add(c("npt without barostat", SYS + NPT.replace("barostat = \"c-rescale\"\n", ""), "[[stage]]",
                "an npt stage needs a barostat; add barostat = \"c-rescale\""));
        l.add(c("pressure in an unknown unit", SYS + with(NPT, "\"1 bar\"", "\"1 atn\""), "pressure",
                "pressure = \"1 atn\": unknown pressure unit 'atn'; use bar, atm, Pa, kPa, MPa or GPa"));
        l.add(c("pressure in an nvt stage", SYS + NVT + "pressure = \"1 bar\"\n", "pressure",
                "pressure coupling is for npt stages; remove pressure, or set ensemble = \"npt\""));
        l.add(c("two pressures for isotropic coupling", SYS + with(NPT, "\"1 bar\"", "[1, 1]"), "pressure",
                "isotropic coupling takes one value", "coupling = \"semi-isotropic\""));
        l.add(c("compressibility zero", SYS + NPT + "compressibility = 0\n", "compressibility", "must be > 0"));
        l.add(c("nvt without thermostat", SYS + NVT.replace("thermostat = \"v-rescale\"\n", ""), "[[stage]]",
                "stage 'nvt': an nvt stage needs a thermostat; add thermostat = \"v-rescale\""));
        l.add(c("nvt without temperature", SYS + NVT.replace("temperature = 300\n", ""), "[[stage]]",
                "an nvt stage needs a temperature; add temperature = 300 (K)"));
        l.add(c("nve with a thermostat", SYS + with(NVT, "ensemble = \"nvt\"", "ensemble = \"nve\""), "thermostat",
                "thermostat = \"v-rescale\": an nve stage has no thermostat; remove thermostat, or set ensemble = \"nvt\""));
        l.add(c("nh_chain_length with v-rescale", SYS + NVT + "nh_chain_length = 5\n", "nh_chain_length",
                "only nose-hoover has chains"));
        l.add(c("temperature zero", SYS + with(NVT, "temperature = 300", "temperature = 0"), "temperature",
                "temperature = 0: must be > 0 K"));
        l.add(c("temperature in Celsius", SYS + with(NVT, "temperature = 300", "temperature = \"27 C\""), "temperature",
                "unknown temperature unit 'C'; use K"));
        l.add(c("annealing times not increasing", SYS + with(NVT, "temperature = 300", "temperature = [[0, 700], [8, 500], [5, 300]]"),
                "temperature", "temperature point [5, 300]: times must increase, and 5 ps comes after 8 ps; sort the points by time"));
        l.add(c("annealing not starting at 0", SYS + with(NVT, "temperature = 300", "temperature = [[1, 700], [5, 300]]"),
                "temperature", "temperature point [1, 700]: the first point must be at time 0"));
        l.add(c("annealing past the stage's end", SYS + with(NVT, "temperature = 300", "temperature = [[0, 700], [\"1 ns\", 300]]"),
                "temperature", "1000 ps is after the end of the stage (10 ps)"));
        l.add(c("annealing written flat", SYS + with(NVT, "temperature = 300", "temperature = [300, 310]"), "temperature",
                "a schedule is a list of [time, K] points", "for one temperature write temperature = 300"));
        l.add(c("annealing with a negative temperature", SYS + with(NVT, "temperature = 300", "temperature = [[0, 300], [5, -3]]"),
                "temperature", "temperatures must be > 0 K"));
        l.add(c("continue velocities of a built box", SYS + NVT + "velocities = \"continue\"\n", "velocities",
                "the built box has no velocities to continue", "use velocities = \"maxwell\""));
        l.add(c("nve schedule", SYS + with(with(NVT, "ensemble = \"nvt\"", "ensemble = \"nve\""), "thermostat = \"v-rescale\"\n", "")
                        .replace("temperature = 300", "temperature = [[0, 300], [5, 400]]"), "temperature",
                "an nve stage cannot follow a schedule"));
        // --- analyses
        l.add(c("analysis of an unknown stage", SYS + NVT + with(RDF, "\"nvt\"", "\"nvtt\""), "nvtt",
                "stage = \"nvtt\": no stage is named 'nvtt'; the stages are nvt (did you mean 'nvt'?)"));
        l.add(c("analysis of a minimize stage", SYS + EM + NVT + with(RDF, "\"nvt\"", "\"em\""), "stage = \"em\"",
                "'em' is a minimize stage and writes no trajectory; name an md stage"));
        l.add(c("analysis without a trajectory", SYS + "[output]\ntrajectory = 0\n" + NVT + RDF, "stage = \"nvt\"",
                "[output] trajectory = 0 writes no frames to analyse"));
        l.add(c("analysis missing a required option", SYS + NVT + RDF.replace("sel = \"resname DMF and name O1\"\n", ""),
                "[[analysis]]", "sheath analyze rdf needs sel; add sel = \"resname DMF and name O1\""));
        l.add(c("unknown analysis type", SYS + NVT + with(RDF, "\"rdf\"", "\"vacf\""), "vacf",
                "unknown analysis type 'vacf'; use rdf, shells or msd"));
        l.add(c("analysis flag not boolean", SYS + NVT + RDF + "exclude_same_molecule = \"yes\"\n", "exclude_same_molecule",
                "expected true or false"));
        l.add(c("analysis length with a bad unit", SYS + NVT + RDF + "rmax = \"1 parsec\"\n", "rmax",
                "unknown length unit 'parsec'"));
        return l.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneLineNamingFileLineAndFix(Case c) throws IOException {
        Path file = dir.resolve("deck.toml");
        Files.writeString(file, c.deck());
        InputException e = catchThrowableOfType(() -> Deck.read(file), InputException.class);
        assertThat(e).as("deck:\n" + c.deck()).isNotNull();
        String m = e.getMessage();
        if (Boolean.getBoolean("sheath.deck.print")) System.out.println("MSG " + c.label() + " | " + m.replace(dir.toString(), "DIR"));
        assertThat(m).doesNotContain("\n").doesNotContain("\r");
        assertThat(e.file()).isEqualTo(file.toString());
        if (c.at() == null) {
            assertThat(m).startsWith(file + ": ");
        } else {
            int idx = c.deck().indexOf(c.at());
            assertThat(idx).as("'" + c.at() + "' in the deck").isNotNegative();
            int line = (int) c.deck().substring(0, idx).chars().filter(ch -> ch == '\n').count() + 1;
            if (c.at().contains("\n")) line += (int) c.at().chars().filter(ch -> ch == '\n').count();
            assertThat(m).startsWith(file + ":" + line + ": ");
        }
        for (String piece : c.expect()) assertThat(m).contains(piece);
    }

    static long count() {
        return cases().count();
    }
}
