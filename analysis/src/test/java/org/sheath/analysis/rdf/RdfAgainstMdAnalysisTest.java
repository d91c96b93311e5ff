package org.sheath.analysis.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sheath.analysis.core.AnalysisRunner;
import org.sheath.analysis.core.Universe;
import org.sheath.analysis.traj.TrajectoryFormats;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sheath's g(r) and CN against MDAnalysis 2.4 InterRDF on 100 ps of OpenMM MD of the LiTFSI/Zn(TFSI)2/DMF
 * example box, read from XTC, DCD and LAMMPS dump (fixtures and reference numbers: make_fixtures.py).
 */
class RdfAgainstMdAnalysisTest {
    static final Path DIR = Path.of("src/test/resources/rdf");
    static Universe universe;

    @BeforeAll
    static void load() {
        universe = Universe.load(Path.of("../inputs/litfsi-zn-dmf/system.top"));
    }

    static double[][] reference(String file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve(file))) {
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] t = line.split(",");
            rows.add(new double[] {Double.parseDouble(t[0]), Double.parseDouble(t[1]), Double.parseDouble(t[2])});
        }
        return rows.toArray(new double[0][]);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "xtc, li_o, name LI, resname DMF and name O1",
        "xtc, zn_o, name ZN, resname DMF and name O1",
        "xtc, o_o, resname DMF and name O1, resname DMF and name O1",
        "dcd, li_o, name LI, resname DMF and name O1",
        "dcd, zn_o, name ZN, resname DMF and name O1",
        "dcd, o_o, resname DMF and name O1, resname DMF and name O1",
        "lammpstrj, li_o, name LI, resname DMF and name O1",
        "lammpstrj, zn_o, name ZN, resname DMF and name O1",
        "lammpstrj, o_o, resname DMF and name O1, resname DMF and name O1",
    })
    void agreesWithMdAnalysisInterRdf(String ext, String pair, String ref, String sel) throws IOException {
        double[][] mda = reference("reference_" + ext + "_" + pair + ".csv");
        Path traj = DIR.resolve("litfsi." + ext);
        RdfOptions o = RdfOptions.of(ref, sel).withBin(1.2 / 571).withRmax(1.2);
        RdfResult res = AnalysisRunner.run(new RdfAnalysis(), universe, o, () -> TrajectoryFormats.open(traj),
                traj.toString(), AnalysisRunner.Options.defaults().withThreads(2));
        assertThat(res.r()).hasSize(mda.length);
        double dg = 0, dcn = 0;
        for (int k = 0; k < mda.length; k++) {
            assertThat(res.r()[k]).isCloseTo(mda[k][0], org.assertj.core.api.Assertions.within(1e-9));
            dg = Math.max(dg, Math.abs(res.g()[k] - mda[k][1]));
            dcn = Math.max(dcn, Math.abs(res.cn()[k] - mda[k][2]));
        }
        System.out.printf(Locale.ROOT, "%s %s (%d frames): max |dg| = %.3g, max |dCN| = %.3g; shell: peak %.4f nm g %.3f, "
                + "min %.4f nm, CN %.4f%n", ext, pair, res.run().frames(), dg, dcn, res.shell().peakR(), res.shell().peakG(),
                res.shell().minR(), res.shell().cn());
        assertThat(dg).isLessThan(0.01);
        assertThat(dcn).isLessThan(0.01);
    }
}
