package org.sheath.forcefields.gromacs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sheath.forcefields.model.Topology;

class TextFileTest {
    @TempDir Path dir;

    @Test
    void listsTheBundledLibraryDirectory() {
        List<String> files = TextFile.listBundled("electrolyte.ff");
        assertThat(files).contains("forcefield.itp", "ffnonbonded.itp", "li.itp", "li.gro", "tfsi.itp", "pvdf.gro");
        assertThat(files).isSorted();
        assertThat(TextFile.listBundled("no-such.ff")).isEmpty();
        assertThat(TextFile.listBundled("../../..")).isEmpty();
    }

    /** With and without directory entries in the jar (a jar need not have them). */
    @ParameterizedTest(name = "directory entries: {0}")
    @ValueSource(booleans = {true, false})
    void listsALibraryDirectoryInsideAJar(boolean directoryEntries) throws Exception {
        Path jar = dir.resolve("lib.jar");
        String cls = TextFile.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(cls));
            try (var in = TextFile.class.getClassLoader().getResourceAsStream(cls)) {
                in.transferTo(out);
            }
            out.closeEntry();
            List<String> names = List.of("test.ff/", "test.ff/forcefield.itp", "test.ff/a.itp", "test.ff/sub/", "test.ff/sub/b.itp",
                    "other.ff/c.itp");
            for (String name : names) {
                if (name.endsWith("/") && !directoryEntries) continue;
                out.putNextEntry(new JarEntry(TextFile.LIBRARY_ROOT + name));
                if (!name.endsWith("/")) ((OutputStream) out).write("; x\n".getBytes());
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(TextFile.listBundled(loader, "test.ff")).containsExactly("a.itp", "forcefield.itp");
            assertThat(TextFile.listBundled(loader, "none.ff")).isEmpty();
        }
    }

    @Test
    void inMemoryTopologyIncludesTheBundledLibrary() {
        String top = """
                #define CHARGE_SCALE_0_8
                #include "electrolyte.ff/forcefield.itp"
                #include "electrolyte.ff/li.itp"
                [ system ]
                one ion
                [ molecules ]
                LI 3
                """;
        Topology t = GromacsTopologyReader.read(TextFile.ofString("[test] mem.top", top), GromacsTopologyReader.Options.DEFAULT);
        assertThat(t.atomCount()).isEqualTo(3);
        assertThat(t.netCharge()).isEqualTo(2.4, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(t.sourceFile()).isEqualTo("[test] mem.top");
    }
}
