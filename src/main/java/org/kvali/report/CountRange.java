package org.kvali.report;

import org.kvali.graphql.InvalidArgumentException;

/** The schema's CountRange: counts from {@code atLeast} to {@code atMost}, both included, either open when null. */
public record CountRange(Integer atLeast, Integer atMost) {

	boolean contains(Integer count) {
		// a count not counted is in no range; the service counts every count a range names
		return count != null && (this.atLeast == null || count >= this.atLeast)
				&& (this.atMost == null || count <= this.atMost);
	}

	/**
	 * A bound below 0 is refused naming it ({@code argument.atLeast}), a range holding no count naming the range
	 * ({@code argument}).
	 */
	void check(String argument) {
		bound(argument + ".atLeast", this.atLeast);
		bound(argument + ".atMost", this.atMost);
		if (this.atLeast != null && this.atMost != null && this.atLeast > this.atMost) {
			throw new InvalidArgumentException(argument, this, argument + " holds no count: atLeast " + this.atLeast
					+ " is more than atMost " + this.atMost);
		}
	}

	private static void bound(String argument, Integer bound) {
		if (bound != null && bound < 0) {
			throw new InvalidArgumentException(argument, bound, argument + " must be 0 or more, not " + bound);
		}
	}

	/** As the schema's input is written. */
	@Override
	public String toString() {
		return "{" + (this.atLeast == null ? "" : "atLeast: " + this.atLeast)
				+ (this.atLeast != null && this.atMost != null ? ", " : "")
				+ (this.atMost == null ? "" : "atMost: " + this.atMost) + "}";
	}

}
