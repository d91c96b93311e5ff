package org.sheath.forcefields.model;

/**
 * One atom of a molecule type. {@code type} is the atom type name; {@code residueNumber} is as
 * written in the topology (1-based, per molecule type).
 */
public record Atom(String name, String type, int residueNumber, String residueName, int chargeGroup,
                   double charge, double mass) {
}
