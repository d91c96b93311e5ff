package org.sheath.engine.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.integrate.DynamicsCheckpoint;

/** The run directory's checkpoint file, energies.csv (cut back on resume) and block averages. */
class RunFilesTest {
    @TempDir Path dir;

    @Test
    void checkpointRoundTripsBitForBitAndRejectsDamage() throws IOException {
        double[] a = {1.0, -0.0, Double.MIN_VALUE, Math.PI, Double.NaN};
        DynamicsCheckpoint d = new DynamicsCheckpoint(17, 0.034, new double[9], a, a, a, a, a, a, 0.0, 0, 17, 300.5,
                new double[] {1, 2}, new double[0], new byte[] {1, 2, 3}, new double[9], new double[9], new double[9],
                new double[8], new double[][] {a, a, a});
        RunCheckpoint c = new RunCheckpoint("abc", 42, 2, 3, RunCheckpoint.Phase.MID, 1.5, null, null, null, null, null, null,
                null, new double[9], d, 1234, 56, 7, 8, 9.5, 17, 99.0, List.of("{\"a\":1}", "{\"b\":2}"));
        Path f = dir.resolve("checkpoint.cpt");
        c.write(f);
        assertThat(dir.resolve("checkpoint.cpt.tmp")).doesNotExist();
        RunCheckpoint r = RunCheckpoint.read(f);
        assertThat(r.phase()).isEqualTo(RunCheckpoint.Phase.MID);
        assertThat(r.dynamics().x()).isEqualTo(a);
        assertThat(Double.doubleToRawLongBits(r.dynamics().x()[1])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(r.dynamics().random()).containsExactly(1, 2, 3);
        assertThat(r.dynamics().pairList()).hasNumberOfRows(3);
        assertThat(r.stageSummaries()).containsExactly("{\"a\":1}", "{\"b\":2}");
        assertThat(r.energiesBytes()).isEqualTo(1234);
        assertThat(r.x()).isNull();
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 1;
        Files.write(f, b);
        assertThatThrownBy(() -> RunCheckpoint.read(f)).isInstanceOf(IOException.class).hasMessageContaining("CRC");
    }

    @Test
    void energiesCsvIsCutBackToTheCheckpoint() throws IOException {
        Path f = dir.resolve("energies.csv");
        List<EnergyTerm> terms = List.of(EnergyTerm.BOND, EnergyTerm.LJ_SR);
        long keep;
        try (EnergiesCsv csv = EnergiesCsv.create(f, terms)) {
            csv.row("md", 0, 0, new double[] {1.5, -2.25}, new double[] {1, 2, 3, 4, 300, 1, 27, 1000});
            keep = csv.sync();
            csv.row("md", 10, 0.02, new double[] {1.5, -2.25}, new double[] {1, Double.NaN, 3, 4, 300, 1, 27, 1000});
        }
        assertThat(Files.readAllLines(f)).hasSize(3);
        assertThat(Files.readAllLines(f).get(0))
                .isEqualTo("stage,step,time,Bond,LJ (SR),Potential,Kinetic En.,Total Energy,Conserved En.,Temperature,Pressure,Volume,Density");
        assertThat(Files.readAllLines(f).get(2)).isEqualTo("md,10,0.02,1.5,-2.25,1,,3,4,300,1,27,1000");
        try (EnergiesCsv csv = EnergiesCsv.open(f, terms, keep, 1)) {
            csv.row("md", 10, 0.02, new double[] {1, 2}, new double[] {1, 2, 3, 4, 5, 6, 7, 8});
        }
        List<String> lines = Files.readAllLines(f);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).isEqualTo("md,10,0.02,1,2,1,2,3,4,5,6,7,8");
        assertThat(EnergiesCsv.read(f, "md", List.of("Temperature"))[0]).containsExactly(300, 5);
        assertThatThrownBy(() -> EnergiesCsv.open(f, List.of(EnergyTerm.BOND), keep, 1)).hasMessageContaining("header");
    }

    @Test
    void blockAverageErrorOfIndependentSamples() {
        java.util.Random r = new java.util.Random(1);
        double[] a = new double[5000];
        for (int i = 0; i < a.length; i++) a[i] = 10 + r.nextGaussian();
        BlockAverage b = BlockAverage.of(a);
        assertThat(b.mean()).isCloseTo(10, org.assertj.core.data.Offset.offset(0.1));
        // sigma / sqrt(n) = 0.014; five blocks estimate it within a factor of ~2
        assertThat(b.error()).isBetween(0.005, 0.04);
        assertThat(BlockAverage.of(new double[] {1, 2, 3}).error()).isNaN();
        assertThat(StageRunner.largestDivisorAtMost(1000, 100)).isEqualTo(100);
        assertThat(StageRunner.largestDivisorAtMost(50, 100)).isEqualTo(50);
        assertThat(StageRunner.largestDivisorAtMost(333, 100)).isEqualTo(37);
    }
}
