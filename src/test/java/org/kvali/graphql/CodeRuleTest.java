package org.kvali.graphql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule for codes, the same as the database's check on them. */
class CodeRuleTest {

	@Test
	void acceptsLettersDigitsAndThreeMarksAfterALetterOrDigit() {
		assertThat(Validation.isCode("A")).isTrue();
		assertThat(Validation.isCode("7")).isTrue();
		assertThat(Validation.isCode("GE-KK_2024.v1")).isTrue();
		assertThat(Validation.isCode("x".repeat(64))).isTrue();
	}

	@Test
	void refusesEverythingElse() {
		assertThat(Validation.isCode(null)).isFalse();
		assertThat(Validation.isCode("")).isFalse();
		assertThat(Validation.isCode("x".repeat(65))).isFalse();
		assertThat(Validation.isCode("-A")).isFalse();
		assertThat(Validation.isCode(".A")).isFalse();
		assertThat(Validation.isCode("_A")).isFalse();
		assertThat(Validation.isCode("A B")).isFalse();
		assertThat(Validation.isCode("A/B")).isFalse();
		assertThat(Validation.isCode("Gürcü")).isFalse();
		assertThat(Validation.isCode("ქალი")).isFalse();
		assertThat(Validation.isCode("A\n")).isFalse();
	}

}
