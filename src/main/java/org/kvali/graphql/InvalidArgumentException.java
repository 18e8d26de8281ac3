package org.kvali.graphql;

/** An argument that cannot be used as given; the message says why and the client can show it beside the field. */
public class InvalidArgumentException extends RuntimeException {

	private final String argument;

	private final Object value;

	public InvalidArgumentException(String argument, Object value, String message) {
		super(message);
		this.argument = argument;
		this.value = value;
	}

	public String argument() {
		return this.argument;
	}

	public Object value() {
		return this.value;
	}

}
