package org.sheath.engine.integrate.thermostat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Thermostats by name (the deck's {@code thermostat = ...}); a new one is one class and one line here. */
public final class Thermostats {
    /** What a thermostat is made from: τ_t (ps) and the Nosé–Hoover chain length. */
    public interface Factory {
        Thermostat create(double tau, int chainLength);
    }

    private static final Map<String, Factory> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put("nose-hoover", NoseHoover::new);
        REGISTRY.put("v-rescale", (tau, m) -> new VRescale(tau));
        REGISTRY.put("langevin", (tau, m) -> new Langevin(tau));
    }

    private Thermostats() {
    }

    public static Set<String> names() {
        return REGISTRY.keySet();
    }

    public static Thermostat create(String name, double tau, int chainLength) {
        Factory f = REGISTRY.get(name.toLowerCase(Locale.ROOT));
        if (f == null) throw new IllegalArgumentException("unknown thermostat '" + name + "'; use one of " + REGISTRY.keySet());
        return f.create(tau, chainLength);
    }
}
