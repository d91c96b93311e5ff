package org.sheath.forcefields.amber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheath.forcefields.InputException;

class AmberCoordinatesTest {
    @TempDir
    Path tmp;

    @Test
    void readsTfsiInpcrd() {
        AmberCoordinates.Result r = AmberCoordinates.read(PrmtopReaderTest.source("tf2n_AC.inpcrd"));
        assertThat(r.atomCount()).isEqualTo(15);
        assertThat(r.title()).isEqualTo("tf2n.pdb");
        assertThat(r.x()[0]).isCloseTo(0.0511, within(1e-12));
        assertThat(r.z()[0]).isCloseTo(-0.0746, within(1e-12));
        assertThat(r.x()[14]).isCloseTo(-0.4265, within(1e-12));
        assertThat(r.z()[14]).isCloseTo(0.1566, within(1e-12));
        assertThat(r.hasVelocities()).isFalse();
        assertThat(r.box9()).isNull();
    }

    @Test
    void readsRestartWithVelocitiesAndTriclinicBox() throws IOException {
        String rst = """
                restart
                    3  1.0000000E+01
                   1.0000000   2.0000000   3.0000000  -1.0000000 -10.0000000 100.0000000
                   0.5000000   0.2500000   0.1250000
                   1.0000000   0.0000000  -1.0000000   0.1000000   0.2000000   0.3000000
                   0.0000000   0.0000000   2.0000000
                  40.0000000  40.0000000  40.0000000 109.4712190 109.4712190 109.4712190
                """;
        Path p = tmp.resolve("oct.rst7");
        Files.writeString(p, rst);
        AmberCoordinates.Result r = AmberCoordinates.read(p);
        assertThat(r.atomCount()).isEqualTo(3);
        assertThat(r.time()).isEqualTo(10.0);
        assertThat(r.y()[1]).isCloseTo(-1.0, within(1e-12));
        assertThat(r.z()[1]).isCloseTo(10.0, within(1e-12));
        assertThat(r.vx()[0]).isCloseTo(2.0455, within(1e-12));
        assertThat(r.vz()[2]).isCloseTo(2 * 2.0455, within(1e-12));
        double[] b = r.box9();
        assertThat(b[1]).isZero();
        assertThat(b[2]).isZero();
        assertThat(b[5]).isZero();
        double[] a = {b[0], b[1], b[2]}, bb = {b[3], b[4], b[5]}, c = {b[6], b[7], b[8]};
        assertThat(len(a)).isCloseTo(4, within(1e-12));
        assertThat(len(bb)).isCloseTo(4, within(1e-12));
        assertThat(len(c)).isCloseTo(4, within(1e-12));
        assertThat(angle(bb, c)).isCloseTo(109.4712190, within(1e-9));
        assertThat(angle(a, c)).isCloseTo(109.4712190, within(1e-9));
        assertThat(angle(a, bb)).isCloseTo(109.4712190, within(1e-9));
    }

    @Test
    void rectangularBoxHasExactZeros() throws IOException {
        Path p = tmp.resolve("box.inpcrd");
        Files.writeString(p, "t\n    1\n   1.0000000   2.0000000   3.0000000\n  30.0000000  31.0000000  32.0000000  90.0000000  90.0000000  90.0000000\n");
        assertThat(AmberCoordinates.read(p).box9()).containsExactly(3.0, 0, 0, 0, 3.1, 0, 0, 0, 3.2);
    }

    @Test
    void wrongCountAndNetCdfAreInputErrors() throws IOException {
        Path p = tmp.resolve("short.inpcrd");
        Files.writeString(p, "t\n    3\n   1.0000000   2.0000000   3.0000000   4.0000000\n");
        assertThatThrownBy(() -> AmberCoordinates.read(p)).isInstanceOf(InputException.class)
                .hasMessageContaining("short.inpcrd").hasMessageContaining("3 atoms need 9");
        Path nc = tmp.resolve("r.ncrst");
        Files.write(nc, new byte[] {'C', 'D', 'F', 2, 0, 0});
        assertThatThrownBy(() -> AmberCoordinates.read(nc)).isInstanceOf(InputException.class).hasMessageContaining("NetCDF");
        Path bad = tmp.resolve("bad.inpcrd");
        Files.writeString(bad, "t\n    1\n   1.0000000   x.0000000   3.0000000\n");
        assertThatThrownBy(() -> AmberCoordinates.read(bad)).isInstanceOf(InputException.class).hasMessageContaining("bad.inpcrd:3");
    }

    @Test
    void prmtopBoxDimensionsForOctahedron() {
        double beta = 109.4712206;
        double[] b = AmberCoordinates.boxVectors(50, 50, 50, beta, beta, beta);
        assertThat(b[0] * b[4] * b[8]).isCloseTo(volumeOctahedron(5.0), within(1e-6));
    }

    static double volumeOctahedron(double a) {
        // a triclinic cell with |a|=|b|=|c| and all angles arccos(-1/3) has volume a³·sqrt(1 − 3c² + 2c³), c = −1/3
        double c = -1.0 / 3;
        return a * a * a * Math.sqrt(1 - 3 * c * c + 2 * c * c * c);
    }

    static double len(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }

    static double angle(double[] u, double[] v) {
        return Math.toDegrees(Math.acos((u[0] * v[0] + u[1] * v[1] + u[2] * v[2]) / (len(u) * len(v))));
    }
}
