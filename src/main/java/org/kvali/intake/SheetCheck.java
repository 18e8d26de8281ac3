package org.kvali.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks that look across rows and at the stored data: required values, codes that must exist, an activity or
 * person described two ways, a person listed twice for one activity.
 */
final class SheetCheck {

	private final IntakeLookups lookups;

	private final List<ImportMessage> errors;

	/** "row:column" of every cell already found wrong, so a bad value is not reported again as missing. */
	private final Set<String> flagged = new HashSet<>();

	SheetCheck(IntakeLookups lookups, List<ImportMessage> errors) {
		this.lookups = lookups;
		this.errors = errors;
		errors.forEach(error -> this.flagged.add(error.row() + ":" + error.column()));
	}

	/** The rows with municipality names turned into codes; errors added for everything else found wrong. */
	List<AttendanceRow> check(List<AttendanceRow> rows) {
		var municipalities = this.lookups.municipalities();
		var resolved = new ArrayList<AttendanceRow>(rows.size());
		for (var row : rows) {
			required(row, Columns.ACTIVITY_CODE, row.activityCode());
			required(row, Columns.PROJECT_CODE, row.projectCode());
			required(row, Columns.PARTICIPANT_REF, row.participantRef());
			required(row, Columns.GENDER, row.gender());
			resolved.add(new AttendanceRow(row.row(), row.activityCode(), row.activityTitle(), row.activityKind(),
					row.projectCode(), row.startDate(), row.endDate(),
					municipality(row, Columns.VENUE_MUNICIPALITY, row.venueMunicipality(), municipalities),
					row.participantRef(), row.gender(), row.birthYear(), row.disability(),
					municipality(row, Columns.HOME_MUNICIPALITY, row.homeMunicipality(), municipalities),
					row.organizationCode(), row.organizationName(), row.organizationKind(), row.role()));
		}
		projects(resolved);
		activities(resolved);
		people(resolved);
		organizations(resolved);
		return resolved;
	}

	private void projects(List<AttendanceRow> rows) {
		var known = this.lookups.projects(distinct(rows, AttendanceRow::projectCode));
		for (var row : rows) {
			if (row.projectCode() != null && !known.contains(row.projectCode())) {
				error(row, Columns.PROJECT_CODE, row.projectCode(), "No project has this code");
			}
		}
	}

	private void activities(List<AttendanceRow> rows) {
		var stored = this.lookups.activities(distinct(rows, AttendanceRow::activityCode));
		Map<String, ActivityValues> activities = new java.util.LinkedHashMap<>();
		for (var row : rows) {
			if (row.activityCode() == null) {
				continue;
			}
			var existing = stored.get(row.activityCode());
			if (existing != null && row.projectCode() != null && !existing.projectCode().equals(row.projectCode())) {
				error(row, Columns.PROJECT_CODE, row.projectCode(),
						"Activity " + row.activityCode() + " belongs to project " + existing.projectCode());
			}
			var values = activities.get(row.activityCode());
			if (values == null) {
				activities.put(row.activityCode(), new ActivityValues(row));
				continue;
			}
			values.merge(row);
			same(row, values.first, Columns.PROJECT_CODE, AttendanceRow::projectCode);
			same(row, values.first, Columns.ACTIVITY_TITLE, AttendanceRow::activityTitle);
			same(row, values.first, Columns.ACTIVITY_KIND, AttendanceRow::activityKind);
			same(row, values.first, Columns.START_DATE, AttendanceRow::startDate);
			same(row, values.first, Columns.END_DATE, AttendanceRow::endDate);
			same(row, values.first, Columns.VENUE_MUNICIPALITY, AttendanceRow::venueMunicipality);
		}
		for (var values : activities.values()) {
			var existing = stored.get(values.first.activityCode());
			if (existing == null) {
				// a new activity needs each of these in at least one of its rows
				required(values.first, Columns.ACTIVITY_TITLE, values.title);
				required(values.first, Columns.ACTIVITY_KIND, values.kind);
				required(values.first, Columns.START_DATE, values.start);
				required(values.first, Columns.END_DATE, values.end);
			}
			else {
				var start = values.start != null ? values.start : existing.startDate();
				var end = values.end != null ? values.end : existing.endDate();
				if (end.isBefore(start)) {
					error(values.first, values.end != null ? Columns.END_DATE : Columns.START_DATE,
							String.valueOf(values.end != null ? values.end : values.start),
							"The activity would end (" + end + ") before it starts (" + start + ")");
				}
			}
		}
	}

	/** The first value the rows of one activity give for each of its fields. */
	private static final class ActivityValues {

		final AttendanceRow first;

		String title;

		String kind;

		LocalDate start;

		LocalDate end;

		ActivityValues(AttendanceRow first) {
			this.first = first;
			merge(first);
		}

		void merge(AttendanceRow row) {
			this.title = this.title != null ? this.title : row.activityTitle();
			this.kind = this.kind != null ? this.kind : row.activityKind();
			this.start = this.start != null ? this.start : row.startDate();
			this.end = this.end != null ? this.end : row.endDate();
		}

	}

	private void people(List<AttendanceRow> rows) {
		var stored = this.lookups.participants(distinct(rows, AttendanceRow::participantRef));
		Map<String, AttendanceRow> first = new HashMap<>();
		Map<String, Integer> attendance = new HashMap<>();
		for (var row : rows) {
			if (row.participantRef() == null) {
				continue;
			}
			var existing = stored.get(row.participantRef());
			if (existing != null && row.gender() != null && !existing.gender().equals(row.gender())) {
				error(row, Columns.GENDER, row.gender().toLowerCase(Locale.ROOT), "Participant " + row.participantRef()
						+ " is stored as " + existing.gender().toLowerCase(Locale.ROOT) + "; gender is not corrected by a sheet");
			}
			var earlier = first.putIfAbsent(row.participantRef(), row);
			if (earlier != null) {
				both(row, earlier, Columns.GENDER, AttendanceRow::gender);
				both(row, earlier, Columns.BIRTH_YEAR, AttendanceRow::birthYear);
				both(row, earlier, Columns.DISABILITY, AttendanceRow::disability);
				both(row, earlier, Columns.HOME_MUNICIPALITY, AttendanceRow::homeMunicipality);
			}
			if (row.activityCode() != null) {
				var twice = attendance.putIfAbsent(row.activityCode() + "\u001f" + row.participantRef(), row.row());
				if (twice != null) {
					error(row, Columns.PARTICIPANT_REF, row.participantRef(), "Participant " + row.participantRef()
							+ " is already listed for activity " + row.activityCode() + " in row " + twice);
				}
			}
		}
	}

	private void organizations(List<AttendanceRow> rows) {
		var known = this.lookups.organizations(distinct(rows, AttendanceRow::organizationCode));
		var named = new HashSet<String>();
		for (var row : rows) {
			if (row.organizationCode() != null && !known.contains(row.organizationCode())
					&& row.organizationName() != null) {
				named.add(row.organizationCode());
			}
		}
		for (var row : rows) {
			var code = row.organizationCode();
			if (code != null && !known.contains(code) && !named.contains(code)
					&& !this.flagged.contains(row.row() + ":" + Columns.ORGANIZATION_NAME)) {
				error(row, Columns.ORGANIZATION_NAME, null,
						"Organization " + code + " is new: give its name in organization_name");
				named.add(code);
			}
		}
	}

	private String municipality(AttendanceRow row, String column, String value, Map<String, String> municipalities) {
		if (value == null) {
			return null;
		}
		var code = municipalities.get(value.toLowerCase(Locale.ROOT));
		if (code == null) {
			error(row, column, value, "No municipality has this code or name");
		}
		return code;
	}

	private <T> void same(AttendanceRow row, AttendanceRow earlier, String column, Function<AttendanceRow, T> value) {
		var mine = value.apply(row);
		var theirs = value.apply(earlier);
		if (mine != null && theirs != null && !mine.equals(theirs)) {
			error(row, column, String.valueOf(mine), "Row " + earlier.row() + " gives " + theirs + " for activity "
					+ row.activityCode() + "; all its rows must agree");
		}
	}

	private <T> void both(AttendanceRow row, AttendanceRow earlier, String column, Function<AttendanceRow, T> value) {
		var mine = value.apply(row);
		var theirs = value.apply(earlier);
		if (mine != null && theirs != null && !Objects.equals(mine, theirs)) {
			var message = "Participant " + row.participantRef() + " has " + column.replace('_', ' ')
					+ " " + theirs + " in row " + earlier.row() + " and " + mine + " in row " + row.row();
			error(earlier, column, String.valueOf(theirs), message);
			error(row, column, String.valueOf(mine), message);
		}
	}

	private void required(AttendanceRow row, String column, Object value) {
		if (value == null && !this.flagged.contains(row.row() + ":" + column)) {
			error(row, column, null, "Required" + (isActivityColumn(column) ? " for a new activity" : ""));
		}
	}

	private static boolean isActivityColumn(String column) {
		return List.of(Columns.ACTIVITY_TITLE, Columns.ACTIVITY_KIND, Columns.START_DATE, Columns.END_DATE)
			.contains(column);
	}

	private void error(AttendanceRow row, String column, String value, String message) {
		this.errors.add(new ImportMessage(row.row(), column, value, message));
		this.flagged.add(row.row() + ":" + column);
	}

	private static List<String> distinct(List<AttendanceRow> rows, Function<AttendanceRow, String> value) {
		return rows.stream().map(value).filter(Objects::nonNull).distinct().toList();
	}

}
