package org.sheath.engine.protocol.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.sheath.engine.protocol.deck.Quantity.Kind;

class QuantityTest {
    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "TIME|2 fs|0.002",
            "TIME|0.002 ps|0.002",
            "TIME|10 ns|10000",
            "TIME|1 us|1e6",
            "TIME|1 µs|1e6",
            "TIME|2fs|0.002",
            "TIME|100|100",
            "TIME|1e-3 ps|0.001",
            "TIME|  2   fs  |0.002",
            "WALL_TIME|15 min|900",
            "WALL_TIME|2 h|7200",
            "WALL_TIME|30 s|30",
            "PRESSURE|1 atm|1.01325",
            "PRESSURE|1 bar|1",
            "PRESSURE|0.1 MPa|1",
            "PRESSURE|100 kPa|1",
            "PRESSURE|-50 bar|-50",
            "LENGTH|12 Å|1.2",
            "LENGTH|12 A|1.2",
            "LENGTH|1.2 nm|1.2",
            "LENGTH|1.2|1.2",
            "TEMPERATURE|300 K|300",
            "TEMPERATURE|300|300",
            "DENSITY|0.95 g/cm3|0.95",
            "DENSITY|950 kg/m³|0.95",
            "COMPRESSIBILITY|4.5e-5 1/bar|4.5e-5",
            "COMPRESSIBILITY|4.5e-5/bar|4.5e-5",
            "COMPRESSIBILITY|0.45 1/GPa|4.5e-5",
            "FORCE|100 kJ/mol/nm|100",
            "FORCE|1 kcal/mol/Å|41.84",
    })
    void parsesUnits(Kind kind, String text, double expected) {
        assertThat(Quantity.parse(text, kind)).isCloseTo(expected, within(Math.abs(expected) * 1e-12 + 1e-15));
    }

    @Test
    void unknownUnitNamesTheUnitAndTheChoices() {
        assertThatThrownBy(() -> Quantity.parse("2 fz", Kind.TIME))
                .hasMessage("unknown time unit 'fz'; use fs, ps, ns or us");
        assertThatThrownBy(() -> Quantity.parse("1 atn", Kind.PRESSURE))
                .hasMessage("unknown pressure unit 'atn'; use bar, atm, Pa, kPa, MPa or GPa");
        assertThatThrownBy(() -> Quantity.parse("12 furlong", Kind.LENGTH))
                .hasMessageContaining("unknown length unit 'furlong'; use nm, Å or pm");
    }

    @Test
    void unitOfAnotherKindIsSaidSo() {
        assertThatThrownBy(() -> Quantity.parse("15 min", Kind.TIME))
                .hasMessage("'min' is a wall-clock unit; simulated times use fs, ps, ns or us");
        assertThatThrownBy(() -> Quantity.parse("10 ps", Kind.WALL_TIME))
                .hasMessage("'ps' is a simulated-time unit; wall-clock times use s, min, h or d");
        assertThatThrownBy(() -> Quantity.parse("1 bar", Kind.LENGTH))
                .hasMessage("'bar' is a pressure unit, not a length unit; use nm, Å or pm");
    }

    @Test
    void notANumber() {
        assertThatThrownBy(() -> Quantity.parse("two fs", Kind.TIME))
                .hasMessage("not a number with a time unit; write e.g. \"2 fs\"");
        assertThatThrownBy(() -> Quantity.parse("", Kind.TEMPERATURE))
                .hasMessageContaining("not a number");
    }

    @Test
    void unitsAreCaseSensitive() {
        assertThatThrownBy(() -> Quantity.parse("1 mPa", Kind.PRESSURE)).hasMessageContaining("unknown pressure unit 'mPa'");
        assertThatThrownBy(() -> Quantity.parse("2 FS", Kind.TIME)).hasMessageContaining("unknown time unit 'FS'");
        assertThat(Quantity.kindOf("min")).isEqualTo(Kind.WALL_TIME);
        assertThat(Quantity.unitOf("15 min")).isEqualTo("min");
        assertThat(Quantity.unitOf("15")).isEmpty();
        assertThat(Quantity.unitOf("min")).isNull();
    }
}
