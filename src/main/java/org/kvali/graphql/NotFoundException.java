package org.kvali.graphql;

import java.util.Optional;

/** Something was asked for by a code (or an id, or a participant's reference) that nothing has. */
public class NotFoundException extends RuntimeException {

	private final String argument;

	private final String code;

	public NotFoundException(String what, String argument, String code) {
		// a character that does not show, or a look-alike of a Latin letter, named: 'CIF' and a zero-width space
		// read as CIF, and was not found (a tester's)
		super("No " + what + " has the " + key(argument) + " '" + Text.preview(code, 40) + "'"
				+ Glyphs.note(code, "value"));
		this.argument = argument;
		this.code = code;
	}

	private NotFoundException(String argument, String code, String message, boolean explained) {
		super(message);
		this.argument = argument;
		this.code = code;
	}

	/**
	 * Nothing has the code, though {@code stored} (when there is one) is the code written in another case, or of the
	 * place so named: codes are one in any case, and looked up as stored, so the error names the code to use
	 * ({@link Validation#meant}).
	 */
	public static NotFoundException orInAnotherCase(String what, String argument, String code,
			Optional<String> stored) {
		return stored
			.map(spelling -> explained(argument, code, "No " + what + " has the code '" + Text.preview(code, 40) + "'"
					+ Validation.meant(what, code, spelling)))
			.orElseGet(() -> new NotFoundException(what, argument, code));
	}

	/** Nothing found for the argument's value, as the message tells: a pair that is not recorded, say. */
	public static NotFoundException explained(String argument, String code, String message) {
		return new NotFoundException(argument, code, message, true);
	}

	/** What the argument names, by its name: {@code id}, {@code ref} or else a code. */
	private static String key(String argument) {
		var name = argument.substring(argument.lastIndexOf('.') + 1);
		return name.equals("id") ? "id" : name.equals("ref") ? "reference" : "code";
	}

	public String argument() {
		return this.argument;
	}

	public String code() {
		return this.code;
	}

}
