package org.kvali.graphql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GlyphsTest {

	@Test
	void whatMakesAValueOtherThanItLooksIsNamed() {
		assertThat(Glyphs.note("\u10e5\u10d0\u200c\u10da\u10d8", "value"))
			.isEqualTo("; the value holds U+200C (ZERO WIDTH NON-JOINER) at character 3, which does not show");
		assertThat(Glyphs.note("\u0422raining", "name"))
			.isEqualTo("; the name holds U+0422 (CYRILLIC CAPITAL LETTER TE) at character 1, which looks like a Latin letter");
		assertThat(Glyphs.note("Training \u10e5", "value")).isEmpty();
		// a word all in Cyrillic is one, not a look-alike; a letter alone may be one
		assertThat(Glyphs.note("\u0422\u0431\u0438\u043b\u0438\u0441\u0438", "value")).isEmpty();
		assertThat(Glyphs.note("\u041c", "value")).endsWith("at character 1, which looks like a Latin letter");
		// one that looks like none is told as what it is, and alone is a word of its own ("Ян": a review's)
		assertThat(Glyphs.note("G\u0416-KK", "value")).isEqualTo("; the value holds U+0416 (CYRILLIC CAPITAL LETTER"
				+ " ZHE) at character 2, a Cyrillic letter among Latin ones");
		assertThat(Glyphs.note("\u042f\u043d", "value")).isEmpty();
		assertThat(Glyphs.note("\u039b", "value")).isEmpty();
		// a dash or minus for the hyphen (a tester's)
		assertThat(Glyphs.note("CSO\u2011RUSTAVI-1", "value")).isEqualTo("; the value holds U+2011 (NON-BREAKING"
				+ " HYPHEN) at character 4, which looks like a hyphen (-)");
		assertThat(Glyphs.note("CSO-RUSTAVI\u22121", "value")).endsWith("U+2212 (MINUS SIGN) at character 12, which"
				+ " looks like a hyphen (-)");
		assertThat(Glyphs.note("CSO-RUSTAVI-1", "value")).isEmpty();
	}

	@Test
	void noncharactersAreFound() {
		assertThat(Glyphs.nonCharacter("a\ufffeb")).isEqualTo(0xFFFE);
		assertThat(Glyphs.nonCharacter("\ufdd0")).isEqualTo(0xFDD0);
		assertThat(Glyphs.nonCharacter("\ud83f\udffe")).isEqualTo(0x1FFFE);
		assertThat(Glyphs.nonCharacter("\ufffd \u10e5")).isEqualTo(-1);
	}

}
