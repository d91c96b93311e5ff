package org.sheath.engine.force.bonded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.system.State;
import org.sheath.forcefields.model.TermKind;

/**
 * For every functional form, on random non-degenerate single-term geometries and on the awkward ones
 * (near-linear and near-zero angles, dihedrals near 0° and ±180°, a near-collinear bond angle inside a
 * torsion): forces against central finite differences of the energy, Σ F = 0, Σ r × F = 0, and the
 * virial against the strain derivative −∂E/∂ε.
 */
class DerivativeTest {
    static final double H = 1e-6;          // nm, for the force finite differences
    static final double H_STRAIN = 1e-4;   // dimensionless strain step (1e-6 is roundoff-limited for tiny W)
    static final double TOL = 1e-6;
    static final double[] CENTRE = {3.1, 4.2, 5.3};

    static double maxFd, maxVirial, maxNetForce, maxTorque;
    static int cases;

    static void check(String what, BondedTermForce f, State s) {
        check(what, f, s, 0);
    }

    /**
     * All checks on one single-term force; asserts and records the worst values. Errors are relative to
     * ‖F‖ (forces) and ‖W‖ (virial), but never to less than forceFloor and 1e-3·‖F‖·r_max: where a force
     * vanishes by symmetry (RB at φ = 0) or the virial does (a planar torsion stays planar under any
     * strain), a ratio to zero would only measure rounding.
     */
    static void check(String what, BondedTermForce f, State s, double forceFloor) {
        double fd = Kit.fdRelativeError(f, s, H, forceFloor);
        assertThat(fd).as("FD force error, %s", what).isLessThan(TOL);

        ForceAccumulator acc = Kit.eval(f, s);
        double fnorm = 0, sx = 0, sy = 0, sz = 0, tx = 0, ty = 0, tz = 0, rnorm = 0;
        for (int a = 0; a < s.natoms; a++) {
            double rx = s.x[a] - s.x[0], ry = s.y[a] - s.y[0], rz = s.z[a] - s.z[0];
            double fx = acc.fx[a], fy = acc.fy[a], fz = acc.fz[a];
            fnorm += fx * fx + fy * fy + fz * fz;
            rnorm = Math.max(rnorm, Math.sqrt(rx * rx + ry * ry + rz * rz));
            sx += fx; sy += fy; sz += fz;
            tx += ry * fz - rz * fy; ty += rz * fx - rx * fz; tz += rx * fy - ry * fx;
        }
        fnorm = Math.sqrt(fnorm);
        double net = Math.sqrt(sx * sx + sy * sy + sz * sz) / fnorm;
        double torque = Math.sqrt(tx * tx + ty * ty + tz * tz) / (fnorm * rnorm);
        assertThat(net).as("Σ F / ‖F‖, %s", what).isLessThan(1e-12);
        assertThat(torque).as("Σ r×F / (‖F‖ r), %s", what).isLessThan(1e-12);

        double[] dEde = Kit.strainDerivative(f, s, H_STRAIN);
        // W[β][α] = Σ r_β F_α = −∂E/∂ε_αβ
        double num = 0, den = 0;
        for (int al = 0; al < 3; al++) {
            for (int be = 0; be < 3; be++) {
                double d = acc.virial[3 * be + al] - dEde[3 * al + be];
                num += d * d;
                den += acc.virial[3 * be + al] * acc.virial[3 * be + al];
            }
        }
        double vir = Math.sqrt(num / Math.max(den, Math.max(1e-6 * fnorm * fnorm, forceFloor * forceFloor) * rnorm * rnorm));
        assertThat(vir).as("virial vs strain derivative, %s", what).isLessThan(TOL);

        maxFd = Math.max(maxFd, fd);
        maxVirial = Math.max(maxVirial, vir);
        maxNetForce = Math.max(maxNetForce, net);
        maxTorque = Math.max(maxTorque, torque);
        cases++;
    }

    @AfterAll
    static void report() {
        System.out.printf("bonded derivative checks: %d cases, max FD rel. error %.2e, max virial rel. error %.2e,"
                + " max |ΣF|/‖F‖ %.1e, max |Σr×F|/(‖F‖r) %.1e%n", cases, maxFd, maxVirial, maxNetForce, maxTorque);
    }

    @Test
    void harmonicBond() {
        Random rnd = new Random(1);
        for (int c = 0; c < 20; c++) {
            double[] a = Kit.add(CENTRE, Kit.random(rnd, 0.3));
            double r = 0.08 + 0.15 * rnd.nextDouble();
            double[] b = Kit.add(a, Kit.scale(Kit.unit(Kit.random(rnd, 1)), r));
            double[] p = {0.1 + 0.05 * rnd.nextDouble(), 1e5 + 2e5 * rnd.nextDouble()};
            State s = Kit.state(new double[][] {a, b}, Kit.BIG);
            check("bond " + c, new HarmonicBond(Kit.terms(TermKind.HARMONIC_BOND, new int[] {0, 1}, p)), s);
        }
    }

    static double[] angleCases(Random rnd, int n) {
        double[] th = new double[n + 4];
        for (int c = 0; c < n; c++) th[c] = 20 + 150 * rnd.nextDouble();
        th[n] = 179.0;
        th[n + 1] = 179.99;
        th[n + 2] = 2.0;
        th[n + 3] = 178.0;
        return th;
    }

    @Test
    void harmonicAngle() {
        Random rnd = new Random(2);
        for (double theta : angleCases(rnd, 20)) {
            for (double theta0 : new double[] {180, 109.5, 60 + 100 * rnd.nextDouble()}) {
                if (theta0 == 180 && theta < 90) continue;
                // V has a cone (no derivative) at θ = 180° unless θ0 = 180°: FD needs h ≪ the distance to it
                if (theta0 != 180 && theta > 179.5) continue;
                State s = Kit.state(Kit.angle(rnd, theta, CENTRE), Kit.BIG);
                double[] p = {theta0, 200 + 600 * rnd.nextDouble()};
                check("angle θ=" + theta + " θ0=" + theta0,
                        new HarmonicAngle(Kit.terms(TermKind.HARMONIC_ANGLE, new int[] {0, 1, 2}, p)), s);
            }
        }
    }

    @Test
    void ureyBradley() {
        Random rnd = new Random(3);
        for (double theta : angleCases(rnd, 15)) {
            State s = Kit.state(Kit.angle(rnd, theta, CENTRE), Kit.BIG);
            // near 180° the angle part needs θ0 = 180° to be smooth (else V has a cone at θ = 180°)
            double theta0 = theta > 179.5 ? 180 : 100 + 80 * rnd.nextDouble();
            double[] p = {theta0, 300 * rnd.nextDouble(), 0.2 + 0.1 * rnd.nextDouble(), 1e4 + 3e4 * rnd.nextDouble()};
            check("U-B θ=" + theta, new UreyBradley(Kit.terms(TermKind.UREY_BRADLEY, new int[] {0, 1, 2}, p)), s);
        }
    }

    /** Dihedral geometries: random ones, then near 0°, ±180°, and one with a nearly straight bond angle. */
    interface TorsionCheck {
        void run(String what, State s, Random rnd);
    }

    static void torsions(long seed, TorsionCheck body) {
        Random rnd = new Random(seed);
        double[] special = {0, 1e-3, -1e-3, 0.5, 180, 179.999, -179.999, -179.5, 60, -60, 90};
        for (int c = 0; c < 20 + special.length; c++) {
            double phi = c < 20 ? -180 + 360 * rnd.nextDouble() : special[c - 20];
            double t1 = 90 + 40 * rnd.nextDouble(), t2 = 90 + 40 * rnd.nextDouble();
            State s = Kit.state(Kit.torsion(rnd, t1, t2, phi, CENTRE), Kit.BIG);
            body.run("φ=" + phi, s, rnd);
        }
        // a bond angle of 178° (close to, but not, collinear)
        for (double phi : new double[] {-150, 30, 179.9}) {
            State s = Kit.state(Kit.torsion(rnd, 178, 110, phi, CENTRE), Kit.BIG);
            body.run("φ=" + phi + " with θ1=178", s, rnd);
        }
    }

    static final int[] QUAD = {0, 1, 2, 3};

    /** 1e-3 of a typical torsion force, Σ|C|/0.15 nm. */
    static double floor(double[] c) {
        double sum = 0;
        for (double v : c) sum += Math.abs(v);
        return 1e-3 * sum / 0.15;
    }

    @Test
    void periodicProper() {
        torsions(4, (what, s, rnd) -> {
            double[] p = {360 * rnd.nextDouble(), 1 + 10 * rnd.nextDouble(), 1 + rnd.nextInt(6)};
            check("proper " + what, new PeriodicProper(Kit.terms(TermKind.PERIODIC_PROPER, QUAD, p)), s);
        });
    }

    @Test
    void periodicImproper() {
        torsions(5, (what, s, rnd) -> {
            double[] p = {360 * rnd.nextDouble(), 1 + 10 * rnd.nextDouble(), 1 + rnd.nextInt(3)};
            check("per. improper " + what, new PeriodicImproper(Kit.terms(TermKind.PERIODIC_IMPROPER, QUAD, p)), s);
        });
    }

    @Test
    void ryckaertBellemans() {
        torsions(6, (what, s, rnd) -> {
            double[] p = new double[6];
            for (int n = 0; n < 6; n++) p[n] = -30 + 60 * rnd.nextDouble();
            check("RB " + what, new RyckaertBellemans(Kit.terms(TermKind.RYCKAERT_BELLEMANS, QUAD, p)), s, floor(p));
        });
    }

    @Test
    void fourier() {
        torsions(7, (what, s, rnd) -> {
            double[] p = new double[4];
            for (int n = 0; n < 4; n++) p[n] = -20 + 40 * rnd.nextDouble();
            check("Fourier " + what, new Fourier(Kit.terms(TermKind.FOURIER, QUAD, p)), s, floor(p));
        });
    }

    @Test
    void harmonicImproper() {
        torsions(8, (what, s, rnd) -> {
            double xi0 = -180 + 360 * rnd.nextDouble();
            double phi = Math.toDegrees(Kit.phi(s, 0, 1, 2, 3));
            double d = Math.IEEEremainder(phi - xi0, 360);
            if (Math.abs(Math.abs(d) - 180) < 2) xi0 += 10; // keep away from the wrap, where V has a kink
            double[] p = {xi0, 20 + 100 * rnd.nextDouble()};
            check("harm. improper " + what, new HarmonicImproper(Kit.terms(TermKind.HARMONIC_IMPROPER, QUAD, p)), s);
        });
    }
}
