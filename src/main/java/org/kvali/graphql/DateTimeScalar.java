package org.kvali.graphql;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

import graphql.schema.GraphQLScalarType;

/**
 * The `DateTime` scalar: a point in time, answered in UTC to the millisecond, always three digits of it (as
 * JavaScript's {@code toISOString} writes it), so that answers sort as text (a dashboard's were written with two to
 * six digits, and 34Z sorted after 34.1Z, a tester's); read from ISO-8601 text with an offset.
 */
final class DateTimeScalar {

	private static final DateTimeFormatter MILLISECONDS = DateTimeFormatter
		.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT);

	static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name("DateTime")
		.description("A point in time, ISO-8601 in UTC to the millisecond, e.g. 2024-07-18T09:30:00.000Z.")
		.coercing(new TextCoercing<>(OffsetDateTime.class, "A DateTime is a string like 2024-07-18T09:30:00Z") {

			@Override
			String write(OffsetDateTime time) {
				return MILLISECONDS.format(time.withOffsetSameInstant(ZoneOffset.UTC));
			}

			@Override
			<E extends RuntimeException> OffsetDateTime read(String text, Function<String, E> error) {
				try {
					return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
				}
				catch (DateTimeParseException ex) {
					throw error.apply("'" + text + "' is not a point in time of the form 2024-07-18T09:30:00Z");
				}
			}

		})
		.build();

	private DateTimeScalar() {
	}

}
