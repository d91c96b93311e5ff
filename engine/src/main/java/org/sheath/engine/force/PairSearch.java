package org.sheath.engine.force;

import org.sheath.engine.system.State;

/**
 * A force that keeps a neighbour (pair) list: the integrator updates it in its own timed phase before
 * the forces, and the context reads the closest listed pair for overlap and blow-up messages.
 */
public interface PairSearch {
    /** Rebuilds the list if the positions or the box moved too far since the last build; returns whether it did. */
    boolean updatePairList(State state);

    /** Listed pairs (within the list radius at the last build). */
    int pairCount();

    /** Distance of the closest listed pair at the last build, nm (∞ when the list is empty). */
    double closestDistance();

    /** The closest listed pair {i, j} at the last build ({−1, −1} when empty). */
    int[] closestPair();

    /** Number of list builds so far. */
    long listBuilds();

    /** The build positions and box of the current list ({x0, y0, z0, box matrix}), or null: for checkpoints. */
    double[][] listReference();

    /** Rebuilds the list from a {@link #listReference()} (a restart continues with the same list). */
    void rebuildList(double[][] reference);
}
