package org.sheath.engine.integrate;

import java.util.Arrays;

/**
 * A reference temperature held piecewise linear between (time, K) points, constant before the first and
 * after the last (GROMACS's {@code annealing = single}). Times are relative to the stage start, ps.
 */
public final class TemperatureSchedule {
    private final double[] t, temp;

    public TemperatureSchedule(double[] times, double[] temperatures) {
        if (times.length == 0 || times.length != temperatures.length) {
            throw new IllegalArgumentException("an annealing schedule needs matching, non-empty time and temperature lists");
        }
        for (int k = 0; k < times.length; k++) {
            if (!(temperatures[k] >= 0) || Double.isInfinite(temperatures[k])) {
                throw new IllegalArgumentException("annealing temperature must be >= 0 K: " + temperatures[k]);
            }
            if (k > 0 && !(times[k] > times[k - 1])) {
                throw new IllegalArgumentException("annealing times must increase: " + times[k - 1] + " then " + times[k] + " ps");
            }
        }
        this.t = times.clone();
        this.temp = temperatures.clone();
    }

    public static TemperatureSchedule constant(double temperature) {
        return new TemperatureSchedule(new double[] {0}, new double[] {temperature});
    }

    /** The reference temperature at a stage time, K. */
    public double at(double time) {
        if (time <= t[0]) return temp[0];
        int n = t.length;
        if (time >= t[n - 1]) return temp[n - 1];
        int k = Arrays.binarySearch(t, time);
        if (k >= 0) return temp[k];
        int hi = -k - 1, lo = hi - 1;
        double f = (time - t[lo]) / (t[hi] - t[lo]);
        return temp[lo] + f * (temp[hi] - temp[lo]);
    }

    /** The temperature at the start of the stage. */
    public double initial() {
        return temp[0];
    }

    public boolean isConstant() {
        for (double v : temp) if (v != temp[0]) return false;
        return true;
    }
}
