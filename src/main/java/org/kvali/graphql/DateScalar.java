package org.kvali.graphql;

import java.time.LocalDate;
import java.util.function.Function;

import graphql.schema.GraphQLScalarType;

/** The `Date` scalar: an ISO-8601 calendar date, read into and written from {@link LocalDate}. */
final class DateScalar {

	static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name("Date")
		.description("A calendar date in ISO-8601 form, e.g. 2024-07-18, of the years " + Dates.FIRST_YEAR + " to "
				+ Dates.LAST_YEAR + ".")
		.coercing(new TextCoercing<>(LocalDate.class, "A Date is a string like 2024-07-18") {

			@Override
			String write(LocalDate date) {
				return date.toString();
			}

			@Override
			<E extends RuntimeException> LocalDate read(String text, Function<String, E> error) {
				var date = Dates.iso(text);
				if (date == null) {
					// the form, or a day the calendar does not have (2024-02-30)
					throw error.apply(text.matches("\\d{4}-\\d{2}-\\d{2}")
							? "'" + text + "' is not a day the calendar has"
							: "'" + text + "' is not a date of the form 2024-07-18");
				}
				if (date.getYear() < Dates.FIRST_YEAR || date.getYear() > Dates.LAST_YEAR) {
					throw error.apply("'" + text + "' is outside the years " + Dates.FIRST_YEAR + " to "
							+ Dates.LAST_YEAR + " that Kvali takes");
				}
				return date;
			}

		})
		.build();

	private DateScalar() {
	}

}
