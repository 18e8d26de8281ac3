package org.kvali.graphql;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Limits whose weights graphql-java could not add up in an int are refused at the start. */
class ComplexityLimitTest {

	@Test
	void limitsWhoseSumsLeaveAnIntAreRefused() {
		assertThatCode(() -> new ComplexityLimit(500_000, 500, List.of())).doesNotThrowAnyException();
		assertThatIllegalStateException().isThrownBy(() -> new ComplexityLimit(5_000_000, 1_000, List.of()))
			.withMessage("kvali.graphql.max-fields (1000) times kvali.graphql.max-complexity plus one (5000001) must "
					+ "stay within 2147483647, which graphql-java adds weights in");
	}

}
