package org.kvali.graphql;

import java.util.List;

/**
 * Several arguments that cannot be used as given, each told as its own error: a filter with unknown codes in three
 * of its fields was refused for the first alone, and a dashboard's author mended one a round trip.
 */
public class InvalidArguments extends RuntimeException {

	private final List<InvalidArgumentException> each;

	public InvalidArguments(List<InvalidArgumentException> each) {
		super(each.size() + " invalid argument(s)");
		this.each = List.copyOf(each);
	}

	public List<InvalidArgumentException> each() {
		return this.each;
	}

}
