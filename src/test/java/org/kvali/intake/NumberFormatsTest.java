package org.kvali.intake;

import java.math.BigDecimal;
import java.time.LocalDate;

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

	/** The first section shows a number of 0 or more, in its colour, its _) a space (a retest's read 4343). */
	@Test
	void aFormatOfSectionsShowsItsFirst() {
		assertThat(NumberFormats.shown(new BigDecimal("4343"), "\"Q\"0000;\"Q\"-0000")).isEqualTo("Q4343");
		assertThat(NumberFormats.shown(new BigDecimal("42"), "\"Q\"0000_);\"Q\"(0000)")).isEqualTo("Q0042 ");
		assertThat(NumberFormats.shown(new BigDecimal("46"), "[Red]\"R\"0000")).isEqualTo("R0046");
		assertThat(NumberFormats.shown(new BigDecimal("46"), "\"a;b\"0;0")).isEqualTo("a;b46");
		assertThat(NumberFormats.shown(new BigDecimal("47"), "[>=1000]\"K\"0000;\"S\"0000")).isNull();
	}

	/** A day as its format shows it, as the sheet saved as CSV has it; the ISO date for a format of more. */
	@Test
	void aDayShowsAsItsFormat() {
		var day = LocalDate.of(2025, 1, 2);
		assertThat(NumberFormats.dateShown(day, "yyyy-mm-dd")).isEqualTo("2025-01-02");
		assertThat(NumberFormats.dateShown(day, "d-mmm")).isEqualTo("2-Jan");
		assertThat(NumberFormats.dateShown(day, "[$-409]d mmmm yyyy;@")).isEqualTo("2 January 2025");
		assertThat(NumberFormats.dateShown(day, "dd.mm.yy")).isEqualTo("02.01.25");
		assertThat(NumberFormats.dateShown(day, "dddd, \"the\" d")).isEqualTo("Thursday, the 2");
		assertThat(NumberFormats.dateShown(day, "m/d/yyyy")).isEqualTo("1/2/2025");
		for (var format : new String[] { null, "", "yyyy-mm-dd hh:mm", "h:mm AM/PM" }) {
			assertThat(NumberFormats.dateShown(day, format)).as(format).isEqualTo("2025-01-02");
		}
	}

	@Test
	void anyOtherFormatOrNumberIsReadAsTheNumber() {
		for (var format : new String[] { null, "", "General", "0.00", "#,##0", "0%", "0E+00", "yyyy", "@",
				"[$-409]0", "\"unclosed0", "# ?/?", "00/00" }) {
			assertThat(NumberFormats.shown(new BigDecimal("42"), format)).as(format).isNull();
		}
		assertThat(NumberFormats.shown(new BigDecimal("42.5"), "0000")).isNull();
		assertThat(NumberFormats.shown(new BigDecimal("-42"), "0000")).isNull();
		assertThat(NumberFormats.shown(new BigDecimal("42"), "\"text\"")).isNull();
	}

}
