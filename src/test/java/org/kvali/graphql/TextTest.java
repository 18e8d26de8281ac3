package org.kvali.graphql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTest {

	@Test
	void invisibleCharactersAreBlankAndTrimmed() {
		assertThat(Text.blank("\u00a0\u2007\u202f\u3000\u200b\u200d\u2060\ufeff \t")).isTrue();
		assertThat(Text.blank("\u00a0.")).isFalse();
		assertThat(Text.trim("\ufeff\u00a0 Budget\u00a0workshop\u200b ")).isEqualTo("Budget\u00a0workshop");
		assertThat(Text.trim("gender\u00a0")).isEqualTo("gender");
		assertThat(Text.trim("\u00a0")).isEmpty();
	}

	@Test
	void charactersAreCodePoints() {
		var emoji = "\ud83d\ude00";
		assertThat(Text.length("a" + emoji.repeat(30))).isEqualTo(31);
		assertThat(Text.preview("a" + emoji.repeat(30), 10)).isEqualTo("a" + emoji.repeat(9) + "...");
		assertThat(Text.preview("short", 10)).isEqualTo("short");
	}

	@Test
	void shownValuesEscapeWhatWouldHideOrTurnTheMessage() {
		assertThat(Text.visible("A\u0000B\r\n")).isEqualTo("A\\u0000B\\u000D\\u000A");
		// an override would show "exe.pdf" as "fdp.exe"; the invisible marks are shown too
		assertThat(Text.visible("report\u202Efdp.exe")).isEqualTo("report\\u202Efdp.exe");
		assertThat(Text.visible("\u2067x\u2069")).isEqualTo("\\u2067x\\u2069");
		assertThat(Text.visible("\u200F\u05D0\u200E\u061C")).isEqualTo("\\u200F\u05D0\\u200E\\u061C");
		assertThat(Text.visible("\ud83d!")).isEqualTo("\\uD83D!");
		assertThat(Text.visible("\ud83d\ude00 \u10e5")).isEqualTo("\ud83d\ude00 \u10e5");
		assertThat(Text.visible("a\ufffeb\uffff")).isEqualTo("a\\uFFFEb\\uFFFF");
	}

	/** A copied value's no-break spaces are spaces, its zero-width spaces and soft hyphens nothing. */
	@Test
	void plainTextIsWhatAReaderSees() {
		assertThat(Text.plain("\u10e5\u10d0\u200b\u10da\u10d8")).isEqualTo("\u10e5\u10d0\u10da\u10d8");
		assertThat(Text.plain("Marneuli\u00a0municipality\u2009x\u00ad\u2060\ufeff")).isEqualTo("Marneuli municipality x");
		// a zero-width joiner carries something (an emoji's parts): kept
		assertThat(Text.plain("a\u200db")).isEqualTo("a\u200db");
		var plain = "Budget hearing";
		assertThat(Text.plain(plain)).isSameAs(plain);
	}


	@Test
	void lineBreaksAndTabsAreOneSpace() {
		assertThat(Text.oneLine(" Budget \r\n\r\n hearing\t\u2028in\u0085Marneuli \n"))
			.isEqualTo("Budget hearing in Marneuli");
		var plain = "Budget hearing";
		assertThat(Text.oneLine(plain)).isSameAs(plain);
	}

}
