package org.kvali.graphql;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** An argument that cannot be used as given; the message says why and the client can show it beside the field. */
public class InvalidArgumentException extends RuntimeException {

	/** The most codes an error names beside the first. */
	private static final int NAMED = 5;

	private final String argument;

	private final Object value;

	public InvalidArgumentException(String argument, Object value, String message) {
		super(message);
		this.argument = argument;
		this.value = value;
	}

	/**
	 * Fails naming each of {@code codes} not among {@code known} ({@link #unknownCodes}), with the code meant of one
	 * written in another case or a place so named ({@code inAnotherCase} looks it up, {@link Validation#meant} tells
	 * it).
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
		var unknown = codes.stream().filter(code -> !known.contains(code)).distinct().toList();
		if (!unknown.isEmpty()) {
			// those named alone are looked up: a list of many unknown codes was, each (a review's)
			throw unknownCodes(argument, what, unknown.stream()
				.limit(NAMED + 1)
				.map(code -> new Unknown(code, Validation.told(what, code, inAnotherCase, otherwise).orElse(null)))
				.toList(), unknown.size());
		}
	}

	/** A code nothing has, and what is told of it: a clause beginning "; ", or null for nothing. */
	public record Unknown(String code, String told) {
	}

	/**
	 * The error of the {@code count} codes of {@code argument} that no {@code what} has, {@code unknown} the first of
	 * them, in the order given, each once: the first, with what is told of it (else its unseen characters, {@link
	 * Validation#unseen}), and up to {@link #NAMED} others, each with what is told of it (the list filters named the
	 * first alone, and a dashboard's author mended one a round trip).
	 */
	public static InvalidArgumentException unknownCodes(String argument, String what, List<Unknown> unknown,
			int count) {
		var first = unknown.get(0);
		var message = new StringBuilder("No " + what + " has the code '" + Text.preview(first.code(), 40) + "'")
			.append(first.told() != null ? first.told() : Validation.unseen(first.code()));
		var others = unknown.stream().skip(1).limit(NAMED)
			.map(code -> "'" + Text.preview(code.code(), 40) + "'"
					+ (code.told() == null ? "" : " (" + code.told().substring(2) + ")"))
			.toList();
		if (count > 1) {
			message.append(count == 2 ? "; nor has " : "; nor have ").append(count - 1)
				.append(count == 2 ? " other of " : " others of ").append(argument).append(": ")
				.append(String.join(", ", others)).append(count - 1 > others.size() ? ", ..." : "");
		}
		return new InvalidArgumentException(argument, first.code(), message.toString());
	}

	public String argument() {
		return this.argument;
	}

	public Object value() {
		return this.value;
	}

}
