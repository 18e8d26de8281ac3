package org.kvali.participant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An activity's people, for checking a sheet as loaded: by reference, for an admin and for the partner running the
 * activity alone. The demo's WS-2025-DMANISI, run by CIF, recorded 11.
 */
@IntegrationTest
class AttendanceTest {

	// language=GraphQL
	private static final String PAGE = """
			query($activity: ID!, $first: Int, $after: String) {
			  attendance(activity: $activity, first: $first, after: $after) {
			    totalCount pageInfo { hasNextPage endCursor }
			    edges { node { ref role organization { code } gender birthYear disability
			                   homeMunicipality { code } } } } }""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Callers callers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@LiquibaseDataSource
	DataSource ownerDataSource;

	@AfterEach
	void clean() {
		var owner = new JdbcTemplate(this.ownerDataSource);
		owner.update("""
				DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code LIKE 'AT-%')""");
		owner.update("""
				DELETE FROM participant p
				WHERE NOT EXISTS (SELECT 1 FROM participation pn WHERE pn.participant_id = p.id)
				  AND (p.ref ILIKE 'AT-%' OR p.ref LIKE 'forgotten-%')""");
		owner.update("DELETE FROM erased_reference WHERE digest = sha256(convert_to('at-d', 'UTF8'))");
		this.callers.deleteKeys();
		this.jdbc.update("DELETE FROM activity WHERE code LIKE 'AT-%'");
		this.jdbc.update("DELETE FROM project WHERE code = 'AT-X'");
		this.jdbc.update("DELETE FROM programme WHERE code = 'AT-PRG'");
	}

	@Test
	void thePartnerRunningAnActivityPagesThroughItsPeople() {
		var first = this.graphQl.document(PAGE).variable("activity", "WS-2025-DMANISI").variable("first", 3).execute();
		first.path("attendance.totalCount").entity(Integer.class).isEqualTo(11);
		first.path("attendance.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		first.path("attendance.edges[*].node").entityList(Map.class).containsExactly(
				person("P0026", "CSO-DMANISI-2", "FEMALE", 2003),
				person("P0027", "AG-DMANISI", "MALE", 1982),
				person("P0029", "CSO-DMANISI-2", "FEMALE", 1995));
		// CIF, which runs it, the same people; of these three, each also at another organization's activity, not
		// what the other recorded (its sheets are not told it either)
		var cif = this.callers.as(Role.PARTNER, "CIF");
		assertThat(this.jdbc.queryForObject("""
				SELECT count(DISTINCT p.ref) FROM participation pn JOIN participant p ON p.id = pn.participant_id
				JOIN activity a ON a.id = pn.activity_id JOIN organization o ON o.id = a.organizer_id
				WHERE p.ref IN ('P0026', 'P0027', 'P0029') AND o.code <> 'CIF'""", Integer.class)).isEqualTo(3);
		var cifs = cif.document(PAGE).variable("activity", "WS-2025-DMANISI").variable("first", 3).execute();
		cifs.path("attendance.totalCount").entity(Integer.class).isEqualTo(11);
		cifs.path("attendance.edges[*].node").entityList(Map.class).containsExactly(hidden("P0026", "CSO-DMANISI-2"),
				hidden("P0027", "AG-DMANISI"), hidden("P0029", "CSO-DMANISI-2"));
		var rest = cif.document(PAGE).variable("activity", "WS-2025-DMANISI").variable("first", 100)
			.variable("after", first.path("attendance.pageInfo.endCursor").entity(String.class).get()).execute();
		rest.path("attendance.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		var refs = new ArrayList<>(List.of("P0026", "P0027", "P0029"));
		refs.addAll(rest.path("attendance.edges[*].node.ref").entityList(String.class).get());
		assertThat(refs).isEqualTo(this.jdbc.queryForList("""
				SELECT p.ref FROM participation pn JOIN participant p ON p.id = pn.participant_id
				JOIN activity a ON a.id = pn.activity_id WHERE a.code = 'WS-2025-DMANISI' ORDER BY p.ref""",
				String.class)).hasSize(11);
		// each read is in the audit log, with the activity
		assertThat(this.jdbc.queryForList("SELECT role FROM audit_event WHERE action = 'read attendance'"
				+ " AND subject = 'WS-2025-DMANISI' ORDER BY id DESC LIMIT 3", String.class))
			.containsExactly("PARTNER", "PARTNER", "ADMIN");
	}

	/**
	 * Of SCCSF's activity: its own participant in full; one also at HEKS-EPER's activity without what HEKS-EPER
	 * recorded; one erased on request not at all, whom an admin sees under a random reference. References in two
	 * cases page one at a time, each once.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void aPartnerSeesWhatItsOwnSheetWouldCompareAndNoOneErased() {
		createApart();
		// language=GraphQL
		this.graphQl.document("""
				mutation { createActivity(input: {code: "AT-TWO", project: "AT-X", kind: MEETING, title: "Other's",
				    startDate: "2025-11-06", endDate: "2025-11-06", organizer: "HEKS-EPER"}) { code } }""")
			.execute().path("createActivity.code").entity(String.class).isEqualTo("AT-TWO");
		var owner = new JdbcTemplate(this.ownerDataSource);
		owner.update("""
				INSERT INTO participant (ref, gender, birth_year, disability, home_municipality_code)
				VALUES ('AT-a', 'FEMALE', 1990, true, 'GE-KK-MARNEULI'), ('AT-B', 'MALE', 1985, false, NULL),
				       ('at-c', 'OTHER', NULL, NULL, NULL), ('AT-D', 'FEMALE', 2000, false, NULL)""");
		owner.update("""
				INSERT INTO participation (activity_id, participant_id)
				SELECT a.id, p.id FROM activity a, participant p
				WHERE a.code = 'AT-ONE' AND p.ref IN ('AT-a', 'AT-B', 'at-c', 'AT-D')
				   OR a.code = 'AT-TWO' AND p.ref = 'AT-B'""");
		this.graphQl.document("mutation { forgetParticipant(ref: \"AT-D\") { participations } }").execute()
			.path("forgetParticipant.participations").entity(Integer.class).isEqualTo(1);
		var sccsf = this.callers.as(Role.PARTNER, "SCCSF");
		var seen = new ArrayList<Map<String, Object>>();
		String after = null;
		for (int page = 0; page < 5 && (page == 0 || after != null); page++) {
			var answer = sccsf.document(PAGE).variable("activity", "AT-ONE").variable("first", 1)
				.variable("after", after).execute();
			answer.path("attendance.totalCount").entity(Integer.class).isEqualTo(3);
			seen.addAll(answer.path("attendance.edges[*].node").entityList(Map.class).get().stream()
				.map(node -> (Map<String, Object>) node).toList());
			after = answer.path("attendance.pageInfo.hasNextPage").entity(Boolean.class).get()
					? answer.path("attendance.pageInfo.endCursor").entity(String.class).get() : null;
		}
		assertThat(seen).containsExactlyInAnyOrder(
				node("AT-a", "FEMALE", 1990, true, Map.of("code", "GE-KK-MARNEULI")),
				node("AT-B", null, null, null, null), node("at-c", "OTHER", null, null, null));
		var admins = this.graphQl.document(PAGE).variable("activity", "AT-ONE").variable("first", 10).execute();
		admins.path("attendance.totalCount").entity(Integer.class).isEqualTo(4);
		admins.path("attendance.edges[*].node.ref").entityList(String.class)
			.satisfies(refs -> assertThat(refs).hasSize(4).contains("AT-a", "AT-B", "at-c")
				.anyMatch(ref -> ref.startsWith("forgotten-")));
		admins.path("attendance.edges[?(@.node.ref == 'AT-B')].node.gender").entityList(String.class)
			.containsExactly("MALE");
	}

	@Test
	void noOneElseReadsAnActivitysPeople() {
		int refused = refusals();
		// another partner of the project, at an activity it does not run
		this.callers.as(Role.PARTNER, "SCCSF").document(PAGE).variable("activity", "WS-2025-DMANISI").execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.FORBIDDEN
					&& error.getMessage().equals("Activity WS-2025-DMANISI is not run by your organization"))
			.verify();
		for (var role : List.of(Role.ANALYST, Role.DONOR)) {
			this.callers.as(role).document(PAGE).variable("activity", "WS-2025-DMANISI").execute().errors()
				.expect(error -> error.getErrorType() == ErrorType.FORBIDDEN && error.getMessage()
					.equals("This needs the role ADMIN or PARTNER; the caller has " + role))
				.verify();
		}
		// the role before the arguments: a page too large is refused for the role, and logged
		this.callers.as(Role.DONOR).document(PAGE).variable("activity", "WS-2025-DMANISI").variable("first", 500)
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.FORBIDDEN)
			.verify();
		// each refusal is in the audit log
		assertThat(refusals()).isEqualTo(refused + 4);
		// an activity of a project its organizations have no part in is none to a partner
		createApart();
		this.callers.as(Role.PARTNER, "CIF").document(PAGE).variable("activity", "AT-ONE").execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND
					&& error.getMessage().equals("No activity has the code 'AT-ONE'"))
			.verify();
		// its own partner reads it: no one yet
		this.callers.as(Role.PARTNER, "SCCSF").document(PAGE).variable("activity", "AT-ONE").execute()
			.path("attendance.totalCount").entity(Integer.class).isEqualTo(0)
			.path("attendance.edges").entityList(Object.class).hasSize(0);
	}

	@Test
	void badArgumentsAreNamed() {
		this.graphQl.document(PAGE).variable("activity", "NO-SUCH").execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND
					&& error.getMessage().equals("No activity has the code 'NO-SUCH'"))
			.verify();
		this.graphQl.document(PAGE).variable("activity", "").execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& "activity".equals(error.getExtensions().get("argument")))
			.verify();
		this.graphQl.document(PAGE).variable("activity", "WS-2025-DMANISI").variable("first", 101).execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& error.getMessage().equals("first must be between 0 and 100"))
			.verify();
		this.graphQl.document(PAGE).variable("activity", "WS-2025-DMANISI").variable("after", "nonsense").execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& error.getMessage().equals("'nonsense' is not a cursor of this list"))
			.verify();
	}

	/** What an attendee is leaves out every field of personal data a {@code Participant} has. */
	@Test
	void anAttendeeHasNoPersonalData() {
		// language=GraphQL
		var fields = this.graphQl.document("{ __type(name: \"Attendee\") { fields { name } } }").execute()
			.path("__type.fields[*].name").entityList(String.class).get();
		assertThat(fields).containsExactly("ref", "role", "organization", "gender", "birthYear", "disability",
				"homeMunicipality");
	}

	/** SCCSF's activity AT-ONE in a project of its own. */
	private void createApart() {
		// language=GraphQL
		this.graphQl.document("""
				mutation { createProgramme(input: {code: "AT-PRG", name: "Apart", donors: ["EU"],
				    publisher: "HEKS-EPER", startDate: "2025-01-01", endDate: "2025-12-31"}) { code }
				  createProject(input: {code: "AT-X", programme: "AT-PRG", name: "SCCSF's alone", lead: "HEKS-EPER",
				    partners: [{organization: "SCCSF", role: REGIONAL_PARTNER}]}) { code }
				  createActivity(input: {code: "AT-ONE", project: "AT-X", kind: MEETING, title: "Apart",
				    startDate: "2025-11-05", endDate: "2025-11-05", organizer: "SCCSF"}) { code } }""")
			.execute().path("createActivity.code").entity(String.class).isEqualTo("AT-ONE");
	}

	private int refusals() {
		return this.jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'refused read of attendance'"
				+ " AND subject = 'WS-2025-DMANISI'", Integer.class);
	}

	private static Map<String, Object> node(String ref, String gender, Integer birthYear, Boolean disability,
			Map<String, Object> home) {
		var node = new java.util.HashMap<String, Object>();
		node.put("ref", ref);
		node.put("role", "PARTICIPANT");
		node.put("organization", null);
		node.put("gender", gender);
		node.put("birthYear", birthYear);
		node.put("disability", disability);
		node.put("homeMunicipality", home);
		return node;
	}

	private static Map<String, Object> hidden(String ref, String organization) {
		var node = node(ref, null, null, null, null);
		node.put("organization", Map.of("code", organization));
		return node;
	}

	private static Map<String, Object> person(String ref, String organization, String gender, int birthYear) {
		return Map.of("ref", ref, "role", "PARTICIPANT", "organization", Map.of("code", organization), "gender", gender,
				"birthYear", birthYear, "disability", false, "homeMunicipality", Map.of("code", "GE-KK-DMANISI"));
	}

}
