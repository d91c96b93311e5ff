package org.sheath.engine.system;

import org.sheath.forcefields.InputException;
import org.sheath.forcefields.coords.Structure;
import org.sheath.forcefields.model.FlatTopology;

/**
 * What is simulated, independent of positions (OpenMM's System): the flat topology with its per-atom
 * masses (amu) and charges (e). The forces are built from it by
 * {@link org.sheath.engine.context.ForceSet#create}.
 */
public final class MdSystem {
    public final FlatTopology topology;
    public final int natoms;
    public final double[] masses;
    public final double[] charges;

    public MdSystem(FlatTopology topology) {
        this.topology = topology;
        this.natoms = topology.natoms;
        this.masses = topology.mass.clone();
        this.charges = topology.charge.clone();
    }

    public double totalCharge() {
        double q = 0;
        for (double c : charges) q += c;
        return q;
    }

    /** "atom 12 (O1, residue 3 TFSI)": 1-based index as in .gro files, for messages. */
    public String describeAtom(int i) {
        return "atom " + (i + 1) + " (" + topology.atomName[i] + ", residue " + topology.residueNumber[i] + " "
                + topology.residueName[i] + ")";
    }

    /**
     * A state with the positions, velocities (zero when the file has none) and box of a structure.
     *
     * @throws InputException if the atom count differs or the file has no box
     */
    public State newState(Structure s, String fileName) {
        if (s.natoms != natoms) {
            throw new InputException(fileName, 0, s.natoms + " atoms, but the topology has " + natoms
                    + "; the [ molecules ] counts must match the coordinates");
        }
        if (s.box == null) {
            throw new InputException(fileName, 0, "no periodic box; non-bonded forces with PME need one (add a box line or CRYST1 record)");
        }
        Box box;
        try {
            box = Box.fromMatrix(s.box);
        } catch (IllegalArgumentException e) {
            throw new InputException(fileName, 0, "invalid box: " + e.getMessage());
        }
        State st = new State(natoms, box);
        System.arraycopy(s.x, 0, st.x, 0, natoms);
        System.arraycopy(s.y, 0, st.y, 0, natoms);
        System.arraycopy(s.z, 0, st.z, 0, natoms);
        if (s.hasVelocities()) {
            System.arraycopy(s.vx, 0, st.vx, 0, natoms);
            System.arraycopy(s.vy, 0, st.vy, 0, natoms);
            System.arraycopy(s.vz, 0, st.vz, 0, natoms);
        }
        return st;
    }
}
