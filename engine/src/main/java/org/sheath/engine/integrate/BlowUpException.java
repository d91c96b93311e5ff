package org.sheath.engine.integrate;

import org.sheath.forcefields.InputException;

/**
 * The dynamics blew up (non-finite or absurd forces or velocities, constraint failure): one line naming
 * the step, the atom and what to do. The integrator has put the state back to the start of the failed
 * step (the last good state) before throwing.
 */
public final class BlowUpException extends InputException {
    public BlowUpException(String message) {
        super(message);
    }
}
