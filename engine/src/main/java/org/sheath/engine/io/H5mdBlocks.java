package org.sheath.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * File names of a chain of H5MD blocks (see {@link H5mdWriter}): block 1 is the trajectory's own
 * name, {@code STAGE.h5}; block {@code n >= 2} is {@code STAGE.part000n.h5} (four digits at least,
 * same extension). Shared by the writer and the analysis reader.
 */
public final class H5mdBlocks {
    private static final Pattern PART = Pattern.compile("(.+)\\.part(\\d{4,})(\\.[^.]+)?");

    private H5mdBlocks() {
    }

    /** The file of block {@code n} (1-based) of the chain that starts at {@code first}. */
    public static Path block(Path first, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("block numbers start at 1: " + n);
        }
        if (n == 1) {
            return first;
        }
        String fn = first.getFileName().toString();
        int dot = fn.lastIndexOf('.');
        String stem = dot <= 0 ? fn : fn.substring(0, dot);
        String ext = dot <= 0 ? "" : fn.substring(dot);
        return first.resolveSibling(String.format("%s.part%04d%s", stem, n, ext));
    }

    /** Whether {@code file} is named as block 2 or later of some chain ({@code X.part0002.h5}). */
    public static boolean isLaterBlock(Path file) {
        return PART.matcher(file.getFileName().toString()).matches();
    }

    /**
     * The existing blocks of the chain that starts at {@code first}, in order: {@code first} itself,
     * then {@code .part0002}, {@code .part0003}, ... up to the first one missing.
     *
     * @throws IOException if {@code first} is missing, or a later block exists past a missing one
     *                     (the chain has a hole)
     */
    public static List<Path> chain(Path first) throws IOException {
        if (!Files.exists(first)) {
            throw new java.nio.file.NoSuchFileException(first.toString());
        }
        List<Path> out = new ArrayList<>();
        out.add(first);
        for (int n = 2; Files.exists(block(first, n)); n++) {
            out.add(block(first, n));
        }
        int stray = highestBlockNumber(first);
        if (stray > out.size()) {
            throw new IOException(first.getFileName() + ": block " + (out.size() + 1) + " ("
                    + block(first, out.size() + 1).getFileName() + ") is missing but block " + stray + " exists");
        }
        return out;
    }

    /** The highest {@code n} of the files {@code STAGE.partNNNN.ext} next to {@code first} (1 if none). */
    static int highestBlockNumber(Path first) throws IOException {
        String fn = first.getFileName().toString();
        int dot = fn.lastIndexOf('.');
        String stem = dot <= 0 ? fn : fn.substring(0, dot);
        String ext = dot <= 0 ? "" : fn.substring(dot);
        Path dir = first.toAbsolutePath().getParent();
        int max = 1;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Matcher m = PART.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).equals(stem) && ext.equals(m.group(3) == null ? "" : m.group(3))) {
                    max = Math.max(max, Integer.parseInt(m.group(2)));
                }
            }
        }
        return max;
    }
}
