package org.kvali.graphql;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** An ID is given as a string or a whole number; anything else is a wrong request, not a code nobody has. */
@IntegrationTest
class IdScalarTest {

	private static final String BY_CODE = "query($c: ID!) { region(code: $c) { code } }";

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void aStringOrWholeNumberIsAnId() {
		this.graphQl.document(BY_CODE).variable("c", "GE-KK").execute().path("region.code").entity(String.class)
			.isEqualTo("GE-KK");
		this.graphQl.document("{ region(code: \"GE-SJ\") { code } }").execute().path("region.code")
			.entity(String.class).isEqualTo("GE-SJ");
		// a number is read as its digits: no region has that code
		this.graphQl.document(BY_CODE).variable("c", 7).execute().errors()
			.expect(error -> error.getMessage().equals("No region has the code '7'")).verify();
		this.graphQl.document("{ region(code: 7) { code } }").execute().errors()
			.expect(error -> error.getMessage().equals("No region has the code '7'")).verify();
	}

	@Test
	void anythingElseGivenForAnIdIsRefusedSayingWhatItWas() {
		refused(Map.of("a", 1), "an object");
		refused(List.of("GE-KK"), "a list");
		refused(true, "true or false");
		refused(1.5, "a number with a fraction");
		refusedInDocument("{a: 1}", "an object");
		refusedInDocument("1.5", "a number with a fraction");
		refusedInDocument("false", "true or false");
		refusedInDocument("GE_KK", "the name GE_KK");
	}

	private void refused(Object value, String kind) {
		this.graphQl.document(BY_CODE).variable("c", value).execute().errors()
			.expect(error -> error.getMessage().startsWith("Variable 'c' has an invalid value: An ID is a string or a"
					+ " whole number, not " + kind))
			.verify();
	}

	private void refusedInDocument(String literal, String kind) {
		this.graphQl.document("{ region(code: " + literal + ") { code } }").execute().errors()
			.expect(error -> error.getMessage().contains("An ID is a string or a whole number, not " + kind))
			.verify();
	}

}
