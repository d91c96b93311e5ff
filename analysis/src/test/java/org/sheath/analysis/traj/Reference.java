package org.sheath.analysis.traj;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The values MDAnalysis read from the fixtures (reference.tsv, written by make_fixtures.py). */
final class Reference {
    static final class FrameRef {
        double time = Double.NaN;
        Long step;
        double[] box;
        final Map<Integer, double[]> x = new TreeMap<>(), v = new TreeMap<>(), f = new TreeMap<>();
    }

    static final class FileRef {
        final String name;
        int natoms;
        final List<FrameRef> frames = new ArrayList<>();

        FileRef(String name) {
            this.name = name;
        }

        FrameRef frame(int i) {
            while (frames.size() <= i) {
                frames.add(new FrameRef());
            }
            return frames.get(i);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final Path DIR;
    static final Map<String, FileRef> FILES = new LinkedHashMap<>();

    static {
        try {
            DIR = Path.of(Reference.class.getResource("/traj/reference.tsv").toURI()).getParent();
            for (String line : Files.readAllLines(DIR.resolve("reference.tsv"))) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] c = line.split("\t");
                FileRef fr = FILES.computeIfAbsent(c[0], FileRef::new);
                switch (c[1]) {
                    case "count" -> fr.natoms = Integer.parseInt(c[2]);
                    case "time" -> {
                        FrameRef r = fr.frame(Integer.parseInt(c[2]));
                        r.time = c[3].equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(c[3]);
                        r.step = c[4].equals("NA") ? null : Long.valueOf(c[4]);
                    }
                    case "box" -> fr.frame(Integer.parseInt(c[2])).box = c[3].equals("none") ? null : nums(c, 3, 9);
                    case "x" -> fr.frame(Integer.parseInt(c[2])).x.put(Integer.parseInt(c[3]), nums(c, 4, 3));
                    case "v" -> fr.frame(Integer.parseInt(c[2])).v.put(Integer.parseInt(c[3]), nums(c, 4, 3));
                    case "f" -> fr.frame(Integer.parseInt(c[2])).f.put(Integer.parseInt(c[3]), nums(c, 4, 3));
                    default -> throw new IllegalStateException("bad reference line " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double[] nums(String[] c, int from, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Double.parseDouble(c[from + i]);
        }
        return d;
    }

    static Path path(String name) {
        return DIR.resolve(name);
    }

    private Reference() {
    }
}
