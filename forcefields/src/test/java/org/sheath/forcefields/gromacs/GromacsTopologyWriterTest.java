package org.sheath.forcefields.gromacs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheath.forcefields.TopFiles;
import org.sheath.forcefields.model.FlatTopology;
import org.sheath.forcefields.model.TermKind;
import org.sheath.forcefields.model.Topology;

/** The explicit export reads back to the same flat topology (same physics), parameter for parameter. */
class GromacsTopologyWriterTest {
    static final Path SHARED = Path.of("../../shared/reference/forcefield-sources");
    @TempDir Path dir;

    static void assertSamePhysics(FlatTopology a, FlatTopology b) {
        assertThat(b.natoms).isEqualTo(a.natoms);
        assertThat(b.charge).containsExactly(a.charge, within(1e-12));
        assertThat(b.mass).containsExactly(a.mass, within(1e-12));
        for (int i = 0; i < a.natoms; i++) {
            for (int j = 0; j < a.natoms; j++) {
                int ta = a.type[i] * a.ntypes + a.type[j], tb = b.type[i] * b.ntypes + b.type[j];
                assertThat(b.c6[tb]).isCloseTo(a.c6[ta], within(1e-12 * Math.abs(a.c6[ta]) + 1e-300));
                assertThat(b.c12[tb]).isCloseTo(a.c12[ta], within(1e-12 * Math.abs(a.c12[ta]) + 1e-300));
            }
        }
        for (TermKind k : TermKind.values()) {
            assertThat(b.terms(k).atoms()).as(k.toString()).containsExactly(a.terms(k).atoms());
            assertThat(b.terms(k).params()).as(k.toString()).containsExactly(a.terms(k).params(), within(1e-9));
        }
        assertThat(b.pairI).containsExactly(a.pairI);
        assertThat(b.pairJ).containsExactly(a.pairJ);
        assertThat(b.pairQQ).containsExactly(a.pairQQ, within(1e-12));
        for (int p = 0; p < a.npairs; p++) {
            assertThat(b.pairC6[p]).isCloseTo(a.pairC6[p], within(1e-12 * a.pairC6[p]));
            assertThat(b.pairC12[p]).isCloseTo(a.pairC12[p], within(1e-12 * a.pairC12[p]));
        }
        assertThat(b.exclOffsets).containsExactly(a.exclOffsets);
        assertThat(b.exclAtoms).containsExactly(a.exclAtoms);
    }

    @Test
    void freeSolvDmfRoundTrips() {
        Topology top = GromacsTopologyReader.read(SHARED.resolve("freesolv-gaff-am1bcc/mobley_8011706.top"));
        Path out = dir.resolve("export.top");
        GromacsTopologyWriter.write(out, top);
        assertSamePhysics(FlatTopology.of(top), FlatTopology.of(GromacsTopologyReader.read(out)));
    }

    @Test
    void perMoleculeFudgeAndExplicitPairsRoundTrip() {
        Topology top = GromacsTopologyReader.read(TopFiles.write(dir, "t.top", ParameterLookupTest.TOP));
        Path out = dir.resolve("export.top");
        GromacsTopologyWriter.write(out, top);
        assertSamePhysics(FlatTopology.of(top), FlatTopology.of(GromacsTopologyReader.read(out)));
    }
}
