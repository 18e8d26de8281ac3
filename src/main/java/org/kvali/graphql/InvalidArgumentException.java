package org.kvali.graphql;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

/** An argument that cannot be used as given; the message says why and the client can show it beside the field. */
public class InvalidArgumentException extends RuntimeException {

	private final String argument;

	private final Object value;

	public InvalidArgumentException(String argument, Object value, String message) {
		super(message);
		this.argument = argument;
		this.value = value;
	}

	/**
	 * Fails naming the first, in order, of {@code codes} not among {@code known}, "No {@code what} has the code ...",
	 * with the code meant of one written in another case or a place so named ({@code inAnotherCase} looks it up,
	 * {@link Validation#meant} tells it).
	 */
	public static void requireKnown(String argument, String what, Collection<String> codes,
			Collection<String> known, Function<String, Optional<String>> inAnotherCase) {
		requireKnown(argument, what, codes, known, inAnotherCase, code -> Optional.empty());
	}

	/**
	 * As {@link #requireKnown(String, String, Collection, Collection, Function)}, a code meant by none told what it
	 * is instead ({@code otherwise}, a clause beginning "; "), as {@link Validation#known} tells it.
	 */
	public static void requireKnown(String argument, String what, Collection<String> codes,
			Collection<String> known, Function<String, Optional<String>> inAnotherCase,
			Function<String, Optional<String>> otherwise) {
		codes.stream().filter(code -> !known.contains(code)).sorted().findFirst().ifPresent(code -> {
			throw new InvalidArgumentException(argument, code, "No " + what + " has the code '" + code + "'"
					+ Validation.told(what, code, inAnotherCase, otherwise).orElse(""));
		});
	}

	public String argument() {
		return this.argument;
	}

	public Object value() {
		return this.value;
	}

}
