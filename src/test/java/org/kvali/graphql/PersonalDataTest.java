package org.kvali.graphql;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Participants' names and contacts are stored apart and reach no field of the schema. */
@IntegrationTest
class PersonalDataTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void textKvaliCannotStoreIsRefusedWithAClearError() {
		this.graphQl.document("query($code: ID!) { organization(code: $code) { name } }")
			.variable("code", "CIF\u0000")
			.execute()
			.errors()
			.expect(error -> error.getMessage()
				.equals("The request holds the NUL character (\\u0000), which no text in Kvali may contain"))
			.verify();
		for (var escape : List.of("\\u0000", "\\u{0}")) {
			this.graphQl.document("{ organizations(filter: {nameContains: \"a" + escape + "\"}) { totalCount } }")
				.execute()
				.errors()
				.expect(error -> error.getMessage()
					.equals("The request holds the NUL character (\\u0000), which no text in Kvali may contain"))
				.verify();
		}
		for (var half : List.of("sur\ud800x", "\udc00", "x\ud83d")) {
			this.graphQl.document("query($code: ID!) { organization(code: $code) { name } }")
				.variable("code", half)
				.execute()
				.errors()
				.expect(error -> error.getMessage()
					.equals("The request holds half of a character (a lone UTF-16 surrogate), which is not valid text"))
				.verify();
		}
		this.graphQl.document("query($code: ID!) { organization(code: $code) { name } }")
			.variable("code", "\ud83d\ude00")
			.execute()
			.errors()
			.expect(error -> error.getMessage().startsWith("No organization has the code"))
			.verify();
		this.graphQl.document("{ activities(filter: {from: \"0001-01-01\"}) { totalCount } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().contains("outside the years 1900 to 2100"))
			.verify();
	}

	@Test
	void onlyTheParticipantTypeHasAPersonsNameOrContactsAndOnlyItsAdminRootFieldLeadsThere() {
		// language=GraphQL
		var types = this.graphQl.document("""
				{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name } } } } }
				  inputFields { name } } } }""")
			.execute()
			.path("__schema.types")
			.entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.get();
		var personal = types.stream()
			.flatMap(type -> Stream.of(type.get("fields"), type.get("inputFields"))
				.filter(Objects::nonNull)
				.flatMap(fields -> ((List<?>) fields).stream())
				.map(field -> type.get("name") + "." + ((Map<?, ?>) field).get("name").toString().toLowerCase()))
			.filter(name -> name.contains("fullname") || name.contains("phone") || name.contains("email"))
			.toList();
		assertThat(personal).containsExactlyInAnyOrder("Participant.fullname", "Participant.phone", "Participant.email");
		var leadingToParticipant = types.stream()
			.filter(type -> type.get("fields") != null)
			.flatMap(type -> ((List<?>) type.get("fields")).stream()
				.map(field -> (Map<?, ?>) field)
				.filter(field -> field.get("type").toString().contains("name=Participant,")
						|| field.get("type").toString().contains("name=Participant}"))
				.map(field -> type.get("name") + "." + field.get("name")))
			.toList();
		assertThat(leadingToParticipant).containsExactly("Query.participant");
	}

}
