package org.sheath.analysis.traj;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Registry of trajectory formats: the built-in ones plus any {@link TrajectoryFormat} found
 * with {@link ServiceLoader}. Opens files by extension or by format name.
 */
public final class TrajectoryFormats {
    private static final List<TrajectoryFormat> FORMATS;

    static {
        List<TrajectoryFormat> all = new ArrayList<>(Formats.BUILT_IN);
        for (TrajectoryFormat f : ServiceLoader.load(TrajectoryFormat.class)) {
            all.add(f);
        }
        FORMATS = List.copyOf(all);
    }

    private TrajectoryFormats() {
    }

    /** All registered formats, built-in ones first. */
    public static List<TrajectoryFormat> all() {
        return FORMATS;
    }

    /** The format registered for a file's extension (case-insensitive). */
    public static TrajectoryFormat forFile(Path file) {
        String fn = file.getFileName().toString();
        int dot = fn.lastIndexOf('.');
        String ext = dot < 0 ? "" : fn.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (TrajectoryFormat f : FORMATS) {
            if (f.extensions().contains(ext)) {
                return f;
            }
        }
        throw new TrajectoryException("unknown trajectory format '" + (dot < 0 ? fn : fn.substring(dot))
                + "'; known: " + known());
    }

    /** The format with this name (case-insensitive). */
    public static TrajectoryFormat byName(String formatName) {
        String n = formatName.toLowerCase(Locale.ROOT);
        for (TrajectoryFormat f : FORMATS) {
            if (f.name().equals(n) || f.extensions().contains(n)) {
                return f;
            }
        }
        throw new TrajectoryException("unknown trajectory format '" + formatName + "'; known: " + known());
    }

    private static String known() {
        return FORMATS.stream().map(TrajectoryFormat::name).collect(Collectors.joining(", "));
    }

    /** Opens a trajectory, choosing the format from the file extension. */
    public static TrajectoryReader open(Path file) {
        return open(file, forFile(file));
    }

    /** Opens a trajectory in the named format, whatever its extension. */
    public static TrajectoryReader open(Path file, String formatName) {
        return open(file, byName(formatName));
    }

    private static TrajectoryReader open(Path file, TrajectoryFormat format) {
        try {
            return format.open(file);
        } catch (NoSuchFileException e) {
            throw new TrajectoryException(file.getFileName() + ": no such file (" + file + ")", e);
        } catch (IOException e) {
            throw new TrajectoryException(file.getFileName() + ": cannot read: " + e.getMessage(), e);
        }
    }
}
