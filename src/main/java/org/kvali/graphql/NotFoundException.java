package org.kvali.graphql;

/** Something was asked for by a code that nothing has. */
public class NotFoundException extends RuntimeException {

	private final String argument;

	private final String code;

	public NotFoundException(String what, String argument, String code) {
		super("No " + what + " has the code '" + code + "'");
		this.argument = argument;
		this.code = code;
	}

	public String argument() {
		return this.argument;
	}

	public String code() {
		return this.code;
	}

}
