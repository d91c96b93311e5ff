package org.sheath.cli;

import java.util.ArrayList;
import java.util.List;
import org.sheath.engine.protocol.RunStop;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM, SIGINT and SIGUSR1 (what SLURM sends before a pre-emption or the wall-time limit) ask a run
 * to stop: the handler only sets a flag, which the run loop reads between integrator chunks; it then
 * writes a checkpoint and returns. A second SIGINT (Ctrl-C twice) exits at once.
 */
final class Signals {
    private Signals() {
    }

    /** Installs the handlers; returns what puts the previous ones back. */
    static List<Runnable> install(RunStop stop) {
        List<Runnable> restore = new ArrayList<>();
        for (String name : new String[] {"TERM", "INT", "USR1"}) {
            try {
                Signal sig = new Signal(name);
                SignalHandler[] previous = new SignalHandler[1];
                previous[0] = Signal.handle(sig, s -> {
                    if (stop.requested() && name.equals("INT")) {
                        System.err.println("sheath: second SIGINT: exiting without a checkpoint (the last one stays)");
                        Runtime.getRuntime().halt(130);
                    }
                    System.err.println("sheath: SIG" + name + " received: writing a checkpoint and stopping");
                    stop.request(name, s.getNumber());
                });
                restore.add(() -> Signal.handle(sig, previous[0]));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // the signal does not exist here or the JVM reserves it: run without that handler
            }
        }
        return restore;
    }
}
