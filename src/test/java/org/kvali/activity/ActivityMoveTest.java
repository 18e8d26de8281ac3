package org.kvali.activity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.access.Role;

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
 * An activity a sheet put in a wrong but existing project moves to the right one with its participations, which
 * then count there at once; a move that would leave it outside the new programme's dates, run by an organization
 * without a part in the project, or uncounted by an indicator naming it, is refused whole.
 */
@IntegrationTest
class ActivityMoveTest {

	// language=GraphQL
	private static final String SET_UP = """
			mutation {
			  here: createProgramme(input: {code: "TM2-PRG", name: "Moves", donors: ["EU"], publisher: "HEKS-EPER",
			      startDate: "2024-01-01", endDate: "2026-12-31"}) { code }
			  later: createProgramme(input: {code: "TM2-LATER", name: "Later", donors: ["EU"], publisher: "HEKS-EPER",
			      startDate: "2025-06-01", endDate: "2026-12-31"}) { code }
			  a: createProject(input: {code: "TM2-A", programme: "TM2-PRG", name: "A", lead: "HEKS-EPER",
			      partners: [{organization: "CIF", role: REGIONAL_PARTNER}]}) { code }
			  b: createProject(input: {code: "TM2-B", programme: "TM2-PRG", name: "B", lead: "HEKS-EPER",
			      partners: [{organization: "CIF", role: REGIONAL_PARTNER}]}) { code }
			  c: createProject(input: {code: "TM2-C", programme: "TM2-PRG", name: "C", lead: "HEKS-EPER"}) { code }
			  d: createProject(input: {code: "TM2-D", programme: "TM2-LATER", name: "D", lead: "HEKS-EPER",
			      partners: [{organization: "CIF", role: REGIONAL_PARTNER}]}) { code }
			  createActivity(input: {code: "TM2-ACT", project: "TM2-A", kind: TRAINING, title: "In the wrong project",
			      startDate: "2025-03-03", endDate: "2025-03-04", organizer: "CIF"}) { code }
			}""";

	// language=GraphQL
	private static final String MOVE = """
			mutation($input: UpdateActivityInput!) { updateActivity(code: "TM2-ACT", input: $input) {
			  project { code } organizer { code } startDate } }""";

	// language=GraphQL
	private static final String COUNTS = """
			{ a: participation(filter: {projects: ["TM2-A"]}) { totals { participants } }
			  b: participation(filter: {projects: ["TM2-B"]}) { totals { participants } }
			  later: participation(filter: {programmes: ["TM2-LATER"]}) { totals { participants } } }""";

	private static final String REMEDY = "an admin changes their filters first (updateIndicator), or, within the"
			+ " programme, makes a project's indicator the programme's for the move (updateIndicator with project: null)"
			+ " and then the new project's";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Callers callers;

	@Autowired
	MockMvc mvc;

	@Autowired
	@LiquibaseDataSource
	DataSource ownerDataSource;

	@BeforeEach
	void setUp() {
		this.graphQl.document(SET_UP).execute().path("createActivity.code").entity(String.class).isEqualTo("TM2-ACT");
		var owner = new JdbcTemplate(this.ownerDataSource);
		owner.update("""
				INSERT INTO participant (ref, gender, organization_id)
				SELECT 'TM2-P' || n, 'FEMALE', (SELECT id FROM organization WHERE code = 'CIF')
				FROM generate_series(1, 6) n""");
		owner.update("""
				INSERT INTO participation (activity_id, participant_id, organization_id)
				SELECT (SELECT id FROM activity WHERE code = 'TM2-ACT'), p.id, p.organization_id
				FROM participant p WHERE p.ref LIKE 'TM2-P%'""");
	}

	@AfterEach
	void clean() {
		var owner = new JdbcTemplate(this.ownerDataSource);
		owner.update("DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code = 'TM2-ACT')");
		owner.update("DELETE FROM participant p WHERE NOT EXISTS (SELECT 1 FROM participation pn"
				+ " WHERE pn.participant_id = p.id) AND (p.ref LIKE 'TM2-P%' OR p.ref LIKE 'forgotten-%')");
		owner.update("DELETE FROM erased_reference WHERE digest = sha256('tm2-p6')");
		this.jdbc.update("DELETE FROM indicator WHERE code LIKE 'TM2-%'");
		this.jdbc.update("DELETE FROM activity WHERE code LIKE 'TM2-%'");
		this.jdbc.update("DELETE FROM project WHERE code LIKE 'TM2-%'");
		this.jdbc.update("DELETE FROM programme WHERE code LIKE 'TM2-%'");
		this.callers.deleteKeys();
		this.jdbc.update("DELETE FROM attendance_import");
	}

	@Test
	void anActivityMovesWithItsParticipationsAndCountsThereAtOnce() {
		counts(6, 0, 0);
		this.graphQl.document(MOVE).variable("input", Map.of("project", "TM2-B")).execute()
			.path("updateActivity.project.code").entity(String.class).isEqualTo("TM2-B");
		counts(0, 6, 0);

		// to another programme, which begins later: its start moves with it, or the move is refused
		// told as the move's problem, which is what was sent
		refused(Map.of("project", "TM2-D"), "input.project: Its start (2025-03-03) falls before its programme"
				+ " TM2-LATER starts (2025-06-01): its indicators would count none of its participations; an admin may"
				+ " move the programme's dates; give a new startDate with the move");
		// the value told is the project sent, not the day
		this.graphQl.document(MOVE).variable("input", Map.of("project", "TM2-D")).execute().errors()
			.expect(error -> "TM2-D".equals(error.getExtensions().get("value"))).verify();
		this.graphQl.document(MOVE)
			.variable("input", Map.of("project", "TM2-D", "startDate", "2025-07-01", "endDate", "2025-07-02"))
			.execute()
			.path("updateActivity.project.code").entity(String.class).isEqualTo("TM2-D")
			.path("updateActivity.startDate").entity(String.class).isEqualTo("2025-07-01");
		counts(0, 0, 6);

		// its organizer must have a part in the project it goes to, or another be named with the move
		refused(Map.of("project", "TM2-C"), "input.project: Organization CIF, which runs the activity, neither leads"
				+ " project TM2-C nor is a partner of it: add it to the project's partners first (updateProject), or"
				+ " name another organizer with the move");
		this.graphQl.document(MOVE).variable("input", Map.of("project", "TM2-C", "organizer", "HEKS-EPER")).execute()
			.path("updateActivity.project.code").entity(String.class).isEqualTo("TM2-C")
			.path("updateActivity.organizer.code").entity(String.class).isEqualTo("HEKS-EPER");
		counts(0, 0, 0);
	}

	@Test
	void anIndicatorNamingItHoldsItWithinWhatItCounts() {
		// language=GraphQL
		this.graphQl.document("""
				mutation { own: createIndicator(input: {code: "TM2-OWN", programme: "TM2-PRG", project: "TM2-A",
				    name: "At it", level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS,
				    filter: {activities: ["TM2-ACT"]}}) { code }
				  wide: createIndicator(input: {code: "TM2-WIDE", programme: "TM2-PRG", name: "At it, programme",
				    level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS,
				    filter: {activities: ["TM2-ACT"]}}) { code }
				  narrow: createIndicator(input: {code: "TM2-NARROW", programme: "TM2-PRG", name: "At it, in A",
				    level: OUTPUT, unit: PERCENT, method: COMPUTED, measure: PARTICIPANTS, filter: {genders: [FEMALE]},
				    denominatorFilter: {projects: ["TM2-A"], activities: ["TM2-ACT"]}}) { code }
				  share: createIndicator(input: {code: "TM2-SHARE", programme: "TM2-PRG", name: "Its share of A",
				    level: OUTPUT, unit: PERCENT, method: COMPUTED, measure: PARTICIPANTS, filter: {activities: ["TM2-ACT"]},
				    denominatorFilter: {projects: ["TM2-A"]}}) { code } }""")
			.execute().path("share.code").entity(String.class).isEqualTo("TM2-SHARE");
		// the programme's own indicator naming its old project too would count nothing of it (a reviewer's), nor
		// would a share of it within its old project (a tester's)
		refused(Map.of("project", "TM2-B", "title", "Renamed"), "input.project: 3 indicators count the activity by"
				+ " name (TM2-NARROW, TM2-OWN, TM2-SHARE) and would count nothing of it after the move, their own project"
				+ " or programme, or the projects or programmes their filter names, being others: " + REMEDY);
		this.graphQl.document("mutation { deleteIndicator(code: \"TM2-SHARE\") }").execute().path("deleteIndicator")
			.entity(String.class).isEqualTo("TM2-SHARE");
		assertThat(this.jdbc.queryForObject("""
				SELECT p.code || ' ' || a.title FROM activity a JOIN project p ON p.id = a.project_id
				WHERE a.code = 'TM2-ACT'""", String.class)).isEqualTo("TM2-A In the wrong project");
		counts(6, 0, 0);
		// the programme's own indicator counts it in any of its projects: the project's goes with it so, in three
		// steps; out of the programme, neither counts it
		this.graphQl.document("mutation { updateIndicator(code: \"TM2-OWN\", input: {project: \"TM2-B\"}) { code } }")
			.execute().errors()
			.expect(error -> error.getMessage().equals("input.project: The indicator counts project TM2-B's"
					+ " activities alone; these are none of them (as its stored filter.activities stands: give a new filter"
					+ " with the project)"))
			.verify();
		this.graphQl.document("mutation { updateIndicator(code: \"TM2-OWN\", input: {project: null}) { code }"
				+ " narrow: updateIndicator(code: \"TM2-NARROW\", input: {denominatorFilter: {activities: [\"TM2-ACT\"]}})"
				+ " { code } }")
			.execute().path("narrow.code").entity(String.class).isEqualTo("TM2-NARROW");
		this.graphQl.document(MOVE).variable("input", Map.of("project", "TM2-B")).execute()
			.path("updateActivity.project.code").entity(String.class).isEqualTo("TM2-B");
		this.graphQl.document("mutation { updateIndicator(code: \"TM2-OWN\", input: {project: \"TM2-B\"}) {"
				+ " project { code } } }").execute()
			.path("updateIndicator.project.code").entity(String.class).isEqualTo("TM2-B");
		counts(0, 6, 0);
		refused(Map.of("project", "TM2-D", "startDate", "2025-07-01", "endDate", "2025-07-02"),
				"input.project: 3 indicators count the activity by name (TM2-NARROW, TM2-OWN, TM2-WIDE) and would"
						+ " count nothing of it after the move, their own project or programme, or the projects or"
						+ " programmes their filter names, being others: " + REMEDY);
	}

	@Test
	void aPartnerMovesItsActivityBetweenItsProjectsAlone() throws Exception {
		var partner = this.callers.as(Role.PARTNER, "CIF");
		partner.document(MOVE).variable("input", Map.of("project", "TM2-C")).execute().errors()
			.expect(error -> error.getErrorType().toString().equals("FORBIDDEN")
					&& error.getMessage().equals("Project TM2-C is not one of your organizations' projects"))
			.verify();
		partner.document(MOVE).variable("input", Map.of("project", "tm2-b")).execute().errors()
			.expect(error -> error.getErrorType().toString().equals("BAD_REQUEST")
					&& error.getMessage().equals("input.project: No project has the code 'tm2-b'; it is written TM2-B"))
			.verify();
		var cleared = new HashMap<String, Object>();
		cleared.put("project", null);
		partner.document(MOVE).variable("input", cleared).execute().errors()
			.expect(error -> error.getMessage().equals("input.project: May not be cleared; leave it out to keep it as"
					+ " it is"))
			.verify();
		counts(6, 0, 0);
		partner.document(MOVE).variable("input", Map.of("project", "TM2-B")).execute()
			.path("updateActivity.project.code").entity(String.class).isEqualTo("TM2-B");
		counts(0, 6, 0);

		// a sheet naming the project it left is told where it is now, and how to move it
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
			.content("activity_code,project_code,participant_ref,gender\nTM2-ACT,TM2-A,TM2-P1,female\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message").value("Activity TM2-ACT belongs to project TM2-B: write that;"
					+ " if it is wrong, the activity is moved first (updateActivity with project)"));
		// once for all its rows, as each gives the same (a tester's sheet had the error on each of its rows), beside
		// a code of no project, once too
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
			.content("activity_code,activity_title,activity_kind,start_date,end_date,project_code,participant_ref,gender\n"
					+ "TM2-ACT,,,,,TM2-A,TM2-P1,female\nTM2-ACT,,,,,TM2-A,TM2-P2,female\nTM2-ACT,,,,,TM2-A,TM2-P3,female\n"
					+ "TM2-NEW,New,workshop,2024-05-01,2024-05-01,TM2-X,TM2-P1,female\n"
					+ "TM2-NEW,New,workshop,2024-05-01,2024-05-01,TM2-X,TM2-P2,female\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].message").value("Activity TM2-ACT belongs to project TM2-B: write that;"
					+ " if it is wrong, the activity is moved first (updateActivity with project) (in 3 rows, the first"
					+ " shown)"))
			.andExpect(jsonPath("$.errors[1].row").value(5))
			.andExpect(jsonPath("$.errors[1].value").value("TM2-X"))
			.andExpect(jsonPath("$.errors[1].message").value("No project has this code (in 2 rows, the first shown)"));
		// a first row naming the right project and the rest the old one: each error once (a tester's had the rows'
		// disagreement on each), the disagreement at the first row of each value; the code in other letters is told
		// how to write, not to move the activity
		var disagreement = "Activity TM2-ACT's rows give project_code TM2-B (row 2), TM2-A (2 rows, the first row 3)"
				+ " and tm2-b (row 5); all its rows must agree";
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
			.content("activity_code,project_code,participant_ref,gender\nTM2-ACT,TM2-B,TM2-P1,female\n"
					+ "TM2-ACT,TM2-A,TM2-P2,female\nTM2-ACT,TM2-A,TM2-P3,female\nTM2-ACT,tm2-b,TM2-P4,female\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].row").value(org.hamcrest.Matchers.contains(2, 3, 3, 5, 5)))
			.andExpect(jsonPath("$.errors[*].message").value(org.hamcrest.Matchers.contains(disagreement, "Activity"
					+ " TM2-ACT belongs to project TM2-B: write that; if it is wrong, the activity is moved first"
					+ " (updateActivity with project) (in 2 rows, the first shown)", disagreement, "No project has this"
					+ " code; it is written TM2-B", disagreement)));
	}

	/**
	 * An erasure keeps the projects of the person's activities, and nothing links it to the record it left: moved, an
	 * activity of an erased person would make a partner's sheet tell which reference was erased.
	 */
	@Test
	void anActivityOfAnErasedPersonStaysInItsProject() {
		this.graphQl.document("mutation { forgetParticipant(ref: \"TM2-P6\") { participations } }").execute()
			.path("forgetParticipant.participations").entity(Integer.class).isEqualTo(1);
		refused(Map.of("project", "TM2-B"), "input.project: 1 person who took part in it was erased at their request:"
				+ " what a partner's sheet is told of an erased reference rests on the projects of that person's"
				+ " activities as they were, and a move would make the answer tell which reference was erased; the"
				+ " activity stays in its project");
		counts(6, 0, 0);
	}

	/** A code written in another case, or a place's name, is named as stored, whatever it names. */
	@Test
	void codesInAnotherCaseAreNamedAsStored() {
		// language=GraphQL
		this.graphQl.document("""
				mutation { createActivity(input: {code: "TM2-NEW", project: "tm2-a", kind: MEETING, title: "x",
				    startDate: "2025-03-03", endDate: "2025-03-03", venue: "ge-kk-marneuli"}) { code } }""")
			.execute().errors()
			.satisfy(errors -> assertThat(errors).extracting(ResponseError::getMessage).containsExactly(
					"input.project: No project has the code 'tm2-a'; it is written TM2-A",
					"input.venue: No municipality has the code 'ge-kk-marneuli'; it is written GE-KK-MARNEULI"));
		// a move to one is refused as an argument, as a new activity's project is
		this.graphQl.document("mutation { updateActivity(code: \"TM2-ACT\", input: {project: \"tm2-a\"}) { code } }")
			.execute().errors()
			.satisfy(errors -> assertThat(errors).extracting(error -> error.getErrorType() + " " + error.getMessage())
				.containsExactly("BAD_REQUEST input.project: No project has the code 'tm2-a'; it is written TM2-A"));
		this.graphQl.document("{ region(code: \"ge-kk\") { code } }").execute().errors()
			.satisfy(errors -> assertThat(errors).extracting(ResponseError::getMessage)
				.containsExactly("No region has the code 'ge-kk'; it is written GE-KK"));
		// a name, in English or Georgian, as sheets take it ("Marneuli Municipality" too, and with spaces around it:
		// it was told to write 'Marneuli', then refused again), is told the code of that name (it was told "it is
		// written GE-KK-MARNEULI", as for another case: a review's); a code with spaces around it is told to write it
		// without
		for (var venue : List.of("marneuli", " Marneuli ", "Marneuli Municipality", "მარნეულის მუნიციპალიტეტი",
				" GE-KK-MARNEULI")) {
			this.graphQl.document("""
					mutation { createActivity(input: {code: "TM2-NEW", project: "TM2-A", kind: MEETING, title: "x",
					    startDate: "2025-03-03", endDate: "2025-03-03", venue: "%s"}) { code } }""".formatted(venue))
				.execute().errors()
				.satisfy(errors -> assertThat(errors).extracting(ResponseError::getMessage).containsExactly(
						"input.venue: No municipality has the code '" + venue + "'" + (venue.startsWith(" GE")
								? "; it has spaces or invisible characters around it: write 'GE-KK-MARNEULI'"
								: "; the municipality it names has the code GE-KK-MARNEULI")));
		}
		for (var region : List.of("ქვემო ქართლი", "Kvemo Kartli ", "Kvemo-Kartli region", "ქვემო ქართლის მხარე",
				" GE-KK", "GE-KK\u200b", "ge kk", "ge_kk", "Lower Kartli")) {
			this.graphQl.document("{ region(code: \"" + region + "\") { code } }").execute().errors()
				.satisfy(errors -> assertThat(errors).extracting(ResponseError::getMessage)
					.containsExactly("No region has the code '" + region + "'" + (region.contains("GE")
							? "; it has spaces or invisible characters around it: write 'GE-KK'"
							: region.contains("kk") ? "; it is written GE-KK"
									: "; the region it names has the code GE-KK")));
		}
		// Adjara by its other spellings and as an autonomous republic (a tester's "Ajara" was not read)
		for (var region : List.of("Ajara", "Autonomous Republic of Adjara", "აჭარის ავტონომიური რესპუბლიკა")) {
			this.graphQl.document("{ region(code: \"" + region + "\") { code } }").execute().errors()
				.satisfy(errors -> assertThat(errors).extracting(ResponseError::getMessage).containsExactly(
						"No region has the code '" + region + "'; the region it names has the code GE-AJ"));
		}
		// a region's name or code where a municipality is meant is told to be a region's, and the other way round (a
		// sheet says so: a tester's); a municipality's name with the word for region names neither; spaces around what
		// is no code are not told to be left out (" Springfield" was told to write 'Springfield': a tester's)
		for (var municipality : List.of("Kvemo Kartli", "GE-KK", "Marneuli region", "Springfield ")) {
			this.graphQl.document("{ municipality(code: \"" + municipality + "\") { code } }").execute().errors()
				.satisfy(errors -> assertThat(errors).extracting(ResponseError::getMessage)
					.containsExactly("No municipality has the code '" + municipality + "'"
							+ (municipality.contains("K") ? "; Kvemo Kartli (GE-KK) is a region: give a municipality"
									: "")));
		}
		this.graphQl.document("{ region(code: \"Marneuli\") { code } }").execute().errors()
			.satisfy(errors -> assertThat(errors).extracting(ResponseError::getMessage).containsExactly(
					"No region has the code 'Marneuli'; Marneuli (GE-KK-MARNEULI) is a municipality of the region"
							+ " Kvemo Kartli (GE-KK): give a region"));
		this.graphQl.document("""
				mutation { createActivity(input: {code: "TM2-NEW", project: "TM2-A", kind: MEETING, title: "x",
				    startDate: "2025-03-03", endDate: "2025-03-03", venue: "GE-KK"}) { code } }""")
			.execute().errors()
			.satisfy(errors -> assertThat(errors).extracting(ResponseError::getMessage).containsExactly(
					"input.venue: No municipality has the code 'GE-KK'; Kvemo Kartli (GE-KK) is a region: give a"
							+ " municipality"));
		this.graphQl.document("""
				mutation { createActivity(input: {code: "TM2-NEW", project: "TM2-A", kind: MEETING, title: "x",
				    startDate: "2025-03-03", endDate: "2025-03-03", venue: "Springfield "}) { code } }""")
			.execute().errors()
			.satisfy(errors -> assertThat(errors).extracting(ResponseError::getMessage).containsExactly(
					"input.venue: No municipality has the code 'Springfield '"));
		// a name a letter off is offered the municipality nearest, as a sheet offers it (a tester's)
		this.graphQl.document("""
				mutation { createActivity(input: {code: "TM2-NEW", project: "TM2-A", kind: MEETING, title: "x",
				    startDate: "2025-03-03", endDate: "2025-03-03", venue: "Rustavy"}) { code } }""")
			.execute().errors()
			.satisfy(errors -> assertThat(errors).extracting(ResponseError::getMessage).containsExactly(
					"input.venue: No municipality has the code 'Rustavy'; did you mean Rustavi (GE-KK-RUSTAVI)?"));
	}

	private void counts(int a, int b, int later) {
		var response = this.graphQl.document(COUNTS).execute();
		response.path("a.totals.participants").entity(Integer.class).isEqualTo(a);
		response.path("b.totals.participants").entity(Integer.class).isEqualTo(b);
		response.path("later.totals.participants").entity(Integer.class).isEqualTo(later);
	}

	private void refused(Map<String, Object> input, String message) {
		this.graphQl.document(MOVE).variable("input", input).execute().errors()
			.expect(error -> error.getErrorType().toString().equals("BAD_REQUEST") && error.getMessage().equals(message))
			.verify();
	}

}
