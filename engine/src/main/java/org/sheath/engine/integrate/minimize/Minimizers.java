package org.sheath.engine.integrate.minimize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** The minimisers by name (GROMACS's {@code integrator} values where GROMACS has them). */
public final class Minimizers {
    private static final Map<String, Supplier<Minimizer>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("steep", SteepestDescent::new);
        BY_NAME.put("fire", Fire::new);
        BY_NAME.put("lbfgs", Lbfgs::new);
    }

    private Minimizers() {
    }

    /** Known names, in registration order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /**
     * A new minimiser with default parameters.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static Minimizer create(String name) {
        Supplier<Minimizer> s = name == null ? null : BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalArgumentException("unknown minimizer '" + name + "'; known: " + String.join(", ", BY_NAME.keySet()));
        }
        return s.get();
    }
}
