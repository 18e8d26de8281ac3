package org.kvali.graphql;

/**
 * Characters that make a value other than it looks, told by name: an invisible one, a Cyrillic or Greek look-alike of
 * a Latin letter, a dash for a hyphen, a code that is no character. For the messages of values refused as unknown or
 * damaged.
 */
public final class Glyphs {

	/**
	 * The Cyrillic and Greek letters that look like Latin ones: "Ян" alone, as short as a look-alike alone, was told
	 * that it looked like a Latin letter (a review's).
	 */
	private static final String LOOK_ALIKES = "АВЕЅІЈКМНОРСТУХаеѕіјорсухԚԛԜԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧοι";

	private Glyphs() {
	}

	/**
	 * What makes a value that looks right on screen another: a character that does not show (a format character such
	 * as a zero-width joiner, a space other than the plain one), a dash or minus for the hyphen, a Cyrillic or Greek
	 * letter that looks like a Latin one (a Russian keyboard's С in CIF), or another among Latin letters, named with
	 * its place: a note to a refusal of a value as unknown ("; the value holds ..."), the {@code what} it is named
	 * ("value", "name"); empty when nothing misleads.
	 */
	public static String note(String value, String what) {
		// a word all in Cyrillic (Тбилиси) is one, not a look-alike: only one beside Latin letters, or alone, is
		boolean latin = value.codePoints().anyMatch(c -> c < 0x250 && Character.isLetter(c));
		int letters = (int) value.codePoints().filter(Character::isLetter).count();
		int place = 0;
		for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
			int c = value.codePointAt(i);
			int type = Character.getType(c);
			place++;
			if (type == Character.FORMAT || type == Character.SPACE_SEPARATOR && c != ' ') {
				return "; the " + what + " holds " + named(c) + " at character " + place + ", which does not show";
			}
			if (c >= '\u2010' && c <= '\u2015' || c == '\u2212' || c == '\uFE58' || c == '\uFE63' || c == '\uFF0D') {
				// a word processor's or spreadsheet's dash for the hyphen typed (a tester's CSO\u2013RUSTAVI\u20131)
				return "; the " + what + " holds " + named(c) + " at character " + place + ", which looks like a hyphen"
						+ " (-)";
			}
			var script = Character.UnicodeScript.of(c);
			if (!Character.isLetter(c) || script != Character.UnicodeScript.CYRILLIC
					&& script != Character.UnicodeScript.GREEK) {
				continue;
			}
			if ((latin || letters <= 2) && LOOK_ALIKES.indexOf(c) >= 0) {
				return "; the " + what + " holds " + named(c) + " at character " + place
						+ ", which looks like a Latin letter";
			}
			if (latin) {
				// a Russian keyboard's Ж for the ; beside L
				return "; the " + what + " holds " + named(c) + " at character " + place + ", a "
						+ (script == Character.UnicodeScript.GREEK ? "Greek" : "Cyrillic") + " letter among Latin ones";
			}
		}
		return "";
	}

	/** The character as Unicode names it: U+200B (ZERO WIDTH SPACE). */
	public static String named(int c) {
		var name = Character.getName(c);
		return String.format("U+%04X", c) + (name == null ? "" : " (" + name + ")");
	}

	/**
	 * The first of Unicode's noncharacters the text holds (U+FFFE, U+FFFF, U+FDD0 to U+FDEF and the last two of each
	 * plane), -1 for none: codes that are no character, which a damaged copy leaves; XML has no place for U+FFFE and
	 * U+FFFF, and an IATI file holding one would not be read.
	 */
	public static int nonCharacter(String text) {
		for (int i = 0; i < text.length(); i++) {
			// below U+FDD0 and outside surrogates (the planes past the first), as most text, nothing to look at
			if (text.charAt(i) < 0xD800 || text.charAt(i) > 0xDFFF && text.charAt(i) < 0xFDD0) {
				continue;
			}
			int c = text.codePointAt(i);
			if ((c & 0xFFFE) == 0xFFFE || c >= 0xFDD0 && c <= 0xFDEF) {
				return c;
			}
		}
		return -1;
	}

}
