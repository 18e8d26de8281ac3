package org.kvali.graphql;

import java.util.Locale;

/** The rule for codes, the same as the database's check on them, and what in a value that is no code breaks it. */
public final class CodeRule {

	/** The most characters a code has. */
	public static final int CODE_LENGTH = 64;

	/** What {@link #isCode} accepts, in words for the user. */
	public static final String CODE_RULE = "A code is 1 to " + CODE_LENGTH
			+ " Latin letters (A to Z, a to z), digits, '.', '_' or '-', starting with a letter or digit";

	private CodeRule() {
	}

	/**
	 * {@link #CODE_RULE}, and what in a value that may be a person's name (a reference) breaks it, without its length,
	 * its letters or where: a letter outside A to Z, a space, or another character named (a non-breaking hyphen).
	 */
	public static String referenceRule(String value) {
		int at = value == null || value.codePointCount(0, value.length()) > CODE_LENGTH ? -1 : firstBreaking(value);
		if (at < 0) {
			return CODE_RULE;
		}
		int c = value.codePointAt(at);
		// the script of a letter tells a Russian keyboard's Р in P0071 without repeating the reference, nor where
		return CODE_RULE + "; this one has " + (Character.isLetterOrDigit(c)
				? article(script(c)) + script(c) + "letter or digit outside A to Z and 0 to 9"
				: c == '.' || c == '_' || c == '-' ? "a character it may not begin with" : named(c));
	}

	/**
	 * {@link #CODE_RULE}, and where a value that is no code breaks it: the first character the rule has no place for,
	 * named, since a look-alike (a non-breaking hyphen, a Greek Z) shows nothing amiss on screen.
	 */
	public static String codeRule(String value) {
		int length = value == null ? 0 : value.codePointCount(0, value.length());
		if (length > CODE_LENGTH) {
			return CODE_RULE + "; this one has " + length + " characters";
		}
		int at = value == null ? -1 : firstBreaking(value);
		if (at < 0) {
			return CODE_RULE;
		}
		int place = value.codePointCount(0, at) + 1;
		return CODE_RULE + "; this one has " + named(value.codePointAt(at))
				+ (place == 1 ? " first" : " at character " + place);
	}

	/** Where in the value the first character the code rule has no place for is; -1 for none. */
	private static int firstBreaking(String value) {
		for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
			int c = value.codePointAt(i);
			if (i == 0 ? !alphanumeric(c) : !codeChar(c)) {
				return i;
			}
		}
		return -1;
	}

	/** Whether the character may be in a code after its first: a letter A to Z or a to z, a digit, '.', '_' or '-'. */
	public static boolean codeChar(int c) {
		return alphanumeric(c) || c == '.' || c == '_' || c == '-';
	}

	private static boolean alphanumeric(int c) {
		return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
	}

	private static String article(String word) {
		return !word.isEmpty() && "AEIOU".indexOf(word.charAt(0)) >= 0 ? "an " : "a ";
	}

	/** The script of a letter outside A to Z ("Cyrillic "), or nothing for one of no script or Latin. */
	private static String script(int c) {
		var script = Character.UnicodeScript.of(c);
		if (script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.LATIN
				|| script == Character.UnicodeScript.INHERITED || script == Character.UnicodeScript.UNKNOWN) {
			return "";
		}
		var name = script.name().toLowerCase(Locale.ROOT);
		return Character.toUpperCase(name.charAt(0)) + name.substring(1) + " ";
	}

	private static String named(int c) {
		if (c == ' ') {
			return "a space";
		}
		if (c > ' ' && c < 0x7f) {
			return "'" + (char) c + "'";
		}
		return Glyphs.named(c);
	}

	/**
	 * Whether the value is a code: 1 to 64 ASCII letters, digits, '.', '_' or '-', the first a letter or digit (the
	 * database's check on codes). A loop, as an attendance sheet checks hundreds of thousands of them.
	 */
	public static boolean isCode(String value) {
		return value != null && !value.isEmpty() && value.length() <= CODE_LENGTH && firstBreaking(value) < 0;
	}

}
