package org.kvali.graphql;

import java.util.Collection;
import java.util.List;
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
			throw unknownCodes(argument, what, unknown.stream()
				.map(code -> new Unknown(code, Validation.told(what, code, inAnotherCase, otherwise).orElse(null)))
				.toList());
		}
	}

	/** A code nothing has, and what is told of it: a clause beginning "; ", or null for nothing. */
	public record Unknown(String code, String told) {
	}

	/**
	 * The error of the codes of {@code argument} that no {@code what} has, in the order given, each once: the first,
	 * with what is told of it (else its unseen characters, {@link Validation#unseen}), and up to five others, each with
	 * what is told of it (the list filters named the first alone, and a dashboard's author mended one a round trip).
	 */
	public static InvalidArgumentException unknownCodes(String argument, String what, List<Unknown> unknown) {
		var first = unknown.get(0);
		var message = new StringBuilder("No " + what + " has the code '" + Text.preview(first.code(), 40) + "'")
			.append(first.told() != null ? first.told() : Validation.unseen(first.code()));
		var others = unknown.stream().skip(1)
			.map(code -> "'" + Text.preview(code.code(), 40) + "'"
					+ (code.told() == null ? "" : " (" + code.told().substring(2) + ")"))
			.toList();
		if (!others.isEmpty()) {
			message.append(others.size() == 1 ? "; nor has " : "; nor have ").append(others.size())
				.append(others.size() == 1 ? " other of " : " others of ").append(argument).append(": ")
				.append(String.join(", ", others.subList(0, Math.min(others.size(), 5))))
				.append(others.size() > 5 ? ", ..." : "");
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
