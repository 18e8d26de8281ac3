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
	void noTypeOfTheSchemaHasAPersonsNameOrContacts() {
		// language=GraphQL
		var types = this.graphQl.document("{ __schema { types { name fields { name } inputFields { name } } } }")
			.execute()
			.path("__schema.types")
			.entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.get();
		var names = types.stream()
			.flatMap(type -> Stream.of(type.get("fields"), type.get("inputFields")))
			.filter(Objects::nonNull)
			.flatMap(fields -> ((List<?>) fields).stream())
			.map(field -> ((Map<?, ?>) field).get("name").toString().toLowerCase())
			.toList();
		assertThat(names).isNotEmpty()
			.noneMatch(name -> name.contains("fullname") || name.contains("phone") || name.contains("email"));
		assertThat(types).extracting(type -> type.get("name"))
			.doesNotContain("Participant", "ParticipantPersonal")
			.contains("ParticipationReport");
	}

}
