package org.kvali.graphql;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.GraphQLContext;
import graphql.Scalars;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;

/**
 * The `ID` scalar as GraphQL defines it: given as a string or a whole number, answered as a string. graphql-java's
 * own reads anything as its text, so an object given for a code looked for the activity "{a=1}" and answered
 * NOT_FOUND, where the request itself is wrong.
 */
final class IdScalar {

	static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name(Scalars.GraphQLID.getName())
		.description(Scalars.GraphQLID.getDescription())
		.coercing(new IdCoercing())
		.build();

	private IdScalar() {
	}

	private static final class IdCoercing implements Coercing<String, String> {

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			return String.valueOf(value);
		}

		@Override
		public String parseValue(Object input, GraphQLContext context, Locale locale) {
			if (input instanceof String || input instanceof Integer || input instanceof Long
					|| input instanceof BigInteger) {
				return input.toString();
			}
			throw new CoercingParseValueException("An ID is a string or a whole number, not " + kind(input));
		}

		@Override
		public String parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
				Locale locale) {
			if (input instanceof StringValue text) {
				return text.getValue();
			}
			if (input instanceof IntValue number) {
				return number.getValue().toString();
			}
			throw new CoercingParseLiteralException("An ID is a string or a whole number, not " + kind(input));
		}

		/** What was given instead, in the words of the request: a value of the variables or of the document. */
		private static String kind(Object input) {
			if (input instanceof Map<?, ?> || input instanceof ObjectValue) {
				return "an object";
			}
			if (input instanceof List<?> || input instanceof ArrayValue) {
				return "a list";
			}
			if (input instanceof Boolean || input instanceof BooleanValue) {
				return "true or false";
			}
			if (input instanceof Number || input instanceof FloatValue) {
				return "a number with a fraction";
			}
			return input instanceof EnumValue name ? "the name " + name.getName() : "that";
		}

	}

}
