package org.sheath.engine.force.bonded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.State;
import org.sheath.forcefields.coords.GroFile;
import org.sheath.forcefields.coords.Structure;
import org.sheath.forcefields.gromacs.TextFile;
import org.sheath.forcefields.model.TermKind;

/**
 * GROMACS as the oracle for the angle and dihedral conventions: gmx_d angle's values for every angle
 * and dihedral of the bundled DMF and PVDF templates (fixture gmx_angles.tsv, made by
 * make_gmx_angles.py next to it) against the θ and φ our kernels use, read back from their energies:
 * V = ½·2·θ² gives θ; V = 1 + cos φ and V = 1 + cos(φ − 90°) give cos φ and sin φ.
 * gmx angle prints 3 decimals, so agreement is to 1e-3°; this checks conventions (sign of φ, trans =
 * 180°), not precision.
 */
class GromacsAngleOracleTest {
    @Test
    void anglesAndDihedralsMatchGmxAngle() throws IOException {
        Map<String, State> mols = new HashMap<>();
        int angles = 0, dihedrals = 0, negative = 0;
        double worst = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                GromacsAngleOracleTest.class.getResourceAsStream("gmx_angles.tsv"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.split("\t");
                State s = mols.computeIfAbsent(f[0], GromacsAngleOracleTest::template);
                String[] idx = f[2].split(",");
                int[] atoms = new int[idx.length];
                for (int a = 0; a < idx.length; a++) atoms[a] = Integer.parseInt(idx[a]) - 1;
                double gmx = Double.parseDouble(f[3]);
                double ours;
                if (f[1].equals("angle")) {
                    HarmonicAngle h = new HarmonicAngle(Kit.terms(TermKind.HARMONIC_ANGLE, atoms, new double[] {0, 2}));
                    ours = Math.toDegrees(Math.sqrt(Kit.energy(h, s)));
                    angles++;
                } else {
                    double c = Kit.energy(new PeriodicProper(Kit.terms(TermKind.PERIODIC_PROPER, atoms, new double[] {0, 1, 1})), s) - 1;
                    double sn = Kit.energy(new PeriodicProper(Kit.terms(TermKind.PERIODIC_PROPER, atoms, new double[] {90, 1, 1})), s) - 1;
                    ours = Math.toDegrees(Math.atan2(sn, c));
                    dihedrals++;
                    if (gmx < -1 && gmx > -179) negative++;
                }
                double d = Math.abs(Math.IEEEremainder(ours - gmx, 360));
                worst = Math.max(worst, d);
                assertThat(d).as("%s %s %s: ours %.4f, gmx %.3f", f[0], f[1], f[2], ours, gmx).isLessThan(1.0e-3);
            }
        }
        assertThat(angles).isGreaterThan(50);
        assertThat(dihedrals).isGreaterThan(50);
        assertThat(negative).as("dihedrals with a clearly negative φ").isGreaterThan(5);
        System.out.printf("gmx angle oracle: %d angles, %d dihedrals, max |Δ| %.1e°%n", angles, dihedrals, worst);
    }

    static State template(String mol) {
        Structure st = GroFile.parse(TextFile.bundled("electrolyte.ff/" + mol + ".gro").orElseThrow().readLines(), 0, mol);
        State s = new State(st.natoms, Box.rectangular(20, 20, 20));
        System.arraycopy(st.x, 0, s.x, 0, st.natoms);
        System.arraycopy(st.y, 0, s.y, 0, st.natoms);
        System.arraycopy(st.z, 0, s.z, 0, st.natoms);
        return s;
    }
}
