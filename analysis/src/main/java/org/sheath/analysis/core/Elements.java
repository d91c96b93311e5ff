package org.sheath.analysis.core;

import java.util.Locale;
import java.util.Map;

/**
 * Element symbols guessed from atom names and masses, for topologies that do not give them (GROMACS
 * and AMBER topologies, .gro files). The mass wins when it is known and matches an element within
 * 0.6 amu (hydrogen-mass repartitioning excepted: 1.5–4.5 amu on a name starting with H is H);
 * otherwise the name decides: a two-letter element when the name starts with one and the molecule
 * is an ion-like residue, else the first letter.
 */
public final class Elements {
    private Elements() {
    }

    /** Standard atomic weights (amu) of the elements an electrolyte simulation meets. */
    static final Map<String, Double> MASS = Map.ofEntries(
            Map.entry("H", 1.008), Map.entry("He", 4.0026), Map.entry("Li", 6.94), Map.entry("Be", 9.0122),
            Map.entry("B", 10.81), Map.entry("C", 12.011), Map.entry("N", 14.007), Map.entry("O", 15.999),
            Map.entry("F", 18.998), Map.entry("Ne", 20.180), Map.entry("Na", 22.990), Map.entry("Mg", 24.305),
            Map.entry("Al", 26.982), Map.entry("Si", 28.085), Map.entry("P", 30.974), Map.entry("S", 32.06),
            Map.entry("Cl", 35.45), Map.entry("Ar", 39.948), Map.entry("K", 39.098), Map.entry("Ca", 40.078),
            Map.entry("Mn", 54.938), Map.entry("Fe", 55.845), Map.entry("Co", 58.933), Map.entry("Ni", 58.693),
            Map.entry("Cu", 63.546), Map.entry("Zn", 65.38), Map.entry("Br", 79.904), Map.entry("Rb", 85.468),
            Map.entry("I", 126.90), Map.entry("Cs", 132.91));

    /** Two-letter element symbols recognised at the start of an atom name. */
    private static final String[] TWO_LETTER = {"Li", "Na", "Mg", "Al", "Si", "Cl", "Ca", "Mn", "Fe", "Co", "Ni",
        "Cu", "Zn", "Br", "Rb", "Cs", "Be", "He", "Ne", "Ar"};

    /** Mass of an element symbol (amu), or NaN if unknown. */
    public static double mass(String element) {
        Double m = MASS.get(element);
        return m == null ? Double.NaN : m;
    }

    /**
     * Guesses the element of an atom.
     *
     * @param name atom name, e.g. {@code O1}, {@code LI}, {@code Zn}, {@code HW1}
     * @param residue residue name (an atom whose name equals its residue name, like {@code LI} in
     *     {@code LI}, is an ion: a two-letter element is preferred)
     * @param mass mass in amu, or NaN/0 if unknown
     * @return the symbol, or {@code "X"} if nothing fits
     */
    public static String guess(String name, String residue, double mass) {
        if (mass > 0 && !Double.isNaN(mass)) {
            String best = null;
            double bestD = 0.6;
            for (Map.Entry<String, Double> e : MASS.entrySet()) {
                double d = Math.abs(e.getValue() - mass);
                if (d < bestD) {
                    bestD = d;
                    best = e.getKey();
                }
            }
            if (best != null) {
                // C (12.011) vs B (10.81) are far apart; N/C/O overlap only within 0.6 amu of each other
                // when masses are rounded: prefer the element the name starts with if it is within 1 amu
                String byName = fromName(name, residue);
                if (!byName.equals("X") && !byName.equals(best) && Math.abs(mass(byName) - mass) < 1.0) return byName;
                return best;
            }
            if (mass >= 1.5 && mass <= 4.5 && name.toUpperCase(Locale.ROOT).startsWith("H")) return "H";
        }
        return fromName(name, residue);
    }

    private static String fromName(String name, String residue) {
        String n = name.replaceAll("^[0-9]+", "");
        if (n.isEmpty()) return "X";
        boolean ion = residue != null && residue.equalsIgnoreCase(name);
        for (String t : TWO_LETTER) {
            if (n.length() >= 2 && n.substring(0, 2).equalsIgnoreCase(t)) {
                // "CL" in CL⁻ is chlorine, "CL1" in a solvent is usually a carbon; mixed case "Cl" always chlorine
                boolean exactCase = n.startsWith(t);
                if (ion || exactCase) return t;
            }
        }
        String first = n.substring(0, 1).toUpperCase(Locale.ROOT);
        return MASS.containsKey(first) ? first : "X";
    }
}
