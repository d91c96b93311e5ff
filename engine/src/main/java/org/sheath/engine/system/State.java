package org.sheath.engine.system;

/**
 * The dynamic state of a system: positions and velocities as structure-of-arrays doubles (nm, nm/ps),
 * the box, and the simulation clock. Shared by forces and integrators; no copies per step.
 */
public final class State {
    public final int natoms;
    public final double[] x, y, z;
    public final double[] vx, vy, vz;
    public Box box;
    public double time;
    public long step;

    public State(int natoms, Box box) {
        this.natoms = natoms;
        this.x = new double[natoms];
        this.y = new double[natoms];
        this.z = new double[natoms];
        this.vx = new double[natoms];
        this.vy = new double[natoms];
        this.vz = new double[natoms];
        this.box = box;
    }
}
