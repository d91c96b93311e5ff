package org.sheath.forcefields.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A complete system topology: defaults, atom types, non-bonded overrides, molecule types and the
 * ordered list of molecules. Independent of the file format it was read from.
 */
public final class Topology {
    private final Defaults defaults;
    private final Map<String, AtomType> atomTypes;
    private final Map<String, LennardJones> nonbondOverrides;
    private final Map<String, MoleculeType> moleculeTypes;
    private final List<MoleculeBlock> molecules;
    private final String systemName;
    private final String sourceFile;

    public Topology(Defaults defaults, Map<String, AtomType> atomTypes, Map<String, LennardJones> nonbondOverrides,
                    Map<String, MoleculeType> moleculeTypes, List<MoleculeBlock> molecules, String systemName,
                    String sourceFile) {
        this.defaults = defaults;
        this.atomTypes = Collections.unmodifiableMap(new LinkedHashMap<>(atomTypes));
        this.nonbondOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(nonbondOverrides));
        this.moleculeTypes = Collections.unmodifiableMap(new LinkedHashMap<>(moleculeTypes));
        this.molecules = List.copyOf(molecules);
        this.systemName = systemName;
        this.sourceFile = sourceFile;
    }

    /** Key of an unordered atom-type pair, for {@code [ nonbond_params ]}-style tables. */
    public static String pairKey(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }

    public Defaults defaults() { return defaults; }
    public Map<String, AtomType> atomTypes() { return atomTypes; }
    /** Explicit pair parameters from {@code [ nonbond_params ]}, keyed by {@link #pairKey}. */
    public Map<String, LennardJones> nonbondOverrides() { return nonbondOverrides; }
    public Map<String, MoleculeType> moleculeTypes() { return moleculeTypes; }
    public List<MoleculeBlock> molecules() { return molecules; }
    public String systemName() { return systemName; }
    public String sourceFile() { return sourceFile; }

    /** Lennard-Jones parameters between two atom types: the override if one exists, else the combining rule. */
    public LennardJones lj(String typeA, String typeB) {
        LennardJones o = nonbondOverrides.get(pairKey(typeA, typeB));
        if (o != null) return o;
        AtomType a = atomTypes.get(typeA), b = atomTypes.get(typeB);
        return defaults.combiningRule().combine(a.v(), a.w(), b.v(), b.w());
    }

    public int atomCount() {
        int n = 0;
        for (MoleculeBlock b : molecules) n += b.count() * moleculeTypes.get(b.name()).atomCount();
        return n;
    }

    public double netCharge() {
        double q = 0;
        for (MoleculeBlock b : molecules) q += b.count() * moleculeTypes.get(b.name()).netCharge();
        return q;
    }

    /**
     * A copy in which every used molecule type whose net charge is not an integer (beyond
     * {@code tolerance}) has the difference to the nearest integer spread equally over its atoms.
     */
    public Topology neutralized(double tolerance) {
        Map<String, MoleculeType> out = new LinkedHashMap<>();
        for (MoleculeType m : moleculeTypes.values()) {
            double q = m.netCharge();
            double residual = q - Math.rint(q);
            if (Math.abs(residual) <= tolerance) {
                out.put(m.name(), m);
                continue;
            }
            double shift = residual / m.atomCount();
            List<Atom> atoms = new ArrayList<>();
            for (Atom a : m.atoms()) {
                atoms.add(new Atom(a.name(), a.type(), a.residueNumber(), a.residueName(), a.chargeGroup(),
                        a.charge() - shift, a.mass()));
            }
            out.put(m.name(), new MoleculeType(m.name(), m.nrexcl(), m.source(), atoms, m.interactions(), m.pairs(),
                    m.explicitExclusions(), m.fudgeLJ(), m.fudgeQQ()));
        }
        return new Topology(defaults, atomTypes, nonbondOverrides, out, molecules, systemName, sourceFile);
    }
}
