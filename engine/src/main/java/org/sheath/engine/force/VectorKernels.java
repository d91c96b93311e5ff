package org.sheath.engine.force;

/**
 * Where a Vector API kernel comes from: such classes use {@code jdk.incubator.vector}, so they are loaded by
 * name, here only, and only when the module is present (the launcher adds it) and {@code -Dsheath.scalar} is not
 * set; the rest of the engine links and runs without the module, on the scalar loops.
 */
public final class VectorKernels {
    private VectorKernels() {
    }

    /** A new instance of the named kernel class (its no-argument constructor may be package-private), or null. */
    public static <T> T newOrNull(String className, Class<T> type) {
        if (!ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() || Boolean.getBoolean("sheath.scalar")) return null;
        try {
            var c = Class.forName(className).asSubclass(type).getDeclaredConstructor();
            c.setAccessible(true);
            return c.newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
