package org.sheath.analysis.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.sheath.analysis.core.Universe;
import org.sheath.forcefields.InputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SelectionTest {
    static final Path TOP = Path.of("../inputs/litfsi-zn-dmf/system.top");
    static final Path GRO = Path.of("../inputs/litfsi-zn-dmf/conf.gro");
    static Universe top, gro;

    @BeforeAll
    static void load() {
        top = Universe.load(TOP);
        gro = Universe.load(GRO);
    }

    static int n(Universe u, String s) {
        return Selection.parse(s).select(u).length;
    }

    @Test
    void universeFromTopologyAndFromCoordinates() {
        assertThat(top.natoms).isEqualTo(3444);
        assertThat(top.moleculeCount()).isEqualTo(4 + 20 + 28 + 250);
        assertThat(gro.moleculeCount()).isEqualTo(302);
        assertThat(top.hasBonds()).isTrue();
        assertThat(gro.hasBonds()).isFalse();
        int li = Selection.parse("name LI").select(top)[0];
        assertThat(top.element[li]).isEqualTo("Li");
        assertThat(gro.element[li]).isEqualTo("Li");
        assertThat(gro.element[Selection.parse("name ZN").select(gro)[0]]).isEqualTo("Zn");
        assertThat(gro.mass[li]).isEqualTo(6.94);
        int o1 = Selection.parse("resname DMF and name O1").select(gro)[0];
        assertThat(gro.element[o1]).isEqualTo("O");
        assertThat(top.element[o1]).isEqualTo("O");
    }

    @Test
    void keywordsBooleansWildcardsAndRanges() {
        for (Universe u : new Universe[] {top, gro}) {
            assertThat(n(u, "name LI")).isEqualTo(20);
            assertThat(n(u, "resname DMF and name O1")).isEqualTo(250);
            assertThat(n(u, "name LI ZN")).isEqualTo(24);
            assertThat(n(u, "name LI or name ZN")).isEqualTo(24);
            assertThat(n(u, "resname DMF and name H*")).isEqualTo(250 * 7);
            assertThat(n(u, "resname DMF and name C?")).isEqualTo(250 * 3);
            assertThat(n(u, "resname DMF and not (name H* or name C*)")).isEqualTo(500);
            assertThat(n(u, "element Li")).isEqualTo(20);
            assertThat(n(u, "element li zn")).isEqualTo(24);
            assertThat(n(u, "mol DMF and name O1")).isEqualTo(250);
            assertThat(n(u, "moltype LI")).isEqualTo(20);
            assertThat(n(u, "index 0-3")).isEqualTo(4);
            assertThat(n(u, "index 0:3 10")).isEqualTo(5);
            assertThat(n(u, "resid 1-4")).isEqualTo(4); // the four Zn
            assertThat(n(u, "all")).isEqualTo(3444);
            assertThat(n(u, "not all")).isZero();
            assertThat(n(u, "molnum 0-3")).isEqualTo(4);
        }
        assertThat(n(top, "type dmf_o")).isEqualTo(250);
    }

    @Test
    void errorsNameTheSelectionAndTheFix() {
        assertThatThrownBy(() -> Selection.parse("resnme DMF")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("selection 'resnme DMF': unknown keyword 'resnme'; use one of resname");
        assertThatThrownBy(() -> Selection.parse("name O1 and (resname DMF")).hasMessageContaining("missing ')'");
        assertThatThrownBy(() -> Selection.parse("name")).hasMessageContaining("'name' needs a value");
        assertThatThrownBy(() -> Selection.parse("resid a-b")).hasMessageContaining("takes numbers or ranges");
        assertThatThrownBy(() -> Selection.parse("name O1 and")).hasMessageContaining("ends too early");
        assertThatThrownBy(() -> Selection.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Selection.parse("name XX").selectNonEmpty(gro, "--sel"))
                .hasMessageStartingWith("--sel 'name XX' selects no atoms in ../inputs/litfsi-zn-dmf/conf.gro");
        assertThatThrownBy(() -> Selection.parse("type dmf_o").select(gro)).hasMessageContaining("has no atom types");
    }

    @Test
    void centreOfMassSitesPerMoleculeAndPerResidue() {
        int[] dmf = Selection.parse("resname DMF").select(top);
        Sites com = Sites.of(top, dmf, Sites.Mode.COM, Sites.Grouping.MOLECULE, "--sel-site");
        assertThat(com.count).isEqualTo(250);
        Sites res = Sites.of(top, dmf, Sites.Mode.COG, Sites.Grouping.RESIDUE, "--sel-site");
        assertThat(res.count).isEqualTo(250);
        Sites atoms = Sites.of(top, dmf, Sites.Mode.ATOM, Sites.Grouping.MOLECULE, "--sel-site");
        assertThat(atoms.count).isEqualTo(3000);
        // sameAs compares the sites' definitions: an equal, separately built COM set is the same, COG per residue is not
        Sites com2 = Sites.of(top, Selection.parse("resname DMF").select(top), Sites.Mode.COM, Sites.Grouping.MOLECULE, "--ref-site");
        assertThat(com2).isNotSameAs(com);
        assertThat(com.sameAs(com2)).isTrue();
        assertThat(com.sameAs(res)).isFalse();
        assertThat(com.sameAs(atoms)).isFalse();
    }
}
