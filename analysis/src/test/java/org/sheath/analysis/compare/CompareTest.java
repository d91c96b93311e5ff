package org.sheath.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheath.forcefields.InputException;

class CompareTest {
    @TempDir Path dir;

    static final String SHELLS = """
            {"analysis":"shells","parameters":{"refLabel":"Li"},
             "species":{"DMF":{"meanCn":%s,"radiusNm":0.3,"residence":{"integralPs":40.0,"decayedBelow1OverE":%s}}},
             "compositions":[{"label":"Li(DMF)4","fraction":0.5}],
             "pairing":{"anion":"TFSI","ssip":0.5,"cip":0.25,"agg":0.25}}""";
    static final String MSD = """
            {"analysis":"msd","species":{"LI":{"d1e9M2PerS":0.404,"dError1e9M2PerS":0.05,"fitStartPs":4,"fitEndPs":16}},
             "nernstEinstein":{"conductivityMSPerCm":5.2,"transferenceCation":0.31}}""";

    @Test
    void twoRunsSideBySide() throws Exception {
        Path a = dir.resolve("pll.json"), b = dir.resolve("pllz.json"), c = dir.resolve("pll_msd.json");
        Files.writeString(a, SHELLS.formatted("4.00", "true"));
        Files.writeString(b, SHELLS.formatted("3.50", "false"));
        Files.writeString(c, MSD);
        String t = Compare.table(List.of(a, b, c), List.of("PLL", "PLLZ", "PLL"));
        assertThat(t).startsWith("| quantity | PLL | PLLZ |\n|---|---|---|\n");
        assertThat(t).contains("| Li shell, DMF: CN | 4.00 | 3.50 |");
        assertThat(t).contains("| Li pairing with TFSI: SSIP % | 50.0 | 50.0 |");
        assertThat(t).contains("| Li shell, DMF: residence time (ps, ∫C) | 40.0 | ≥ 40.0 (not decayed) |");
        assertThat(t).contains("| D LI (1e-9 m²/s) | 0.404 ± 0.05 | – |");
        assertThat(t).contains("| D LI fit window (ps) | 4–16 | – |");
        assertThat(t).contains("| σ Nernst–Einstein (mS/cm) | 5.20 | – |");
        // default labels: file names
        assertThat(Compare.table(List.of(a, b), null)).startsWith("| quantity | pll | pllz |");
    }

    @Test
    void badInputs() throws Exception {
        Path a = dir.resolve("a.json");
        Files.writeString(a, "{\"x\": 1}");
        assertThatThrownBy(() -> Compare.table(List.of(a), null)).isInstanceOf(InputException.class)
                .hasMessageContaining("not a sheath analyze");
        Files.writeString(a, "{nope");
        assertThatThrownBy(() -> Compare.table(List.of(a), null)).isInstanceOf(InputException.class)
                .hasMessageContaining("cannot read a JSON result");
        assertThatThrownBy(() -> Compare.table(List.of(a, a), List.of("X"))).isInstanceOf(InputException.class)
                .hasMessageContaining("one label per file");
    }
}
