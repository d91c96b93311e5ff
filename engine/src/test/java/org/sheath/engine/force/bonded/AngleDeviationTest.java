package org.sheath.engine.force.bonded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** θ − θ0 by the rotated series ({@link HarmonicAngle#deviation}) against atan2(sin, cos) − θ0, on both of its branches. */
class AngleDeviationTest {
    @Test
    void equalsAtan2MinusTheta0OnTheSeriesAndTheFallbackBranch() {
        Random rnd = new Random(7);
        int series = 0, fallback = 0;
        double worst = 0;
        for (int n = 0; n < 200_000; n++) {
            double theta0 = Math.toRadians(rnd.nextInt(4) == 0 ? 180 : 60 + 120 * rnd.nextDouble());
            // deviations mostly small (the series), some up to ±90° (atan2)
            double theta = Math.min(Math.PI, Math.max(0, theta0 + (rnd.nextBoolean() ? 0.25 : 1.6) * rnd.nextGaussian()));
            double scale = 0.01 + rnd.nextDouble(); // |a||b|: the result must not depend on it
            double sinPart = scale * Math.sin(theta), cosPart = scale * Math.cos(theta);
            double expected = Math.atan2(sinPart, cosPart) - theta0;
            double got = HarmonicAngle.deviation(sinPart, cosPart, Math.cos(theta0), Math.sin(theta0));
            worst = Math.max(worst, Math.abs(got - expected));
            double xr = cosPart * Math.cos(theta0) + sinPart * Math.sin(theta0);
            double yr = sinPart * Math.cos(theta0) - cosPart * Math.sin(theta0);
            if (xr > 0 && Math.abs(yr) <= 0.2 * xr) series++;
            else fallback++;
        }
        assertThat(series).isGreaterThan(50_000);
        assertThat(fallback).isGreaterThan(20_000);
        assertThat(worst).isLessThan(2e-15); // a few ulp of θ (≤ π)
    }

    @Test
    void seriesIsAtanToTheLastBits() {
        double worst = 0;
        for (int k = -2000; k <= 2000; k++) {
            double t = 0.2 * k / 2000;
            double a = Math.atan(t);
            worst = Math.max(worst, Math.abs(HarmonicAngle.atanSmall(t) - a) / Math.max(Math.abs(a), 1e-300));
        }
        assertThat(worst).isLessThan(4e-16);
    }
}
