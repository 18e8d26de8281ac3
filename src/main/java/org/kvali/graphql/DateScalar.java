package org.kvali.graphql;

import java.time.LocalDate;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/** The `Date` scalar: an ISO-8601 calendar date, read into and written from {@link LocalDate}. */
final class DateScalar {

	static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name("Date")
		.description("A calendar date in ISO-8601 form, e.g. 2024-07-18, of the years " + Dates.FIRST_YEAR + " to "
				+ Dates.LAST_YEAR + ".")
		.coercing(new DateCoercing())
		.build();

	private DateScalar() {
	}

	private static final class DateCoercing implements Coercing<LocalDate, String> {

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			if (value instanceof LocalDate date) {
				return date.toString();
			}
			throw new CoercingSerializeException("Expected a LocalDate but got " + value.getClass().getSimpleName());
		}

		@Override
		public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
			if (input instanceof String text) {
				return parse(text, CoercingParseValueException::new);
			}
			throw new CoercingParseValueException("A Date is a string like 2024-07-18");
		}

		@Override
		public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
				Locale locale) {
			if (input instanceof StringValue text) {
				return parse(text.getValue(), CoercingParseLiteralException::new);
			}
			throw new CoercingParseLiteralException("A Date is a string like 2024-07-18");
		}

		private static <E extends RuntimeException> LocalDate parse(String text,
				java.util.function.Function<String, E> error) {
			var date = Dates.iso(text);
			if (date == null) {
				// the form, or a day the calendar does not have (2024-02-30)
				throw error.apply(text.matches("\\d{4}-\\d{2}-\\d{2}") ? "'" + text + "' is not a day the calendar has"
						: "'" + text + "' is not a date of the form 2024-07-18");
			}
			if (date.getYear() < Dates.FIRST_YEAR || date.getYear() > Dates.LAST_YEAR) {
				throw error.apply("'" + text + "' is outside the years " + Dates.FIRST_YEAR + " to " + Dates.LAST_YEAR
						+ " that Kvali takes");
			}
			return date;
		}

	}

}
