package org.sheath.engine.integrate;

/** The timed phases of an MD step (rows of the end-of-stage cost table, as LAMMPS's). */
public enum Phase {
    NEIGHBOR("Neighbour search"),
    FORCES("Forces"),
    CONSTRAINTS("Constraints"),
    UPDATE("Update"),
    THERMOSTAT("Thermostat"),
    BAROSTAT("Barostat"),
    OUTPUT("Output"),
    OTHER("Other");

    public final String label;

    Phase(String label) {
        this.label = label;
    }
}
