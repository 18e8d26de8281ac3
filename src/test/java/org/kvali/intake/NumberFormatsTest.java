package org.kvali.intake;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumberFormatsTest {

	@Test
	void digitsAndTextShowAsASpreadsheetShowsThem() {
		assertThat(NumberFormats.shown(new BigDecimal("42"), "0000")).isEqualTo("0042");
		assertThat(NumberFormats.shown(new BigDecimal("42.000"), "0000")).isEqualTo("0042");
		assertThat(NumberFormats.shown(new BigDecimal("42"), "#")).isEqualTo("42");
		assertThat(NumberFormats.shown(new BigDecimal("0"), "#")).isEqualTo("");
		assertThat(NumberFormats.shown(new BigDecimal("5"), "??0")).isEqualTo("  5");
		// digits beyond the placeholders go into the first
		assertThat(NumberFormats.shown(new BigDecimal("1234567"), "000-000")).isEqualTo("1234-567");
		assertThat(NumberFormats.shown(new BigDecimal("42"), "000-000")).isEqualTo("000-042");
		assertThat(NumberFormats.shown(new BigDecimal("42"), "\"P\"0000")).isEqualTo("P0042");
		assertThat(NumberFormats.shown(new BigDecimal("7"), "\"0\"0\\A")).isEqualTo("07A");
		assertThat(NumberFormats.shown(new BigDecimal("42"), "(000)")).isEqualTo("(042)");
		assertThat(NumberFormats.shown(new BigDecimal("42"), "\"A/\"00\\/0")).isEqualTo("A/04/2");
	}

	@Test
	void anyOtherFormatOrNumberIsReadAsTheNumber() {
		for (var format : new String[] { null, "", "General", "0.00", "#,##0", "0%", "0E+00", "yyyy", "@",
				"0;[Red]-0", "[$-409]0", "\"unclosed0", "# ?/?", "00/00" }) {
			assertThat(NumberFormats.shown(new BigDecimal("42"), format)).as(format).isNull();
		}
		assertThat(NumberFormats.shown(new BigDecimal("42.5"), "0000")).isNull();
		assertThat(NumberFormats.shown(new BigDecimal("-42"), "0000")).isNull();
		assertThat(NumberFormats.shown(new BigDecimal("42"), "\"text\"")).isNull();
	}

}
