package org.kvali.access;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What each role may change: ADMIN all, a PARTNER only in its organizations' projects, DONOR and ANALYST nothing.
 * The demo's CIF partners both demo projects; the disability network partners none.
 */
@IntegrationTest
class RoleDecisionsTest {

	private static final String ACTIVITY = """
			{"query":"mutation { createActivity(input: {code: \\"RD-ACT\\", project: \\"CSO-CAPACITY\\", kind: MEETING, title: \\"Planning\\", startDate: \\"2025-02-03\\", endDate: \\"2025-02-03\\"}) { code } }"}""";

	private static final String SHEET = """
			activity_code,activity_title,activity_kind,project_code,start_date,end_date,participant_ref,gender
			RD-WS,Workshop,workshop,CSO-CAPACITY,2025-03-01,2025-03-01,RD-1,female
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApiKeyService keys;

	String donor;

	String analyst;

	String cif;

	String outsider;

	@BeforeEach
	void keys() {
		this.donor = this.keys.create("rd donor", Role.DONOR, List.of(), false, "test").secret();
		this.analyst = this.keys.create("rd analyst", Role.ANALYST, List.of(), false, "test").secret();
		this.cif = this.keys.create("rd cif", Role.PARTNER, List.of("CIF"), false, "test").secret();
		this.outsider = this.keys.create("rd outsider", Role.PARTNER, List.of("CSO-KK-DISABILITY"), false, "test")
			.secret();
	}

	/** RD-PROJ, a project led by CSO-KK-DISABILITY, in which CIF has no part. */
	private void networkProject() {
		this.jdbc.update("""
				INSERT INTO project (code, programme_id, name, lead_organization_id)
				SELECT 'RD-PROJ', p.id, 'The network''s own project', o.id
				FROM programme p, organization o WHERE p.code = 'EU-CSO-EQUAL' AND o.code = 'CSO-KK-DISABILITY'""");
	}

	/** RD-OPEN, CIF's project of a programme without dates, which holds an activity of any year. */
	private void openProject() {
		this.jdbc.update("INSERT INTO programme (code, name) VALUES ('RD-OPEN', 'A programme without dates')");
		this.jdbc.update("""
				INSERT INTO project (code, programme_id, name, lead_organization_id)
				SELECT 'RD-OPEN', p.id, 'x', o.id FROM programme p, organization o WHERE p.code = 'RD-OPEN' AND o.code = 'CIF'""");
	}

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code LIKE 'RD-%')");
		this.jdbc.update("DELETE FROM participant WHERE ref LIKE 'RD-%'");
		this.jdbc.update("DELETE FROM activity WHERE code LIKE 'RD-%'");
		this.jdbc.update("DELETE FROM project WHERE code IN ('RD-OPEN', 'RD-ELSE')");
		this.jdbc.update("DELETE FROM programme WHERE code = 'RD-OPEN'");
		this.jdbc.update("DELETE FROM attendance_import");
		this.jdbc.update("DELETE FROM api_key WHERE name LIKE 'rd %'");
	}

	@Test
	void donorsAndAnalystsChangeNothing() throws Exception {
		for (var key : List.of(this.donor, this.analyst)) {
			for (var mutation : List.of(ACTIVITY,
					"{\"query\":\"mutation { createProgramme(input: {code: \\\"RD-P\\\", name: \\\"x\\\"}) { code } }\"}",
					"{\"query\":\"{ imports { totalCount } }\"}", "{\"query\":\"{ import(id: \\\"NOPE\\\") { id } }\"}")) {
				graphQl(key, mutation).andExpect(jsonPath("$.data.*").value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.nullValue())))
					.andExpect(jsonPath("$.errors[0].extensions.classification").value("FORBIDDEN"));
			}
			sheet(key).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.errors[0].message").value("Your role may not use /imports/attendance"));
		}
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM activity WHERE code LIKE 'RD-%'", Integer.class))
			.isZero();
	}

	@Test
	void aPartnerChangesTheProjectsOfItsOrganizationsOnly() throws Exception {
		graphQl(this.outsider, ACTIVITY).andExpect(jsonPath("$.errors[0].message")
			.value("Project CSO-CAPACITY is not one of your organizations' projects"));
		sheet(this.outsider).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("project_code"))
			.andExpect(jsonPath("$.errors[0].message").value("Project CSO-CAPACITY is not one of your organizations' projects"));
		graphQl(this.cif, ACTIVITY).andExpect(jsonPath("$.data.createActivity.code").value("RD-ACT"));
		// run by CIF, though it named no organizer, so CIF may change it
		graphQl(this.cif, "{\"query\":\"mutation { updateActivity(code: \\\"RD-ACT\\\", input: {title: \\\"Planning day\\\"})"
				+ " { title organizer { code } } }\"}")
			.andExpect(jsonPath("$.data.updateActivity.title").value("Planning day"))
			.andExpect(jsonPath("$.data.updateActivity.organizer.code").value("CIF"));
		// a field given as null is cleared where it may be empty (it was kept without a word), refused where not;
		// CIF may not leave its own activity without an organizer
		var fields = " { venue { code } venueName topics titleKa title organizer { code } } }\"}";
		graphQl(this.cif, "{\"query\":\"mutation { updateActivity(code: \\\"RD-ACT\\\", input: {venue: \\\"GE-KK-MARNEULI\\\","
				+ " venueName: \\\"Youth centre\\\", topics: [\\\"budget\\\"], titleKa: \\\"დაგეგმვა\\\"})" + fields)
			.andExpect(jsonPath("$.data.updateActivity.venue.code").value("GE-KK-MARNEULI"))
			.andExpect(jsonPath("$.data.updateActivity.topics[0]").value("budget"));
		graphQl(this.cif, "{\"query\":\"mutation { updateActivity(code: \\\"RD-ACT\\\", input: {venue: null, venueName: null,"
				+ " topics: null, titleKa: null})" + fields)
			.andExpect(jsonPath("$.data.updateActivity.venue").isEmpty())
			.andExpect(jsonPath("$.data.updateActivity.venueName").isEmpty())
			.andExpect(jsonPath("$.data.updateActivity.titleKa").isEmpty())
			.andExpect(jsonPath("$.data.updateActivity.topics").isEmpty())
			.andExpect(jsonPath("$.data.updateActivity.title").value("Planning day"))
			.andExpect(jsonPath("$.data.updateActivity.organizer.code").value("CIF"));
		graphQl(this.cif, "{\"query\":\"mutation { updateActivity(code: \\\"RD-ACT\\\", input: {title: null, startDate: null,"
				+ " organizer: null, venueName: \\\" \\\"})" + fields)
			.andExpect(jsonPath("$.data.updateActivity").value(org.hamcrest.Matchers.nullValue()))
			.andExpect(jsonPath("$.errors[*].message").value(org.hamcrest.Matchers.containsInAnyOrder(
					"input.title: May not be cleared; leave it out to keep it as it is",
					"input.startDate: May not be cleared; leave it out to keep it as it is",
					"input.organizer: Your organization runs the activity; an admin may leave it without an organizer,"
							+ " or you may name another of yours",
					"input.venueName: May not be blank; give null for none")));
		sheet(this.cif).andExpect(status().isOk()).andExpect(jsonPath("$.created.participations").value(1));
		// to a partner outside its project, CIF's activity is unknown, as activity(code) says: not a project it may
		// not list named
		for (var change : List.of("updateActivity(code: \\\"RD-ACT\\\", input: {title: \\\"x\\\"}) { code }",
				"deleteActivity(code: \\\"RD-ACT\\\")")) {
			graphQl(this.outsider, "{\"query\":\"mutation { " + change + " }\"}")
				.andExpect(jsonPath("$.errors[0].message").value("No activity has the code 'RD-ACT'"))
				.andExpect(jsonPath("$.errors[0].extensions.classification").value("NOT_FOUND"));
		}
		graphQl(this.cif, "{\"query\":\"mutation { createProgramme(input: {code: \\\"RD-P\\\", name: \\\"x\\\"}) { code } }\"}")
			.andExpect(jsonPath("$.errors[0].message").value("This needs the role ADMIN; the caller has PARTNER: ask an"
					+ " admin of the service to do it"));
		// each partner reads back its own imports only; the admin reads all
		graphQl(this.cif, "{\"query\":\"{ imports { totalCount edges { node { importedBy status } } } }\"}")
			.andExpect(jsonPath("$.data.imports.totalCount").value(1))
			.andExpect(jsonPath("$.data.imports.edges[0].node.importedBy").value(org.hamcrest.Matchers.matchesPattern(
					"key:rd cif#[0-9a-f-]{36}")));
		graphQl(this.outsider, "{\"query\":\"{ imports { totalCount } }\"}")
			.andExpect(jsonPath("$.data.imports.totalCount").value(1));
		graphQl(null, "{\"query\":\"{ imports { totalCount } }\"}").andExpect(jsonPath("$.data.imports.totalCount").value(2));
	}

	@Test
	void aPartnerChangesOnlyActivitiesItsOrganizationsRunAndNamesNoOtherOrganizer() throws Exception {
		var sccsf = this.keys.create("rd sccsf", Role.PARTNER, List.of("SCCSF"), false, "test").secret();
		var takeOver = "{\"query\":\"mutation { updateActivity(code: \\\"CMP-2024-GARDABANI\\\", input: {organizer: \\\"SCCSF\\\"}) { code } }\"}";
		graphQl(sccsf, takeOver).andExpect(jsonPath("$.errors[0].extensions.classification").value("FORBIDDEN"))
			.andExpect(jsonPath("$.errors[0].message").value("Activity CMP-2024-GARDABANI is not run by your organization"));
		var giveAway = "{\"query\":\"mutation { updateActivity(code: \\\"CMP-2024-GARDABANI\\\", input: {organizer: \\\"SCCSF\\\"}) { code } }\"}";
		graphQl(this.cif, giveAway).andExpect(jsonPath("$.errors[0].message")
			.value("Organization SCCSF is not one of yours; only an admin may make it an activity's organizer"));
		graphQl(this.cif, ACTIVITY.replace("endDate: \\\"2025-02-03\\\"}", "endDate: \\\"2025-02-03\\\", organizer: \\\"SCCSF\\\"}"))
			.andExpect(jsonPath("$.errors[0].extensions.classification").value("FORBIDDEN"));
		// a code stored or not, in its case or another, has one answer: its own organization's alone is spelt out
		for (var code : List.of("sccsf", "NO-SUCH-ORG")) {
			graphQl(this.cif, giveAway.replace("SCCSF", code)).andExpect(jsonPath("$.errors[0].message")
				.value("Organization " + code + " is not one of yours; only an admin may make it an activity's organizer"));
		}
		graphQl(this.cif, giveAway.replace("SCCSF", "cif")).andExpect(jsonPath("$.errors[0].message")
			.value("input.organizer: Your organization's code is written CIF"));
		// with spaces around it, it is not another's (a tester's)
		graphQl(this.cif, giveAway.replace("SCCSF", "CIF ")).andExpect(jsonPath("$.errors[0].message")
			.value("input.organizer: Your organization's code has spaces or invisible characters around it here:"
					+ " write CIF"));
		// a code merged into its own is told so, as a sheet's organizer_code is; one merged into another's is not
		this.jdbc.update("""
				INSERT INTO organization_alias (code, organization_id)
				SELECT v.alias, o.id FROM (VALUES ('RD-CIF-OLD', 'CIF'), ('RD-SCCSF-OLD', 'SCCSF')) v (alias, code)
				JOIN organization o ON o.code = v.code""");
		try {
			graphQl(this.cif, giveAway.replace("SCCSF", "RD-CIF-OLD")).andExpect(jsonPath("$.errors[0].message")
				.value("input.organizer: Organization RD-CIF-OLD was merged into CIF: write CIF"));
			graphQl(this.cif, giveAway.replace("SCCSF", "RD-SCCSF-OLD")).andExpect(jsonPath("$.errors[0].message")
				.value("Organization RD-SCCSF-OLD is not one of yours; only an admin may make it an activity's"
						+ " organizer"));
			// an admin is told where it went, as of a project's lead (a tester's was told only that none had it)
			graphQl(null, giveAway.replace("SCCSF", "RD-SCCSF-OLD")).andExpect(jsonPath("$.errors[0].message")
				.value("input.organizer: No organization has the code 'RD-SCCSF-OLD'; it was merged into SCCSF: give"
						+ " that code"));
		}
		finally {
			this.jdbc.update("DELETE FROM organization_alias WHERE code LIKE 'RD-%'");
		}
		graphQl(this.cif, "{\"query\":\"mutation { updateActivity(code: \\\"CMP-2024-GARDABANI\\\", input: {}) { code organizer { code } } }\"}")
			.andExpect(jsonPath("$.data.updateActivity.organizer.code").value("CIF"));
		assertThat(this.jdbc.queryForObject("""
				SELECT o.code FROM activity a JOIN organization o ON o.id = a.organizer_id WHERE a.code = 'CMP-2024-GARDABANI'""",
				String.class)).isEqualTo("CIF");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM activity WHERE code = 'RD-ACT'", Integer.class)).isZero();
	}

	@Test
	void aPartnersSheetNamesNoOneOtherOrganizationsRecordedAndNoActivityTheyRun() throws Exception {
		networkProject();
		var stored = this.jdbc.queryForObject("SELECT birth_year FROM participant WHERE ref = 'P0001'", Integer.class);
		var other = this.jdbc.queryForObject("SELECT CASE gender WHEN 'MALE' THEN 'female' ELSE 'male' END FROM participant"
				+ " WHERE ref = 'P0001'", String.class);
		var sheet = """
				activity_code,activity_title,activity_kind,project_code,start_date,end_date,participant_ref,gender,birth_year
				RD-NET,Network meeting,meeting,RD-PROJ,2025-03-02,2025-03-02,P0001,%s,%d
				RD-NET,Network meeting,meeting,RD-PROJ,2025-03-02,2025-03-02,RD-9,female,1990
				""".formatted(other, stored == null ? 1980 : stored + 1);
		try {
			this.mvc.perform(post("/imports/attendance").header("Authorization", "Bearer " + this.outsider)
				.contentType("text/csv")
				.content(sheet))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors.length()").value(1))
				// nothing else of them: not even that their gender differs, which trying each would tell anyone's
				.andExpect(jsonPath("$.errors[0].message")
					.value("Participant P0001 also took part in projects your organizations have no part in; ask an "
							+ "admin to add them"));
			assertThat(this.jdbc.queryForObject("SELECT birth_year FROM participant WHERE ref = 'P0001'", Integer.class))
				.isEqualTo(stored);
			// the partner's new activity is its own; another partner may neither load into it nor change it
			this.mvc.perform(post("/imports/attendance").header("Authorization", "Bearer " + this.outsider)
				.contentType("text/csv")
				.content(sheet.lines().filter(line -> !line.contains("P0001")).collect(java.util.stream.Collectors.joining("\n"))))
				.andExpect(status().isOk());
			// a person of its own is the partner's to name, and a gender other than theirs is refused, naming theirs,
			// which its attendance shows and its correction may have set
			this.mvc.perform(post("/imports/attendance").param("dryRun", "true")
				.header("Authorization", "Bearer " + this.outsider)
				.contentType("text/csv")
				.content("""
						activity_code,project_code,participant_ref,gender
						RD-NET,RD-PROJ,RD-9,male
						"""))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors.length()").value(1))
				.andExpect(jsonPath("$.errors[0].message")
					.value("Participant RD-9 is stored as female; gender is not corrected by a sheet"
							+ " (correctParticipant corrects it)"));
			assertThat(this.jdbc.queryForObject("""
					SELECT o.code FROM activity a JOIN organization o ON o.id = a.organizer_id WHERE a.code = 'RD-NET'""",
					String.class)).isEqualTo("CSO-KK-DISABILITY");
			// to CIF, outside its project, unknown
			graphQl(this.cif, "{\"query\":\"mutation { updateActivity(code: \\\"RD-NET\\\", input: {organizer: \\\"CIF\\\"}) { code } }\"}")
				.andExpect(jsonPath("$.errors[0].extensions.classification").value("NOT_FOUND"));
			// an activity of a project it has no part in, named under its own project and ending before it starts:
			// not run by it, and nothing of its project or its dates, which activity(code) would not tell either
			this.mvc.perform(post("/imports/attendance").param("dryRun", "true")
				.header("Authorization", "Bearer " + this.outsider)
				.contentType("text/csv")
				.content("""
						activity_code,project_code,end_date,participant_ref,gender
						WS-2025-MARNEULI,RD-PROJ,2020-01-01,RD-10,male
						"""))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors.length()").value(1))
				.andExpect(jsonPath("$.errors[0].message").value("Activity WS-2025-MARNEULI is not run by your "
						+ "organization; ask an admin to add these participants"));
		}
		finally {
			this.jdbc.update("DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code = 'RD-NET')");
			this.jdbc.update("DELETE FROM activity WHERE code = 'RD-NET'");
			this.jdbc.update("DELETE FROM project WHERE code = 'RD-PROJ'");
		}
	}

	/**
	 * P0028 took part only in SCCSF's activities of projects CIF has a part in: CIF may not name them (its full
	 * aggregates of its own activity would show what SCCSF recorded of them), whatever its sheet gives. One of CIF's
	 * own participants who also took part in a municipality's budget hearing may be named, but the sheet's details of
	 * them are neither compared nor stored: before, a dry run's count of updated people (or a refused gender) told CIF
	 * whether such a person had a disability, tried both ways.
	 */
	@Test
	void aPartnersSheetNeitherComparesNorStoresTheDetailsOfPeopleOthersHosted() throws Exception {
		assertThat(this.jdbc.queryForList("""
				SELECT DISTINCT o.code FROM participation pn JOIN participant p ON p.id = pn.participant_id
				JOIN activity a ON a.id = pn.activity_id JOIN organization o ON o.id = a.organizer_id WHERE p.ref = 'P0028'""",
				String.class)).containsExactly("SCCSF");
		for (var gender : List.of("female", "male")) {
			this.mvc.perform(post("/imports/attendance").param("dryRun", "true")
				.header("Authorization", "Bearer " + this.cif)
				.contentType("text/csv")
				.content("activity_code,project_code,participant_ref,gender\nWS-2025-MARNEULI,CSO-CAPACITY,P0028," + gender
						+ "\n"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors.length()").value(1))
				.andExpect(jsonPath("$.errors[0].message").value("Participant P0028 took part in no activity your "
						+ "organizations run; ask an admin to add them"));
		}
		var person = this.jdbc.queryForObject("""
				SELECT p.ref FROM participant p
				WHERE EXISTS (SELECT 1 FROM participation pn JOIN activity a ON a.id = pn.activity_id
				              JOIN organization o ON o.id = a.organizer_id WHERE pn.participant_id = p.id AND o.code = 'CIF')
				  AND EXISTS (SELECT 1 FROM participation pn JOIN activity a ON a.id = pn.activity_id
				              JOIN organization o ON o.id = a.organizer_id WHERE pn.participant_id = p.id AND o.code LIKE 'MUN-%')
				  AND NOT EXISTS (SELECT 1 FROM participation pn JOIN activity a ON a.id = pn.activity_id
				                  WHERE pn.participant_id = p.id AND a.code = 'WS-2025-MARNEULI')
				ORDER BY p.ref LIMIT 1""", String.class);
		var stored = this.jdbc.queryForMap("SELECT lower(gender) AS gender, birth_year, disability FROM participant "
				+ "WHERE ref = ?", person);
		var reports = new java.util.ArrayList<String>();
		for (var gender : List.of("female", "male")) {
			for (var disability : List.of("yes", "no")) {
				var body = this.mvc.perform(post("/imports/attendance").param("dryRun", "true")
					.header("Authorization", "Bearer " + this.cif)
					.contentType("text/csv")
					.content("activity_code,project_code,participant_ref,gender,birth_year,disability\n"
							+ "WS-2025-MARNEULI,CSO-CAPACITY," + person + "," + gender + ",1931," + disability + "\n"))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString();
				reports.add(JsonPath.read(body, "$.updated").toString() + JsonPath.read(body, "$.created").toString()
						+ JsonPath.read(body, "$.warnings").toString());
			}
		}
		assertThat(reports).hasSize(4).containsOnly(reports.get(0));
		assertThat(reports.get(0)).contains("participants=0").contains("Participant " + person + " also took part in other "
				+ "organizations' activities: their gender, birth year, disability and home municipality stay as stored, "
				+ "neither compared with this sheet's nor changed by them; their own organization is that of their latest "
				+ "activity");
		// nor is their stored birth year: a new activity in 1905 refused or not would tell it (an admin's is checked)
		openProject();
		var old = "activity_code,activity_title,activity_kind,project_code,start_date,end_date,participant_ref,gender,"
				+ "birth_year\nRD-1905,Old,meeting,RD-OPEN,1905-01-01,1905-01-01," + person + "," + stored.get("gender")
				+ ",";
		for (var year : List.of("", "2020")) {
			this.mvc.perform(post("/imports/attendance").param("dryRun", "true").header("Authorization", "Bearer " + this.cif)
				.contentType("text/csv")
				.content(old + year + "\n"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("VALIDATED"));
		}
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv").content(old + "\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message").value("Participant " + person + " was born, as another row or the stored "
					+ "data says, after activity RD-1905 starts (1905-01-01)"));
		this.mvc.perform(post("/imports/attendance").header("Authorization", "Bearer " + this.cif)
			.contentType("text/csv")
			.content("activity_code,project_code,participant_ref,gender,birth_year\nWS-2025-MARNEULI,CSO-CAPACITY," + person + ","
					+ ("female".equals(stored.get("gender")) ? "male" : "female") + ",1931\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created.participations").value(1));
		try {
			assertThat(this.jdbc.queryForMap("SELECT lower(gender) AS gender, birth_year, disability FROM participant "
					+ "WHERE ref = ?", person)).isEqualTo(stored);
		}
		finally {
			this.jdbc.update("""
					DELETE FROM participation WHERE participant_id = (SELECT id FROM participant WHERE ref = ?)
					AND activity_id = (SELECT id FROM activity WHERE code = 'WS-2025-MARNEULI')""", person);
		}
	}

	/**
	 * A stored person with no participation is nobody's participant: CIF may not name them, and its refused sheet
	 * tells nothing of what is stored of them. Before, the refusal came with a second error for another gender, or a
	 * birth year after the activity's start, so that tries told CIF both.
	 */
	@Test
	void aPartnerIsToldNothingOfAStoredPersonWithoutParticipations() throws Exception {
		this.jdbc.update("INSERT INTO participant (ref, gender, birth_year) VALUES ('RD-NONE', 'FEMALE', 1980)");
		openProject();
		try {
			for (var gender : List.of("female", "male")) {
				for (var start : List.of("1979-01-01", "1980-01-01")) {
					this.mvc.perform(post("/imports/attendance").param("dryRun", "true")
						.header("Authorization", "Bearer " + this.cif)
						.contentType("text/csv")
						.content("activity_code,activity_title,activity_kind,project_code,start_date,end_date,"
								+ "participant_ref,gender\nRD-EARLY,Early,meeting,RD-OPEN," + start + "," + start
								+ ",RD-NONE," + gender + "\n"))
						.andExpect(status().isUnprocessableContent())
						.andExpect(jsonPath("$.errors.length()").value(1))
						.andExpect(jsonPath("$.errors[0].message").value("Participant RD-NONE took part in no activity"
								+ " your organizations run; ask an admin to add them"));
				}
			}
		}
		finally {
			this.jdbc.update("DELETE FROM participant WHERE ref = 'RD-NONE'");
		}
	}

	/**
	 * Once one of CIF's people is recorded in a project CIF has no part in (by an admin: SCCSF may not name CIF's
	 * participant), CIF may no longer add them to an activity, but its own sheet, sent again as it was, still passes:
	 * its rows are stored already. SCCSF's own sheet naming them is refused.
	 */
	@Test
	void aPartnersSheetSentAgainPassesThoughAnotherNamedItsPeopleElsewhere() throws Exception {
		this.jdbc.update("""
				INSERT INTO project (code, programme_id, name, lead_organization_id)
				SELECT 'RD-SJ', p.id, 'SCCSF''s own project', o.id
				FROM programme p, organization o WHERE p.code = 'EU-CSO-EQUAL' AND o.code = 'SCCSF'""");
		var sccsf = this.keys.create("rd sccsf", Role.PARTNER, List.of("SCCSF"), false, "test").secret();
		var header = "activity_code,activity_title,activity_kind,project_code,start_date,end_date,participant_ref,gender\n";
		var cifSheet = header + "RD-CIF,Workshop,workshop,CSO-CAPACITY,2025-03-01,2025-03-01,RD-51,female\n";
		try {
			load(this.cif, cifSheet).andExpect(status().isOk()).andExpect(jsonPath("$.created.participations").value(1));
			var sccsfSheet = header + "RD-SCCSF,Meeting,meeting,RD-SJ,2025-03-05,2025-03-05,RD-51,female\n";
			load(sccsf, sccsfSheet).andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].message").value("Participant RD-51 took part in no activity your "
						+ "organizations run; ask an admin to add them"));
			this.mvc.perform(post("/imports/attendance").contentType("text/csv").content(sccsfSheet))
				.andExpect(status().isOk());
			load(this.cif, cifSheet).andExpect(status().isOk())
				.andExpect(jsonPath("$.unchanged.participations").value(1))
				.andExpect(jsonPath("$.errors").isEmpty())
				.andExpect(jsonPath("$.warnings[0].message").value("Participant RD-51 also took part in other "
						+ "organizations' activities: their gender, birth year, disability and home municipality stay "
						+ "as stored, neither compared with this sheet's nor changed by them; their own organization is "
						+ "that of their latest activity"));
			load(this.cif, cifSheet + "RD-CIF2,Workshop,workshop,CSO-CAPACITY,2025-04-01,2025-04-01,RD-51,female\n")
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors.length()").value(1))
				.andExpect(jsonPath("$.errors[0].row").value(3))
				.andExpect(jsonPath("$.errors[0].message").value("Participant RD-51 also took part in projects your "
						+ "organizations have no part in; ask an admin to add them"))
				.andExpect(jsonPath("$.warnings").isEmpty());
		}
		finally {
			this.jdbc.update("DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code LIKE 'RD-%')");
			this.jdbc.update("DELETE FROM activity WHERE code LIKE 'RD-%'");
			this.jdbc.update("DELETE FROM project WHERE code = 'RD-SJ'");
		}
	}

	private ResultActions load(String key, String sheet) throws Exception {
		return this.mvc.perform(post("/imports/attendance").header("Authorization", "Bearer " + key)
			.contentType("text/csv")
			.content(sheet));
	}

	/**
	 * A partner acting for two organizations, one with a part in a project and one without: what it creates there
	 * without naming an organizer, by mutation or by sheet, is run by the one with a part in it, whichever comes first.
	 */
	@Test
	void aPartnersNewActivityIsRunByItsOrganizationInTheProject() throws Exception {
		networkProject();
		var both = this.keys.create("rd both", Role.PARTNER, List.of("CIF", "CSO-KK-DISABILITY"), false, "test").secret();
		try {
			graphQl(both, ACTIVITY.replace("CSO-CAPACITY", "RD-PROJ"))
				.andExpect(jsonPath("$.data.createActivity.code").value("RD-ACT"));
			graphQl(both, ACTIVITY.replace("RD-ACT", "RD-ACT2"))
				.andExpect(jsonPath("$.data.createActivity.code").value("RD-ACT2"));
			this.mvc.perform(post("/imports/attendance").header("Authorization", "Bearer " + both)
				.contentType("text/csv")
				.content("""
						activity_code,activity_title,activity_kind,project_code,start_date,end_date,participant_ref,gender
						RD-NET,Network meeting,meeting,RD-PROJ,2025-03-02,2025-03-02,RD-9,female
						RD-CAP,Capacity meeting,meeting,CSO-CAPACITY,2025-03-02,2025-03-02,RD-9,female
						"""))
				.andExpect(status().isOk());
			assertThat(this.jdbc.queryForList("""
					SELECT a.code || ' ' || o.code FROM activity a JOIN organization o ON o.id = a.organizer_id
					WHERE a.code LIKE 'RD-%' ORDER BY a.code""", String.class))
				.containsExactly("RD-ACT CSO-KK-DISABILITY", "RD-ACT2 CIF", "RD-CAP CIF", "RD-NET CSO-KK-DISABILITY");
			// where both take part, neither is chosen: the one of smaller id had been, whichever ran it
			this.jdbc.update("""
					INSERT INTO project_partner (project_id, organization_id, role)
					SELECT p.id, o.id, 'REGIONAL_PARTNER' FROM project p, organization o
					WHERE p.code = 'RD-PROJ' AND o.code = 'CIF'""");
			graphQl(both, ACTIVITY.replace("CSO-CAPACITY", "RD-PROJ").replace("RD-ACT", "RD-ACT3"))
				.andExpect(jsonPath("$.errors[0].message").value("Your organizations CIF, CSO-KK-DISABILITY all take"
						+ " part in project RD-PROJ: name the one that runs the activity"))
				.andExpect(jsonPath("$.errors[0].extensions.argument").value("input.organizer"));
			this.mvc.perform(post("/imports/attendance").param("dryRun", "true")
				.header("Authorization", "Bearer " + both)
				.contentType("text/csv")
				.content("activity_code,activity_title,activity_kind,project_code,start_date,end_date,participant_ref,"
						+ "gender\nRD-NET2,Network meeting,meeting,RD-PROJ,2025-03-09,2025-03-09,RD-9,female\n"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors.length()").value(1))
				.andExpect(jsonPath("$.errors[0].message").value("Activity RD-NET2 is new, and your organizations CIF,"
						+ " CSO-KK-DISABILITY all take part in project RD-PROJ: name the one that runs it in an"
						+ " organizer_code column"));
		}
		finally {
			this.jdbc.update("DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code LIKE 'RD-%')");
			this.jdbc.update("DELETE FROM activity WHERE code LIKE 'RD-%'");
			this.jdbc.update("DELETE FROM project_partner WHERE project_id IN"
					+ " (SELECT id FROM project WHERE code = 'RD-PROJ')");
			this.jdbc.update("DELETE FROM project WHERE code = 'RD-PROJ'");
		}
	}

	@Test
	void aPartnerListsTheActivitiesAndOrganizationsOfItsOrganizationsProjectsOnly() throws Exception {
		networkProject();
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date)
				SELECT 'RD-OTHER', id, 'MEETING', 'Elsewhere', '2025-01-05', '2025-01-05' FROM project WHERE code = 'RD-PROJ'""");
		try {
			int all = this.jdbc.queryForObject("SELECT count(*) FROM activity", Integer.class);
			var activities = "{\"query\":\"{ activities(first: 100) { totalCount } }\"}";
			graphQl(null, activities).andExpect(jsonPath("$.data.activities.totalCount").value(all));
			graphQl(this.cif, activities).andExpect(jsonPath("$.data.activities.totalCount").value(all - 1));
			graphQl(this.outsider, activities).andExpect(jsonPath("$.data.activities.totalCount").value(1));
			graphQl(this.donor, activities).andExpect(jsonPath("$.data.activities.totalCount").value(all));
			var organizations = "{\"query\":\"{ organizations(first: 100) { totalCount } }\"}";
			graphQl(this.outsider, organizations).andExpect(jsonPath("$.data.organizations.totalCount").value(1));
			// represented by 5 people at least, or at an activity CIF runs: by 1 or 2 elsewhere, a small
			// organization told that someone of it attended
			int ofCif = this.jdbc.queryForObject("""
					SELECT count(*) FROM organization WHERE id IN (
					  SELECT lead_organization_id FROM project WHERE code <> 'RD-PROJ'
					  UNION SELECT organization_id FROM project_partner
					  UNION SELECT organizer_id FROM activity WHERE code <> 'RD-OTHER'
					  UNION SELECT pn.organization_id FROM participation pn JOIN activity a ON a.id = pn.activity_id
					        WHERE a.code <> 'RD-OTHER' GROUP BY pn.organization_id
					        HAVING count(DISTINCT pn.participant_id) >= 5
					            OR bool_or(a.organizer_id = (SELECT id FROM organization WHERE code = 'CIF')))""",
					Integer.class);
			graphQl(this.cif, organizations).andExpect(jsonPath("$.data.organizations.totalCount").value(ofCif));
			// nor who takes part in a project of others, though CSO-KK-DISABILITY also takes part in CIF's
			var inNetwork = "{\"query\":\"{ organizations(first: 100, filter: {project: \\\"RD-PROJ\\\"}) { totalCount } }\"}";
			graphQl(this.cif, inNetwork).andExpect(jsonPath("$.data.organizations.totalCount").value(0));
			graphQl(this.outsider, inNetwork).andExpect(jsonPath("$.data.organizations.totalCount").value(1));
			graphQl(this.donor, inNetwork).andExpect(jsonPath("$.data.organizations.totalCount").value(1));
			// nor, looked up by code, an activity or an organization it would not list: not found, as an unknown code
			var other = "{\"query\":\"{ activity(code: \\\"RD-OTHER\\\") { title } }\"}";
			graphQl(this.cif, other).andExpect(jsonPath("$.errors[0].extensions.classification").value("NOT_FOUND"))
				.andExpect(jsonPath("$.errors[0].message").value("No activity has the code 'RD-OTHER'"));
			graphQl(this.outsider, other).andExpect(jsonPath("$.data.activity.title").value("Elsewhere"));
			graphQl(this.donor, other).andExpect(jsonPath("$.data.activity.title").value("Elsewhere"));
			var network = "{\"query\":\"{ organization(code: \\\"CSO-KK-DISABILITY\\\") { code } }\"}";
			graphQl(this.outsider, network).andExpect(jsonPath("$.data.organization.code").value("CSO-KK-DISABILITY"));
			var cif = "{\"query\":\"{ organization(code: \\\"CIF\\\") { code } }\"}";
			graphQl(this.outsider, cif).andExpect(jsonPath("$.errors[0].extensions.classification").value("NOT_FOUND"));
			graphQl(this.cif, cif).andExpect(jsonPath("$.data.organization.code").value("CIF"));
			// nor by another's programme
			this.jdbc.update("INSERT INTO programme (code, name) VALUES ('RD-PROG', 'Another programme')");
			this.jdbc.update("UPDATE project SET programme_id = (SELECT id FROM programme WHERE code = 'RD-PROG') "
					+ "WHERE code = 'RD-PROJ'");
			var inProgramme = inNetwork.replace("project: \\\"RD-PROJ\\\"", "programme: \\\"RD-PROG\\\"");
			graphQl(this.cif, inProgramme).andExpect(jsonPath("$.data.organizations.totalCount").value(0));
			graphQl(this.donor, inProgramme).andExpect(jsonPath("$.data.organizations.totalCount").value(1));
		}
		finally {
			this.jdbc.update("DELETE FROM activity WHERE code = 'RD-OTHER'");
			this.jdbc.update("DELETE FROM project WHERE code = 'RD-PROJ'");
			this.jdbc.update("DELETE FROM programme WHERE code = 'RD-PROG'");
		}
	}

	/**
	 * A partner moves no activity that people other organizations recorded too took part in to an earlier year, by
	 * mutation or sheet: checked against their birth years, the answer would tell them, and unchecked, a tester's
	 * partner put P0002, born 1996, at age -6, whose year an admin could then not restate.
	 */
	@Test
	void aPartnerMovesNoActivityToBeforeAPersonOthersRecordedWasBorn() throws Exception {
		openProject();
		var born = this.jdbc.queryForObject("SELECT birth_year FROM participant WHERE ref = 'P0002'", Integer.class);
		assertThat(born).isGreaterThan(1990);
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM participation pn JOIN activity a ON a.id = pn.activity_id
				JOIN organization o ON o.id = a.organizer_id JOIN participant p ON p.id = pn.participant_id
				WHERE p.ref = 'P0002' AND o.code <> 'CIF'""", Integer.class)).as("recorded by others too").isPositive();
		this.mvc.perform(post("/imports/attendance").header("Authorization", "Bearer " + this.cif)
			.contentType("text/csv")
			.content("""
					activity_code,activity_title,activity_kind,project_code,start_date,end_date,participant_ref,gender
					RD-BORN,Planning,meeting,RD-OPEN,2025-05-01,2025-05-01,P0002,female
					""")).andExpect(status().isOk());
		// to any earlier year, whatever their birth years, which the answer would otherwise tell
		for (var start : List.of("1990-01-01", "2024-12-31")) {
			graphQl(this.cif, "{\"query\":\"mutation { updateActivity(code: \\\"RD-BORN\\\", input: {startDate: \\\""
					+ start + "\\\", endDate: \\\"" + start + "\\\"}) { code } }\"}")
				.andExpect(jsonPath("$.errors[0].message").value("input.startDate: People other organizations recorded "
						+ "too took part in it: moving it to an earlier year is an admin's to do, since it is checked "
						+ "against their birth years"));
		}
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").header("Authorization", "Bearer " + this.cif)
			.contentType("text/csv")
			.content("""
					activity_code,project_code,start_date,end_date,participant_ref,gender
					RD-BORN,RD-OPEN,1990-01-01,1990-01-01,RD-NEW,female
					"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message").value("People other organizations recorded too took part in it: "
					+ "moving it to an earlier year is an admin's to do, since it is checked against their birth years"));
		// later in the same year is the partner's to do
		graphQl(this.cif, "{\"query\":\"mutation { updateActivity(code: \\\"RD-BORN\\\", input: {startDate: "
				+ "\\\"2025-06-01\\\", endDate: \\\"2025-06-01\\\"}) { startDate } }\"}")
			.andExpect(jsonPath("$.data.updateActivity.startDate").value("2025-06-01"));
		assertThat(this.jdbc.queryForObject("SELECT start_date::text FROM activity WHERE code = 'RD-BORN'", String.class))
			.isEqualTo("2025-06-01");
		// an activity of the partner's own people alone moves to an earlier year, by mutation and by sheet, unless
		// one was born after it (a tester's: every activity with people was refused)
		this.mvc.perform(post("/imports/attendance").header("Authorization", "Bearer " + this.cif)
			.contentType("text/csv")
			.content("""
					activity_code,activity_title,activity_kind,project_code,start_date,end_date,participant_ref,gender,birth_year
					RD-OWN,Planning,meeting,RD-OPEN,2025-05-01,2025-05-01,RD-OWN-1,female,2020
					RD-OWN,Planning,meeting,RD-OPEN,2025-05-01,2025-05-01,RD-OWN-2,male,
					""")).andExpect(status().isOk());
		graphQl(this.cif, "{\"query\":\"mutation { updateActivity(code: \\\"RD-OWN\\\", input: {startDate: "
				+ "\\\"2019-05-01\\\", endDate: \\\"2019-05-01\\\"}) { code } }\"}")
			.andExpect(jsonPath("$.errors[0].message")
				.value("input.startDate: It would start before a participant stored at it was born"));
		graphQl(this.cif, "{\"query\":\"mutation { updateActivity(code: \\\"RD-OWN\\\", input: {startDate: "
				+ "\\\"2021-05-01\\\", endDate: \\\"2021-05-01\\\"}) { startDate } }\"}")
			.andExpect(jsonPath("$.data.updateActivity.startDate").value("2021-05-01"));
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").header("Authorization", "Bearer " + this.cif)
			.contentType("text/csv")
			.content("""
					activity_code,project_code,start_date,end_date,participant_ref,gender
					RD-OWN,RD-OPEN,2020-06-01,2020-06-01,RD-OWN-2,male
					"""))
			.andExpect(status().isOk());
		// nor when the same sheet adds someone other organizations recorded (the last tester's)
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").header("Authorization", "Bearer " + this.cif)
			.contentType("text/csv")
			.content("""
					activity_code,project_code,start_date,end_date,participant_ref,gender
					RD-OWN,RD-OPEN,2020-06-01,2020-06-01,P0002,female
					"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message").value("People other organizations recorded too took part in it: "
					+ "moving it to an earlier year is an admin's to do, since it is checked against their birth years"));
		// another's activity is refused as such and nothing more: that refusal had told whether anyone took part
		var foreign = this.jdbc.queryForMap("""
				SELECT a.code, p.code AS project FROM activity a JOIN organization o ON o.id = a.organizer_id
				JOIN project p ON p.id = a.project_id
				WHERE o.code = 'SCCSF' AND EXISTS (SELECT 1 FROM participation pn WHERE pn.activity_id = a.id)
				ORDER BY a.code LIMIT 1""");
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").header("Authorization", "Bearer " + this.cif)
			.contentType("text/csv")
			.content("activity_code,project_code,start_date,end_date,participant_ref,gender\n" + foreign.get("code") + ","
					+ foreign.get("project") + ",1990-01-01,1990-01-01,RD-NEW,female\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.column == 'start_date')]").isEmpty())
			.andExpect(jsonPath("$.errors[?(@.column == 'activity_code')].message").value("Activity " + foreign.get("code")
					+ " is not run by your organization; ask an admin to add these participants"));
		// one an admin made without an organizer is no one's to load, and told so (it was told as another's)
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date)
				SELECT 'RD-NOBODYS', id, 'MEETING', 'x', DATE '2025-02-03', DATE '2025-02-03' FROM project
				WHERE code = 'CSO-CAPACITY'""");
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").header("Authorization", "Bearer " + this.cif)
			.contentType("text/csv")
			.content("activity_code,project_code,participant_ref,gender\nRD-NOBODYS,CSO-CAPACITY,RD-NEW,female\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message").value("Activity RD-NOBODYS has no organizer, so no partner loads"
					+ " it; ask an admin to make your organization its organizer (updateActivity), or to add these"
					+ " participants"));
		// of a project the partner has no part in, as another's, once for all its rows: that it has no organizer,
		// and advice the partner could not follow, was told (a tester's)
		this.jdbc.update("""
				INSERT INTO project (code, programme_id, name) SELECT 'RD-ELSE', id, 'Elsewhere' FROM programme
				WHERE code = 'RD-OPEN'""");
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date)
				SELECT 'RD-ELSEWHERE', id, 'MEETING', 'x', DATE '2025-02-03', DATE '2025-02-03' FROM project
				WHERE code = 'RD-ELSE'""");
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").header("Authorization", "Bearer " + this.cif)
			.contentType("text/csv")
			.content("activity_code,project_code,participant_ref,gender\nRD-ELSEWHERE,RD-ELSE,RD-NEW,female\n"
					+ "RD-ELSEWHERE,RD-ELSE,RD-NEW2,female\nRD-ELSEWHERE,RD-ELSE,RD-NEW3,male\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[0].message").value("Project RD-ELSE is not one of your organizations' projects"
					+ " (in 3 rows, the first shown)"))
			.andExpect(jsonPath("$.errors[1].message").value("Activity RD-ELSEWHERE is not run by your organization;"
					+ " ask an admin to add these participants (in 3 rows, the first shown)"));
		// nor is anything asked of a stored person named at it: that the row was stored told that they took part
		var attended = this.jdbc.queryForMap("""
				SELECT a.code, pr.code AS project, p.ref, p.gender FROM participation pn
				JOIN activity a ON a.id = pn.activity_id JOIN organization o ON o.id = a.organizer_id
				JOIN project pr ON pr.id = a.project_id JOIN participant p ON p.id = pn.participant_id
				WHERE o.code = 'SCCSF' AND NOT EXISTS (SELECT 1 FROM participation x JOIN activity y ON y.id = x.activity_id
				                  JOIN organization z ON z.id = y.organizer_id WHERE x.participant_id = p.id AND z.code = 'CIF')
				ORDER BY a.code, p.ref LIMIT 1""");
		var notAttended = this.jdbc.queryForObject("""
				SELECT a.code FROM activity a JOIN organization o ON o.id = a.organizer_id JOIN project pr ON pr.id = a.project_id
				WHERE o.code = 'SCCSF' AND pr.code = ? AND NOT EXISTS (SELECT 1 FROM participation pn
				    JOIN participant p ON p.id = pn.participant_id WHERE pn.activity_id = a.id AND p.ref = ?)
				ORDER BY a.code LIMIT 1""", String.class, attended.get("project"), attended.get("ref"));
		for (var activity : List.of(attended.get("code"), notAttended)) {
			this.mvc.perform(post("/imports/attendance").param("dryRun", "true").header("Authorization", "Bearer " + this.cif)
				.contentType("text/csv")
				.content("activity_code,project_code,participant_ref,gender\n" + activity + "," + attended.get("project")
						+ "," + attended.get("ref") + "," + attended.get("gender").toString().toLowerCase() + "\n"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors.length()").value(1))
				.andExpect(jsonPath("$.errors[0].column").value("activity_code"))
				.andExpect(jsonPath("$.warnings").isEmpty());
		}
	}

	private ResultActions graphQl(String token, String body) throws Exception {
		var request = post("/graphql").contentType(MediaType.APPLICATION_JSON).content(body);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.mvc.perform(request);
	}

	private ResultActions sheet(String token) throws Exception {
		return this.mvc.perform(post("/imports/attendance").header("Authorization", "Bearer " + token)
			.contentType("text/csv")
			.content(SHEET));
	}

}
