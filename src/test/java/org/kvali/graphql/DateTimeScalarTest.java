package org.kvali.graphql;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every point in time the API answers is a `DateTime`, written in UTC to the millisecond whatever offset it was
 * read with; one given to it is read from ISO-8601 text with an offset, and anything else is refused naming the form.
 */
@IntegrationTest
class DateTimeScalarTest {

	private static final GraphQLContext CONTEXT = GraphQLContext.getDefault();

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	@SuppressWarnings("unchecked")
	void everyPointInTimeOfTheSchemaIsADateTime() {
		List<Map<String, Object>> types = this.graphQl
			.document("{ __schema { types { name fields { name type { name ofType { name } } } } } }").execute()
			.path("__schema.types").entityList(Map.class).get().stream().map(type -> (Map<String, Object>) type)
			.toList();
		var dateTimes = new ArrayList<String>();
		var timesAsText = new ArrayList<String>();
		for (var type : types) {
			if (type.get("fields") == null || type.get("name").toString().startsWith("__")) {
				continue;
			}
			for (var field : (List<Map<String, Object>>) type.get("fields")) {
				var fieldType = (Map<String, Object>) field.get("type");
				var named = fieldType.get("name") != null ? fieldType.get("name")
						: ((Map<String, Object>) fieldType.get("ofType")).get("name");
				var name = type.get("name") + "." + field.get("name");
				if ("DateTime".equals(named)) {
					dateTimes.add(name);
				}
				else if ("String".equals(named) && name.matches(".*\\.(at|\\w+At)")) {
					timesAsText.add(name);
				}
			}
		}
		assertThat(dateTimes).containsExactlyInAnyOrder("ApiKey.createdAt", "ApiKey.revokedAt", "AuditEvent.at",
				"Import.importedAt", "ReportedValue.reportedAt");
		assertThat(timesAsText).isEmpty();
	}

	@Test
	void aPointInTimeIsWrittenInUtcToTheMillisecond() {
		var coercing = DateTimeScalar.INSTANCE.getCoercing();
		assertThat(coercing.serialize(OffsetDateTime.parse("2026-12-05T18:00+04:00"), CONTEXT, Locale.ROOT))
			.isEqualTo("2026-12-05T14:00:00.000Z");
		// always three digits of the second, so that points in time sort as text
		assertThat(coercing.serialize(OffsetDateTime.parse("2026-12-05T14:03:07.25Z"), CONTEXT, Locale.ROOT))
			.isEqualTo("2026-12-05T14:03:07.250Z");
		assertThat(coercing.serialize(OffsetDateTime.parse("2026-12-05T14:03:07.140630Z"), CONTEXT, Locale.ROOT))
			.isEqualTo("2026-12-05T14:03:07.140Z");
		assertThatThrownBy(() -> coercing.serialize("2026-12-05", CONTEXT, Locale.ROOT))
			.isInstanceOf(CoercingSerializeException.class)
			.hasMessage("Expected an OffsetDateTime but got String");
	}

	@Test
	void aPointInTimeIsReadWithItsOffsetAndAnythingElseRefusedNamingTheForm() {
		var coercing = DateTimeScalar.INSTANCE.getCoercing();
		assertThat(coercing.parseValue("2024-07-18T13:30:00+04:00", CONTEXT, Locale.ROOT))
			.isEqualTo(OffsetDateTime.parse("2024-07-18T13:30:00+04:00"));
		assertThat(coercing.parseLiteral(new StringValue("2024-07-18T09:30:00Z"), CoercedVariables.emptyVariables(),
				CONTEXT, Locale.ROOT))
			.isEqualTo(OffsetDateTime.parse("2024-07-18T09:30:00Z"));
		assertThatThrownBy(() -> coercing.parseValue("2024-07-18T09:30:00", CONTEXT, Locale.ROOT))
			.isInstanceOf(CoercingParseValueException.class)
			.hasMessage("'2024-07-18T09:30:00' is not a point in time of the form 2024-07-18T09:30:00Z");
		assertThatThrownBy(() -> coercing.parseValue("2024-02-30T09:30:00Z", CONTEXT, Locale.ROOT))
			.isInstanceOf(CoercingParseValueException.class)
			.hasMessage("'2024-02-30T09:30:00Z' is not a point in time of the form 2024-07-18T09:30:00Z");
		assertThatThrownBy(() -> coercing.parseValue(1_721_295_000, CONTEXT, Locale.ROOT))
			.isInstanceOf(CoercingParseValueException.class)
			.hasMessage("A DateTime is a string like 2024-07-18T09:30:00Z");
		assertThatThrownBy(() -> coercing.parseLiteral(new IntValue(BigInteger.ONE), CoercedVariables.emptyVariables(),
				CONTEXT, Locale.ROOT))
			.isInstanceOf(CoercingParseLiteralException.class)
			.hasMessage("A DateTime is a string like 2024-07-18T09:30:00Z");
	}

}
