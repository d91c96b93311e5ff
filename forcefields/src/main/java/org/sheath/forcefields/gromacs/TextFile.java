package org.sheath.forcefields.gromacs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A topology text file on disk or bundled with Sheath (a class-path resource), with the name used in
 * error messages and a way to find files it includes relative to itself.
 */
public abstract class TextFile {
    /** Root of the bundled force-field library on the class path. */
    public static final String LIBRARY_ROOT = "org/sheath/forcefields/library/";

    public abstract String displayName();

    public abstract List<String> readLines();

    /** The file {@code relative} next to this one, if it exists. */
    public abstract Optional<TextFile> sibling(String relative);

    /** Identity for include-cycle detection. */
    public abstract String key();

    public static TextFile of(Path path) {
        return new OnDisk(path);
    }

    /** A file of the bundled library, e.g. {@code electrolyte.ff/tfsi.itp}, if it exists. */
    public static Optional<TextFile> bundled(String relative) {
        String res = normalize(LIBRARY_ROOT + relative);
        if (res == null) return Optional.empty();
        return TextFile.class.getClassLoader().getResource(res) == null ? Optional.empty() : Optional.of(new Bundled(res));
    }

    /**
     * Text held in memory (e.g. a topology a program wrote), named {@code displayName} in error
     * messages. Its {@code #include}s resolve in the bundled library first, so a topology made for
     * the bundled species always reads the bundled files.
     */
    public static TextFile ofString(String displayName, String text) {
        return new InMemory(displayName, text);
    }

    /**
     * Names of the files directly in a directory of the bundled library (e.g. {@code electrolyte.ff}),
     * sorted; empty if there is no such directory. Works for the library as a directory on the class
     * path and inside a jar.
     */
    public static List<String> listBundled(String dir) {
        return listBundled(TextFile.class.getClassLoader(), dir);
    }

    static List<String> listBundled(ClassLoader loader, String dir) {
        String res = normalize(LIBRARY_ROOT + dir);
        if (res == null) return List.of();
        java.net.URL url = loader.getResource(res);
        if (url == null) {
            // a jar without directory entries: list the jar this class came from
            java.net.URL self = loader.getResource(TextFile.class.getName().replace('.', '/') + ".class");
            if (self == null || !self.getProtocol().equals("jar")) return List.of();
            url = self;
        }
        TreeSet<String> names = new TreeSet<>();
        try {
            switch (url.getProtocol()) {
                case "file" -> {
                    try (Stream<Path> s = Files.list(Path.of(url.toURI()))) {
                        s.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
                    }
                }
                case "jar" -> {
                    java.net.JarURLConnection c = (java.net.JarURLConnection) url.openConnection();
                    c.setUseCaches(false);
                    String prefix = res + "/";
                    try (JarFile jar = c.getJarFile()) {
                        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                            String n = e.nextElement().getName();
                            if (n.startsWith(prefix) && n.length() > prefix.length() && n.indexOf('/', prefix.length()) < 0) {
                                names.add(n.substring(prefix.length()));
                            }
                        }
                    }
                }
                default -> throw new IllegalStateException("cannot list the bundled library at " + url
                        + " (neither a directory nor a jar)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return new ArrayList<>(names);
    }

    private static String normalize(String resource) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String p : resource.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                if (parts.isEmpty()) return null;
                parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }

    private static final class OnDisk extends TextFile {
        private final Path path;

        OnDisk(Path path) {
            this.path = path;
        }

        @Override
        public String displayName() {
            return path.toString();
        }

        @Override
        public List<String> readLines() {
            try {
                return Files.readAllLines(path, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Optional<TextFile> sibling(String relative) {
            Path dir = path.toAbsolutePath().getParent();
            Path p = dir == null ? Path.of(relative) : dir.resolve(relative);
            return Files.isRegularFile(p) ? Optional.of(new OnDisk(relativize(p))) : Optional.empty();
        }

        private static Path relativize(Path p) {
            try {
                Path cwd = Path.of("").toAbsolutePath();
                Path n = p.toAbsolutePath().normalize();
                return n.startsWith(cwd) ? cwd.relativize(n) : n;
            } catch (IllegalArgumentException e) {
                return p;
            }
        }

        @Override
        public String key() {
            return path.toAbsolutePath().normalize().toString();
        }
    }

    private static final class Bundled extends TextFile {
        private final String resource;

        Bundled(String resource) {
            this.resource = resource;
        }

        @Override
        public String displayName() {
            return "[bundled] " + resource.substring(LIBRARY_ROOT.length());
        }

        @Override
        public List<String> readLines() {
            try (InputStream in = TextFile.class.getClassLoader().getResourceAsStream(resource);
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
                return r.lines().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Optional<TextFile> sibling(String relative) {
            int slash = resource.lastIndexOf('/');
            String dir = resource.substring(0, slash + 1);
            String res = normalize(dir + relative);
            if (res == null || !res.startsWith(LIBRARY_ROOT)) return Optional.empty();
            return TextFile.class.getClassLoader().getResource(res) == null ? Optional.empty() : Optional.of(new Bundled(res));
        }

        @Override
        public String key() {
            return "classpath:" + resource;
        }
    }

    private static final class InMemory extends TextFile {
        private final String name;
        private final String text;

        InMemory(String name, String text) {
            this.name = name;
            this.text = text;
        }

        @Override
        public String displayName() {
            return name;
        }

        @Override
        public List<String> readLines() {
            return text.lines().toList();
        }

        @Override
        public Optional<TextFile> sibling(String relative) {
            return bundled(relative);
        }

        @Override
        public String key() {
            return "memory:" + name + "@" + System.identityHashCode(this);
        }
    }
}
