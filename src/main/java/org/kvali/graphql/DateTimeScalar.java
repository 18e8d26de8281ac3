package org.kvali.graphql;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import graphql.schema.GraphQLScalarType;

/**
 * The `DateTime` scalar: a point in time, answered as {@link Dates#instant} writes it (UTC, seconds always), read
 * from ISO-8601 text with an offset.
 */
final class DateTimeScalar {

	static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name("DateTime")
		.description("A point in time, ISO-8601 in UTC with its seconds, e.g. 2024-07-18T09:30:00Z.")
		.coercing(new TextCoercing<>(OffsetDateTime.class, "A DateTime is a string like 2024-07-18T09:30:00Z") {

			@Override
			String write(OffsetDateTime time) {
				return Dates.instant(time);
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
