package org.kvali.activity;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.access.Role;
import org.kvali.access.TestCallerContext;
import org.kvali.time.Today;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An activity no one took part in can be deleted (a tester's, made under a mistyped code and emptied, stayed in every
 * list); one with participations cannot, and a partner deletes only what its organizations run.
 */
@IntegrationTest
class ActivityDeletionTest {

	private static final String CREATE = "mutation($code: ID!) { createActivity(input: {code: $code, project:"
			+ " \"CSO-CAPACITY\", kind: MEETING, title: \"Typo\", startDate: \"2025-05-05\", endDate: \"2025-05-05\"})"
			+ " { code } }";

	private static final String DELETE = "mutation($code: ID!) { deleteActivity(code: $code) }";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Callers callers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@LiquibaseDataSource
	DataSource ownerDataSource;

	@Autowired
	MockMvc mvc;

	@Autowired
	Today today;

	@AfterEach
	void clean() {
		var owner = new JdbcTemplate(this.ownerDataSource);
		owner.update("DELETE FROM participation WHERE participant_id IN (SELECT id FROM participant WHERE ref LIKE"
				+ " 'TX-DEL-%')");
		owner.update("DELETE FROM participant WHERE ref LIKE 'TX-DEL-%'");
		this.jdbc.update("DELETE FROM indicator WHERE code LIKE 'TX-DEL-%'");
		this.jdbc.update("DELETE FROM activity WHERE code LIKE 'TX-DEL-%'");
		this.jdbc.update("DELETE FROM deleted_activity WHERE code_key LIKE 'tx-del-%'");
		// the digests of the people deleted with its activities, whose references a digest does not tell
		this.jdbc.update("DELETE FROM deleted_person");
		this.callers.deleteKeys();
	}

	@Test
	void anEmptyActivityIsDeletedAndGoneFromEveryList() {
		this.graphQl.document(CREATE).variable("code", "TX-DEL-1").execute();
		var listed = "{ activities(first: 100, filter: {project: \"CSO-CAPACITY\"}) { totalCount } }";
		int before = this.graphQl.document(listed).execute().path("activities.totalCount").entity(Integer.class).get();
		this.graphQl.document(DELETE).variable("code", "TX-DEL-1").execute().path("deleteActivity")
			.entity(String.class).isEqualTo("TX-DEL-1");
		this.graphQl.document(listed).execute().path("activities.totalCount").entity(Integer.class)
			.isEqualTo(before - 1);
		this.graphQl.document("{ activity(code: \"TX-DEL-1\") { code } }").execute().errors()
			.expect(error -> error.getMessage().equals("No activity has the code 'TX-DEL-1'")).verify();
		this.graphQl.document(DELETE).variable("code", "TX-DEL-1").execute().errors()
			.expect(error -> error.getErrorType().toString().equals("NOT_FOUND")).verify();
	}

	@Test
	void anActivityWithParticipationsIsRefusedSayingHowMany() {
		int participations = this.jdbc.queryForObject("SELECT count(*) FROM participation WHERE activity_id ="
				+ " (SELECT id FROM activity WHERE code = 'TRN-2024-BAKURIANI')", Integer.class);
		this.graphQl.document(DELETE).variable("code", "TRN-2024-BAKURIANI").execute().errors()
			.expect(error -> error.getMessage().equals("code: Activity TRN-2024-BAKURIANI still has " + participations
					+ " participations: remove them (removeParticipation, or all with the activity: withParticipations:"
					+ " true) first, then the activity"))
			.verify();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM activity WHERE code = 'TRN-2024-BAKURIANI'",
				Integer.class)).isOne();
	}

	@Test
	void anActivityAnIndicatorsFilterNamesIsRefusedNamingIt() {
		this.graphQl.document(CREATE).variable("code", "TX-DEL-5").execute();
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TX-DEL-IND", programme: "EU-CSO-EQUAL", name: "At one",
				    level: OUTPUT, unit: PERCENT, method: COMPUTED, measure: PARTICIPANTS, filter: {genders: [FEMALE]},
				    denominatorFilter: {activities: ["TX-DEL-5"]}}) { code } }""")
			.execute().path("createIndicator.code").entity(String.class).isEqualTo("TX-DEL-IND");
		this.graphQl.document(DELETE).variable("code", "TX-DEL-5").execute().errors()
			.expect(error -> error.getMessage().equals("code: Activity TX-DEL-5 still has 1 indicator whose filter names"
					+ " it (TX-DEL-IND): change those indicators' filters (updateIndicator) or delete them (deleteIndicator)"
					+ " first, then the activity"))
			.verify();
		// indicators are an admin's: a partner running it is told to ask (it was told to change them itself)
		this.jdbc.update("UPDATE activity SET organizer_id = (SELECT id FROM organization WHERE code = 'CIF')"
				+ " WHERE code = 'TX-DEL-5'");
		this.callers.as(Role.PARTNER, "CIF").document(DELETE).variable("code", "TX-DEL-5").execute().errors()
			.expect(error -> error.getMessage().equals("code: Activity TX-DEL-5 still has 1 indicator whose filter names"
					+ " it (TX-DEL-IND): ask an admin to change those indicators' filters (updateIndicator) or delete them"
					+ " (deleteIndicator) first, then the activity"))
			.verify();
		this.graphQl.document("mutation { updateIndicator(code: \"TX-DEL-IND\", input: {denominatorFilter:"
				+ " {activityKinds: [TRAINING]}}) { code } }").execute().path("updateIndicator.code").entity(String.class)
			.isEqualTo("TX-DEL-IND");
		this.graphQl.document(DELETE).variable("code", "TX-DEL-5").execute().path("deleteActivity")
			.entity(String.class).isEqualTo("TX-DEL-5");
	}

	/**
	 * An activity recorded under a wrong code goes with its participations at once, an erased person's too, whom no
	 * reference names any more (a tester's stayed for good, counted in an indicator): people recorded nowhere else go,
	 * the others' own organization follows their latest remaining activity.
	 */
	@Test
	void anActivityGoesWithItsParticipationsWhenAsked() {
		var totals = "{ participation { totals { participants participations } } }";
		var before = this.graphQl.document(totals).execute().path("participation.totals").entity(Map.class).get();
		this.graphQl.document(CREATE).variable("code", "TX-DEL-6").execute();
		var owner = new JdbcTemplate(this.ownerDataSource);
		owner.update("""
				INSERT INTO participant (ref, gender, organization_id)
				SELECT ref, 'FEMALE', (SELECT id FROM organization WHERE code = 'SCCSF')
				FROM unnest(ARRAY['TX-DEL-P1', 'TX-DEL-P2', 'TX-DEL-P3']) ref""");
		owner.update("""
				INSERT INTO participation (activity_id, participant_id, organization_id)
				SELECT a.id, p.id, CASE WHEN a.code = 'TX-DEL-6' THEN p.organization_id
				                        ELSE (SELECT id FROM organization WHERE code = 'CIF') END
				FROM participant p, activity a
				WHERE p.ref LIKE 'TX-DEL-P%' AND (a.code = 'TX-DEL-6' OR a.code = 'TRN-2024-BAKURIANI' AND p.ref = 'TX-DEL-P1')""");
		long erased = owner.queryForObject("SELECT id FROM participant WHERE ref = 'TX-DEL-P3'", Long.class);
		this.graphQl.document("mutation { forgetParticipant(ref: \"TX-DEL-P3\") { participations } }").execute()
			.path("forgetParticipant.participations").entity(Integer.class).isEqualTo(1);
		this.graphQl.document(DELETE).variable("code", "TX-DEL-6").execute().errors()
			.expect(error -> error.getMessage().equals("code: Activity TX-DEL-6 still has 3 participations: remove them"
					+ " (removeParticipation, or all with the activity: withParticipations: true) first, then the"
					+ " activity"))
			.verify();

		this.graphQl.document("mutation { deleteActivity(code: \"TX-DEL-6\", withParticipations: true) }").execute()
			.path("deleteActivity").entity(String.class).isEqualTo("TX-DEL-6");
		assertThat(owner.queryForList("SELECT p.ref || ' ' || o.code FROM participant p JOIN organization o"
				+ " ON o.id = p.organization_id WHERE p.ref LIKE 'TX-DEL-%' OR p.id = " + erased, String.class))
			.containsExactly("TX-DEL-P1 CIF");
		// whose personal data went is in the audit log, as removeParticipation's entries tell one by one
		assertThat(TestCallerContext.as(Role.ADMIN, Set.of(), "test", () -> this.jdbc.queryForList(
				"SELECT subject FROM audit_event WHERE action = 'remove participations with activity'"
						+ " AND subject LIKE 'TX-DEL-6:%'", String.class)))
			.singleElement(InstanceOfAssertFactories.STRING)
			// the erased person's new reference is not named beside the activity, which the log tells of the old
			.isEqualTo("TX-DEL-6: 3 participations; people recorded nowhere else, removed: TX-DEL-P2, and 1 erased at"
					+ " their request");
		var after = this.graphQl.document(totals).execute().path("participation.totals").entity(Map.class).get();
		assertThat(after).isEqualTo(Map.of("participants", (Integer) before.get("participants") + 1,
				"participations", (Integer) before.get("participations") + 1));
	}

	/**
	 * A sheet creating again an activity deleted before is warned of it, in its dry run and its load, and stores it (it
	 * may have been deleted by mistake); sent once more it is not warned of (a tester's old sheet brought back a
	 * deleted activity and its 30 people without a word), a partner's too, not told how many participations went;
	 * one of the code in another project is another activity.
	 */
	@Test
	void aSheetRecordingADeletedActivityAgainIsWarned() throws Exception {
		var sheet = "activity_code,activity_title,activity_kind,project_code,start_date,end_date,participant_ref,"
				+ "gender,organizer_code\n"
				+ "TX-DEL-9,Hearing,meeting,CSO-CAPACITY,2025-05-10,2025-05-10,TX-DEL-Q1,female,CIF\n"
				+ "TX-DEL-9,Hearing,meeting,CSO-CAPACITY,2025-05-10,2025-05-10,TX-DEL-Q2,male,CIF\n";
		load(sheet, "false").andExpect(jsonPath("$.warnings.length()").value(0));
		this.graphQl.document("mutation { deleteActivity(code: \"TX-DEL-9\", withParticipations: true) }").execute()
			.path("deleteActivity").entity(String.class).isEqualTo("TX-DEL-9");
		var warned = "The sheet records again an activity deleted before (TX-DEL-9, deleted on " + this.today.date()
				+ " with 2 participations): leave out of the sheet what was recorded by mistake, or delete it again"
				+ " after the load (deleteActivity)";
		for (var dryRun : List.of("true", "false")) {
			load(sheet, dryRun).andExpect(jsonPath("$.created.participations").value(2))
				.andExpect(jsonPath("$.warnings.length()").value(1))
				.andExpect(jsonPath("$.warnings[0].row").value(2))
				.andExpect(jsonPath("$.warnings[0].column").value("activity_code"))
				.andExpect(jsonPath("$.warnings[0].message").value(warned));
		}
		load(sheet, "true").andExpect(jsonPath("$.unchanged.participations").value(2))
			.andExpect(jsonPath("$.warnings.length()").value(0));
		// deleted empty, it is told without participations; to a partner of the project alone
		this.graphQl.document("mutation { deleteActivity(code: \"TX-DEL-9\", withParticipations: true) }").execute();
		this.graphQl.document(CREATE).variable("code", "TX-DEL-8").execute();
		this.graphQl.document(DELETE).variable("code", "TX-DEL-8").execute().path("deleteActivity")
			.entity(String.class).isEqualTo("TX-DEL-8");
		var both = sheet + "TX-DEL-8,Second hearing,meeting,CSO-CAPACITY,2025-05-10,2025-05-10,TX-DEL-Q1,female,CIF\n";
		load(both, "true").andExpect(jsonPath("$.warnings[0].row").value(2))
			.andExpect(jsonPath("$.warnings[0].message").value("The sheet records again 2 activities deleted before"
					+ " (TX-DEL-9, deleted on " + this.today.date() + " with 2 participations, TX-DEL-8, deleted on "
					+ this.today.date() + "): leave out of the sheet what was recorded by mistake, or delete it again"
					+ " after the load (deleteActivity)"));
		// created in another project, it is another activity
		load(sheet.replace("CSO-CAPACITY", "LOCAL-BUDGET").replace("TX-DEL-9", "TX-DEL-8"), "true")
			.andExpect(jsonPath("$.warnings.length()").value(0));
		var cif = this.callers.secret(Role.PARTNER, "CIF");
		// not how many went: of another organization's activity in a project they share, that told its size
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").header("Authorization", "Bearer " + cif)
			.contentType("text/csv").content(sheet))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[0].message").value(warned.replace(" with 2 participations", "")));
	}

	private org.springframework.test.web.servlet.ResultActions load(String sheet, String dryRun) throws Exception {
		return this.mvc.perform(post("/imports/attendance").param("dryRun", dryRun).contentType("text/csv")
			.content(sheet)).andExpect(status().isOk());
	}

	/**
	 * A partner deletes an activity whose code one of a project it has no part in had (a review's: the note kept of
	 * that one, which the partner cannot see, failed its deletion).
	 */
	@Test
	void aPartnerDeletesACodeDeletedBeforeFromAnotherProject() {
		this.graphQl.document(CREATE.replace("CSO-CAPACITY", "LOCAL-BUDGET")).variable("code", "TX-DEL-5").execute();
		this.graphQl.document(DELETE).variable("code", "TX-DEL-5").execute().path("deleteActivity")
			.entity(String.class).isEqualTo("TX-DEL-5");
		var sccsf = this.callers.as(Role.PARTNER, "SCCSF");
		sccsf.document(CREATE).variable("code", "TX-DEL-5").execute().path("createActivity.code").hasValue();
		sccsf.document(DELETE).variable("code", "TX-DEL-5").execute().path("deleteActivity").entity(String.class)
			.isEqualTo("TX-DEL-5");
		assertThat(this.jdbc.queryForList("SELECT p.code FROM deleted_activity d JOIN project p ON p.id = d.project_id"
				+ " WHERE d.code_key = 'tx-del-5' ORDER BY 1", String.class)).containsExactly("CSO-CAPACITY",
						"LOCAL-BUDGET");
	}

	@Test
	void aPartnerDeletesOnlyWhatItsOrganizationsRun() {
		var cif = this.callers.as(Role.PARTNER, "CIF");
		cif.document(CREATE).variable("code", "TX-DEL-2").execute().path("createActivity.code").hasValue();
		this.callers.as(Role.PARTNER, "SCCSF").document(DELETE).variable("code", "TX-DEL-2").execute().errors()
			.expect(error -> error.getErrorType().toString().equals("FORBIDDEN")).verify();
		this.graphQl.document(CREATE).variable("code", "TX-DEL-3").execute();
		// an admin's activity without an organizer is no partner's
		cif.document(DELETE).variable("code", "TX-DEL-3").execute().errors()
			.expect(error -> error.getMessage().equals("Activity TX-DEL-3 is not run by your organization")).verify();
		cif.document(DELETE).variable("code", "TX-DEL-2").execute().path("deleteActivity").entity(String.class)
			.isEqualTo("TX-DEL-2");
		assertThat(this.jdbc.queryForList("SELECT code FROM activity WHERE code LIKE 'TX-DEL-%'", String.class))
			.containsExactly("TX-DEL-3");
	}

	/**
	 * A partner's change or deletion of an activity waits for a change of its organizer before it, and is then
	 * refused: its check that its organization runs the activity read the organizer before that change committed,
	 * so that CIF renamed, or deleted, what SCCSF had just been given.
	 */
	@Test
	void aPartnerActsOnTheOrganizerAChangeBeforeItLeft() throws Exception {
		var cif = this.callers.as(Role.PARTNER, "CIF");
		cif.document(CREATE).variable("code", "TX-DEL-4").execute().path("createActivity.code").hasValue();
		for (var document : List.of(
				"mutation($code: ID!) { updateActivity(code: $code, input: {title: \"Renamed\"}) { title } }", DELETE)) {
			try (var holder = this.ownerDataSource.getConnection()) {
				holder.setAutoCommit(false);
				try (var statement = holder.createStatement()) {
					statement.execute("SELECT version FROM data_version WHERE id = 1 FOR UPDATE");
					statement.executeUpdate("UPDATE activity SET organizer_id = (SELECT id FROM organization WHERE code = "
							+ "'SCCSF') WHERE code = 'TX-DEL-4'");
				}
				int holderPid;
				try (var statement = holder.createStatement(); var pid = statement.executeQuery("SELECT pg_backend_pid()")) {
					pid.next();
					holderPid = pid.getInt(1);
				}
				var answer = CompletableFuture.supplyAsync(
						() -> cif.document(document).variable("code", "TX-DEL-4").execute().errors().satisfy(errors -> {
							assertThat(errors).extracting(ResponseError::getMessage)
								.containsExactly("Activity TX-DEL-4 is not run by your organization");
						}));
				awaitABackendWaitingFor(holderPid);
				holder.commit();
				answer.get(30, TimeUnit.SECONDS);
			}
			assertThat(this.jdbc.queryForList("SELECT title FROM activity WHERE code = 'TX-DEL-4'", String.class))
				.containsExactly("Typo");
			this.jdbc.update("UPDATE activity SET organizer_id = (SELECT id FROM organization WHERE code = 'CIF') "
					+ "WHERE code = 'TX-DEL-4'");
		}
	}

	/** Until a session waits for a lock the holder's session ({@code pid}) holds. */
	private void awaitABackendWaitingFor(int pid) throws InterruptedException {
		// only the owner sees what other sessions wait for
		var owner = new JdbcTemplate(this.ownerDataSource);
		for (int i = 0; i < 500; i++) {
			if (owner.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))",
					Integer.class, pid) > 0) {
				return;
			}
			Thread.sleep(20);
		}
		throw new AssertionError("The partner's request never waited for the organizer's change");
	}

}
