package org.kvali.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.TestCallers;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every root field, mutation and endpoint against every role, a partner of each of two organizations (CIF and
 * SCCSF) included: allowed or FORBIDDEN, and for the lists the rows each caller gets. Mutations are sent with input
 * that fails after the access check (an unknown code, a blank name), so an allowed call shows as that error and
 * nothing is changed.
 */
@IntegrationTest
class AuthorizationMatrixTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> CALLERS = List.of("ADMIN", "ANALYST", "DONOR", "CIF", "SCCSF");

	/** Field or endpoint, then the callers allowed. */
	private static final Map<String, List<String>> ALLOWED = new LinkedHashMap<>();

	static {
		var everyone = CALLERS;
		var admin = List.of("ADMIN");
		var adminAndPartners = List.of("ADMIN", "CIF", "SCCSF");
		ALLOWED.put("{ regions { code } }", everyone);
		ALLOWED.put("{ region(code: \"GE-KK\") { code } }", everyone);
		ALLOWED.put("{ municipalities(region: \"GE-KK\") { code } }", everyone);
		ALLOWED.put("{ municipality(code: \"GE-KK-MARNEULI\") { code } }", everyone);
		ALLOWED.put("{ organizations(first: 100) { totalCount } }", everyone);
		ALLOWED.put("{ organization(code: \"CIF\") { code } }", everyone);
		ALLOWED.put("{ programmes { code } }", everyone);
		ALLOWED.put("{ programme(code: \"EU-CSO-EQUAL\") { code } }", everyone);
		ALLOWED.put("{ projects { code } }", everyone);
		ALLOWED.put("{ project(code: \"CSO-CAPACITY\") { code } }", everyone);
		ALLOWED.put("{ activities(first: 100) { totalCount } }", everyone);
		ALLOWED.put("{ activity(code: \"TRN-2024-BAKURIANI\") { code } }", everyone);
		ALLOWED.put("{ participation { totals { participants } } }", everyone);
		ALLOWED.put("{ indicators { code } }", everyone);
		ALLOWED.put("{ indicator(code: \"OUT-1.1\") { code } }", everyone);
		ALLOWED.put("{ imports { totalCount } }", adminAndPartners);
		ALLOWED.put("{ import(id: \"00000000-0000-0000-0000-000000000000\") { id } }", adminAndPartners);
		ALLOWED.put("{ apiKeys { id } }", admin);
		ALLOWED.put("{ auditEvents { totalCount } }", admin);
		ALLOWED.put("{ participant(ref: \"NOPE\") { ref } }", admin);
		ALLOWED.put("mutation { createProgramme(input: {code: \"\", name: \"\"}) { code } }", admin);
		ALLOWED.put("mutation { updateProgramme(code: \"NOPE\", input: {}) { code } }", admin);
		ALLOWED.put("mutation { createProject(input: {code: \"\", programme: \"NOPE\", name: \"\"}) { code } }", admin);
		ALLOWED.put("mutation { updateProject(code: \"NOPE\", input: {}) { code } }", admin);
		ALLOWED.put("mutation { deleteProgramme(code: \"NOPE\") }", admin);
		ALLOWED.put("mutation { deleteProject(code: \"NOPE\") }", admin);
		ALLOWED.put("mutation { createOrganization(input: {code: \"\", name: \"\", kind: CSO}) { code } }", admin);
		ALLOWED.put("mutation { updateOrganization(code: \"NOPE\", input: {}) { code } }", admin);
		ALLOWED.put("mutation { deleteOrganization(code: \"NOPE\") }", admin);
		ALLOWED.put("mutation { mergeOrganization(code: \"NOPE\", into: \"NOPE\") { code } }", admin);
		ALLOWED.put("mutation { createActivity(input: {code: \"\", project: \"CSO-CAPACITY\", kind: MEETING, title: \"\", "
				+ "startDate: \"2026-01-01\", endDate: \"2026-01-01\"}) { code } }", adminAndPartners);
		ALLOWED.put("mutation { updateActivity(code: \"NOPE\", input: {}) { code } }", adminAndPartners);
		ALLOWED.put("mutation { deleteActivity(code: \"NOPE\") }", adminAndPartners);
		ALLOWED.put("mutation { createIndicator(input: {code: \"\", programme: \"NOPE\", name: \"\", level: OUTPUT, "
				+ "unit: NUMBER, method: REPORTED}) { code } }", admin);
		ALLOWED.put("mutation { updateIndicator(code: \"NOPE\", input: {}) { code } }", admin);
		ALLOWED.put("mutation { setIndicatorTargets(code: \"NOPE\", targets: []) { code } }", admin);
		ALLOWED.put("mutation { deleteIndicator(code: \"NOPE\") }", admin);
		ALLOWED.put("mutation { reportIndicatorValue(input: {indicator: \"NOPE\", period: \"2025\", value: 1}) { value } }",
				adminAndPartners);
		ALLOWED.put("mutation { withdrawIndicatorValue(input: {indicator: \"NOPE\", period: \"2025\"}) { value } }",
				adminAndPartners);
		ALLOWED.put("mutation { createApiKey(input: {name: \"\", role: DONOR}) { secret } }", admin);
		ALLOWED.put("mutation { revokeApiKey(id: \"x\") { id } }", admin);
		ALLOWED.put("mutation { forgetParticipant(ref: \"NOPE\") { participations } }", admin);
		ALLOWED.put("mutation { correctParticipant(ref: \"NOPE\", input: {}) { ref } }", adminAndPartners);
		ALLOWED.put("mutation { removeParticipation(activity: \"NOPE\", ref: \"NOPE\") { code } }", adminAndPartners);
		ALLOWED.put("POST /imports/attendance", adminAndPartners);
		// a wrong parameter or content type is refused as such only to a caller that may load sheets
		ALLOWED.put("POST /imports/attendance?dryRun=maybe", adminAndPartners);
		ALLOWED.put("POST /imports/attendance as application/json", adminAndPartners);
		ALLOWED.put("GET /iati/activities.xml?programme=EU-CSO-EQUAL", everyone);
		ALLOWED.put("GET /actuator/info", admin);
		ALLOWED.put("GET /actuator/health", everyone);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiKeyService keys;

	@Autowired
	JdbcTemplate jdbc;

	Map<String, String> tokens;

	@BeforeEach
	void keys() {
		this.tokens = Map.of("ADMIN", TestCallers.ADMIN_KEY, "ANALYST", key(Role.ANALYST, List.of()), "DONOR",
				key(Role.DONOR, List.of()), "CIF", key(Role.PARTNER, List.of("CIF")), "SCCSF",
				key(Role.PARTNER, List.of("SCCSF")));
	}

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM api_key WHERE name LIKE 'matrix %'");
		this.jdbc.update("DELETE FROM attendance_import");
	}

	@Test
	void everyCallerIsAllowedExactlyWhatItsRoleAllows() throws Exception {
		var outcomes = new LinkedHashMap<String, List<String>>();
		for (var entry : ALLOWED.entrySet()) {
			var allowed = new java.util.ArrayList<String>();
			for (var caller : CALLERS) {
				if (allowed(entry.getKey(), this.tokens.get(caller))) {
					allowed.add(caller);
				}
			}
			outcomes.put(entry.getKey(), allowed);
		}
		assertThat(outcomes).isEqualTo(ALLOWED);
		// a refused caller's sheet is not an import: it leaves no entry (the log is read as ADMIN)
		assertThat(TestCallerContext.as(Role.ADMIN, java.util.Set.of(), "test", () -> this.jdbc.queryForList("""
				SELECT DISTINCT role FROM audit_event WHERE action = 'import' AND actor LIKE 'key:matrix %' ORDER BY role""",
				String.class))).containsExactly("PARTNER");
		// but it is recorded as refused, for each role that sent one
		assertThat(TestCallerContext.as(Role.ADMIN, java.util.Set.of(), "test", () -> this.jdbc.queryForList("""
				SELECT DISTINCT role || ': ' || subject FROM audit_event
				WHERE action = 'refused import' AND actor LIKE 'key:matrix %' ORDER BY 1""", String.class)))
			.containsExactly("ANALYST: Loading sheets needs the role ADMIN or PARTNER; the caller has ANALYST",
					"DONOR: Loading sheets needs the role ADMIN or PARTNER; the caller has DONOR");
	}

	@Test
	void listsHoldTheRowsEachCallerMaySee() throws Exception {
		int activities = this.jdbc.queryForObject("SELECT count(*) FROM activity", Integer.class);
		int organizations = this.jdbc.queryForObject("SELECT count(*) FROM organization", Integer.class);
		for (var caller : CALLERS) {
			var token = this.tokens.get(caller);
			var answer = graphQl("{ activities(first: 1) { totalCount } organizations(first: 1) { totalCount } }", token);
			int expectedOrganizations = caller.equals("CIF") || caller.equals("SCCSF") ? ofProjectsOf(caller)
					: caller.equals("DONOR") ? takingPartAnywhere() : organizations;
			assertThat(List.of(JsonPath.<Integer>read(answer, "$.data.activities.totalCount"),
					JsonPath.<Integer>read(answer, "$.data.organizations.totalCount")))
				.as(caller)
				.containsExactly(activities, expectedOrganizations);
		}
		// a one-person organization, a donor finds neither in its list nor by code; an analyst does
		assertThat(this.jdbc.queryForObject("""
				SELECT count(DISTINCT pn.participant_id) FROM participation pn JOIN organization o ON o.id = pn.organization_id
				WHERE o.code = 'AG-DMANISI'""", Integer.class)).isOne();
		var byCode = "{ organization(code: \"AG-DMANISI\") { code } }";
		assertThat(JsonPath.<List<String>>read(graphQl(byCode, this.tokens.get("DONOR")), "$.errors[*].extensions.classification"))
			.containsExactly("NOT_FOUND");
		assertThat(JsonPath.<String>read(graphQl(byCode, this.tokens.get("ANALYST")), "$.data.organization.code"))
			.isEqualTo("AG-DMANISI");
		// nor does a donor's filter tell that it is stored, or how it is written (a tester's donor did), nor that
		// spaces around it are all that is wrong (told of a code the caller sees)
		for (var code : List.of("AG-DMANISI", "ag-dmanisi", "AG-DMANISI ")) {
			for (var field : List.of("organizations", "organizers")) {
				var filtered = "{ participation(filter: {" + field + ": [\"" + code + "\"]}) { totals { participants } } }";
				assertThat(JsonPath.<List<String>>read(graphQl(filtered, this.tokens.get("DONOR")), "$.errors[*].message"))
					.containsExactly("No organization has the code '" + code + "'");
			}
		}
		assertThat(JsonPath.<List<String>>read(graphQl("{ participation(filter: {organizations: [\"ag-dmanisi\"]}) "
				+ "{ totals { participants } } }", this.tokens.get("ANALYST")), "$.errors[*].message"))
			.containsExactly("No organization has the code 'ag-dmanisi'; it is written AG-DMANISI");
		assertThat(JsonPath.<Integer>read(graphQl("{ participation(filter: {organizations: [\"AG-DMANISI\"]}) "
				+ "{ totals { participants } } }", this.tokens.get("ANALYST")), "$.data.participation.totals.participants"))
			.isOne();
		// a partner's filter knows those too, and those of people at activities its organizations run, as its lists do
		var small = """
				SELECT o.code FROM organization o JOIN participation pn ON pn.organization_id = o.id
				JOIN activity a ON a.id = pn.activity_id
				WHERE o.id NOT IN (SELECT organizer_id FROM activity WHERE organizer_id IS NOT NULL)
				  AND o.id NOT IN (SELECT organization_id FROM project_partner)
				  AND o.id NOT IN (SELECT lead_organization_id FROM project WHERE lead_organization_id IS NOT NULL)
				  AND o.id NOT IN (SELECT organization_id FROM programme_donor)
				GROUP BY o.code HAVING count(DISTINCT pn.participant_id) < 5
				   AND %s bool_or(a.organizer_id = (SELECT id FROM organization WHERE code = 'CIF'))
				ORDER BY o.code LIMIT 1""";
		var hidden = this.jdbc.queryForObject(small.formatted("NOT"), String.class);
		var atOwn = this.jdbc.queryForObject(small.formatted(""), String.class);
		var partnerFilter = "{ participation(filter: {organizations: [\"%s\"]}) { totals { participants } } }";
		assertThat(JsonPath.<List<String>>read(graphQl(partnerFilter.formatted(hidden.toLowerCase(java.util.Locale.ROOT)),
				this.tokens.get("CIF")), "$.errors[*].message"))
			.containsExactly("No organization has the code '" + hidden.toLowerCase(java.util.Locale.ROOT) + "'");
		assertThat(JsonPath.<List<String>>read(graphQl(partnerFilter.formatted(hidden), this.tokens.get("CIF")),
				"$.errors[*].message")).containsExactly("No organization has the code '" + hidden + "'");
		assertThat(JsonPath.<List<String>>read(graphQl(partnerFilter.formatted(" " + hidden), this.tokens.get("CIF")),
				"$.errors[*].message")).containsExactly("No organization has the code ' " + hidden + "'");
		assertThat(JsonPath.<List<String>>read(graphQl(byCode.replace("AG-DMANISI", "AG-DMANISI "),
				this.tokens.get("DONOR")), "$.errors[*].message"))
			.containsExactly("No organization has the code 'AG-DMANISI '");
		assertThat(JsonPath.<Map<String, Object>>read(graphQl(partnerFilter.formatted(atOwn).replace("participants }",
				"participants suppressed }"), this.tokens.get("CIF")), "$")).doesNotContainKey("errors")
			.extractingByKey("data").asString().contains("suppressed=true");
	}

	/**
	 * The organizations taking part in the projects the partner's organization leads or partners: leading,
	 * partnering or organizing, or represented at their activities by 5 people or more, or at one it runs.
	 */
	private int ofProjectsOf(String code) {
		return this.jdbc.queryForObject("""
				WITH own AS (SELECT p.id FROM project p JOIN organization o ON o.id = p.lead_organization_id WHERE o.code = ?
				             UNION SELECT pp.project_id FROM project_partner pp JOIN organization o ON o.id = pp.organization_id
				             WHERE o.code = ?)
				SELECT count(DISTINCT id) FROM (
				  SELECT lead_organization_id AS id FROM project WHERE id IN (SELECT id FROM own)
				  UNION ALL SELECT organization_id FROM project_partner WHERE project_id IN (SELECT id FROM own)
				  UNION ALL SELECT organizer_id FROM activity WHERE project_id IN (SELECT id FROM own)
				  UNION ALL SELECT pn.organization_id FROM participation pn JOIN activity a ON a.id = pn.activity_id
				            WHERE a.project_id IN (SELECT id FROM own) GROUP BY pn.organization_id
				            HAVING count(DISTINCT pn.participant_id) >= 5
				                OR bool_or(a.organizer_id = (SELECT id FROM organization WHERE code = ?))) taking_part
				WHERE id IS NOT NULL""",
				Integer.class, code, code, code);
	}

	/**
	 * The organizations a donor lists: funding or publishing a programme, leading, partnering or organizing, or
	 * represented at some activity by 5 people or more (of the demo's 57, the 14 of 1 to 4 people are not).
	 */
	private int takingPartAnywhere() {
		int taking = this.jdbc.queryForObject("""
				SELECT count(DISTINCT id) FROM (
				  SELECT organization_id AS id FROM programme_donor UNION ALL SELECT publisher_id FROM programme
				  UNION ALL SELECT lead_organization_id FROM project UNION ALL SELECT organization_id FROM project_partner
				  UNION ALL SELECT organizer_id FROM activity
				  UNION ALL SELECT organization_id FROM participation GROUP BY organization_id
				            HAVING count(DISTINCT participant_id) >= 5) taking_part
				WHERE id IS NOT NULL""", Integer.class);
		assertThat(taking).isEqualTo(43);
		return taking;
	}

	private boolean allowed(String target, String token) throws Exception {
		if (target.startsWith("POST ") || target.startsWith("GET ")) {
			var path = target.substring(target.indexOf(' ') + 1).replaceFirst(" as .*", "");
			var contentType = target.contains(" as ") ? target.substring(target.indexOf(" as ") + 4) : "text/csv";
			var request = target.startsWith("POST ")
					? post(path).contentType(contentType).content("activity_code,project_code,participant_ref,gender\n")
					: get(path);
			int status = this.mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse()
				.getStatus();
			assertThat(status).as(target).isNotIn(401, 500);
			return status != 403;
		}
		var answer = graphQl(target, token);
		List<String> classifications = JsonPath.read(answer, "$..extensions.classification");
		assertThat(classifications).as(target).doesNotContain("INTERNAL_ERROR", "UNAUTHORIZED");
		return !classifications.contains("FORBIDDEN");
	}

	private String graphQl(String document, String token) throws Exception {
		return this.mvc.perform(post("/graphql").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(Map.of("query", document)))).andReturn().getResponse().getContentAsString();
	}

	private String key(Role role, List<String> organizations) {
		return this.keys.create("matrix " + role + organizations, role, organizations, false, "test").secret();
	}

}
