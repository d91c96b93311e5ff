package org.sheath.engine.integrate;

import java.util.Locale;

/** Wall-clock totals per {@link Phase}: {@code mark(p)} charges the time since the previous mark to p. */
public final class PhaseTimer {
    private final long[] total = new long[Phase.values().length];
    private long last = System.nanoTime();
    private long start = last;

    /** Starts timing (the time before this is charged to nobody). */
    public void restart() {
        last = System.nanoTime();
        start = last;
    }

    /** Charges the time since the last mark to the phase. */
    public void mark(Phase p) {
        long now = System.nanoTime();
        total[p.ordinal()] += now - last;
        last = now;
    }

    public double seconds(Phase p) {
        return total[p.ordinal()] * 1e-9;
    }

    public double totalSeconds() {
        long s = 0;
        for (long t : total) s += t;
        return s * 1e-9;
    }

    /** The cost table: one row per phase with seconds and percentage, then the total. */
    public String table() {
        StringBuilder b = new StringBuilder();
        double all = totalSeconds();
        b.append(String.format(Locale.ROOT, "  %-18s %12s %8s%n", "Phase", "time (s)", "%"));
        for (Phase p : Phase.values()) {
            double s = seconds(p);
            b.append(String.format(Locale.ROOT, "  %-18s %12.3f %8.1f%n", p.label, s, all > 0 ? 100 * s / all : 0));
        }
        b.append(String.format(Locale.ROOT, "  %-18s %12.3f %8.1f%n", "Total", all, 100.0));
        return b.toString();
    }
}
