package org.sheath.forcefields.coords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheath.forcefields.InputException;
import org.sheath.forcefields.TopFiles;

class StructureFilesTest {
    static final Path SHARED = Path.of("../../shared/reference/forcefield-sources");
    @TempDir Path dir;

    private static Structure sample(double[] box) {
        return new Structure("sample", new String[] {"OW", "HW1", "HW2", "LI"}, new String[] {"SOL", "SOL", "SOL", "LI"},
                new int[] {1, 1, 1, 2}, null, new double[] {0.1, 0.2, -0.3, 1.234}, new double[] {0.5, 0.6, 0.7, 2.0},
                new double[] {1.0, 1.1, 1.2, 0.001}, null, null, null, box);
    }

    @Test
    void groRoundTripWithTriclinicBox() {
        double[] box = {3.0, 0, 0, 1.0, 2.8, 0, -0.5, 0.7, 2.5};
        Path f = dir.resolve("t.gro");
        StructureFiles.write(f, sample(box));
        Structure s = StructureFiles.read(f);
        assertThat(s.natoms).isEqualTo(4);
        assertThat(s.atomName).containsExactly("OW", "HW1", "HW2", "LI");
        assertThat(s.residueNumber).containsExactly(1, 1, 1, 2);
        assertThat(s.x[3]).isEqualTo(1.234);
        assertThat(s.z[3]).isEqualTo(0.001);
        assertThat(s.box).containsExactly(box);
        assertThat(s.hasVelocities()).isFalse();
    }

    @Test
    void groWithWideColumnsAsWrittenByOtherTools() {
        Structure s = GroFile.read(SHARED.resolve("freesolv-gaff-am1bcc/mobley_8011706.gro"));
        assertThat(s.natoms).isEqualTo(12);
        assertThat(s.atomName[0]).isEqualTo("C1");
        assertThat(s.x[0]).isEqualTo(0.0969);
        assertThat(s.y[0]).isEqualTo(-0.0055);
        assertThat(s.z[11]).isEqualTo(0.0404);
        assertThat(s.box[0]).isEqualTo(7.0);
    }

    @Test
    void groVelocitiesAreRead() {
        Path f = TopFiles.write(dir, "v.gro", """
                with velocities
                    2
                    1SOL     OW    1   0.126   1.624   1.679  0.1227 -0.0580  0.0434
                    1SOL    HW1    2   0.190   1.661   1.747  0.8085  0.3191 -0.7791
                   1.86206   1.86206   1.86206
                """);
        Structure s = StructureFiles.read(f);
        assertThat(s.hasVelocities()).isTrue();
        assertThat(s.vx[1]).isEqualTo(0.8085);
        assertThat(s.vz[0]).isEqualTo(0.0434);
    }

    @Test
    void pdbRoundTripConvertsAngstromAndCryst1() {
        double[] box = {3.0, 0, 0, 0, 3.2, 0, 0, 0, 3.4};
        Path f = dir.resolve("t.pdb");
        StructureFiles.write(f, sample(box));
        Structure s = StructureFiles.read(f);
        assertThat(s.atomName).containsExactly("OW", "HW1", "HW2", "LI");
        assertThat(s.residueName).containsExactly("SOL", "SOL", "SOL", "LI");
        assertThat(s.x[3]).isCloseTo(1.234, within(1e-9));
        assertThat(s.box[0]).isCloseTo(3.0, within(1e-9));
        assertThat(s.box[8]).isCloseTo(3.4, within(1e-9));
    }

    @Test
    void pdbTriclinicBoxFromCryst1Angles() {
        double[] box = Structure.boxFromLengthsAngles(3, 3, 3, 60, 60, 90);
        double[] la = Structure.lengthsAngles(box);
        assertThat(la).containsExactly(new double[] {3, 3, 3, 60, 60, 90}, within(1e-9));
        assertThat(box[1]).isZero();
        assertThat(box[2]).isZero();
        assertThat(box[5]).isZero();
    }

    @Test
    void pdbFromAnotherSource() {
        Structure s = PdbFile.read(SHARED.resolve("opls2009il-acevedo/NTF2.pdb"));
        assertThat(s.natoms).isEqualTo(15);
    }

    @Test
    void truncatedGroAndUnknownFormatAreClearErrors() throws Exception {
        Path f = TopFiles.write(dir, "short.gro", "t\n    3\n    1SOL     OW    1   0.126   1.624   1.679\n");
        assertThatThrownBy(() -> StructureFiles.read(f)).isInstanceOf(InputException.class)
                .hasMessageContaining("short.gro").hasMessageContaining("announces 3 atoms");
        Path g = TopFiles.write(dir, "x.xyz", "");
        assertThatThrownBy(() -> StructureFiles.read(g)).isInstanceOf(InputException.class)
                .hasMessageContaining("unknown coordinate format '.xyz'");
        assertThat(Files.exists(dir.resolve("missing.gro"))).isFalse();
        assertThatThrownBy(() -> StructureFiles.read(dir.resolve("missing.gro"))).isInstanceOf(InputException.class)
                .hasMessageContaining("file not found");
    }
}
