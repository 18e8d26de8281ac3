package org.kvali.graphql;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text as people see it: a name of no-break spaces or zero-width characters is as blank as one of spaces, and a
 * length counts characters as PostgreSQL does (an emoji is one, not two UTF-16 units), so a preview never cuts one
 * in half.
 */
public final class Text {

	/** A run of line breaks and tabs, with the spaces around it. */
	private static final Pattern LINE_BREAKS = Pattern.compile("[ ]*[\\r\\n\\t\\u0085\\u2028\\u2029]+[ ]*");

	/** The block of tag characters, format characters that spell a subdivision flag's region after its emoji. */
	private static final int TAGS_FIRST = 0xE0000;

	private static final int TAGS_LAST = 0xE007F;

	private Text() {
	}

	/** A number as a plain decimal, never in scientific notation (12500000.5, not 1.25000005E7), no trailing zeros. */
	public static String decimal(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	/** Whether nothing visible is left: only white space, space separators (no-break spaces) and format characters. */
	public static boolean blank(String value) {
		for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
			if (!invisible(value.codePointAt(i))) {
				return false;
			}
		}
		return true;
	}

	/** The value without white space, space separators and format characters at either end. */
	public static String trim(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && invisible(value.codePointAt(start))) {
			start += Character.charCount(value.codePointAt(start));
		}
		while (end > start && invisible(value.codePointBefore(end))) {
			end -= Character.charCount(value.codePointBefore(end));
		}
		return start == 0 && end == value.length() ? value : value.substring(start, end);
	}

	/**
	 * Whether the character shows nothing and carries nothing in a name or a word: a zero-width space, a soft hyphen, a
	 * word joiner, a zero-width no-break space (a byte order mark). Copied text brings them; no one types them.
	 */
	private static boolean empty(int c) {
		return c == '\u200b' || c == '\u00ad' || c == '\u2060' || c == '\ufeff';
	}

	/**
	 * The text as a reader sees it: no-break, thin and other spaces read as plain spaces, and the characters that show
	 * and carry nothing ({@link #empty}) left out, so that "ქა\u200bლი" is ქალი and "Marneuli\u00a0municipality" is
	 * Marneuli municipality. The text itself when it has none.
	 */
	public static String plain(String value) {
		int i = 0;
		while (i < value.length() && !unplain(value.charAt(i))) {
			i++;
		}
		if (i == value.length()) {
			return value;
		}
		var plain = new StringBuilder(value.length()).append(value, 0, i);
		for (; i < value.length(); i++) {
			char c = value.charAt(i);
			if (!empty(c)) {
				plain.append(Character.getType(c) == Character.SPACE_SEPARATOR ? ' ' : c);
			}
		}
		return plain.toString();
	}

	private static boolean unplain(char c) {
		return c >= 0x80 && (empty(c) || Character.getType(c) == Character.SPACE_SEPARATOR);
	}

	/**
	 * Whether the character breaks a line or controls a terminal: ASCII's and Unicode's control characters (C0, DEL,
	 * C1, among them the next line U+0085) and the line and paragraph separators U+2028 and U+2029.
	 */
	public static boolean control(int c) {
		return Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029';
	}

	/**
	 * Whether the text holds a control character ({@link #control}), line breaks and tabs aside when
	 * {@code linesAllowed} (a description's). Printable ASCII, most of any text, is passed over at once.
	 */
	public static boolean holdsControl(String text, boolean linesAllowed) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < ' ' || c >= 0x7f) && control(c) && !(linesAllowed && (c == '\n' || c == '\t'))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the character is one of Unicode's bidirectional controls: the embeddings and overrides U+202A to
	 * U+202E and the isolates U+2066 to U+2069, which reorder the text after them, and the marks U+061C, U+200E and
	 * U+200F, invisible, which names keep but a refused value shows.
	 */
	public static boolean reorders(int c) {
		return c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069' || c == '\u061c' || c == '\u200e'
				|| c == '\u200f';
	}

	/**
	 * Whether the text holds an embedding or override (U+202A to U+202E), which turns the text after it around:
	 * "rtl\u202egnp.exe" reads as rtlexe.png. A name has no use for them; isolates and marks it may keep.
	 */
	public static boolean turnsAround(String text) {
		// a loop, not a stream: a sheet asks it of each of its millions of cells
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '\u202a' && c <= '\u202e') {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the text holds an override (U+202D, U+202E), which turns Latin and Georgian text around too; a
	 * description may keep embeddings (U+202A to U+202C), which Windows puts around pasted names and numbers.
	 */
	public static boolean overrides(String text) {
		return text.indexOf('\u202d') >= 0 || text.indexOf('\u202e') >= 0;
	}

	/** Whether the text holds half of a character: a UTF-16 surrogate without its other half, which no text stores. */
	public static boolean halfACharacter(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The text with its control characters, bidirectional overrides and isolates ({@link #reorders}), halves of
	 * characters and U+FFFE and U+FFFF (no characters, which XML cannot hold) written as escapes (\u000D), so that
	 * it can be shown, and stored in an error's report, which PostgreSQL's JSON could not with a NUL in it; an
	 * override would turn the rest of the message around.
	 */
	public static String visible(String text) {
		var shown = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
			int c = text.codePointAt(i);
			if (control(c) || reorders(c) || c <= 0xFFFF && Character.isSurrogate((char) c) || c == 0xFFFE
					|| c == 0xFFFF) {
				shown.append(String.format("\\u%04X", c));
			}
			else {
				shown.appendCodePoint(c);
			}
		}
		return shown.toString();
	}

	/**
	 * The text on one line: each run of line breaks and tabs (a spreadsheet cell's Alt+Enter, a quoted CSV cell over
	 * two lines, Unicode's line and paragraph separators and next line), with the spaces around it, read as one space.
	 */
	public static String oneLine(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\r' || c == '\n' || c == '\t' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
				return LINE_BREAKS.matcher(text).replaceAll(" ").strip();
			}
		}
		// most cells have none: no matcher made for each of a sheet's millions of cells
		return text;
	}

	/** The number of characters (code points). */
	public static int length(String value) {
		return value.codePointCount(0, value.length());
	}

	/** The first {@code characters} characters, then "..." when there are more. */
	public static String preview(String value, int characters) {
		return length(value) <= characters ? value
				: value.substring(0, value.offsetByCodePoints(0, characters)) + "...";
	}

	/** Some of a larger number of things named, the rest counted: "a, b, c and 4 more"; "a, b" where all are named. */
	public static String someOf(List<String> named, int total) {
		return String.join(", ", named) + (total > named.size() ? " and " + (total - named.size()) + " more" : "");
	}

	/**
	 * The people of a count named in brackets, " (P-1, P-2)", with " among them" where the count is larger (people
	 * erased at their request are counted, not named).
	 */
	public static String namedAmong(String[] named, int total) {
		return " (" + String.join(", ", named) + (total > named.length ? " among them" : "") + ")";
	}

	/**
	 * The edit distance between two texts (Levenshtein's: characters added, removed or changed), or {@code limit} as
	 * soon as it is certain to be that much or more.
	 */
	public static int distance(String a, String b, int limit) {
		if (Math.abs(a.length() - b.length()) >= limit) {
			return limit;
		}
		var previous = new int[b.length() + 1];
		var current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			int smallest = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
				smallest = Math.min(smallest, current[j]);
			}
			if (smallest >= limit) {
				return limit;
			}
			var swap = previous;
			previous = current;
			current = swap;
		}
		return Math.min(previous[b.length()], limit);
	}

	private static boolean invisible(int c) {
		if (c > ' ' && c < 0x7f) {
			return false; // a printable ASCII character, as most are
		}
		if (c >= TAGS_FIRST && c <= TAGS_LAST) {
			return false; // the tags that end a flag such as Scotland's
		}
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
	}

}
