package org.kvali.graphql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule for codes, the same as the database's check on them. */
class CodeRuleTest {

	@Test
	void acceptsLettersDigitsAndThreeMarksAfterALetterOrDigit() {
		assertThat(CodeRule.isCode("A")).isTrue();
		assertThat(CodeRule.isCode("7")).isTrue();
		assertThat(CodeRule.isCode("GE-KK_2024.v1")).isTrue();
		assertThat(CodeRule.isCode("x".repeat(64))).isTrue();
	}

	@Test
	void refusesEverythingElse() {
		assertThat(CodeRule.isCode(null)).isFalse();
		assertThat(CodeRule.isCode("")).isFalse();
		assertThat(CodeRule.isCode("x".repeat(65))).isFalse();
		assertThat(CodeRule.isCode("-A")).isFalse();
		assertThat(CodeRule.isCode(".A")).isFalse();
		assertThat(CodeRule.isCode("_A")).isFalse();
		assertThat(CodeRule.isCode("A B")).isFalse();
		assertThat(CodeRule.isCode("A/B")).isFalse();
		assertThat(CodeRule.isCode("Gürcü")).isFalse();
		assertThat(CodeRule.isCode("ქალი")).isFalse();
		assertThat(CodeRule.isCode("A\n")).isFalse();
	}

}
