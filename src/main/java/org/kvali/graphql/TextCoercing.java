package org.kvali.graphql;

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

/**
 * A scalar written as text: a value of its type written by {@link #write}, and text, whether a variable's or the
 * document's, read by {@link #read}, which names what is wrong by throwing the exception the function it is given
 * makes; anything but text is refused with {@code form}.
 */
abstract class TextCoercing<T> implements Coercing<T, String> {

	private final Class<T> type;

	private final String form;

	/** {@code form}: what the scalar is, for a value that is not text ("A Date is a string like 2024-07-18"). */
	TextCoercing(Class<T> type, String form) {
		this.type = type;
		this.form = form;
	}

	abstract String write(T value);

	abstract <E extends RuntimeException> T read(String text, Function<String, E> error);

	@Override
	public String serialize(Object value, GraphQLContext context, Locale locale) {
		if (this.type.isInstance(value)) {
			return write(this.type.cast(value));
		}
		var name = this.type.getSimpleName();
		throw new CoercingSerializeException("Expected " + ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name
				+ " but got " + value.getClass().getSimpleName());
	}

	@Override
	public T parseValue(Object input, GraphQLContext context, Locale locale) {
		if (input instanceof String text) {
			return read(text, CoercingParseValueException::new);
		}
		throw new CoercingParseValueException(this.form);
	}

	@Override
	public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
		if (input instanceof StringValue text) {
			return read(text.getValue(), CoercingParseLiteralException::new);
		}
		throw new CoercingParseLiteralException(this.form);
	}

}
