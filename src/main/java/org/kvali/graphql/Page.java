package org.kvali.graphql;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

/**
 * A checked `first`/`after` pair of a connection field.
 *
 * @param first how many items, 0 to {@link #MAX_FIRST}
 * @param after the sort key of the item after which the page starts, or null for the first page
 * @param cursor the cursor as the client sent it, or null
 */
public record Page(int first, List<String> after, String cursor) {

	public static final int MAX_FIRST = 100;

	/** How many items a page holds without {@code first}. */
	public static final int FIRST = 20;

	/** Checks the arguments as the client sent them; {@code keyParts} is how many sort keys a cursor holds. */
	public static Page of(Integer first, String after, int keyParts) {
		int size = first == null ? FIRST : first;
		if (size < 0 || size > MAX_FIRST) {
			throw new InvalidArgumentException("first", size, "first must be between 0 and " + MAX_FIRST);
		}
		return new Page(size, after == null ? null : Cursor.decode(after, keyParts), after);
	}

	/**
	 * Part {@code index} of the cursor's sort key, read by {@code parse}; null on the first page. A key that does not
	 * parse means the cursor is not one of this list.
	 */
	public <T> T key(int index, Function<String, T> parse) {
		if (this.after == null) {
			return null;
		}
		try {
			return parse.apply(this.after.get(index));
		}
		catch (RuntimeException ex) {
			throw new InvalidArgumentException("after", this.cursor, "'" + this.cursor + "' is not a cursor of this list");
		}
	}

	/**
	 * A day of a cursor: of years 1 to 9999, as the service writes them. Another parses (+10000000-01-01 does), and the
	 * database then refused it as an internal error.
	 */
	public static LocalDate day(String key) {
		var day = LocalDate.parse(key);
		return ofYear(day, day.getYear());
	}

	/** A moment of a cursor, of years 1 to 9999 as {@link #day} is. */
	public static OffsetDateTime moment(String key) {
		var moment = OffsetDateTime.parse(key);
		return ofYear(moment, moment.getYear());
	}

	private static <T> T ofYear(T key, int year) {
		if (year < 1 || year > 9999) {
			throw new DateTimeException("Year " + year + " is in no cursor");
		}
		return key;
	}

	/** The row limit to ask the database for: one more than the page, to learn whether another page follows. */
	public int limit() {
		return first + 1;
	}

}
