package org.kvali.graphql;

import java.util.List;

/**
 * A checked `first`/`after` pair of a connection field.
 *
 * @param first how many items, 0 to {@link #MAX_FIRST}
 * @param after the sort key of the item after which the page starts, or null for the first page
 */
public record Page(int first, List<String> after) {

	public static final int MAX_FIRST = 100;

	/** Checks the arguments as the client sent them; {@code keyParts} is how many sort keys a cursor holds. */
	public static Page of(Integer first, String after, int keyParts) {
		int size = first == null ? 20 : first;
		if (size < 0 || size > MAX_FIRST) {
			throw new InvalidArgumentException("first", size, "first must be between 0 and " + MAX_FIRST);
		}
		return new Page(size, after == null ? null : Cursor.decode(after, keyParts));
	}

	/** The row limit to ask the database for: one more than the page, to learn whether another page follows. */
	public int limit() {
		return first + 1;
	}

}
