package org.sheath.engine.protocol;

/**
 * A request to stop a run cleanly, set from a signal handler (SIGTERM, SIGINT, SIGUSR1) and read by the
 * run loop between integrator chunks: it writes a checkpoint and returns.
 */
public final class RunStop {
    private volatile String signal;
    private volatile int number;

    /** Asks the run to stop; {@code name} e.g. "TERM", {@code number} the signal number (15). */
    public void request(String name, int number) {
        if (this.signal == null) {
            this.number = number;
            this.signal = name;
        }
    }

    public boolean requested() {
        return signal != null;
    }

    public String signal() {
        return signal;
    }

    public int number() {
        return number;
    }
}
