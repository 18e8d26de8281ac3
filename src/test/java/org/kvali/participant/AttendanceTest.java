package org.kvali.participant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.access.ApiKeyService;
import org.kvali.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
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
	ApiKeyService keys;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM api_key WHERE name LIKE 'attendance %'");
		this.jdbc.update("DELETE FROM activity WHERE code = 'AT-ONE'");
		this.jdbc.update("DELETE FROM project WHERE code = 'AT-X'");
		this.jdbc.update("DELETE FROM programme WHERE code = 'AT-PRG'");
	}

	@Test
	void thePartnerRunningAnActivityPagesThroughItsPeople() {
		var cif = as(Role.PARTNER, "CIF");
		var first = cif.document(PAGE).variable("activity", "WS-2025-DMANISI").variable("first", 3).execute();
		first.path("attendance.totalCount").entity(Integer.class).isEqualTo(11);
		first.path("attendance.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		first.path("attendance.edges[*].node").entityList(Map.class).containsExactly(
				person("P0026", "CSO-DMANISI-2", "FEMALE", 2003),
				person("P0027", "AG-DMANISI", "MALE", 1982),
				person("P0029", "CSO-DMANISI-2", "FEMALE", 1995));
		var rest = cif.document(PAGE).variable("activity", "WS-2025-DMANISI").variable("first", 100)
			.variable("after", first.path("attendance.pageInfo.endCursor").entity(String.class).get()).execute();
		rest.path("attendance.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		var refs = new ArrayList<>(List.of("P0026", "P0027", "P0029"));
		refs.addAll(rest.path("attendance.edges[*].node.ref").entityList(String.class).get());
		assertThat(refs).isEqualTo(this.jdbc.queryForList("""
				SELECT p.ref FROM participation pn JOIN participant p ON p.id = pn.participant_id
				JOIN activity a ON a.id = pn.activity_id WHERE a.code = 'WS-2025-DMANISI' ORDER BY p.ref""",
				String.class)).hasSize(11);
		// an admin reads it alike
		assertThat(this.graphQl.document(PAGE).variable("activity", "WS-2025-DMANISI").variable("first", 3).execute()
			.path("attendance").entity(Map.class).get())
			.isEqualTo(first.path("attendance").entity(Map.class).get());
	}

	@Test
	void noOneElseReadsAnActivitysPeople() {
		// another partner of the project, at an activity it does not run
		as(Role.PARTNER, "SCCSF").document(PAGE).variable("activity", "WS-2025-DMANISI").execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.FORBIDDEN
					&& error.getMessage().equals("Activity WS-2025-DMANISI is not run by your organization"))
			.verify();
		for (var role : List.of(Role.ANALYST, Role.DONOR)) {
			as(role).document(PAGE).variable("activity", "WS-2025-DMANISI").execute().errors()
				.expect(error -> error.getErrorType() == ErrorType.FORBIDDEN && error.getMessage()
					.equals("This needs the role ADMIN or PARTNER; the caller has " + role))
				.verify();
		}
		// an activity of a project its organizations have no part in is none to a partner
		// language=GraphQL
		this.graphQl.document("""
				mutation { createProgramme(input: {code: "AT-PRG", name: "Apart", donors: ["EU"],
				    publisher: "HEKS-EPER", startDate: "2025-01-01", endDate: "2025-12-31"}) { code }
				  createProject(input: {code: "AT-X", programme: "AT-PRG", name: "SCCSF's alone", lead: "HEKS-EPER",
				    partners: [{organization: "SCCSF", role: REGIONAL_PARTNER}]}) { code }
				  createActivity(input: {code: "AT-ONE", project: "AT-X", kind: MEETING, title: "Apart",
				    startDate: "2025-11-05", endDate: "2025-11-05", organizer: "SCCSF"}) { code } }""")
			.execute().path("createActivity.code").entity(String.class).isEqualTo("AT-ONE");
		as(Role.PARTNER, "CIF").document(PAGE).variable("activity", "AT-ONE").execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND
					&& error.getMessage().equals("No activity has the code 'AT-ONE'"))
			.verify();
		// its own partner reads it: no one yet
		as(Role.PARTNER, "SCCSF").document(PAGE).variable("activity", "AT-ONE").execute()
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

	private static Map<String, Object> person(String ref, String organization, String gender, int birthYear) {
		return Map.of("ref", ref, "role", "PARTICIPANT", "organization", Map.of("code", organization), "gender", gender,
				"birthYear", birthYear, "disability", false, "homeMunicipality", Map.of("code", "GE-KK-DMANISI"));
	}

	private HttpGraphQlTester as(Role role, String... organizations) {
		var secret = this.keys
			.create("attendance " + role + List.of(organizations), role, List.of(organizations), false, "test")
			.secret();
		return this.graphQl.mutate().header("Authorization", "Bearer " + secret).build();
	}

}
