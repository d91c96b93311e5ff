package org.sheath.engine.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheath.engine.force.nonbonded.NonbondedOptions;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;
import org.sheath.forcefields.InputException;
import org.sheath.forcefields.TopologyFiles;
import org.sheath.forcefields.coords.StructureFiles;
import org.sheath.forcefields.gromacs.GromacsTopologyReader;
import org.sheath.forcefields.model.FlatTopology;

class ContextTest {
    static final double KB = 0.0083144626; // kJ/mol/K
    @TempDir Path dir;

    /** A topology of single-atom molecules: n1 of type A (charge q1), n2 of type B (charge q2). */
    static FlatTopology ions(Path dir, int n1, double q1, double eps1, int n2, double q2) throws IOException {
        Path top = dir.resolve("ions.top");
        Files.writeString(top, String.join("\n",
                "[ defaults ]", "1 2 yes 0.5 0.8333", "[ atomtypes ]",
                "A A 11 22.99 0 A 0.25 " + eps1, "B B 17 35.45 0 A 0.40 " + (eps1 == 0 ? 0 : 0.4),
                "[ moleculetype ]", "NA 1", "[ atoms ]", "1 A 1 NA NA 1 " + q1 + " 22.99",
                "[ moleculetype ]", "CL 1", "[ atoms ]", "1 B 1 CL CL 1 " + q2 + " 35.45",
                "[ system ]", "ions", "[ molecules ]", "NA " + n1, n2 > 0 ? "CL " + n2 : "", ""));
        return FlatTopology.of(TopologyFiles.read(top, GromacsTopologyReader.Options.DEFAULT));
    }

    @Test
    void idealGasPressureFromVelocities() throws IOException {
        int n = 500;
        FlatTopology top = ions(dir, n, 0.0, 0.0, 0, 0);
        MdSystem sys = new MdSystem(top);
        State s = new State(n, Box.rectangular(5, 5, 5));
        Random rnd = new Random(1);
        double t = 300;
        for (int i = 0; i < n; i++) {
            s.x[i] = 5 * rnd.nextDouble(); s.y[i] = 5 * rnd.nextDouble(); s.z[i] = 5 * rnd.nextDouble();
            double sd = Math.sqrt(KB * t / sys.masses[i]);
            s.vx[i] = sd * rnd.nextGaussian(); s.vy[i] = sd * rnd.nextGaussian(); s.vz[i] = sd * rnd.nextGaussian();
        }
        try (Context c = new Context(sys, s, ForceSet.create(sys, NonbondedOptions.DEFAULTS, s.box), 1)) {
            EnergyReport r = c.energyReport(true);
            double tInst = 2 * r.kinetic() / (3 * n * KB);
            double pIdeal = n * KB * tInst / s.box.volume() * EnergyReport.PRESFAC;
            assertThat(r.potential()).isZero();
            assertThat(r.pressure()).isCloseTo(pIdeal, within(1e-12 * pIdeal));
            assertThat(tInst).isCloseTo(t, within(0.1 * t));
            EnergyReport still = c.energyReport(false);
            assertThat(still.kinetic()).isZero();
            assertThat(still.pressure()).isZero();
            System.out.printf("ideal gas: P %.6f bar = NkT/V %.6f bar (T %.2f K)%n", r.pressure(), pIdeal, tInst);
        }
    }

    @Test
    void reportIsIndependentOfThreadCount() {
        MdSystem sys = new MdSystem(FlatTopology.of(TopologyFiles.read(Path.of("../inputs/litfsi-zn-dmf/system.top"),
                GromacsTopologyReader.Options.DEFAULT)));
        var conf = StructureFiles.read(Path.of("../inputs/litfsi-zn-dmf/conf.gro"));
        EnergyReport[] r = new EnergyReport[2];
        for (int t = 1; t <= 2; t++) {
            State s = sys.newState(conf, "conf.gro");
            try (Context c = new Context(sys, s, ForceSet.create(sys, NonbondedOptions.DEFAULTS, s.box), t)) {
                c.checkOverlaps();
                r[t - 1] = c.energyReport(false);
            }
        }
        assertThat(r[1].terms().keySet()).containsExactly("Bond", "Angle", "Proper Dih.", "Per. Imp. Dih.", "LJ-14", "Coulomb-14", "LJ (SR)", "Disper. corr.", "Coulomb (SR)", "Coul. recip.");
        for (String k : r[0].terms().keySet()) {
            assertThat(r[1].terms().get(k)).isCloseTo(r[0].terms().get(k), within(1e-12 * Math.abs(r[0].terms().get(k))));
        }
        assertThat(r[1].pressure()).isCloseTo(r[0].pressure(), within(1e-9));
    }

    @Test
    void boxTooSmallOverlapAndNetChargeAreReported() throws IOException {
        FlatTopology top = ions(dir, 2, 1.0, 0.5, 1, -1.0);
        MdSystem sys = new MdSystem(top);
        State s = new State(3, Box.rectangular(2.0, 3, 3));
        assertThatThrownBy(() -> ForceSet.create(sys, NonbondedOptions.DEFAULTS, s.box)).isInstanceOf(InputException.class)
                .hasMessageContaining("Box[2.00000 x 3.00000 x 3.00000 nm] is too small for the cut-off 1.2 nm")
                .hasMessageContaining("a cut-off of at most 1.0000 nm");
        s.box = Box.rectangular(3, 3, 3);
        s.x[0] = 1; s.x[1] = 1.01; s.x[2] = 2;
        ForceSet set = ForceSet.create(sys, NonbondedOptions.DEFAULTS, s.box);
        assertThat(set.warnings()).singleElement().asString().contains("net charge of +1.000000 e");
        try (Context c = new Context(sys, s, set, 1)) {
            assertThatThrownBy(c::checkOverlaps).isInstanceOf(InputException.class).hasMessage(
                    "atom 1 (NA, residue 1 NA) and atom 2 (NA, residue 2 NA) are 0.0100 nm apart (closer than 0.05 nm and "
                            + "not excluded): minimize or fix the coordinates");
            s.x[1] = 1.0;
            assertThatThrownBy(c::computeForces).isInstanceOf(Context.NonFiniteException.class)
                    .hasMessageContaining("atom 1 (NA, residue 1 NA) and atom 2 (NA, residue 2 NA) are 0.0000 nm apart");
        }
    }
}
