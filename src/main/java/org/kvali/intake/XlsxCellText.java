package org.kvali.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.reader.Cell;

import org.kvali.graphql.Dates;

/**
 * What a workbook's cell says, read for its column: a number as the day, the year or the text its format shows, a
 * text with its escapes read.
 */
final class XlsxCellText {

	private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

	/** What shows a year or a day in a number format. */
	private static final Pattern DATE_PART = Pattern.compile("[yYdD]");

	/** The parts of a number format that show no date: quoted text, bracketed colours and conditions, escapes. */
	private static final Pattern FORMAT_LITERALS = Pattern.compile("\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.");

	private XlsxCellText() {
	}

	/**
	 * The cell's text; a number, written or a formula's saved result (an end date written =E2, say, which was read as
	 * 45717 and refused as no date), read for its column.
	 */
	static String text(Cell cell, String column, LocalDate epoch) {
		if (cell.getValue() instanceof BigDecimal number) {
			// Day numbers of years 1900 to 2100 only; any other number is passed on as written and refused as a date.
			boolean day = ExcelDays.isDay(number, epoch);
			// a year typed where a date belongs (2024, formatted as no date) is refused as the CSV's is: read as a
			// day number it was 1905-07-16, which only a programme's dates, where given, caught (a review's)
			if (day && (column.equals(Columns.START_DATE) || column.equals(Columns.END_DATE)) && !yearTyped(cell)) {
				return ExcelDays.date(number, epoch).toString();
			}
			// a birth date where the year belongs (shown as 1990 when formatted so), formatted as a date: a plain
			// number past any year, 19850 for 1985, is a slip of the keyboard, refused as it is. A year typed into a
			// column formatted as dates is that year: 1985 under dd.mm.yyyy, shown as 07.06.1905, was read as 1905,
			// of which only a warning of someone over 100 followed (a tester's)
			if (day && column.equals(Columns.BIRTH_YEAR) && isDate(cell) && !birthYearTyped(number)) {
				return Integer.toString(ExcelDays.date(number, epoch).getYear());
			}
			// a date where a code or text belongs reads as shown (2-Jan), as the sheet saved as CSV has it: its day
			// number, 45658, made another person of the same row
			if (dayShownAsDate(cell, column, epoch)) {
				return NumberFormats.dateShown(ExcelDays.date(number, epoch), format(cell));
			}
			// a reference or code typed as a number reads as the spreadsheet shows it: 0042 under the format 0000
			var shown = column.equals(Columns.BIRTH_YEAR) ? null
					: NumberFormats.shown(number, format(cell));
			return shown != null ? shown : number.stripTrailingZeros().toPlainString();
		}
		return cell.getText() == null ? "" : unescape(cell.getText());
	}

	/** Whether the cell holds a whole number of the years a date may have, under a format that shows no date. */
	private static boolean yearTyped(Cell cell) {
		return year((BigDecimal) cell.getValue(), Dates.LAST_YEAR) && !isDate(cell);
	}

	/**
	 * Whether the number is a whole one of the years a birth year may have (up to this year, as {@link RowChecker}
	 * reads it), whatever its format shows: as days they are in 1905 (1909 in the 1904 system), while a real birth
	 * date is a larger day number (31118 is 1985-03-12).
	 */
	private static boolean birthYearTyped(BigDecimal number) {
		// the clock is read only for a number of the years a date may have, not for each birth date
		return year(number, Dates.LAST_YEAR) && number.intValue() <= Year.now().getValue();
	}

	/** Whether the number is a whole one from {@link Dates#FIRST_YEAR} to {@code last}. */
	private static boolean year(BigDecimal number, int last) {
		return number.stripTrailingZeros().scale() <= 0 && number.compareTo(BigDecimal.valueOf(Dates.FIRST_YEAR)) >= 0
				&& number.compareTo(BigDecimal.valueOf(last)) <= 0;
	}

	/** Whether the cell holds a day that its format shows as a date, in a column of neither dates nor birth years. */
	static boolean dayShownAsDate(Cell cell, String column, LocalDate epoch) {
		return cell.getValue() instanceof BigDecimal number && ExcelDays.isDay(number, epoch)
				&& !column.equals(Columns.START_DATE) && !column.equals(Columns.END_DATE)
				&& !column.equals(Columns.BIRTH_YEAR) && isDate(cell);
	}

	/**
	 * The format a cell shows its number in: its own, or one of Excel's built-in dates, which a workbook names by its
	 * number alone (the date Excel makes of 1-2 typed is 16, d-mmm); null for any other.
	 */
	private static String format(Cell cell) {
		var format = cell.getDataFormatString();
		if (format != null || cell.getDataFormatId() == null) {
			return format;
		}
		return switch (cell.getDataFormatId()) {
			case 14 -> "m/d/yyyy";
			case 15 -> "d-mmm-yy";
			case 16 -> "d-mmm";
			case 17 -> "mmm-yy";
			default -> null;
		};
	}

	/**
	 * Whether the cell's number format shows a date: one of Excel's built-in date formats, or a format of its own
	 * showing a year or a day (outside quoted text and bracketed colours or conditions).
	 */
	private static boolean isDate(Cell cell) {
		var id = cell.getDataFormatId();
		// 14 to 17 and 22 are Excel's dates (18 to 21 and 45 to 47 its times), 27 to 36 and 50 to 58 East Asian ones
		if (id != null && (id >= 14 && id <= 17 || id == 22 || id >= 27 && id <= 36 || id >= 50 && id <= 58)) {
			return true;
		}
		var format = cell.getDataFormatString();
		return format != null && DATE_PART.matcher(FORMAT_LITERALS.matcher(format).replaceAll("")).find();
	}

	/**
	 * A text as written, its escapes read: a workbook writes a character XML cannot hold, a carriage return among
	 * them, as _x000D_, and an underscore that would begin such an escape as _x005F_. Stored as read, _x000D_ stood
	 * in a title where the line break it is would have been refused.
	 */
	private static String unescape(String text) {
		if (!text.contains("_x")) {
			return text;
		}
		return ESCAPE.matcher(text)
			.replaceAll(escape -> Matcher.quoteReplacement(Character.toString(Integer.parseInt(escape.group(1), 16))));
	}

}
