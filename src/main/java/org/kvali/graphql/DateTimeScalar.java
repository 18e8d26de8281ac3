package org.kvali.graphql;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * The `DateTime` scalar: a point in time, answered as {@link Dates#instant} writes it (UTC, seconds always), read
 * from ISO-8601 text with an offset.
 */
final class DateTimeScalar {

	static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name("DateTime")
		.description("A point in time, ISO-8601 in UTC with its seconds, e.g. 2024-07-18T09:30:00Z.")
		.coercing(new DateTimeCoercing())
		.build();

	private DateTimeScalar() {
	}

	private static final class DateTimeCoercing implements Coercing<OffsetDateTime, String> {

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			if (value instanceof OffsetDateTime time) {
				return Dates.instant(time);
			}
			throw new CoercingSerializeException(
					"Expected an OffsetDateTime but got " + value.getClass().getSimpleName());
		}

		@Override
		public OffsetDateTime parseValue(Object input, GraphQLContext context, Locale locale) {
			if (input instanceof String text) {
				return parse(text, CoercingParseValueException::new);
			}
			throw new CoercingParseValueException("A DateTime is a string like 2024-07-18T09:30:00Z");
		}

		@Override
		public OffsetDateTime parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
				Locale locale) {
			if (input instanceof StringValue text) {
				return parse(text.getValue(), CoercingParseLiteralException::new);
			}
			throw new CoercingParseLiteralException("A DateTime is a string like 2024-07-18T09:30:00Z");
		}

		private static <E extends RuntimeException> OffsetDateTime parse(String text, Function<String, E> error) {
			try {
				return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
			}
			catch (DateTimeParseException ex) {
				throw error.apply("'" + text + "' is not a point in time of the form 2024-07-18T09:30:00Z");
			}
		}

	}

}
