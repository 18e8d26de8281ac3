package org.kvali.intake;

import java.util.List;

import org.kvali.geography.PlaceNames;
import org.kvali.graphql.Glyphs;
import org.kvali.graphql.Text;

/** The last checks of a row before it is staged: an end after its start, municipalities known, required cells given. */
final class RowStaging {

	private final PlaceNames municipalities;

	private final Staging.Copy staging;

	private final List<ImportMessage> errors;

	private final WrittenValues written;

	RowStaging(PlaceNames municipalities, Staging.Copy staging, List<ImportMessage> errors, WrittenValues written) {
		this.municipalities = municipalities;
		this.staging = staging;
		this.errors = errors;
		this.written = written;
	}

	static boolean endsBeforeStart(AttendanceRow checked) {
		return checked.startDate() != null && checked.endDate() != null
				&& checked.endDate().isBefore(checked.startDate());
	}

	/**
	 * Stages a row checked, its dates as the sheet told ({@link HeldRows}), its municipalities read, {@code flagged}
	 * naming the columns of its errors so far.
	 */
	void stage(SheetRow row, AttendanceRow checked, List<String> flagged) {
		if (endsBeforeStart(checked)) {
			this.errors.add(new ImportMessage(row.row(), Columns.END_DATE, RowChecker.shown(row, Columns.END_DATE),
					"The end date is before the start date " + checked.startDate()));
			flagged.add(Columns.END_DATE);
		}
		var venue = municipality(row, Columns.VENUE_MUNICIPALITY, checked.venueMunicipality(), flagged);
		var home = municipality(row, Columns.HOME_MUNICIPALITY, checked.homeMunicipality(), flagged);
		var based = municipality(row, Columns.ORGANIZATION_MUNICIPALITY, checked.organizationMunicipality(), flagged);
		read(row, Columns.GENDER, checked.gender());
		read(row, Columns.ACTIVITY_KIND, checked.activityKind());
		read(row, Columns.ORGANIZATION_KIND, checked.organizationKind());
		read(row, Columns.ROLE, checked.role());
		read(row, Columns.VENUE_MUNICIPALITY, venue);
		read(row, Columns.HOME_MUNICIPALITY, home);
		read(row, Columns.ORGANIZATION_MUNICIPALITY, based);
		read(row, Columns.DISABILITY, checked.disability());
		read(row, Columns.START_DATE, checked.startDate());
		read(row, Columns.END_DATE, checked.endDate());
		required(row, Columns.ACTIVITY_CODE, checked.activityCode(), flagged);
		required(row, Columns.PROJECT_CODE, checked.projectCode(), flagged);
		required(row, Columns.PARTICIPANT_REF, checked.participantRef(), flagged);
		required(row, Columns.GENDER, checked.gender(), flagged);
		this.staging.add(checked.placed(venue, home, based), flagged);
	}

	private void read(SheetRow row, String column, Object value) {
		var cell = row.cells().get(column);
		if (cell != null) {
			this.written.read(column, value, Text.oneLine(cell).strip());
		}
	}

	private String municipality(SheetRow row, String column, String value, List<String> flagged) {
		if (value == null) {
			return null;
		}
		var code = this.municipalities.code(value);
		if (code == null) {
			flagged.add(column);
			var region = this.municipalities.region(value);
			var nearest = region == null ? this.municipalities.nearest(value) : null;
			this.errors.add(new ImportMessage(row.row(), column, value, region != null
					? region + " is a region: give the municipality, by its code or name"
					: "No municipality has this code or name"
							+ (nearest == null ? "" : "; did you mean " + nearest + "?")
							+ Glyphs.note(value, "value")));
		}
		return code;
	}

	/** A cell every row fills, left empty: refused, saying what to write there (a tester found "Required" terse). */
	private void required(SheetRow row, String column, Object value, List<String> flagged) {
		if (value == null && !flagged.contains(column)) {
			this.errors.add(new ImportMessage(row.row(), column, null, "Required: " + switch (column) {
				case Columns.ACTIVITY_CODE -> "the activity's code, the same on every row of one activity";
				case Columns.PROJECT_CODE -> "the code of the activity's project";
				case Columns.PARTICIPANT_REF -> "the person's pseudonymous reference, never their name";
				case Columns.GENDER -> "female, male, other or undisclosed (or F, M)";
				default -> throw new IllegalArgumentException("No required column " + column);
			}));
		}
	}

}
