package org.sheath.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sheath.engine.context.Context;
import org.sheath.engine.context.EnergyReport;
import org.sheath.engine.context.ForceSet;
import org.sheath.engine.force.ewald.EwaldParameters;
import org.sheath.engine.force.nonbonded.DispCorrMode;
import org.sheath.engine.force.nonbonded.Modifier;
import org.sheath.engine.force.nonbonded.NonbondedOptions;
import org.sheath.engine.system.LiquidDensity;
import org.sheath.engine.system.MdSystem;
import org.sheath.engine.system.State;
import org.sheath.forcefields.InputException;
import org.sheath.forcefields.TopologyFiles;
import org.sheath.forcefields.coords.Structure;
import org.sheath.forcefields.coords.StructureFiles;
import org.sheath.forcefields.model.FlatTopology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sheath energy}: single-point energies and pressure of a configuration, like {@code gmx mdrun -rerun}. */
@Command(name = "energy", mixinStandardHelpOptions = true,
        description = "Potential energy terms (GROMACS names, kJ/mol) and pressure (bar) of one configuration "
                + "with PME electrostatics, as gmx mdrun -rerun + gmx energy would report them.")
final class EnergyCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-p", "--topology"}, required = true, paramLabel = "FILE",
            description = "GROMACS .top (with its .itp includes) or AMBER .prmtop")
    Path topology;

    @Option(names = {"-c", "--coordinates"}, required = true, paramLabel = "FILE",
            description = "coordinates with a box (.gro, .pdb, .inpcrd, .rst7)")
    Path coordinates;

    @Option(names = "--cutoff", paramLabel = "NM", defaultValue = "1.2", description = "rvdw = rcoulomb, nm (default ${DEFAULT-VALUE})")
    double cutoff;

    @Option(names = "--ewald-rtol", paramLabel = "X", defaultValue = "1e-5", description = "erfc(beta*rc) (default ${DEFAULT-VALUE})")
    double ewaldRtol;

    @Option(names = "--fourier-spacing", paramLabel = "NM", defaultValue = "0.12", description = "PME grid spacing, nm (default ${DEFAULT-VALUE})")
    double fourierSpacing;

    @Option(names = "--pme-order", paramLabel = "N", defaultValue = "4", description = "PME interpolation order 3-12 (default ${DEFAULT-VALUE})")
    int pmeOrder;

    @Option(names = "--vdw-modifier", paramLabel = "MOD", defaultValue = "potential-shift", description = "potential-shift or none (default ${DEFAULT-VALUE})")
    String vdwModifier;

    @Option(names = "--coulomb-modifier", paramLabel = "MOD", defaultValue = "potential-shift", description = "potential-shift or none (default ${DEFAULT-VALUE})")
    String coulombModifier;

    @Option(names = "--dispcorr", paramLabel = "MODE", defaultValue = "EnerPres", description = "EnerPres, Ener or no (default ${DEFAULT-VALUE})")
    String dispcorr;

    @Option(names = "--kernel", paramLabel = "K", defaultValue = "reference",
            description = "pair kernel: reference (double precision, what gmx_d comparisons use) or cluster (single precision, fast) (default ${DEFAULT-VALUE})")
    String kernel;

    @Option(names = "--ignore-velocities", description = "kinetic energy 0 even if the coordinates have velocities (what gmx mdrun -rerun does since 2019)")
    boolean ignoreVelocities;

    @Mixin Preprocessing preprocessing;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: available processors)")
    Integer threads;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Option(names = "--debug", description = "print stack traces of errors")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        NonbondedOptions options = options();
        int nthreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (nthreads < 1) throw new InputException("--threads must be at least 1, got " + nthreads);

        FlatTopology top = FlatTopology.of(TopologyFiles.read(topology, preprocessing.options()));
        Structure s = StructureFiles.read(coordinates);
        MdSystem system = new MdSystem(top);
        State state = system.newState(s, coordinates.toString());
        ForceSet forces = ForceSet.create(system, options, state.box);
        PrintWriter err = spec.commandLine().getErr();
        org.sheath.forcefields.coords.AtomNameCheck.of(top.atomName, s).warning(coordinates.toString())
                .ifPresent(w -> err.println("sheath: warning: " + w));
        for (String w : forces.warnings()) err.println("sheath: warning: " + w);
        err.flush();
        double density = LiquidDensity.of(system.masses, state.box);

        boolean useVelocities = s.hasVelocities() && !ignoreVelocities;
        EnergyReport report;
        try (Context context = new Context(system, state, forces, nthreads)) {
            context.checkOverlaps();
            LiquidDensity.warning(density).ifPresent(w -> err.println("sheath: warning: " + coordinates + ": " + w));
            err.flush();
            report = context.energyReport(useVelocities);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(
                    document(report, forces, state, useVelocities, density)));
        } else {
            printTable(out, report, forces, state, useVelocities, density);
        }
        out.flush();
        return 0;
    }

    private NonbondedOptions options() {
        try {
            return new NonbondedOptions(cutoff, ewaldRtol, fourierSpacing, pmeOrder, Modifier.parse(vdwModifier),
                    Modifier.parse(coulombModifier), DispCorrMode.parse(dispcorr), 0.0,
                    org.sheath.engine.force.nonbonded.NonbondedKernel.parse(kernel));
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
    }

    private Map<String, Object> document(EnergyReport r, ForceSet forces, State state, boolean useVelocities, double density) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("topology", topology.toString());
        doc.put("coordinates", coordinates.toString());
        doc.put("atoms", state.natoms);
        doc.put("box", state.box.toMatrix());
        doc.put("volumeNm3", r.volume());
        doc.put("densityKgM3", density);
        doc.put("settings", settings(forces));
        Map<String, Object> e = new LinkedHashMap<>(r.terms());
        e.put("Potential", r.potential());
        doc.put("energies", e);
        doc.put("kineticEnergy", r.kinetic());
        doc.put("velocitiesUsed", useVelocities);
        doc.put("pressure", r.pressure());
        doc.put("pressureDispCorr", r.dispCorrPressure());
        doc.put("pressureTensor", r.pressureTensor());
        doc.put("virial", r.virial());
        doc.put("units", Map.of("energy", "kJ/mol", "pressure", "bar", "virial", "kJ/mol (W = sum r x f)"));
        return doc;
    }

    private Map<String, Object> settings(ForceSet forces) {
        NonbondedOptions o = forces.options();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cutoff", o.cutoff());
        m.put("vdwModifier", o.vdwModifier().mdpName());
        m.put("coulombModifier", o.coulombModifier().mdpName());
        m.put("dispCorr", o.dispCorr().mdpName());
        EwaldParameters p = forces.ewald();
        if (p != null) {
            m.put("ewaldRtol", o.ewaldRtol());
            m.put("ewaldCoefficient", p.beta());
            m.put("pmeGrid", new int[] {p.nx(), p.ny(), p.nz()});
            m.put("pmeOrder", p.order());
        }
        m.put("pairs", forces.find(org.sheath.engine.force.PairSearch.class).pairCount());
        return m;
    }

    private void printTable(PrintWriter out, EnergyReport r, ForceSet forces, State state, boolean useVelocities, double density) {
        NonbondedOptions o = forces.options();
        out.printf(Locale.ROOT, "Energy of %s with %s: %d atoms, %s%n", coordinates, topology, state.natoms, state.box);
        EwaldParameters p = forces.ewald();
        out.printf(Locale.ROOT, "  cut-off %.4g nm, vdw-modifier %s, coulomb-modifier %s, DispCorr %s", o.cutoff(),
                o.vdwModifier().mdpName(), o.coulombModifier().mdpName(), o.dispCorr().mdpName());
        if (p != null) {
            out.printf(Locale.ROOT, ", PME beta %.6f nm^-1 grid %dx%dx%d order %d", p.beta(), p.nx(), p.ny(), p.nz(), p.order());
        }
        out.printf(Locale.ROOT, "%n%n  %-16s %20s%n", "Energy", "kJ/mol");
        for (Map.Entry<String, Double> e : r.terms().entrySet()) out.printf(Locale.ROOT, "  %-16s %20.6f%n", e.getKey(), e.getValue());
        out.printf(Locale.ROOT, "  %-16s %20.6f%n", "Potential", r.potential());
        out.printf(Locale.ROOT, "%n  %-16s %20.6f%s%n", "Kinetic En.", r.kinetic(),
                useVelocities ? "" : "  (no velocities: pressure from the virial only, as gmx mdrun -rerun)");
        out.printf(Locale.ROOT, "  %-16s %20.6f%n", "Pres. DC (bar)", r.dispCorrPressure());
        out.printf(Locale.ROOT, "  %-16s %20.6f%n", "Pressure (bar)", r.pressure());
        out.printf(Locale.ROOT, "  %-16s %20.3f%n", "Density (kg/m^3)", density);
        double[] t = r.pressureTensor();
        out.printf(Locale.ROOT, "%n  Pressure tensor (bar)%n");
        for (int a = 0; a < 3; a++) out.printf(Locale.ROOT, "    %16.6f %16.6f %16.6f%n", t[3 * a], t[3 * a + 1], t[3 * a + 2]);
    }
}
