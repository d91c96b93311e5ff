package org.sheath.analysis.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;
import org.sheath.forcefields.InputException;

/**
 * Registry of analyses by name. Built-in ones are registered here (one line each); others can be
 * added with {@link #register} or as {@link Analysis} services (a public no-argument constructor,
 * listed in {@code META-INF/services/org.sheath.analysis.core.Analysis}).
 */
public final class Analyses {
    private static final Map<String, Supplier<Analysis<?, ?, ?>>> REGISTRY = new LinkedHashMap<>();

    static {
        register("rdf", org.sheath.analysis.rdf.RdfAnalysis::new);
        for (ServiceLoader.Provider<Analysis> p : ServiceLoader.load(Analysis.class).stream().toList()) {
            Analysis<?, ?, ?> a = p.get();
            register(a.name(), () -> {
                try {
                    return p.type().getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private Analyses() {
    }

    public static synchronized void register(String name, Supplier<Analysis<?, ?, ?>> factory) {
        REGISTRY.put(name, factory);
    }

    public static synchronized Set<String> names() {
        return Collections.unmodifiableSet(REGISTRY.keySet());
    }

    /** A new instance of the named analysis. */
    public static synchronized Analysis<?, ?, ?> create(String name) {
        Supplier<Analysis<?, ?, ?>> f = REGISTRY.get(name);
        if (f == null) throw new InputException("unknown analysis '" + name + "'; known: " + String.join(", ", REGISTRY.keySet()));
        return f.get();
    }
}
