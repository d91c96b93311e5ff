package org.sheath.engine.force.nonbonded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.force.ewald.EwaldParameters;
import org.sheath.engine.force.nonbonded.cluster.ClusterNonbondedForce;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;
import org.sheath.forcefields.TopologyFiles;
import org.sheath.forcefields.coords.StructureFiles;
import org.sheath.forcefields.gromacs.GromacsTopologyReader;
import org.sheath.forcefields.model.FlatTopology;

/**
 * The cluster kernel (with its Ewald exclusion correction) against the double-precision reference kernel plus
 * {@code EwaldExclusionCorrection} on systems of GROMACS's own test database (src/testutils/simulationdatabase:
 * SPC/TIP3P water, argon, OPLS-AA and AMBER molecules in water): forces within 1e-5 relative RMS, energies within
 * float accuracy. Those files are GROMACS's (LGPL) and its force fields come with a GROMACS installation, so they
 * are not in this repository: the test runs when -Dsheath.gmxsystems=DIR names a folder with the .top/.gro pairs
 * and GROMACS's share/top is at -Dsheath.gmxtop (default /usr/share/gromacs/top), and is skipped otherwise.
 */
class ClusterKernelOnGromacsSystemsTest {
    static final List<String> SYSTEMS = List.of("spc216", "argon5832", "spc216_with_methane", "spc-and-methanol", "ala",
            "lysozyme"); // OctaneSandwich has [ position_restraints ] (not read yet); spc-and-methanol is triclinic

    @Test
    void forcesAgreeWithTheDoubleKernel() {
        String dir = System.getProperty("sheath.gmxsystems");
        Path gmxTop = Path.of(System.getProperty("sheath.gmxtop", "/usr/share/gromacs/top"));
        Assumptions.assumeTrue(dir != null && Files.isDirectory(gmxTop), "GROMACS test systems not given");
        int done = 0;
        for (String name : SYSTEMS) {
            Path top = Path.of(dir, name + ".top"), gro = Path.of(dir, name + ".gro");
            if (!Files.exists(top) || !Files.exists(gro)) continue;
            FlatTopology t = FlatTopology.of(TopologyFiles.read(top, new GromacsTopologyReader.Options(List.of(gmxTop), Map.of())));
            MdSystem sys = new MdSystem(t);
            State s = sys.newState(StructureFiles.read(gro), gro.toString());
            if (!ClusterNonbondedForce.supports(t, s.box)) {
                System.out.printf("%s: not for the cluster kernel (triclinic box or pair overrides)%n", name);
                continue;
            }
            double edge = Math.min(s.box.ax(), Math.min(s.box.by(), s.box.cz()));
            double rc = Math.min(1.0, Math.floor(0.45 * edge * 100) / 100);
            boolean charged = false;
            for (double q : t.charge) charged |= q != 0;
            double beta = charged ? EwaldParameters.ewaldCoefficient(rc, 1e-5) : 0;
            NonbondedForce ref = NonbondedForce.of(t, rc, 0.0, beta, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT);
            ClusterNonbondedForce fast = ClusterNonbondedForce.of(t, rc, 0.0, beta, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT, true);
            ForceAccumulator r = new ForceAccumulator(t.natoms), f = new ForceAccumulator(t.natoms);
            ref.compute(s, r);
            if (charged) new org.sheath.engine.force.ewald.EwaldExclusionCorrection(t.charge, t.exclOffsets, t.exclAtoms, beta).compute(s, r);
            fast.compute(s, f);
            double rms = ClusterNonbondedForceTest.relativeRms(f, r);
            double elj = r.energy(EnergyTerm.LJ_SR), ec = r.energy(EnergyTerm.COULOMB_SR);
            // relative, with a floor of 1e-4 kJ/mol for the small energies (with cancellations) of tiny systems
            double dlj = Math.abs(f.energy(EnergyTerm.LJ_SR) - elj) / Math.max(50, Math.abs(elj));
            double dc = Math.abs(f.energy(EnergyTerm.COULOMB_SR) - ec) / Math.max(50, Math.abs(ec));
            System.out.printf("%s: %d atoms, rc %.2f nm, %s: force rel. RMS %.2e, dE_LJ/E %.1e, dE_C/E %.1e%n", name, t.natoms, rc,
                    charged ? "PME beta " + String.format("%.3f", beta) : "no charges", rms, dlj, dc);
            assertThat(rms).as(name + " forces").isLessThan(1e-5);
            assertThat(dlj).as(name + " LJ energy").isLessThan(2e-6);
            assertThat(dc).as(name + " Coulomb energy").isLessThan(2e-6);
            done++;
        }
        assertThat(done).as("systems compared").isGreaterThan(0);
    }
}
