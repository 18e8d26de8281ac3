package org.kvali.intake;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.kvali.graphql.CodeRule;
import org.kvali.graphql.Dates;
import org.kvali.graphql.Glyphs;
import org.kvali.graphql.Text;
import org.kvali.graphql.Validation;

/**
 * The text of the cells of one row as {@link RowChecker} takes it: trimmed, on one line, and refused, with an error
 * naming the cell, where too long for its column, holding control characters, text turned around, a non-character,
 * half a character, letters a file lost on its way, or a spreadsheet's error in place of a formula's value.
 */
final class CellText {

	/**
	 * What a spreadsheet shows, and saves in a workbook or a CSV file, in place of a formula's value it could not
	 * compute: stored, #N/A became an organization's name.
	 */
	private static final Set<String> SPREADSHEET_ERRORS = Set.of("#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?",
			"#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!",
			"#UNKNOWN!", "#PYTHON!", "#ERROR!");

	/**
	 * Columns whose stored field is shorter than the general cell limit: codes and references are of 64 characters at
	 * most (a reference of 501 was told 500 were allowed, and of 100 that it was no code: a tester's).
	 */
	private static final Map<String, Integer> COLUMN_LIMITS = Map.of(Columns.ORGANIZATION_NAME, 300,
			Columns.ACTIVITY_TITLE, 500, Columns.ACTIVITY_CODE, CodeRule.CODE_LENGTH, Columns.PROJECT_CODE,
			CodeRule.CODE_LENGTH, Columns.PARTICIPANT_REF, CodeRule.CODE_LENGTH, Columns.ORGANIZATION_CODE,
			CodeRule.CODE_LENGTH, Columns.ORGANIZER_CODE, CodeRule.CODE_LENGTH);

	private final SheetRow row;

	private final int maxLength;

	private final List<ImportMessage> errors;

	CellText(SheetRow row, int maxLength, List<ImportMessage> errors) {
		this.row = row;
		this.maxLength = maxLength;
		this.errors = errors;
	}

	/**
	 * The trimmed text of a cell on one line ({@link Text#oneLine}), null when empty; an error when too long or holding
	 * control characters.
	 */
	String text(String column) {
		var value = this.row.cells().get(column);
		if (this.row.failed().contains(column)
				|| value != null && !value.isEmpty() && spreadsheetError(value)) {
			// a workbook's error cell may hold any text, escapes of control characters too; a reference's is not
			// repeated back (refuse)
			var shown = value == null || value.isEmpty() || Columns.PARTICIPANT_REF.equals(column) ? null
					: Text.visible(value);
			error(column, shown, "The cell holds " + (shown != null ? "the spreadsheet error " + shown
					: "a spreadsheet error") + " where a value belongs: a formula failed; mend it, or write the value itself");
			return null;
		}
		if (value == null || value.isEmpty()) {
			return null;
		}
		boolean ascii = plainAscii(value);
		if (!ascii) {
			// a title typed over two lines of its cell is one title: its line breaks read as spaces; a no-break space
			// is a space, a zero-width space or soft hyphen nothing (ქა\u200bლი was refused as an unknown gender)
			value = Text.trim(Text.plain(Text.oneLine(value)));
			if (value.isEmpty()) {
				return null;
			}
		}
		int limit = Math.min(this.maxLength, COLUMN_LIMITS.getOrDefault(column, Integer.MAX_VALUE));
		if (Text.length(value) > limit) {
			refuse(column, Text.preview(value, Math.min(40, limit)),
					"The value is " + Text.length(value) + " characters long; at most " + limit + " are allowed");
			return null;
		}
		if (ascii) {
			return value;
		}
		if (Text.holdsControl(value, false)) {
			refuse(column, value, "The value holds control characters (a line break or tab reads as a space; others are"
					+ " refused)");
			return null;
		}
		if (Text.turnsAround(value)) {
			// as the API refuses it: stored from a sheet, an override turned a name around in every report
			refuse(column, Text.visible(value), "The value holds a character that turns the text after it around"
					+ " (U+202A to U+202E); write it without");
			return null;
		}
		if (Glyphs.nonCharacter(value) >= 0) {
			refuse(column, Text.visible(value), Validation.noCharacter(Glyphs.nonCharacter(value)));
			return null;
		}
		var lost = lostLetters(value);
		if (lost != null) {
			refuse(column, value, lost + ": save the file as \"CSV UTF-8\" (or as .xlsx) from the spreadsheet that"
					+ " has the letters, and send it again");
			return null;
		}
		if (Text.halfACharacter(value)) {
			// as a workbook's escape can write it (_xD83D_); stored, it was a question mark
			refuse(column, value, "The value holds half of a character (a lone UTF-16 surrogate), which is not text");
			return null;
		}
		return value;
	}

	/**
	 * Whether the value is printable ASCII, without a space at either end or a question mark, as most cells are: the
	 * checks of {@link #text} but the length's neither change nor refuse it, and are not asked (each looked at every
	 * character again).
	 */
	private static boolean plainAscii(String value) {
		if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < ' ' || c > '~' || c == '?') {
				return false;
			}
		}
		return true;
	}

	/**
	 * What the value shows of letters a file lost on its way, null when nothing: Georgian saved by Excel's plain "CSV"
	 * as question marks (a value mostly of them, three in a row at least), or UTF-8 read as a Western or Cyrillic
	 * code page and saved again (each Georgian letter then begins with "áƒ" or "бѓ").
	 */
	private static String lostLetters(String value) {
		if (value.contains("???")) {
			long marks = value.chars().filter(c -> c == '?').count();
			long shown = value.chars().filter(c -> !Character.isWhitespace(c)).count();
			// four in a row are no one's punctuation, however much else the value holds
			if (2 * marks >= shown || value.contains("????")) {
				return "The value has question marks where letters were: the file was saved in an encoding without"
						+ " them";
			}
		}
		if (value.indexOf('\uFFFD') >= 0) {
			return "The value holds \uFFFD where letters were: they were read in the wrong encoding before this file"
					+ " was saved";
		}
		if (value.contains("áƒ") || value.contains("бѓ")) {
			return "The value is Georgian text read in the wrong encoding (each letter shows as two or three others)";
		}
		return null;
	}

	/** Whether the value is what a spreadsheet writes for a formula that failed: Excel's and Google's, LibreOffice's. */
	private static boolean spreadsheetError(String value) {
		return value.charAt(0) == '#' && SPREADSHEET_ERRORS.contains(value.toUpperCase(Locale.ROOT))
				|| value.length() == 7 && value.startsWith("Err:") && Dates.digits(value, 4, 7) >= 0;
	}

	void error(String column, String value, String message) {
		this.errors.add(new ImportMessage(this.row.row(), column, value, message));
	}

	/**
	 * The error of a cell whose text is refused, its value not repeated back under participant_ref: a reference that
	 * is no code may be a person's name, address or phone written by mistake.
	 */
	void refuse(String column, String value, String message) {
		error(column, Columns.PARTICIPANT_REF.equals(column) ? null : value, message);
	}

}
