package org.kvali.intake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole number as a spreadsheet shows it under a number format of digits and text: 42 under {@code 0000} is
 * 0042, under {@code "T5-"0000} T5-0042. A reference or code typed as a number and formatted so was read as the bare
 * number, and one person became two: 42 from the workbook, 0042 from the same sheet saved as CSV (a tester's).
 */
final class NumberFormats {

	/** The digit placeholders: a digit or 0, a digit or nothing, a digit or a space. */
	private static final String PLACEHOLDERS = "0#?";

	/** Characters a format shows as they are without quotes; not /, which makes a fraction of the number. */
	private static final String LITERAL = "$-+():!^&'~{}<>= ";

	private NumberFormats() {
	}

	/**
	 * The number as the format shows it, or null where the format is more than digit placeholders and text
	 * (decimals, thousands, percentages, dates, several sections) or the number is not whole and at least 0: such a
	 * cell is read as its number.
	 */
	static String shown(BigDecimal number, String format) {
		if (format == null || number.signum() < 0) {
			return null;
		}
		var parts = parts(format);
		if (parts == null) {
			return null;
		}
		String digits;
		try {
			// 0 under # shows nothing, under 0 a 0
			digits = number.signum() == 0 ? "" : number.setScale(0).toPlainString();
		}
		catch (ArithmeticException ex) {
			return null;
		}
		int first = 0;
		while (!parts.get(first).placeholder()) {
			first++;
		}
		var shown = new StringBuilder();
		int left = digits.length();
		// placeholders are filled from the right; the digits left over all go into the first
		for (int i = parts.size() - 1; i >= 0; i--) {
			var part = parts.get(i);
			if (!part.placeholder()) {
				shown.insert(0, part.text());
			}
			else if (left > 0) {
				int from = i == first ? 0 : left - 1;
				shown.insert(0, digits, from, left);
				left = from;
			}
			else if (!part.text().equals("#")) {
				shown.insert(0, part.text().equals("0") ? '0' : ' ');
			}
		}
		return shown.toString();
	}

	/**
	 * The format cut into placeholders and texts (quoted, escaped or one of {@link #LITERAL}), or null where it
	 * holds anything else or no placeholder.
	 */
	private static List<Part> parts(String format) {
		var parts = new ArrayList<Part>();
		for (int i = 0; i < format.length(); i++) {
			char c = format.charAt(i);
			if (c == '"') {
				int end = format.indexOf('"', i + 1);
				if (end < 0) {
					return null;
				}
				parts.add(new Part(false, format.substring(i + 1, end)));
				i = end;
			}
			else if (c == '\\' && i + 1 < format.length()) {
				parts.add(new Part(false, String.valueOf(format.charAt(++i))));
			}
			else if (PLACEHOLDERS.indexOf(c) >= 0 || LITERAL.indexOf(c) >= 0) {
				parts.add(new Part(PLACEHOLDERS.indexOf(c) >= 0, String.valueOf(c)));
			}
			else {
				return null;
			}
		}
		return parts.stream().anyMatch(Part::placeholder) ? parts : null;
	}

	/** A digit placeholder, or text shown as it is. */
	private record Part(boolean placeholder, String text) {
	}

}
