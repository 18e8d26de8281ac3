package org.kvali.intake;

import java.sql.ResultSet;
import java.util.List;

import org.kvali.access.PartnerScope;
import org.kvali.graphql.Text;
import org.kvali.sql.ErasedReferences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * No one takes part in an activity that starts in a year before the one they were born in: a mistyped year, which
 * would put them in the youngest age band. A sheet is checked as it would leave the data, so the checks join the
 * stored participations too: a row without a birth year takes the person's stored one (or another row's), a birth
 * year given later than the stored one meets the person's stored activities, and an activity moved to an earlier
 * start meets the people stored at it. The stored participations are read only for the people whose year the sheet
 * raises and the activities it moves earlier, found first, so the planner knows how few they are.
 * <p>
 * A partner's sheet neither compares nor changes the details of a person other organizations hosted
 * ({@link PartnerScope#keptAsStored}): such a person is left out of these checks, since an answer that depended on
 * their stored year would tell it, and the people stored at an activity are counted, not named.
 */
@Repository
class BirthYearChecks {

	private final JdbcClient jdbc;

	BirthYearChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The checks of a person's year and an activity's start that look across rows name the first row giving the year,
	 * or the start (as the sheet writes it): the person's or activity's first row may leave it empty (a review's).
	 */
	void check(List<ImportMessage> errors, PartnerSheet partner, WrittenValues written) {
		rowsBornAfterTheirActivity(errors, partner);
		rowsWithoutAYear(errors, partner);
		raisedYears(errors, partner);
		earlierStarts(errors, partner, written);
	}

	private static Long[] organizations(PartnerSheet partner) {
		return PartnerSheet.organizationIds(partner);
	}

	/** A row's birth year after its activity's start. Only rows born after the earliest start are joined. */
	private void rowsBornAfterTheirActivity(List<ImportMessage> errors, PartnerSheet partner) {
		this.jdbc.sql("""
				SELECT r.row_no, r.birth_year, r.activity_code, coalesce(a.start_date, a.stored_start_date)
				FROM import_row r JOIN import_activity a USING (activity_code) JOIN import_person p USING (participant_ref)
				WHERE r.birth_year > (SELECT min(start_year) FROM import_activity) AND r.birth_year > a.start_year
				  AND NOT (p.stored_id IS NOT NULL AND %s) AND %s
				ORDER BY r.row_no""".formatted(PartnerSheet.keptAsStored("p", "birth_year"),
				PartnerSheet.toldOf("a")))
			.param("organizations", organizations(partner))
			.query((ResultSet rs) -> {
				errors.add(new ImportMessage(rs.getInt(1), Columns.BIRTH_YEAR, rs.getString(2), "Born after activity "
						+ rs.getString(3) + " starts (" + rs.getString(4) + ")"));
			});
	}

	/** A row without a birth year whose person was born, by another row or as stored, after its activity starts. */
	private void rowsWithoutAYear(List<ImportMessage> errors, PartnerSheet partner) {
		this.jdbc.sql("""
				SELECT r.row_no, r.participant_ref, r.activity_code, coalesce(a.start_date, a.stored_start_date)
				FROM import_row r JOIN import_activity a USING (activity_code) JOIN import_person p USING (participant_ref)
				WHERE r.birth_year IS NULL
				  AND coalesce(p.birth_year, p.stored_birth_year) > a.start_year
				  AND NOT (p.stored_id IS NOT NULL AND %s) AND %s
				ORDER BY r.row_no""".formatted(PartnerSheet.keptAsStored("p", "birth_year"),
				PartnerSheet.toldOf("a")))
			.param("organizations", organizations(partner))
			.query((ResultSet rs) -> {
				errors.add(new ImportMessage(rs.getInt(1), Columns.BIRTH_YEAR, null, "Participant " + rs.getString(2)
						+ " was born, as another row or the stored data says, after activity " + rs.getString(3)
						+ " starts (" + rs.getString(4) + ")"));
			});
	}

	/**
	 * A stored person given a later birth year than stored, who took part in stored activities that start before
	 * it (the sheet's own rows are checked above).
	 */
	private void raisedYears(List<ImportMessage> errors, PartnerSheet partner) {
		var raised = this.jdbc.sql("""
				SELECT p.stored_id FROM import_person p
				WHERE p.stored_id IS NOT NULL AND p.birth_year > coalesce(p.stored_birth_year, 0) AND NOT %s"""
			.formatted(PartnerSheet.keptAsStored("p", "birth_year")))
			.query(Long.class)
			.list();
		if (raised.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				SELECT p.birth_row, p.participant_ref, p.birth_year, count(*),
				       min(coalesce(s.start_date, a.start_date)),
				       (array_agg(a.code ORDER BY coalesce(s.start_date, a.start_date), a.code))[1]
				FROM import_person p
				JOIN participation pn ON pn.participant_id = p.stored_id
				JOIN activity a ON a.id = pn.activity_id
				LEFT JOIN import_activity s ON s.stored_id = a.id
				WHERE p.stored_id = ANY(:raised)
				  AND p.birth_year > extract(YEAR FROM coalesce(s.start_date, a.start_date))
				  AND NOT EXISTS (SELECT 1 FROM import_row r
				                  WHERE r.participant_ref = p.participant_ref AND r.activity_code = a.code)
				GROUP BY p.birth_row, p.participant_ref, p.birth_year
				ORDER BY p.birth_row""")
			.param("raised", raised.toArray(Long[]::new))
			.query((ResultSet rs) -> {
				int activities = rs.getInt(4);
				errors.add(new ImportMessage(rs.getInt(1), Columns.BIRTH_YEAR, rs.getString(3), "Participant "
						+ rs.getString(2) + " took part in " + (activities == 1
								? "activity " + rs.getString(6) + ", which starts on " + rs.getString(5)
										+ ", before the birth year " + rs.getString(3)
								: activities + " activities that start before the birth year " + rs.getString(3)
										+ ", the first " + rs.getString(6)
										+ " on " + rs.getString(5))));
			});
	}

	/**
	 * A stored activity given an earlier start, at which stored people took part who were born after it, by the
	 * sheet's year for them or their stored one. One message per activity, naming up to three of them to an admin. A
	 * partner moves one that people other organizations recorded too took part in, or that its sheet adds them to, to
	 * no earlier year at all, as {@code updateActivity} refuses it: checked against their stored years, the answer
	 * would tell them. Another's activity, refused as such, is not asked about (the refusal told whether anyone took
	 * part in it).
	 */
	private void earlierStarts(List<ImportMessage> errors, PartnerSheet partner, WrittenValues written) {
		var moved = this.jdbc.sql("""
				SELECT stored_id FROM import_activity WHERE stored_id IS NOT NULL AND start_date < stored_start_date""")
			.query(Long.class)
			.list();
		if (moved.isEmpty()) {
			return;
		}
		if (partner != null) {
			this.jdbc.sql("""
					SELECT s.start_row, s.start_date FROM import_activity s
					WHERE s.stored_id = ANY(:moved)
					  AND extract(YEAR FROM s.start_date) < extract(YEAR FROM s.stored_start_date) AND %s
					  AND (EXISTS (SELECT 1 FROM participation here WHERE here.activity_id = s.stored_id AND %s)
					       OR EXISTS (SELECT 1 FROM import_row r JOIN import_person p USING (participant_ref)
					                  WHERE r.activity_code = s.activity_code AND p.stored_id IS NOT NULL AND %s))
					ORDER BY s.start_row""".formatted(PartnerSheet.toldOf("s"),
						PartnerScope.hostedElsewhere("here.participant_id"),
						"p.stored_elsewhere"))
				.param("moved", moved.toArray(Long[]::new))
				.param("organizations", organizations(partner))
				.query((ResultSet rs) -> {
					errors.add(new ImportMessage(rs.getInt(1), Columns.START_DATE,
							written.shown(Columns.START_DATE, rs.getString(2)), PartnerScope.EARLIER_FOR_ADMIN));
				});
		}
		this.jdbc.sql("""
				SELECT s.start_row, s.start_date, count(DISTINCT pt.id),
				       (array_agg(DISTINCT pt.ref) FILTER (WHERE NOT %s))[1 : 3]
				FROM import_activity s
				JOIN participation pn ON pn.activity_id = s.stored_id
				JOIN participant pt ON pt.id = pn.participant_id
				LEFT JOIN (SELECT stored_id, max(birth_year) AS birth_year FROM import_person
				           WHERE stored_id IS NOT NULL GROUP BY stored_id) p ON p.stored_id = pt.id
				WHERE s.stored_id = ANY(:moved)
				  AND coalesce(p.birth_year, pt.birth_year) > extract(YEAR FROM s.start_date)
				  AND NOT EXISTS (SELECT 1 FROM import_row r
				                  WHERE r.activity_code = s.activity_code AND lower(r.participant_ref) = lower(pt.ref))
				  AND NOT %s AND %s
				GROUP BY s.start_row, s.start_date
				ORDER BY s.start_row""".formatted(ErasedReferences.erased("pt.ref"),
				PartnerScope.keptAsStored("pt.id", "birth_year"), PartnerSheet.toldOf("s")))
			.param("moved", moved.toArray(Long[]::new))
			.param("organizations", organizations(partner))
			.query((ResultSet rs) -> {
				int people = rs.getInt(3);
				// an erased person's reference is not named: nothing links it to the old one (see ActivityDeletion)
				var refs = partner != null || rs.getArray(4) == null ? ""
						: Text.namedAmong((String[]) rs.getArray(4).getArray(), people);
				errors.add(new ImportMessage(rs.getInt(1), Columns.START_DATE,
						written.shown(Columns.START_DATE, rs.getString(2)), "It would start before "
						+ (people == 1 ? "a participant stored at it was born" : people + " of the participants stored "
								+ "at it were born") + refs));
			});
	}

}
