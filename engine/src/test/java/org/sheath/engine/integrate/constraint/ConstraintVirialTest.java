package org.sheath.engine.integrate.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheath.engine.context.Context;
import org.sheath.engine.context.EnergyReport;
import org.sheath.engine.context.ForceSet;
import org.sheath.engine.force.nonbonded.DispCorrMode;
import org.sheath.engine.force.nonbonded.NonbondedOptions;
import org.sheath.engine.integrate.Dynamics;
import org.sheath.engine.integrate.Reporter;
import org.sheath.engine.integrate.StepReport;
import org.sheath.engine.integrate.VelocityVerlet;
import org.sheath.engine.integrate.Velocities;
import org.sheath.engine.integrate.MdTestSystems;
import org.sheath.engine.system.Box;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;
import org.sheath.forcefields.model.FlatTopology;

/**
 * The constraint virial in dynamics against an identity that holds at every step: for freely moving rigid
 * molecules (no forces) the constraint forces are the centripetal ones, Σ r_i · F_i = −2·K_rot (about each
 * centre of mass), so the atomic pressure tr (2K + W)/V equals the molecules' translational one, tr 2·K_com/V,
 * step by step (the tensors agree only on average: r ⊗ r·v²/d² against v ⊗ v). The constraint part is ~40 % of
 * the pressure here.
 */
class ConstraintVirialTest {
    @TempDir Path dir;

    /** A dimer (C–H-like masses, one constraint) and a rigid triangle (three coupled constraints, solved at once). */
    private FlatTopology molecules(boolean triangle, int n) throws IOException {
        String atoms = triangle
                ? String.join("\n", "1 A 1 TRI A1 1 0 12.011", "2 B 1 TRI B1 1 0 1.008", "3 B 1 TRI B2 1 0 1.008",
                "[ constraints ]", "1 2 1 0.109", "1 3 1 0.109", "2 3 1 0.178")
                : String.join("\n", "1 A 1 DIM A1 1 0 12.011", "2 B 1 DIM B1 1 0 1.008", "[ constraints ]", "1 2 1 0.109");
        String name = triangle ? "TRI" : "DIM";
        return MdTestSystems.topology(dir, String.join("\n",
                "[ defaults ]", "1 2 yes 0.5 0.8333", "[ atomtypes ]", "A A 0 12.011 0 A 0 0", "B B 0 1.008 0 A 0 0",
                "[ moleculetype ]", name + " 3", "[ atoms ]", atoms, "[ system ]", "free rigid molecules",
                "[ molecules ]", name + " " + n, ""));
    }

    /** Molecules at random places and orientations in a 5 nm box (geometry from the constraint lengths). */
    private static State place(boolean triangle, int n, long seed) {
        int per = triangle ? 3 : 2;
        State s = new State(per * n, Box.rectangular(5, 5, 5));
        Random r = new Random(seed);
        double h = Math.sqrt(0.109 * 0.109 - 0.089 * 0.089); // the triangle's height over its H–H side
        for (int m = 0; m < n; m++) {
            double[][] local = triangle ? new double[][] {{0, 0, 0}, {h, 0.089, 0}, {h, -0.089, 0}} : new double[][] {{0, 0, 0}, {0.109, 0, 0}};
            double[][] rot = randomRotation(r);
            double cx = 5 * r.nextDouble(), cy = 5 * r.nextDouble(), cz = 5 * r.nextDouble();
            for (int a = 0; a < per; a++) {
                double[] p = local[a];
                int i = per * m + a;
                s.x[i] = cx + rot[0][0] * p[0] + rot[0][1] * p[1] + rot[0][2] * p[2];
                s.y[i] = cy + rot[1][0] * p[0] + rot[1][1] * p[1] + rot[1][2] * p[2];
                s.z[i] = cz + rot[2][0] * p[0] + rot[2][1] * p[1] + rot[2][2] * p[2];
            }
        }
        return s;
    }

    private static double[][] randomRotation(Random r) {
        // a random unit quaternion (Shoemake)
        double u1 = r.nextDouble(), u2 = 2 * Math.PI * r.nextDouble(), u3 = 2 * Math.PI * r.nextDouble();
        double a = Math.sqrt(1 - u1) * Math.sin(u2), b = Math.sqrt(1 - u1) * Math.cos(u2);
        double c = Math.sqrt(u1) * Math.sin(u3), d = Math.sqrt(u1) * Math.cos(u3);
        return new double[][] {
            {1 - 2 * (c * c + d * d), 2 * (b * c - a * d), 2 * (b * d + a * c)},
            {2 * (b * c + a * d), 1 - 2 * (b * b + d * d), 2 * (c * d - a * b)},
            {2 * (b * d - a * c), 2 * (c * d + a * b), 1 - 2 * (b * b + c * c)}};
    }

    /** 2·K_com / V in bar, per molecule of {@code per} consecutive atoms (diagonal xx, yy, zz). */
    private static double[] translationalPressure(State s, double[] mass, int per) {
        double[] p = new double[3];
        for (int m = 0; m < s.natoms / per; m++) {
            double mt = 0, px = 0, py = 0, pz = 0;
            for (int a = 0; a < per; a++) {
                int i = per * m + a;
                mt += mass[i];
                px += mass[i] * s.vx[i];
                py += mass[i] * s.vy[i];
                pz += mass[i] * s.vz[i];
            }
            p[0] += px * px / mt;
            p[1] += py * py / mt;
            p[2] += pz * pz / mt;
        }
        double v = s.box.volume();
        for (int a = 0; a < 3; a++) p[a] *= EnergyReport.PRESFAC / v;
        return p;
    }

    /**
     * Runs free rigid molecules in NVE and returns {largest |tr P − tr P_com| / |tr P_constraint| over the steps,
     * that of step 0, the mean |tr P_constraint| (bar)}.
     */
    private double[] run(boolean triangle, double dt) throws IOException {
        int n = 200, per = triangle ? 3 : 2;
        MdSystem sys = new MdSystem(molecules(triangle, n));
        State s = place(triangle, n, 7);
        ConstraintSet cs = ConstraintSet.of(sys, ConstraintMode.NONE);
        assertThat(cs.count()).isEqualTo(n * (triangle ? 3 : 1));
        NonbondedOptions o = NonbondedOptions.DEFAULTS.withCutoff(1.0).withDispCorr(DispCorrMode.NO).withListBuffer(0.1);
        ForceSet fs = ForceSet.builder(sys, o, s.box).constrainedBonds(cs.replacedBonds()).addDefaults().build();
        try (Context c = new Context(sys, s, fs, 1)) {
            Dynamics d = new Dynamics(c, cs, false, 300, 3);
            double[] mass = d.mass;
            Velocities.maxwell(d, 300, 11);
            VelocityVerlet vv = new VelocityVerlet(d, dt, null, null, null, 1);
            double[] out = {0, Double.NaN, 0};
            long[] count = {0};
            vv.addReporter(new Reporter() {
                public long interval() {
                    return 1;
                }

                public void report(StepReport r) {
                    double[] com = translationalPressure(s, mass, per);
                    double[] k = d.kineticTensor();
                    double trP = 0, trCom = 0, trKin = 0;
                    for (int a = 0; a < 3; a++) {
                        trP += r.pressureTensor[4 * a];
                        trCom += com[a];
                        trKin += 2 * k[4 * a] / s.box.volume() * EnergyReport.PRESFAC;
                    }
                    double constraintPart = trP - trKin, rel = Math.abs(trP - trCom) / Math.abs(trCom - trKin);
                    if (Double.isNaN(out[1])) out[1] = rel;
                    out[0] = Math.max(out[0], rel);
                    out[2] += Math.abs(constraintPart);
                    count[0]++;
                }
            });
            vv.run(Math.round(1.0 / dt)); // 1 ps
            out[2] /= count[0];
            System.out.printf(java.util.Locale.ROOT, "free rigid %s, dt %.4f ps: |tr P - tr P_com| / |tr P_constraint| <= %.3g "
                    + "(step 0: %.3g); |tr P_constraint| %.1f bar%n", triangle ? "triangles" : "dimers", dt, out[0], out[1], out[2]);
            return out;
        }
    }

    private void check(boolean triangle) throws IOException {
        double[] coarse = run(triangle, 0.002), fine = run(triangle, 0.001);
        assertThat(coarse[2]).isGreaterThan(50.0); // the constraints carry a large part of the pressure
        // RATTLE's constraint force on a rotor is 2/(1 + cos θ) times the centripetal one (θ = ω·dt): O(dt²)
        assertThat(coarse[0]).isLessThan(3e-3);
        assertThat(coarse[0] / fine[0]).isBetween(3.5, 4.5);
        assertThat(coarse[1]).isLessThan(3e-3); // step 0, from the trial step, as good as the others
    }

    @Test
    void freeRigidDimersHaveTheTranslationalPressureAtEveryStep() throws IOException {
        check(false);
    }

    @Test
    void freeRigidTrianglesHaveTheTranslationalPressureAtEveryStep() throws IOException {
        check(true);
    }
}
