package org.kvali.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Codes and references of a sheet written in another case than a stored one's or another row's. */
@Repository
class CodeCaseChecks {

	private final JdbcClient jdbc;

	CodeCaseChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * New activities and organizations whose code differs only in case from a stored one, or from another new one of
	 * the sheet: codes are unique ignoring case (changeset 032), as they name one thing however they are written.
	 */
	void check(List<ImportMessage> errors, PartnerSheet partner) {
		this.jdbc.sql("""
				SELECT a.first_row, a.activity_code, coalesce(x.code, a.first_code),
				       CASE WHEN x.id IS NULL
				            THEN (SELECT f.first_row FROM import_activity f WHERE f.activity_code = a.first_code) END,
				       x.id IS NOT NULL AND CAST(:organizations AS bigint[]) IS NOT NULL
				           AND (x.organizer_id IS NULL OR x.organizer_id <> ALL(CAST(:organizations AS bigint[])))
				FROM (SELECT activity_code, first_row, stored_id,
				             min(activity_code COLLATE "C") OVER (PARTITION BY lower(activity_code)) COLLATE "default" AS first_code
				      FROM import_activity) a
				LEFT JOIN activity x ON lower(x.code) = lower(a.activity_code)
				WHERE a.stored_id IS NULL AND (x.id IS NOT NULL OR a.first_code <> a.activity_code)
				ORDER BY a.first_row""")
			.param("organizations", PartnerSheet.organizationIds(partner))
			.query((ResultSet rs) -> {
				// another's activity: written as stored, the sheet was refused as naming it (a tester's went round)
				errors.add(rs.getBoolean(5) ? new ImportMessage(rs.getInt(1), Columns.ACTIVITY_CODE, rs.getString(2),
						"Activity " + rs.getString(2) + ": the code is an activity's that your organizations do not"
								+ " run, written in another case (codes are one whatever their case); give yours"
								+ " another code")
						: inAnotherCase(rs, Columns.ACTIVITY_CODE, "Activity "));
			});
		this.jdbc.sql("""
				WITH g AS (SELECT organization_code AS code, first_row FROM import_organization)
				SELECT c.first_row, c.code, coalesce(x.code, c.first_code),
				       CASE WHEN x.id IS NULL THEN (SELECT f.first_row FROM g f WHERE f.code = c.first_code) END
				FROM (SELECT code, first_row, min(code COLLATE "C") OVER (PARTITION BY lower(code)) COLLATE "default" AS first_code
				      FROM g) c
				LEFT JOIN organization x ON lower(x.code) = lower(c.code)
				WHERE NOT EXISTS (SELECT 1 FROM organization e WHERE e.code = c.code)
				  AND (x.id IS NOT NULL OR c.first_code <> c.code)
				ORDER BY c.first_row""")
			.query((ResultSet rs) -> {
				errors.add(inAnotherCase(rs, Columns.ORGANIZATION_CODE, "Organization "));
			});
		// A person is matched in any case; only a new one's spelling is compared with the sheet's other new ones, and
		// only when the new ones are written in both cases: the statement took 0.22 s of a 7 s load into 10 million
		// grouping every new person by reference; for 200,000 people written in one case, 79 to 81 ms in psql
		// instead of 141 to 151 ms. Another organization's person, who never took part in an activity the partner's
		// organizations run, is refused as another's alone (such a row always is): the stored reference, kept in the
		// history, was taken out once they were erased, and told the partner of it (a review's). Of its own
		// participants, in other projects too, the partner is told as an admin is. An erased person, new again, is
		// not compared: refused as erased, or as another's in the words of before ({@link StagingChecks}), a partner
		// was told the other spelling of another's erased person alone, and so of the erasure (a tester's).
		this.jdbc.sql("""
				SELECT first_row, participant_ref, stored_ref, NULL FROM import_person
				WHERE stored_id IS NOT NULL AND stored_ref <> participant_ref
				  AND (CAST(:organizations AS bigint[]) IS NULL OR NOT %s)
				UNION ALL
				SELECT p.first_row, p.participant_ref, c.first_ref,
				       (SELECT f.first_row FROM import_person f WHERE f.participant_ref = c.first_ref)
				FROM (SELECT lower(participant_ref) AS ref, min(participant_ref COLLATE "C") COLLATE "default" AS first_ref
				      FROM import_person WHERE stored_id IS NULL GROUP BY lower(participant_ref) HAVING count(*) > 1) c
				JOIN import_person p ON lower(p.participant_ref) = c.ref AND p.participant_ref <> c.first_ref
				WHERE NOT EXISTS (SELECT 1 FROM erased_reference e
				                  WHERE e.digest = sha256(convert_to(c.ref, 'UTF8')))
				  AND EXISTS (SELECT 1 FROM import_person
				              WHERE stored_id IS NULL AND participant_ref <> upper(participant_ref))
				  AND EXISTS (SELECT 1 FROM import_person
				              WHERE stored_id IS NULL AND participant_ref <> lower(participant_ref))
				ORDER BY 1""".formatted(PartnerSheet.notOwnParticipant("stored_id")))
			.param("organizations", PartnerSheet.organizationIds(partner))
			.query((ResultSet rs) -> {
				errors.add(inAnotherCase(rs, Columns.PARTICIPANT_REF, "Participant "));
			});
	}

	/**
	 * A code or reference written as another stored, or as another of the sheet's new ones, which its row names (the
	 * message had read as if that were stored).
	 */
	private static ImportMessage inAnotherCase(ResultSet rs, String column, String what) throws SQLException {
		var other = rs.getString(3) + (rs.getObject(4) == null ? "" : " of row " + rs.getInt(4));
		return new ImportMessage(rs.getInt(1), column, rs.getString(2), what + rs.getString(2) + " is " + other
				+ " written in another case; write it as " + rs.getString(3));
	}

}
