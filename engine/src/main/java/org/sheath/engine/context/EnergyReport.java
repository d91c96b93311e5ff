package org.sheath.engine.context;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sheath.engine.force.EnergyTerm;
import org.sheath.engine.force.ForceAccumulator;
import org.sheath.engine.system.State;

/**
 * Energies and pressure of one configuration, as {@code gmx energy} reports them.
 *
 * @param terms          per-term energies (kJ/mol) keyed by GROMACS name, in GROMACS order
 * @param potential      sum of all terms, kJ/mol
 * @param kinetic        ½Σmv², kJ/mol (0 when the state has no velocities)
 * @param virial         W = Σ r⊗f, row-major 3×3, kJ/mol
 * @param pressureTensor P = (2·Ekin + W)/V, row-major 3×3, bar
 * @param pressure       trace(P)/3, bar
 * @param dispCorrPressure the dispersion-correction part of the pressure ("Pres. DC (bar)")
 * @param volume         nm³
 */
public record EnergyReport(Map<String, Double> terms, double potential, double kinetic, double[] virial,
                           double[] pressureTensor, double pressure, double dispCorrPressure, double volume) {

    /**
     * kJ mol⁻¹ nm⁻³ → bar = 16.605390666, computed as GROMACS (2021 and later, {@code gmx::c_presfac} =
     * 1/c_barMdunits in units.h) does from the CODATA 2018 atomic mass unit. (GROMACS ≤ 2020 used
     * 16.6054, 5.6e-7 larger.)
     */
    public static final double PRESFAC = 1.0 / (1e5 * 1e-9 * 1e-12 * 1e-12 / 1.66053906660e-27);

    /**
     * @param terms        the terms to list (others still count in the potential)
     * @param dispCorrVirialDiagonal the dispersion correction's W_αα (0 without EnerPres)
     */
    public static EnergyReport of(ForceAccumulator acc, Iterable<EnergyTerm> terms, State state, double[] masses,
                                  boolean useVelocities, double dispCorrVirialDiagonal) {
        Map<String, Double> t = new LinkedHashMap<>();
        for (EnergyTerm term : terms) t.put(term.gromacsName(), acc.energy(term));
        double[] ek = new double[9];
        if (useVelocities) {
            for (int i = 0; i < state.natoms; i++) {
                double m = 0.5 * masses[i];
                double vx = state.vx[i], vy = state.vy[i], vz = state.vz[i];
                ek[0] += m * vx * vx; ek[1] += m * vx * vy; ek[2] += m * vx * vz;
                ek[4] += m * vy * vy; ek[5] += m * vy * vz; ek[8] += m * vz * vz;
            }
            ek[3] = ek[1]; ek[6] = ek[2]; ek[7] = ek[5];
        }
        double v = state.box.volume();
        double[] p = new double[9];
        for (int k = 0; k < 9; k++) p[k] = (2 * ek[k] + acc.virial[k]) / v * PRESFAC;
        double pressure = (p[0] + p[4] + p[8]) / 3;
        double pdc = dispCorrVirialDiagonal / v * PRESFAC;
        return new EnergyReport(t, acc.potentialEnergy(), ek[0] + ek[4] + ek[8], acc.virial.clone(), p, pressure, pdc, v);
    }
}
