package org.samizdat.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cells a spreadsheet would run as formulas are defused; quoting follows RFC 4180. */
class CsvTest {

    @Test
    void defusesFormulaCells() {
        assertThat(Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(Csv.cell("+1")).isEqualTo("'+1");
        assertThat(Csv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(Csv.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
        assertThat(Csv.cell("Anna")).isEqualTo("Anna");
        assertThat(Csv.cell("a=b")).isEqualTo("a=b");
    }

    @Test
    void quotesSeparatorsAndWritesRows() {
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(Csv.row(Arrays.asList("x", null, 12))).isEqualTo("x,,12\r\n");
        assertThat(Csv.row(List.of())).isEqualTo("\r\n");
    }
}
