package org.sheath.engine.force.nonbonded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sheath.engine.context.ForceSet;
import org.sheath.engine.force.Force;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.force.ewald.EwaldParameters;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;
import org.sheath.forcefields.model.FlatTopology;

/**
 * Forces against finite differences of the energy and the virial against strain derivatives, on the
 * example box with potential-shift modifiers (continuous energy), for each part and the whole set.
 */
class DerivativeTest {
    static final double RC = 1.2;

    static double energy(List<Force> forces, State s) {
        ForceAccumulator acc = new ForceAccumulator(s.natoms);
        for (Force f : forces) f.compute(s, acc);
        return acc.potentialEnergy();
    }

    /** Test atoms: spread over species, none with a partner within 1e-3 nm of the cut-off. */
    static int[] testAtoms(State s) {
        int[] wanted = {1, 10, 130, 2100, 3443};
        int[] out = new int[wanted.length];
        double[] d = new double[3];
        for (int w = 0; w < wanted.length; w++) {
            int a = wanted[w];
            search:
            while (true) {
                for (int j = 0; j < s.natoms; j++) {
                    d[0] = s.x[j] - s.x[a]; d[1] = s.y[j] - s.y[a]; d[2] = s.z[j] - s.z[a];
                    s.box.minimumImage(d);
                    double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                    if (Math.abs(r - RC) < 1e-3) {
                        a = (a + 1) % s.natoms;
                        continue search;
                    }
                }
                break;
            }
            out[w] = a;
        }
        return out;
    }

    /** Max over test atoms of |F − F_fd|/|F| (4th-order central differences, h = 2e-4 nm). */
    static double maxForceError(List<Force> forces, State s) {
        ForceAccumulator acc = new ForceAccumulator(s.natoms);
        for (Force f : forces) f.compute(s, acc);
        double h = 2e-4, worst = 0;
        for (int a : testAtoms(s)) {
            double[] fd = new double[3];
            for (int c = 0; c < 3; c++) {
                double[] r = c == 0 ? s.x : c == 1 ? s.y : s.z;
                double r0 = r[a];
                double[] e = new double[4];
                double[] off = {2 * h, h, -h, -2 * h};
                for (int k = 0; k < 4; k++) {
                    r[a] = r0 + off[k];
                    e[k] = energy(forces, s);
                }
                r[a] = r0;
                fd[c] = -(-e[0] + 8 * e[1] - 8 * e[2] + e[3]) / (12 * h);
            }
            double dx = fd[0] - acc.fx[a], dy = fd[1] - acc.fy[a], dz = fd[2] - acc.fz[a];
            double f = Math.sqrt(acc.fx[a] * acc.fx[a] + acc.fy[a] * acc.fy[a] + acc.fz[a] * acc.fz[a]);
            worst = Math.max(worst, Math.sqrt(dx * dx + dy * dy + dz * dz) / f);
        }
        return worst;
    }

    static NonbondedForce kernel(FlatTopology top, boolean lj, boolean coulomb) {
        double beta = coulomb ? EwaldParameters.ewaldCoefficient(RC, 1e-5) : 0;
        double[] zero = new double[top.ntypes * top.ntypes];
        // a 0.1 nm buffer: the finite-difference moves (≤ 4e-4 nm) reuse the list
        return new NonbondedForce(top.charge, top.type, top.ntypes, lj ? top.c6 : zero, lj ? top.c12 : zero,
                top.exclOffsets, top.exclAtoms, RC, 0.1, beta, Modifier.POTENTIAL_SHIFT, Modifier.POTENTIAL_SHIFT);
    }

    @Test
    void forcesOfEachPartMatchFiniteDifferences() {
        FlatTopology top = Example.topology();
        State s = Example.state();
        double lj = maxForceError(List.of(kernel(top, true, false)), s);
        double coul = maxForceError(List.of(kernel(top, false, true)), s);
        double pairs = maxForceError(List.of(PairForce14.of(top)), s);
        System.out.printf("FD force error (max |dF|/|F| over 5 atoms): LJ (SR) %.1e, Coulomb (SR) real space %.1e, 1-4 pairs %.1e%n",
                lj, coul, pairs);
        assertThat(lj).isLessThan(1e-6);
        assertThat(coul).isLessThan(1e-6);
        assertThat(pairs).isLessThan(1e-6);
    }

    @Test
    void forcesOfTheWholeNonbondedSetMatchFiniteDifferences() {
        MdSystem sys = Example.system();
        State s = Example.state();
        ForceSet set = ForceSet.create(sys, NonbondedOptions.DEFAULTS.withListBuffer(0.1), s.box);
        double err = maxForceError(set.forces(), s);
        System.out.printf("FD force error, whole ForceSet (bonded, 1-4, LJ+Coulomb SR, DispCorr, PME): %.1e%n", err);
        assertThat(err).isLessThan(1e-6);
    }

    /** Applies r → (I + e)·r to positions and box, e upper triangular with the one element e[i][j] = eps. */
    static State strained(State s0, int i, int j, double eps) {
        double[][] m = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        m[i][j] += eps;
        double[] b = s0.box.toMatrix();
        double[][] v = new double[3][3];
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++)
                for (int k = 0; k < 3; k++) v[r][c] += m[c][k] * b[3 * r + k];
        State s = new State(s0.natoms, new Box(v[0][0], v[1][0], v[1][1], v[2][0], v[2][1], v[2][2]));
        for (int a = 0; a < s0.natoms; a++) {
            double x = s0.x[a], y = s0.y[a], z = s0.z[a];
            s.x[a] = m[0][0] * x + m[0][1] * y + m[0][2] * z;
            s.y[a] = m[1][0] * x + m[1][1] * y + m[1][2] * z;
            s.z[a] = m[2][0] * x + m[2][1] * y + m[2][2] * z;
        }
        return s;
    }

    @Test
    void virialIsTheStrainDerivativeOfTheEnergy() {
        MdSystem sys = Example.system();
        // the triclinic box exercises all six strain components with off-diagonal box vectors
        for (State s0 : new State[] {Example.triclinicState()}) {
            ForceSet set = ForceSet.create(sys, NonbondedOptions.DEFAULTS.withDispCorr(DispCorrMode.NO), s0.box);
            List<Force> forces = new ArrayList<>(set.forces());
            ForceAccumulator acc = new ForceAccumulator(s0.natoms);
            for (Force f : forces) f.compute(s0, acc);
            double wmax = 0;
            for (double w : acc.virial) wmax = Math.max(wmax, Math.abs(w));
            double worst = 0, eps = 1e-5;
            for (int i = 0; i < 3; i++) {
                for (int j = i; j < 3; j++) {
                    double ep2 = energy(forces, strained(s0, i, j, 2 * eps)), ep1 = energy(forces, strained(s0, i, j, eps));
                    double em1 = energy(forces, strained(s0, i, j, -eps)), em2 = energy(forces, strained(s0, i, j, -2 * eps));
                    double dEde = (-ep2 + 8 * ep1 - 8 * em1 + em2) / (12 * eps);
                    // W_ji = −∂E/∂e_ij
                    worst = Math.max(worst, Math.abs(acc.virial[3 * j + i] + dEde));
                }
            }
            System.out.printf("virial vs strain derivative (%s, all forces but DispCorr): max|dW|/max|W| %.1e%n",
                    s0.box.isRectangular() ? "cubic" : "triclinic", worst / wmax);
            assertThat(worst).isLessThan(1e-6 * wmax);
        }
    }
}
