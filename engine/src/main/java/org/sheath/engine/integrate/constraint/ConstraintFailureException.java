package org.sheath.engine.integrate.constraint;

import org.sheath.forcefields.InputException;

/** Constraints could not be satisfied (a blow-up or a bad structure): one line naming the atoms and the fix. */
public final class ConstraintFailureException extends InputException {
    public ConstraintFailureException(String message) {
        super(message);
    }
}
