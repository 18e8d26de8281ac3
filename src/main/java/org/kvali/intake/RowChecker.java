package org.kvali.intake;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.kvali.activity.ActivityKind;
import org.kvali.graphql.CodeRule;
import org.kvali.graphql.Dates;
import org.kvali.graphql.Glyphs;
import org.kvali.graphql.Text;
import org.kvali.organization.OrganizationKind;
import org.kvali.participant.ParticipantService;
import org.kvali.report.ParticipationRole;

/**
 * Reads the cells of one row into an {@link AttendanceRow}, adding an error for every value it cannot take. What
 * depends on the database (does the project exist?) is checked later, for all rows at once.
 */
final class RowChecker {

	/** The words of a kind or role as the schema has them, in its order: a refusal lists them so. */
	private static final List<String> ACTIVITY_KINDS = names(ActivityKind.values());

	private static final List<String> ORGANIZATION_KINDS = names(OrganizationKind.values());

	private static final List<String> ROLES = names(ParticipationRole.values());

	/**
	 * The Georgian words for activity kinds, organization kinds and roles, as a Georgian template writes them.
	 */
	private static final Map<String, String> GEORGIAN = Map.ofEntries(Map.entry("ტრენინგი", "TRAINING"),
			Map.entry("სემინარი", "WORKSHOP"), Map.entry("ვორქშოპი", "WORKSHOP"), Map.entry("შეხვედრა", "MEETING"),
			Map.entry("კონფერენცია", "CONFERENCE"), Map.entry("კამპანია", "CAMPAIGN"), Map.entry("სხვა", "OTHER"),
			Map.entry("დონორი", "DONOR"), Map.entry("განმახორციელებელი", "IMPLEMENTER"),
			Map.entry("პარტნიორი", "PARTNER"), Map.entry("არასამთავრობო ორგანიზაცია", "CSO"),
			Map.entry("სამოქალაქო ორგანიზაცია", "CSO"), Map.entry("საინიციატივო ჯგუფი", "ACTIVIST_GROUP"),
			Map.entry("აქტივისტთა ჯგუფი", "ACTIVIST_GROUP"), Map.entry("მუნიციპალიტეტი", "MUNICIPALITY"),
			Map.entry("მონაწილე", "PARTICIPANT"), Map.entry("ტრენერი", "TRAINER"),
			Map.entry("ფასილიტატორი", "FACILITATOR"), Map.entry("მომხსენებელი", "SPEAKER"),
			Map.entry("ორგანიზატორი", "ORGANIZER"), Map.entry("ტრენინგები", "TRAINING"),
			Map.entry("სამუშაო შეხვედრა", "WORKSHOP"), Map.entry("სპიკერი", "SPEAKER"),
			Map.entry("აქტივისტური ჯგუფი", "ACTIVIST_GROUP"),
			Map.entry("არასამთავრობო", "CSO"), Map.entry("სამოქალაქო საზოგადოების ორგანიზაცია", "CSO"));

	/** English words for them as people write them: NGO for a CSO, and seminar, as სემინარი is read (a tester's). */
	private static final Map<String, String> ENGLISH = Map.of("ngo", "CSO", "seminar", "WORKSHOP");

	private static final Map<String, String> GENDERS = Map.ofEntries(Map.entry("female", "FEMALE"),
			Map.entry("f", "FEMALE"), Map.entry("ქალი", "FEMALE"), Map.entry("male", "MALE"), Map.entry("m", "MALE"),
			Map.entry("კაცი", "MALE"), Map.entry("მამაკაცი", "MALE"), Map.entry("other", "OTHER"),
			Map.entry("undisclosed", "UNDISCLOSED"));

	private static final Pattern SPACES = Pattern.compile("\\s+");

	/** A year of four digits, then a decimal point and zeros. */
	private static final Pattern WHOLE_YEAR = Pattern.compile("\\d{4}\\.0+");

	private static final Map<String, Boolean> YES_NO = Map.of("yes", true, "true", true, "1", true, "კი", true,
			"დიახ", true, "no", false, "false", false, "0", false, "არა", false);

	private final SheetRow sheetRow;

	private final CellText cells;

	private final int thisYear;

	private final RowDates dates;

	private RowChecker(SheetRow row, int maxLength, int thisYear, ZoneId zone, SlashedDates slashed,
			List<ImportMessage> errors) {
		this.sheetRow = row;
		this.cells = new CellText(row, maxLength, errors);
		this.dates = new RowDates(row, this.cells, zone, slashed);
		this.thisYear = thisYear;
	}

	/**
	 * Checks one row; {@code thisYear} bounds birth years (read once per sheet, not per row), a date given as a point
	 * in time is the day it was in {@code zone}, and one with slashes as the sheet's others tell ({@code slashed}: a
	 * date either reading makes a day waits there, and is null here).
	 */
	static AttendanceRow check(SheetRow row, int maxLength, int thisYear, ZoneId zone, SlashedDates slashed,
			List<ImportMessage> errors) {
		return new RowChecker(row, maxLength, thisYear, zone, slashed, errors).read();
	}

	private AttendanceRow read() {
		// an end before the start is told where the row is staged, its dates read as the sheet told
		var start = this.dates.date(Columns.START_DATE);
		var end = this.dates.date(Columns.END_DATE);
		return new AttendanceRow(this.sheetRow.row(), code(Columns.ACTIVITY_CODE), text(Columns.ACTIVITY_TITLE),
				word(Columns.ACTIVITY_KIND, ACTIVITY_KINDS), code(Columns.PROJECT_CODE), start, end,
				text(Columns.VENUE_MUNICIPALITY), code(Columns.ORGANIZER_CODE), code(Columns.PARTICIPANT_REF), gender(),
				birthYear(), disability(), text(Columns.HOME_MUNICIPALITY), code(Columns.ORGANIZATION_CODE),
				text(Columns.ORGANIZATION_NAME), word(Columns.ORGANIZATION_KIND, ORGANIZATION_KINDS),
				text(Columns.ORGANIZATION_MUNICIPALITY), word(Columns.ROLE, ROLES));
	}

	/** The checked text of a cell, null when empty ({@link CellText#text}). */
	private String text(String column) {
		return this.cells.text(column);
	}

	/** The cell as a message shows a value the checks took: trimmed, on one line. */
	static String shown(SheetRow row, String column) {
		var cell = row.cells().get(column);
		return cell == null ? null : Text.trim(Text.plain(Text.oneLine(cell)));
	}

	private String code(String column) {
		var value = text(column);
		if (value != null && !CodeRule.isCode(value)) {
			refuse(column, value, Columns.PARTICIPANT_REF.equals(column) ? CodeRule.referenceRule(value)
					: CodeRule.codeRule(value));
			return null;
		}
		if (value != null && Columns.PARTICIPANT_REF.equals(column)
				&& value.regionMatches(true, 0, ParticipantService.ERASED, 0, ParticipantService.ERASED.length())) {
			error(column, value, "A reference beginning with " + ParticipantService.ERASED + " is that of a person "
					+ "erased at their request (forgetParticipant); a sheet adds no one under such a reference, nor to them");
			return null;
		}
		return value;
	}

	private String word(String column, List<String> accepted) {
		var value = text(column);
		if (value == null) {
			return null;
		}
		var word = value.toUpperCase(Locale.ROOT).replace(' ', '_');
		if (accepted.contains(word)) {
			return word;
		}
		var written = SPACES.matcher(value).replaceAll(" ").toLowerCase(Locale.ROOT);
		var other = GEORGIAN.getOrDefault(written, ENGLISH.get(written));
		if (other != null && accepted.contains(other)) {
			return other;
		}
		// a word of five letters or more, a letter or two off one accepted ("trainig"), is offered it (a tester's);
		// not a role, where a trainee is no trainer (a review's)
		var near = accepted.stream()
			.filter(one -> !Columns.ROLE.equals(column) && one.length() >= 5 && Text.distance(word, one, 3) <= 2)
			.map(one -> " (did you mean " + one.toLowerCase(Locale.ROOT) + "?)")
			.findFirst();
		unknown(column, value, "Unknown value" + near.orElse("") + "; accepted: "
				+ String.join(", ", accepted).toLowerCase(Locale.ROOT) + ", or in Georgian " + georgianFor(accepted));
		return null;
	}

	/** The Georgian words for these values, each value's in the order of the values, then alphabetically. */
	private static String georgianFor(List<String> accepted) {
		return GEORGIAN.entrySet()
			.stream()
			.filter(word -> accepted.contains(word.getValue()))
			.sorted(Comparator.comparing((Map.Entry<String, String> word) -> accepted.indexOf(word.getValue()))
				.thenComparing(Map.Entry::getKey))
			.map(Map.Entry::getKey)
			.collect(Collectors.joining(", "));
	}

	private String gender() {
		var value = text(Columns.GENDER);
		if (value == null) {
			return null;
		}
		var gender = GENDERS.get(value.toLowerCase(Locale.ROOT));
		if (gender == null) {
			unknown(Columns.GENDER, value,
					"Unknown gender; accepted: female, male, other, undisclosed, f, m, ქალი, კაცი, მამაკაცი");
		}
		return gender;
	}

	private Integer birthYear() {
		var value = text(Columns.BIRTH_YEAR);
		if (value == null) {
			return null;
		}
		// as a CSV file from a program that reads the column as numbers writes it: 1990.0
		int year = value.length() == 4 || WHOLE_YEAR.matcher(value).matches() ? Dates.digits(value, 0, 4) : -1;
		if (year < Dates.FIRST_YEAR || year > this.thisYear) {
			error(Columns.BIRTH_YEAR, value,
					"A birth year is four digits from " + Dates.FIRST_YEAR + " to " + this.thisYear);
			return null;
		}
		return year;
	}

	private Boolean disability() {
		var value = text(Columns.DISABILITY);
		if (value == null) {
			return null;
		}
		var answer = YES_NO.get(value.toLowerCase(Locale.ROOT));
		if (answer == null) {
			unknown(Columns.DISABILITY, value, "Unknown value; accepted: yes, no, true, false, 1, 0, კი, დიახ, არა,"
					+ " or empty for unknown");
		}
		return answer;
	}

	/**
	 * A value refused as none of those accepted, with what makes it other than it looks, if anything: a zero-width
	 * joiner, a Cyrillic letter (ქა\u200cლი was refused as unknown beside ქალი in the list of those accepted).
	 */
	private void unknown(String column, String value, String message) {
		error(column, value, message + Glyphs.note(value, "value"));
	}

	private void error(String column, String value, String message) {
		this.cells.error(column, value, message);
	}

	private void refuse(String column, String value, String message) {
		this.cells.refuse(column, value, message);
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

}
