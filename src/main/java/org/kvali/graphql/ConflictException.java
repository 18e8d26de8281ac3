package org.kvali.graphql;

/** A code that is taken already. */
public class ConflictException extends RuntimeException {

	private final String argument;

	private final String code;

	public ConflictException(String what, String argument, String code) {
		this(what, argument, code, code);
	}

	/** The code taken, as stored: in another case, the error names the spelling. */
	public ConflictException(String what, String argument, String code, String stored) {
		this(what, argument, code, stored, null);
	}

	/** As the above, with where the code is taken and what to do ({@code whose}), when it is not plain. */
	public ConflictException(String what, String argument, String code, String stored, String whose) {
		super(("aeiou".indexOf(what.charAt(0)) >= 0 ? "An " : "A ") + what + " with the code '" + code
				+ "' exists already (" + (stored.equals(code) ? "" : "written " + stored + "; ")
				+ "codes that differ only in case are one code)" + (whose == null ? "" : ", " + whose));
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
