package org.sheath.forcefields.model;

/** One line of {@code [ molecules ]}: a molecule type and how many copies follow in the coordinates. */
public record MoleculeBlock(String name, int count, Source source) {
}
