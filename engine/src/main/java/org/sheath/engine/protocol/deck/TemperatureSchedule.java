package org.sheath.engine.protocol.deck;

import java.util.List;

/**
 * A stage's reference temperature: one value, or (time, K) points joined by straight lines and held
 * at the last value after the last point (simulated annealing). Times are from the stage's start, ps;
 * the first point is at 0 and times increase.
 */
public record TemperatureSchedule(List<Point> points) {
    public record Point(double time, double kelvin) {
    }

    public TemperatureSchedule {
        points = List.copyOf(points);
        if (points.isEmpty()) throw new IllegalArgumentException("a temperature schedule needs a point");
        for (int i = 1; i < points.size(); i++) {
            if (!(points.get(i).time() > points.get(i - 1).time())) {
                throw new IllegalArgumentException("schedule times must increase");
            }
        }
    }

    public static TemperatureSchedule constant(double kelvin) {
        return new TemperatureSchedule(List.of(new Point(0, kelvin)));
    }

    public boolean isConstant() {
        double t0 = points.get(0).kelvin();
        for (Point p : points) if (p.kelvin() != t0) return false;
        return true;
    }

    /** The temperature at the stage's start (where {@code velocities = "maxwell"} draws from), K. */
    public double initial() {
        return points.get(0).kelvin();
    }

    /** The reference temperature at {@code time} ps after the stage's start, K. */
    public double at(double time) {
        if (time <= points.get(0).time()) return points.get(0).kelvin();
        for (int i = 1; i < points.size(); i++) {
            Point a = points.get(i - 1);
            Point b = points.get(i);
            if (time <= b.time()) {
                double f = (time - a.time()) / (b.time() - a.time());
                return a.kelvin() + f * (b.kelvin() - a.kelvin());
            }
        }
        return points.get(points.size() - 1).kelvin();
    }
}
