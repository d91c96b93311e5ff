package org.sheath.engine.integrate.barostat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Barostats by name (the deck's {@code barostat = ...}); a new one is one class and one line here. */
public final class Barostats {
    /** Warning for equilibration-only barostats. */
    public static final String BERENDSEN_WARNING = "the Berendsen barostat does not sample the NPT ensemble (its "
            + "volume fluctuations are wrong); use it for equilibration only, and c-rescale or mtk for production";

    /**
     * The parameters of a barostat: P₀ (bar), κ (1/bar), τ_p (ps), τ_t of the thermostat (ps), chain length,
     * nstpcouple, coupling, and P₀ and κ along z (used when the coupling moves z apart; equal to the others
     * for isotropic coupling).
     */
    public record Settings(double pressure, double compressibility, double tauP, double tauT, int chainLength,
                           int nstpcouple, Coupling coupling, double pressureZ, double compressibilityZ) {
        public Settings {
            if (coupling == Coupling.ISOTROPIC && (pressureZ != pressure || compressibilityZ != compressibility)) {
                throw new IllegalArgumentException("isotropic coupling takes one pressure and one compressibility");
            }
        }

        /** The same P₀ and κ in every direction. */
        public Settings(double pressure, double compressibility, double tauP, double tauT, int chainLength,
                        int nstpcouple, Coupling coupling) {
            this(pressure, compressibility, tauP, tauT, chainLength, nstpcouple, coupling, pressure, compressibility);
        }
    }

    public interface Factory {
        Barostat create(Settings s);
    }

    private static final Map<String, Factory> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put("mtk", s -> new Mtk(s.pressure(), s.pressureZ(), s.compressibility(), s.compressibilityZ(), s.tauP(),
                s.tauT(), s.chainLength(), s.coupling()));
        REGISTRY.put("c-rescale", s -> new CRescale(s.pressure(), s.pressureZ(), s.compressibility(), s.compressibilityZ(),
                s.tauP(), s.nstpcouple(), s.coupling()));
        REGISTRY.put("berendsen", s -> new Berendsen(s.pressure(), s.pressureZ(), s.compressibility(), s.compressibilityZ(),
                s.tauP(), s.nstpcouple(), s.coupling()));
    }

    private Barostats() {
    }

    public static Set<String> names() {
        return REGISTRY.keySet();
    }

    public static Barostat create(String name, Settings settings) {
        Factory f = REGISTRY.get(name.toLowerCase(Locale.ROOT));
        if (f == null) throw new IllegalArgumentException("unknown barostat '" + name + "'; use one of " + REGISTRY.keySet());
        return f.create(settings);
    }
}
