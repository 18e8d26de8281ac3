package org.kvali.access;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * To a partner, an activity of a project its organizations have no part in is none, in a participation filter as in
 * {@code activity(code)}, unless a breakdown by activity would show it: a filter naming another partner's one-person
 * activity was answered (suppressed), and in another case named its spelling, where an unknown code was refused.
 */
@IntegrationTest
class HiddenActivityCodesTest {

	private static final String TOTALS = "query($code: ID!) { participation(filter: {activities: [$code]}) {"
			+ " totals { participants suppressed } } }";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Callers callers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@LiquibaseDataSource
	DataSource ownerDataSource;

	@BeforeEach
	void setUp() {
		// language=GraphQL
		this.graphQl.document("""
				mutation { createProgramme(input: {code: "HA-PRG", name: "Hidden", donors: ["EU"], publisher: "HEKS-EPER",
				    startDate: "2025-01-01", endDate: "2025-12-31"}) { code }
				  createProject(input: {code: "HA-X", programme: "HA-PRG", name: "SCCSF's alone", lead: "HEKS-EPER",
				    partners: [{organization: "SCCSF", role: REGIONAL_PARTNER}]}) { code }
				  createActivity(input: {code: "HA-TINY", project: "HA-X", kind: MEETING, title: "One person",
				    startDate: "2025-11-05", endDate: "2025-11-05", organizer: "SCCSF"}) { code } }""")
			.execute().path("createActivity.code").entity(String.class).isEqualTo("HA-TINY");
		var owner = new JdbcTemplate(this.ownerDataSource);
		owner.update("INSERT INTO participant (ref, gender) VALUES ('HA-1', 'FEMALE')");
		owner.update("""
				INSERT INTO participation (activity_id, participant_id)
				SELECT (SELECT id FROM activity WHERE code = 'HA-TINY'), id FROM participant WHERE ref = 'HA-1'""");
	}

	@AfterEach
	void clean() {
		var owner = new JdbcTemplate(this.ownerDataSource);
		owner.update("DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code LIKE 'HA-%')");
		owner.update("DELETE FROM participant WHERE ref LIKE 'HA-%'");
		this.jdbc.update("DELETE FROM activity WHERE code LIKE 'HA-%'");
		this.jdbc.update("DELETE FROM project WHERE code LIKE 'HA-%'");
		this.jdbc.update("DELETE FROM programme WHERE code LIKE 'HA-%'");
		this.callers.deleteKeys();
	}

	@Test
	void anotherPartnersSmallActivityIsNoneToAPartner() {
		var cif = this.callers.as(Role.PARTNER, "CIF");
		for (var code : List.of("HA-TINY", "ha-tiny", "HA-NONE")) {
			cif.document(TOTALS).variable("code", code).execute().errors()
				.expect(error -> error.getErrorType().toString().equals("BAD_REQUEST")
						&& error.getMessage().equals("No activity has the code '" + code + "'"))
				.verify();
		}
		// the partner running it sees it in full, and is told its spelling
		this.callers.as(Role.PARTNER, "SCCSF").document(TOTALS).variable("code", "HA-TINY").execute()
			.path("participation.totals.suppressed").entity(Boolean.class).isEqualTo(false)
			.path("participation.totals.participants").entity(Integer.class).isEqualTo(1);
		this.callers.as(Role.PARTNER, "SCCSF").document(TOTALS).variable("code", "ha-tiny").execute().errors()
			.expect(error -> error.getMessage().equals("No activity has the code 'ha-tiny'; it is written HA-TINY"))
			.verify();
	}

	/** One a breakdown by activity would show to a donor, 5 people or more, is named to another partner too. */
	@Test
	void anotherPartnersActivityOfFivePeopleIsCountedForAPartnerAsForADonor() {
		var owner = new JdbcTemplate(this.ownerDataSource);
		owner.update("INSERT INTO participant (ref, gender) SELECT 'HA-' || n, 'MALE' FROM generate_series(2, 5) n");
		owner.update("""
				INSERT INTO participation (activity_id, participant_id)
				SELECT (SELECT id FROM activity WHERE code = 'HA-TINY'), id FROM participant
				WHERE ref IN ('HA-2', 'HA-3', 'HA-4', 'HA-5')""");
		var donor = this.callers.as(Role.DONOR);
		for (var caller : List.of(this.callers.as(Role.PARTNER, "CIF"), donor)) {
			caller.document(TOTALS).variable("code", "HA-TINY").execute()
				.path("participation.totals.suppressed").entity(Boolean.class).isEqualTo(false)
				.path("participation.totals.participants").entity(Integer.class).isEqualTo(5);
			// its one woman is withheld, as anything small beyond the partner's own activities
			caller.document(TOTALS.replace("activities: [$code]", "activities: [$code], genders: [FEMALE]"))
				.variable("code", "HA-TINY").execute()
				.path("participation.totals.suppressed").entity(Boolean.class).isEqualTo(true)
				.path("participation.totals.participants").valueIsNull();
		}
	}

	/** A code taken in another case is refused, naming the spelling stored only to a partner who may list it. */
	@Test
	void aCodeTakenByAnotherPartnersActivityIsRefusedWithoutItsSpelling() {
		// language=GraphQL
		var create = """
				mutation($project: ID!, $organizer: ID!) {
				  createActivity(input: {code: "ha-tiny", project: $project, kind: MEETING, title: "Again",
				    startDate: "2025-11-06", endDate: "2025-11-06", organizer: $organizer}) { code } }""";
		var taken = "An activity with the code 'ha-tiny' exists already (";
		var rule = "codes that differ only in case are one code)";
		this.callers.as(Role.PARTNER, "CIF").document(create).variable("project", "CSO-CAPACITY")
			.variable("organizer", "CIF").execute().errors()
			.expect(error -> error.getErrorType().toString().equals("CONFLICT")
					&& error.getMessage().equals(taken + rule))
			.verify();
		this.callers.as(Role.PARTNER, "SCCSF").document(create).variable("project", "HA-X")
			.variable("organizer", "SCCSF").execute().errors()
			.expect(error -> error.getErrorType().toString().equals("CONFLICT")
					&& error.getMessage().equals(taken + "written HA-TINY; " + rule))
			.verify();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM activity WHERE lower(code) = 'ha-tiny'",
				Integer.class)).isOne();
	}

}
