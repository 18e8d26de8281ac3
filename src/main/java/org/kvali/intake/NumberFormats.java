package org.kvali.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A whole number as a spreadsheet shows it under a number format of digits and text: 42 under {@code 0000} is
 * 0042, under {@code "T5-"0000} T5-0042; and a day under a date format (2-Jan under d-mmm). A reference or code typed
 * as a number and formatted so was read as the bare number, and one person became two: 42 from the workbook, 0042
 * from the same sheet saved as CSV (a tester's).
 */
final class NumberFormats {

	/** The digit placeholders: a digit or 0, a digit or nothing, a digit or a space. */
	private static final String PLACEHOLDERS = "0#?";

	/** A colour a format section shows its number in. */
	private static final Pattern COLOUR = Pattern
		.compile("(?i)\\[(black|blue|cyan|green|magenta|red|white|yellow|color\\d{1,2})\\]");

	/** A locale or currency a format names ([$-409]), which shows nothing itself. */
	private static final Pattern LOCALE = Pattern.compile("\\[\\$[^\\]]*\\]");

	/** Characters a date format shows as they are without quotes. */
	private static final String DATE_LITERAL = "-/.,: ()";

	/** Characters a format shows as they are without quotes; not /, which makes a fraction of the number. */
	private static final String LITERAL = "$-+():!^&'~{}<>= ";

	private NumberFormats() {
	}

	/**
	 * The number as the format shows it, or null where the format's {@link #positive} section is more than digit
	 * placeholders and text (decimals, thousands, percentages, dates) or the number is not whole and at least 0: such
	 * a cell is read as its number.
	 */
	static String shown(BigDecimal number, String format) {
		if (format == null || number.signum() < 0) {
			return null;
		}
		var parts = parts(positive(format));
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
	 * The part of a format that shows a number of 0 or more: its first section (a second shows negative numbers),
	 * without a colour ([Red], [Color10]); a condition ([>=1000]) is kept, and {@link #parts} takes no such section.
	 */
	static String positive(String format) {
		var section = new StringBuilder();
		for (int i = 0; i < format.length(); i++) {
			char c = format.charAt(i);
			if (c == '"') {
				int end = format.indexOf('"', i + 1);
				if (end < 0) {
					return format;
				}
				section.append(format, i, end + 1);
				i = end;
			}
			else if (c == '\\' && i + 1 < format.length()) {
				section.append(format, i, i + 2);
				i++;
			}
			else if (c == ';') {
				break;
			}
			else {
				section.append(c);
			}
		}
		return COLOUR.matcher(section).replaceAll("");
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
			else if (c == '_' && i + 1 < format.length()) {
				// a space as wide as the next character, which aligns a column's numbers
				parts.add(new Part(false, " "));
				i++;
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

	/**
	 * A day as a date format shows it, in English (d-mmm: 2-Jan; dd.mm.yyyy: 02.01.2025), as the sheet saved as CSV
	 * has it; the ISO date where the format shows a time or more than days, months, years and text.
	 */
	static String dateShown(LocalDate day, String format) {
		if (format == null || format.isBlank()) {
			return day.toString();
		}
		var section = LOCALE.matcher(positive(format)).replaceAll("");
		var shown = new StringBuilder();
		for (int i = 0; i < section.length(); i++) {
			char c = section.charAt(i);
			int run = 1;
			char lower = Character.toLowerCase(c);
			while (i + run < section.length() && Character.toLowerCase(section.charAt(i + run)) == lower
					&& "ymd".indexOf(lower) >= 0) {
				run++;
			}
			switch (lower) {
				case 'y' -> shown.append(run <= 2 ? String.format("%02d", day.getYear() % 100) : day.getYear());
				case 'm' -> shown.append(run == 1 ? String.valueOf(day.getMonthValue()) : run == 2
						? String.format("%02d", day.getMonthValue())
						: day.getMonth().getDisplayName(run == 3 ? TextStyle.SHORT : TextStyle.FULL, Locale.ENGLISH));
				case 'd' -> shown.append(run == 1 ? String.valueOf(day.getDayOfMonth()) : run == 2
						? String.format("%02d", day.getDayOfMonth())
						: day.getDayOfWeek().getDisplayName(run == 3 ? TextStyle.SHORT : TextStyle.FULL,
								Locale.ENGLISH));
				case '"' -> {
					int end = section.indexOf('"', i + 1);
					if (end < 0) {
						return day.toString();
					}
					shown.append(section, i + 1, end);
					i = end;
					continue;
				}
				case '\\' -> {
					if (i + 1 < section.length()) {
						shown.append(section.charAt(++i));
					}
					continue;
				}
				default -> {
					if (DATE_LITERAL.indexOf(c) < 0) {
						return day.toString();
					}
					shown.append(c);
				}
			}
			i += run - 1;
		}
		return shown.toString();
	}

	/** A digit placeholder, or text shown as it is. */
	private record Part(boolean placeholder, String text) {
	}

}
