package org.sheath.engine.integrate;

import java.util.List;
import org.sheath.engine.context.EnergyReport;
import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.system.State;

/**
 * What a {@link Reporter} sees after a step: the state and, on energy steps, the energies per term
 * (GROMACS names), kinetic and conserved energy, temperature, pressure, volume and density. One object,
 * refilled by the integrator (no allocation per report).
 */
public final class StepReport {
    /** amu/nm³ → kg/m³. */
    public static final double DENSITY_FACTOR = org.sheath.engine.system.LiquidDensity.KG_M3_PER_AMU_NM3;

    public long step;
    public double time;
    /** Whether the energy fields below belong to this step. */
    public boolean hasEnergies;
    public double potential, kinetic, total, conserved, temperature, pressure, pressureDispCorr, volume, density;
    /** Reference temperature of the thermostat at this step (annealing), K (NaN without thermostat). */
    public double referenceTemperature;
    public final double[] pressureTensor = new double[9];
    State state;
    Dynamics dynamics;
    ForceAccumulator forces;
    List<EnergyTerm> terms;

    public State state() {
        return state;
    }

    public Dynamics dynamics() {
        return dynamics;
    }

    /** The energy terms present, in GROMACS order. */
    public List<EnergyTerm> terms() {
        return terms;
    }

    /** The energy of one term at this step, kJ/mol (valid when {@link #hasEnergies}). */
    public double energy(EnergyTerm t) {
        return forces.energy(t);
    }

    /**
     * @param reportedKinetic the kinetic tensor to report temperature and pressure from (a thermostat's,
     *                        see {@code Thermostat#reportedKineticTensor}), or null for the full-step one
     */
    void fill(Dynamics d, ForceAccumulator acc, List<EnergyTerm> terms, double totalMass, double conservedExtra,
              double[] reportedKinetic) {
        this.dynamics = d;
        this.state = d.state;
        this.forces = acc;
        this.terms = terms;
        this.step = d.state.step;
        this.time = d.state.time;
        this.potential = acc.potentialEnergy();
        double[] k = d.kineticTensor();
        double fullStep = k[0] + k[4] + k[8];
        this.conserved = potential + fullStep + conservedExtra;
        if (reportedKinetic != null) k = reportedKinetic;
        this.kinetic = k[0] + k[4] + k[8];
        this.total = potential + kinetic;
        this.temperature = d.temperature(kinetic);
        this.volume = d.state.box.volume();
        for (int a = 0; a < 9; a++) pressureTensor[a] = (2 * k[a] + d.virial[a]) / volume * EnergyReport.PRESFAC;
        this.pressure = (pressureTensor[0] + pressureTensor[4] + pressureTensor[8]) / 3;
        this.pressureDispCorr = acc.dispersionVirial / volume * EnergyReport.PRESFAC;
        this.density = totalMass / volume * DENSITY_FACTOR;
        this.hasEnergies = true;
    }
}
