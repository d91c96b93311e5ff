package org.sheath.analysis.traj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Variants not covered by the MDAnalysis fixtures, written by hand. */
class TextFormatsTest {
    @TempDir
    Path tmp;

    private Path file(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void lammpsSparseIdsVelocitiesForcesAndMetalUnits() throws IOException {
        Path p = file("sparse.dump", """
                ITEM: TIMESTEP
                500
                ITEM: TIME
                0.25
                ITEM: NUMBER OF ATOMS
                3
                ITEM: BOX BOUNDS pp pp pp
                0 10
                0 20
                -5 5
                ITEM: ATOMS vx vy vz id x y z fx fy fz
                1 2 3 30 3.0 3.5 -3.0 1 0 0
                4 5 6 10 1.0 1.5 -1.0 0 1 0
                7 8 9 20 2.0 2.5 -2.0 0 0 1
                """);
        try (TrajectoryReader r = new LammpsDumpReader(p, LammpsUnits.METAL, Double.NaN)) {
            Frame f = new Frame();
            assertThat(r.next(f)).isTrue();
            assertThat(f.step).isEqualTo(500);
            assertThat(f.time).isEqualTo(0.25);
            // sorted by id: 10, 20, 30; z relative to zlo = -5; Å -> nm
            assertThat(f.x[0]).isCloseTo(0.1, within(1e-12));
            assertThat(f.x[1]).isCloseTo(0.2, within(1e-12));
            assertThat(f.x[2]).isCloseTo(0.3, within(1e-12));
            assertThat(f.z[0]).isCloseTo(0.4, within(1e-12));
            assertThat(f.hasVelocities).isTrue();
            assertThat(f.vx[0]).isCloseTo(0.4, within(1e-12)); // 4 Å/ps
            assertThat(f.hasForces).isTrue();
            assertThat(f.fy[0]).isCloseTo(964.8533212, within(1e-9)); // 1 eV/Å
            assertThat(f.box).containsExactly(1.0, 0, 0, 0, 2.0, 0, 0, 0, 1.0);
            assertThat(r.next(f)).isFalse();
        }
    }

    @Test
    void lammpsWithoutIdsKeepsFileOrderAndUsesTheDefaultTimestep() throws IOException {
        Path p = file("noid.lammpstrj", """
                ITEM: TIMESTEP
                1000
                ITEM: NUMBER OF ATOMS
                2
                ITEM: BOX BOUNDS pp pp pp
                0 10
                0 10
                0 10
                ITEM: ATOMS type x y z
                1 5 5 5
                1 1 1 1
                """);
        try (TrajectoryReader r = TrajectoryFormats.open(p)) {
            Frame f = new Frame();
            assertThat(r.next(f)).isTrue();
            assertThat(f.x[0]).isCloseTo(0.5, within(1e-12));
            assertThat(f.x[1]).isCloseTo(0.1, within(1e-12));
            assertThat(f.time).isCloseTo(1.0, within(1e-12)); // 1000 steps x 1 fs (real units)
        }
    }

    @Test
    void groWithRectangularBoxNoVelocitiesAndHigherPrecision() throws IOException {
        Path p = file("hp.gro", """
                two frames, no time
                 2
                    1SOL     OW    1   0.12345   1.00000   2.00000
                    1SOL    HW1    2  -0.50000   0.25000   3.75000
                   3.00000   4.00000   5.00000
                two frames, no time
                 2
                    1SOL     OW    1   0.22345   1.00000   2.00000
                    1SOL    HW1    2  -0.40000   0.25000   3.75000
                   3.00000   4.00000   5.00000
                """);
        try (TrajectoryReader r = TrajectoryFormats.open(p)) {
            assertThat(r.frameCount()).isEqualTo(2);
            Frame f = new Frame();
            r.seek(1);
            assertThat(r.next(f)).isTrue();
            assertThat(f.x[0]).isEqualTo(0.22345);
            assertThat(f.x[1]).isEqualTo(-0.4);
            assertThat(f.z[1]).isEqualTo(3.75);
            assertThat(f.hasVelocities).isFalse();
            assertThat(f.box).containsExactly(3.0, 0, 0, 0, 4.0, 0, 0, 0, 5.0);
            assertThat(f.time).isEqualTo(1.0);
        }
    }

    @Test
    void pdbFramesSeparatedByEndWithoutModelRecords() throws IOException {
        String atoms = """
                CRYST1   30.000   30.000   30.000  90.00  90.00  90.00 P 1           1
                ATOM      1  OW  SOL     1    %8.3f   2.000   3.000  1.00  0.00            O
                ATOM      2  HW1 SOL     1       4.000   5.000   6.000  1.00  0.00            H
                END
                """;
        Path p = file("noModel.pdb", String.format(atoms, 1.0) + String.format(atoms, 1.5));
        try (TrajectoryReader r = TrajectoryFormats.open(p)) {
            assertThat(r.atomCount()).isEqualTo(2);
            assertThat(r.frameCount()).isEqualTo(2);
            Frame f = new Frame();
            assertThat(r.next(f)).isTrue();
            assertThat(f.box).containsExactly(3.0, 0, 0, 0, 3.0, 0, 0, 0, 3.0);
            assertThat(r.next(f)).isTrue();
            assertThat(f.x[0]).isCloseTo(0.15, within(1e-12));
            assertThat(f.z[1]).isCloseTo(0.6, within(1e-12));
            assertThat(r.next(f)).isFalse();
        }
    }

    @Test
    void lammpsUnitNames() {
        assertThat(LammpsUnits.of("real").length).isEqualTo(0.1);
        assertThat(LammpsUnits.of("SI").length).isEqualTo(1e9);
    }
}
