package org.kvali.participant;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.access.Role;
import org.kvali.access.TestCallerContext;
import org.kvali.report.Gender;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A partner corrects its own participants, those recorded at activities its organizations run and at no others, as
 * an admin corrects anyone: a tester's partner could not mend a gender it had mistyped. CIF's workshop PC-WS holds
 * PC-1 and PC-2, SCCSF's PC-SJ holds PC-2 and PC-3.
 */
@IntegrationTest
class PartnerCorrectionTest {

	private static final String DETAILS = "SELECT gender || ' ' || birth_year || ' ' || coalesce(disability::text, '-')"
			+ " || ' ' || array_to_string(admin_corrected, ',') FROM participant WHERE ref = ?";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Callers callers;

	@Autowired
	ParticipantEditor editor;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeEach
	void workshops() {
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date, organizer_id)
				SELECT v.code, p.id, 'WORKSHOP', 'Corrections', DATE '2025-05-05', DATE '2025-05-05', o.id
				FROM (VALUES ('PC-WS', 'CIF'), ('PC-SJ', 'SCCSF')) v (code, organizer), project p, organization o
				WHERE p.code = 'CSO-CAPACITY' AND o.code = v.organizer""");
		this.jdbc.update("""
				INSERT INTO participant (ref, gender, birth_year)
				VALUES ('PC-1', 'FEMALE', 1990), ('PC-2', 'MALE', 1985), ('PC-3', 'FEMALE', 1970)""");
		this.jdbc.update("""
				INSERT INTO participation (activity_id, participant_id)
				SELECT a.id, p.id FROM activity a, participant p
				WHERE a.code = 'PC-WS' AND p.ref IN ('PC-1', 'PC-2')
				   OR a.code = 'PC-SJ' AND p.ref IN ('PC-2', 'PC-3')""");
	}

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM participation"
				+ " WHERE activity_id IN (SELECT id FROM activity WHERE code LIKE 'PC-%')");
		this.jdbc.update("DELETE FROM participant WHERE ref LIKE 'PC-%'");
		this.jdbc.update("DELETE FROM activity WHERE code LIKE 'PC-%'");
		this.jdbc.update("DELETE FROM organization_alias WHERE code LIKE 'PC-%'");
		this.jdbc.update("DELETE FROM organization WHERE code LIKE 'PC-%'");
		this.callers.deleteKeys();
	}

	@Test
	void aPartnerCorrectsItsOwnParticipant() {
		var cif = this.callers.as(Role.PARTNER, "CIF");
		cif.document("mutation { correctParticipant(ref: \"pc-1\", input: {gender: MALE, birthYear: 1991,"
				+ " disability: true}) { ref gender birthYear disability participations } }")
			.execute()
			.path("correctParticipant.ref").entity(String.class).isEqualTo("PC-1")
			.path("correctParticipant.gender").entity(String.class).isEqualTo("MALE")
			.path("correctParticipant.birthYear").entity(Integer.class).isEqualTo(1991)
			.path("correctParticipant.disability").entity(Boolean.class).isEqualTo(true)
			.path("correctParticipant.participations").entity(Integer.class).isEqualTo(1);
		assertThat(this.jdbc.queryForObject(DETAILS, String.class, "PC-1")).isEqualTo("MALE 1991 true ");
		// in the partner's figures at once
		cif.document("{ participation(filter: {activities: [\"PC-WS\"]}) { breakdown(by: [GENDER]) { gender"
				+ " participants } } }")
			.execute()
			.path("participation.breakdown[*].gender").entityList(String.class).containsExactly("MALE")
			.path("participation.breakdown[0].participants").entity(Integer.class).isEqualTo(2);
		// its own checks, as an admin's: a birth year after its activity names it
		cif.document("mutation { correctParticipant(ref: \"PC-1\", input: {birthYear: 2026}) { gender } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST && error.getMessage()
				.equals("input.birthYear: Born after activity PC-WS starts (2025-05-05), in which they took part"))
			.verify();
		assertThat(this.jdbc.queryForObject(DETAILS, String.class, "PC-1")).isEqualTo("MALE 1991 true ");
	}

	/**
	 * Another's participant is not found, as a reference stored nowhere: the same answer, and nothing changed. One at
	 * its own activity too is told why it is not corrected: told that they were not found, a partner found them in its
	 * attendance (a tester's).
	 */
	@Test
	void aPartnerDoesNotFindAnothersParticipant() {
		var cif = this.callers.as(Role.PARTNER, "CIF");
		cif.document("mutation { correctParticipant(ref: \"pc-2\", input: {gender: OTHER}) { gender } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.FORBIDDEN && error.getMessage().equals("Participant pc-2"
					+ " also took part in activities your organizations do not run: their details stay as recorded"
					+ " there, and only an admin corrects them"))
			.verify();
		for (var ref : List.of("PC-3", "PC-NOBODY")) {
			cif.document("mutation { correctParticipant(ref: \"" + ref + "\", input: {gender: OTHER}) { gender } }")
				.execute()
				.errors()
				.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND
						&& error.getMessage().equals("No participant has the reference '" + ref + "'"))
				.verify();
		}
		assertThat(this.jdbc.queryForList("SELECT gender FROM participant WHERE ref LIKE 'PC-%' ORDER BY ref",
				String.class))
			.containsExactly("FEMALE", "MALE", "FEMALE");
		// SCCSF's partner finds PC-3, its own alone
		this.callers.as(Role.PARTNER, "SCCSF")
			.document("mutation { correctParticipant(ref: \"PC-3\", input: {birthYear: 1971}) { birthYear } }")
			.execute()
			.path("correctParticipant.birthYear").entity(Integer.class).isEqualTo(1971);
	}

	/**
	 * What an admin corrected only an admin changes, as the partner's sheets keep it: the partner is told which, and
	 * nothing of its correction is stored; it changes the other details.
	 */
	@Test
	void aPartnerDoesNotChangeWhatAnAdminCorrected() {
		this.graphQl.document("mutation { correctParticipant(ref: \"PC-1\", input: {birthYear: 1989, gender: MALE})"
				+ " { birthYear } }")
			.execute()
			.path("correctParticipant.birthYear").entity(Integer.class).isEqualTo(1989);
		assertThat(this.jdbc.queryForObject(DETAILS, String.class, "PC-1")).isEqualTo("MALE 1989 - birth_year,gender");
		var cif = this.callers.as(Role.PARTNER, "CIF");
		cif.document("mutation { correctParticipant(ref: \"PC-1\", input: {birthYear: 1988, gender: OTHER,"
				+ " disability: true}) { birthYear } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST && error.getMessage()
				.equals("input.gender: An admin corrected their gender; only an admin changes it"))
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST && error.getMessage()
				.equals("input.birthYear: An admin corrected their birth year; only an admin changes it"))
			.verify();
		assertThat(this.jdbc.queryForObject(DETAILS, String.class, "PC-1")).isEqualTo("MALE 1989 - birth_year,gender");
		// the values an admin gave, given again, change nothing and pass
		cif.document("mutation { correctParticipant(ref: \"PC-1\", input: {birthYear: 1989, gender: MALE,"
				+ " disability: true}) { disability } }")
			.execute()
			.path("correctParticipant.disability").entity(Boolean.class).isEqualTo(true);
		assertThat(this.jdbc.queryForObject(DETAILS, String.class, "PC-1"))
			.isEqualTo("MALE 1989 true birth_year,gender");
	}

	/**
	 * A partner names as its participant's organization one it lists alone, others as unknown ones (a tester's named
	 * another partner's organization, then read its name, kind and place in its list, and took it back).
	 */
	@Test
	void aPartnerNamesAsItsParticipantsOrganizationOneItListsAlone() {
		this.jdbc.update("INSERT INTO organization (code, name, kind) VALUES ('PC-HIDDEN', 'Hidden', 'CSO')");
		var cif = this.callers.as(Role.PARTNER, "CIF");
		this.jdbc.update("""
				INSERT INTO organization_alias (code, organization_id)
				SELECT v.alias, o.id FROM (VALUES ('PC-OLD', 'SCCSF'), ('PC-GONE', 'PC-HIDDEN')) v (alias, code)
				JOIN organization o ON o.code = v.code""");
		for (var code : List.of("PC-HIDDEN", "pc-hidden", "PC-NOBODY", "PC-GONE")) {
			cif.document("mutation { correctParticipant(ref: \"PC-1\", input: {organization: \"" + code + "\"})"
					+ " { organization } }")
				.execute()
				.errors()
				.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
						&& error.getMessage().equals("input.organization: No organization has the code '" + code + "'"))
				.verify();
		}
		// of one it lists, told the spelling, as its list's queries are; a merge into one it lists but not its own is
		// not told: the code merged may be of one it never listed (a tester's donor learnt of a hidden organization)
		for (var code : List.of("sccsf", "PC-OLD")) {
			cif.document("mutation { correctParticipant(ref: \"PC-1\", input: {organization: \"" + code + "\"})"
					+ " { organization } }")
				.execute()
				.errors()
				.expect(error -> error.getMessage().equals("input.organization: No organization has the code '" + code
						+ "'" + (code.equals("sccsf") ? "; it is written SCCSF" : "")))
				.verify();
		}
		cif.document("mutation { correctParticipant(ref: \"PC-1\", input: {organization: \"SCCSF\"})"
				+ " { organization } }")
			.execute()
			.path("correctParticipant.organization").entity(String.class).isEqualTo("SCCSF");
		assertThat(this.jdbc.queryForObject("""
				SELECT o.code FROM participation pn JOIN participant p ON p.id = pn.participant_id
				JOIN organization o ON o.id = pn.organization_id WHERE p.ref = 'PC-1'""", String.class))
			.isEqualTo("SCCSF");
		// to an admin any, told in another case
		this.graphQl.document("mutation { correctParticipant(ref: \"PC-1\", input: {organization: \"pc-hidden\"})"
				+ " { organization } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.organization: No organization has the code 'pc-hidden';"
					+ " it is written PC-HIDDEN"))
			.verify();
	}

	/**
	 * An admin's correction of a home municipality is refused to the partner too; someone at no activity is no one's.
	 */
	@Test
	void aHomeAnAdminCorrectedAndSomeoneRecordedNowhere() {
		this.graphQl.document("mutation { correctParticipant(ref: \"PC-1\","
				+ " input: {homeMunicipality: \"GE-KK-RUSTAVI\"}) { homeMunicipality } }")
			.execute()
			.path("correctParticipant.homeMunicipality").entity(String.class).isEqualTo("GE-KK-RUSTAVI");
		var cif = this.callers.as(Role.PARTNER, "CIF");
		cif.document("mutation { correctParticipant(ref: \"PC-1\", input: {homeMunicipality: \"GE-KK-BOLNISI\"})"
				+ " { homeMunicipality } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.homeMunicipality: An admin corrected their home"
					+ " municipality; only an admin changes it"))
			.verify();
		this.jdbc.update("INSERT INTO participant (ref, gender) VALUES ('PC-4', 'MALE')");
		cif.document("mutation { correctParticipant(ref: \"PC-4\", input: {gender: FEMALE}) { gender } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND
					&& error.getMessage().equals("No participant has the reference 'PC-4'"))
			.verify();
		assertThat(this.jdbc.queryForList("SELECT coalesce(home_municipality_code, '-') || ' ' || gender"
				+ " FROM participant WHERE ref IN ('PC-1', 'PC-4') ORDER BY ref", String.class))
			.containsExactly("GE-KK-RUSTAVI FEMALE", "- MALE");
	}

	/**
	 * Someone erased is nobody's to a partner, as its attendance shows no one erased: a tester's partner corrected and
	 * removed one by the new reference an admin's attendance showed.
	 */
	@Test
	void aPartnerNeitherCorrectsNorRemovesSomeoneErased() {
		this.graphQl.document("mutation { forgetParticipant(ref: \"PC-1\") { participations } }").execute()
			.path("forgetParticipant.participations").entity(Integer.class).isEqualTo(1);
		var erased = this.jdbc.queryForObject("""
				SELECT p.ref FROM participant p JOIN participation pn ON pn.participant_id = p.id
				JOIN activity a ON a.id = pn.activity_id WHERE a.code = 'PC-WS' AND p.ref NOT LIKE 'PC-%'""",
				String.class);
		try {
			var cif = this.callers.as(Role.PARTNER, "CIF");
			cif.document("mutation { correctParticipant(ref: \"" + erased + "\", input: {gender: OTHER}) { gender } }")
				.execute()
				.errors()
				.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND
						&& error.getMessage().equals("No participant has the reference '" + erased + "'"))
				.verify();
			cif.document("mutation { removeParticipation(activity: \"PC-WS\", ref: \"" + erased + "\") { code } }")
				.execute()
				.errors()
				.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND && error.getMessage()
					.equals("Participant " + erased + " is not recorded at activity PC-WS"))
				.verify();
			assertThat(this.jdbc.queryForObject("SELECT gender || ' ' || (SELECT count(*) FROM participation pn"
					+ " WHERE pn.participant_id = p.id) FROM participant p WHERE ref = ?", String.class, erased))
				.isEqualTo("FEMALE 1");
		}
		finally {
			this.jdbc.update("DELETE FROM participation WHERE participant_id = (SELECT id FROM participant"
					+ " WHERE ref = ?)", erased);
			this.jdbc.update("DELETE FROM participant WHERE ref = ?", erased);
			this.jdbc.update("DELETE FROM erased_reference WHERE digest = sha256(convert_to('pc-1', 'UTF8'))");
		}
	}


	/**
	 * The person a partner corrects is named to PostgreSQL only while they are written: a statement later in the same
	 * transaction may not change their gender (changeset 070), as it may no one else's.
	 */
	@Test
	void aCorrectionNamesTheirPersonOnlyWhileWritingThem() {
		var cif = this.jdbc.queryForObject("SELECT id FROM organization WHERE code = 'CIF'", Long.class);
		var later = TestCallerContext.as(Role.PARTNER, Set.of(cif), "partner of CIF",
				() -> new TransactionTemplate(this.transactions).execute(status -> {
					status.setRollbackOnly();
					var corrected = this.editor.correct("PC-1", new ParticipantEditor.Correction(
							ArgumentValue.ofNullable(Gender.MALE), ArgumentValue.omitted(), ArgumentValue.omitted(),
							ArgumentValue.omitted(), ArgumentValue.omitted()));
					assertThat(corrected.gender()).isEqualTo("MALE");
					assertThat(this.jdbc.queryForObject("SELECT current_setting('kvali.correcting', true)",
							String.class)).isEmpty();
					return catchThrowable(() -> this.jdbc.update(
							"UPDATE participant SET gender = 'OTHER' WHERE ref = 'PC-1'"));
				}));
		assertThat(later).rootCause()
			.hasMessageContaining("A partner does not change the reference or gender of participant PC-1");
		assertThat(this.jdbc.queryForObject(DETAILS, String.class, "PC-1")).isEqualTo("FEMALE 1990 - ");
	}

}
