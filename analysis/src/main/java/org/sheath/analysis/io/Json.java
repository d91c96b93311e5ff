package org.sheath.analysis.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** JSON text of maps, lists, records and numbers (NaN written as null). */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    public static String write(Object doc) {
        try {
            return MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes doc as a JSON file (with a final newline); an unwritable file is an UncheckedIOException naming it. */
    public static void write(java.nio.file.Path file, Object doc) {
        try {
            java.nio.file.Files.writeString(file, write(doc) + "\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(new java.io.IOException(file + ": cannot write: " + e.getMessage(), e));
        }
    }

    /** A finite number, or null for NaN/∞ (JSON has no NaN). */
    public static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
