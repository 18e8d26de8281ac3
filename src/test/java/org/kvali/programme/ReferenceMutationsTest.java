package org.kvali.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating and changing programmes, projects, organizations and activities, and refusing bad input field by field. */
@IntegrationTest
class ReferenceMutationsTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM activity WHERE code LIKE 'TM-%'");
		this.jdbc.update("DELETE FROM project WHERE code LIKE 'TM-%'");
		this.jdbc.update("DELETE FROM programme WHERE code LIKE 'TM-%'");
		this.jdbc.update("DELETE FROM organization WHERE code LIKE 'TM-%'");
	}

	@Test
	void createAProgrammeWithTheRequiredFieldsOnlyThenItsProject() {
		// language=GraphQL
		this.graphQl.document("mutation { createProgramme(input: {code: \"TM-PRG\", name: \"Test programme\"}) { code name donors { code } } }")
			.execute()
			.path("createProgramme.code").entity(String.class).isEqualTo("TM-PRG")
			.path("createProgramme.donors").entityList(Object.class).hasSize(0);
		// language=GraphQL
		var project = this.graphQl.document("""
				mutation { createProject(input: {code: "TM-PRJ", programme: "TM-PRG", name: "Test project", lead: "HEKS-EPER",
				    partners: [{organization: "CIF", role: REGIONAL_PARTNER}], startDate: "2026-01-01", endDate: "2026-12-31"}) {
				  code programme { code } lead { code } partners { role organization { code } } startDate endDate } }""")
			.execute();
		project.path("createProject.programme.code").entity(String.class).isEqualTo("TM-PRG");
		project.path("createProject.lead.code").entity(String.class).isEqualTo("HEKS-EPER");
		project.path("createProject.partners[0].organization.code").entity(String.class).isEqualTo("CIF");
		// language=GraphQL
		this.graphQl.document("""
				mutation { updateProject(code: "TM-PRJ", input: {name: "Renamed", partners: [{organization: "SCCSF", role: ASSOCIATE}]}) {
				  name startDate partners { role organization { code } } } }""")
			.execute()
			.path("updateProject.name").entity(String.class).isEqualTo("Renamed")
			.path("updateProject.startDate").entity(String.class).isEqualTo("2026-01-01")
			.path("updateProject.partners[*].organization.code").entityList(String.class).containsExactly("SCCSF");
		// an organization listed twice as a partner, in whichever roles, is refused, and nothing stored or changed
		var twice = "input.partners: Listed as a partner twice";
		// language=GraphQL
		this.graphQl.document("""
				mutation { createProject(input: {code: "TM-TWICE", programme: "TM-PRG", name: "Twice", partners: [
				    {organization: "CIF", role: REGIONAL_PARTNER}, {organization: "CIF", role: ASSOCIATE}]}) {
				  code } }""")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST && error.getMessage().equals(twice)
					&& "CIF".equals(error.getExtensions().get("value")))
			.verify();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM project WHERE code = 'TM-TWICE'", Integer.class))
			.isZero();
		// language=GraphQL
		this.graphQl.document("""
				mutation { updateProject(code: "TM-PRJ", input: {name: "Twice", partners: [{organization: "SCCSF",
				    role: REGIONAL_PARTNER}, {organization: "SCCSF", role: ASSOCIATE}]}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST && error.getMessage().equals(twice))
			.verify();
		assertThat(this.jdbc.queryForList("""
				SELECT p.name || ' ' || o.code || ' ' || pp.role FROM project p
				JOIN project_partner pp ON pp.project_id = p.id JOIN organization o ON o.id = pp.organization_id
				WHERE p.code = 'TM-PRJ'""", String.class)).containsExactly("Renamed SCCSF ASSOCIATE");
		// language=GraphQL
		this.graphQl.document("mutation { updateProgramme(code: \"TM-PRG\", input: {donors: [\"EU\"]}) { name donors { code } } }")
			.execute()
			.path("updateProgramme.name").entity(String.class).isEqualTo("Test programme")
			.path("updateProgramme.donors[*].code").entityList(String.class).containsExactly("EU");
		// the publisher of its IATI activities: none until given, an unknown code refused, cleared by null
		// language=GraphQL
		this.graphQl.document("{ programme(code: \"TM-PRG\") { publisher { code } } }").execute()
			.path("programme.publisher").valueIsNull();
		// language=GraphQL
		this.graphQl.document("mutation { updateProgramme(code: \"TM-PRG\", input: {publisher: \"NOBODY\", donors: [\"eu\"]}) { code } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.publisher: No organization has the code 'NOBODY'"))
			.expect(error -> error.getMessage().equals("input.donors: No organization has the code 'eu'; it is written EU"))
			.verify();
		// language=GraphQL
		this.graphQl.document("mutation { updateProgramme(code: \"TM-PRG\", input: {publisher: \"HEKS-EPER\"}) { publisher { code } } }")
			.execute()
			.path("updateProgramme.publisher.code").entity(String.class).isEqualTo("HEKS-EPER");
		// language=GraphQL
		this.graphQl.document("mutation { updateProgramme(code: \"TM-PRG\", input: {publisher: null}) { publisher { code } } }")
			.execute()
			.path("updateProgramme.publisher").valueIsNull();
		// a field given as null is cleared where it may be empty (it was kept without a word), refused where not
		// language=GraphQL
		this.graphQl.document("""
				mutation { p: updateProgramme(code: "TM-PRG", input: {nameKa: "პროგრამა", description: "Goals"}) { code }
				  j: updateProject(code: "TM-PRJ", input: {nameKa: "პროექტი"}) { code } }""")
			.execute()
			.path("p.code").entity(String.class).isEqualTo("TM-PRG");
		// language=GraphQL
		this.graphQl.document("""
				mutation { p: updateProgramme(code: "TM-PRG", input: {nameKa: null, description: null, donors: null}) {
				    name nameKa description donors { code } }
				  j: updateProject(code: "TM-PRJ", input: {nameKa: null, lead: null, partners: null}) {
				    name nameKa lead { code } partners { role } startDate } }""")
			.execute()
			.path("p.name").entity(String.class).isEqualTo("Test programme")
			.path("p.nameKa").valueIsNull()
			.path("p.description").valueIsNull()
			.path("p.donors").entityList(Object.class).hasSize(0)
			.path("j.name").entity(String.class).isEqualTo("Renamed")
			.path("j.nameKa").valueIsNull()
			.path("j.lead").valueIsNull()
			.path("j.partners").entityList(Object.class).hasSize(0)
			.path("j.startDate").entity(String.class).isEqualTo("2026-01-01");
		// language=GraphQL
		this.graphQl.document("""
				mutation { updateProject(code: "TM-PRJ", input: {name: null, startDate: null}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.name: May not be cleared; leave it out to keep it as it is"))
			.expect(error -> error.getMessage()
				.equals("input.startDate: May not be cleared; leave it out to keep it as it is"))
			.verify();
	}

	/**
	 * A programme's dates hold its projects and the periods of its indicators' targets and reported values: the demo
	 * programme (2023 to 2025) cannot start in mid-2025 nor end in 2024, and a project cannot outlast its programme.
	 */
	@Test
	void aProgrammesDatesHoldItsProjectsTargetsAndValues() {
		var indicator = "Indicator %s has %s for %s, which would lie outside it";
		// language=GraphQL
		var start = this.graphQl.document("""
				mutation { updateProgramme(code: "EU-CSO-EQUAL", input: {startDate: "2025-06-01"}) { code } }""")
			.execute()
			.returnResponse()
			.getErrors();
		assertThat(start).extracting(ResponseError::getMessage).containsExactlyInAnyOrder(Stream.of(
				"Project CSO-CAPACITY starts on 2023-01-01, before it", "Project LOCAL-BUDGET starts on 2023-01-01, before it",
				indicator.formatted("OUT-1.1", "a target", "2023"), indicator.formatted("OUT-1.1", "a target", "2024"),
				indicator.formatted("OUT-1.3", "a target", "2024"), indicator.formatted("OUT-1.3", "a value reported", "2024"),
				indicator.formatted("OUT-2.1", "a target", "2023"), indicator.formatted("OUT-2.1", "a target", "2024"),
				indicator.formatted("OUTC-1", "a target", "2024"), indicator.formatted("OUTC-2", "a value reported", "2023"),
				indicator.formatted("OUTC-2", "a value reported", "2024"),
				"76 activities of it start before it (WS-2023-AKHALTSIKHE on 2023-01-21, MTG-2023-NINOTSMINDA on "
						+ "2023-01-28, MTG-2023-AKHALTSIKHE on 2023-01-29, ...): its indicators would no longer count "
						+ "their participations; move them first")
			.map(message -> "input.startDate: " + message)
			.toArray(String[]::new));
		// language=GraphQL
		var end = this.graphQl.document("""
				mutation { updateProgramme(code: "EU-CSO-EQUAL", input: {endDate: "2024-12-31"}) { code } }""")
			.execute()
			.returnResponse()
			.getErrors();
		assertThat(end).extracting(ResponseError::getMessage).containsExactlyInAnyOrder(Stream.of(
				"Project CSO-CAPACITY ends on 2025-12-31, after it", "Project LOCAL-BUDGET ends on 2025-12-31, after it",
				indicator.formatted("OUT-1.1", "a target", "2025"), indicator.formatted("OUT-1.2", "a target", "2025"),
				indicator.formatted("OUT-1.3", "a target", "2025"), indicator.formatted("OUT-1.3", "a value reported", "2025"),
				indicator.formatted("OUT-2.1", "a target", "2025"), indicator.formatted("OUTC-1", "a target", "2025"),
				indicator.formatted("OUTC-2", "a target", "2025"), indicator.formatted("OUTC-2", "a value reported", "2025"),
				"36 activities of it start after it (CMP-2025-MARNEULI on 2025-02-18, WS-2025-TETRITSKARO on 2025-02-27, "
						+ "WS-2025-AKHALKALAKI on 2025-03-11, ...): its indicators would no longer count their "
						+ "participations; move them first")
			.map(message -> "input.endDate: " + message)
			.toArray(String[]::new));
		assertThat(this.jdbc.queryForObject("SELECT start_date || ' ' || end_date FROM programme WHERE code = 'EU-CSO-EQUAL'",
				String.class)).isEqualTo("2023-01-01 2025-12-31");
		// language=GraphQL
		this.graphQl.document("""
				mutation { createProject(input: {code: "TM-LONG", programme: "EU-CSO-EQUAL", name: "x",
				    startDate: "2022-06-01", endDate: "2026-01-31"}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.startDate: Before its programme starts (2023-01-01)"))
			.expect(error -> error.getMessage().equals("input.endDate: After its programme ends (2025-12-31)"))
			.verify();
		// language=GraphQL
		this.graphQl.document("""
				mutation { updateProject(code: "CSO-CAPACITY", input: {endDate: "2026-01-31"}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.endDate: After its programme ends (2025-12-31)"))
			.verify();
		// one date alone lies within too; a start moved past the stored end is named as the start
		// language=GraphQL
		this.graphQl.document("""
				mutation { createProject(input: {code: "TM-ENDS", programme: "EU-CSO-EQUAL", name: "x", endDate: "2022-06-01"}) {
				    code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.endDate: Before its programme starts (2023-01-01)"))
			.verify();
		// language=GraphQL
		this.graphQl.document("""
				mutation { updateProject(code: "CSO-CAPACITY", input: {startDate: "2026-01-15"}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.startDate: Starts after it ends (2025-12-31)"))
			.expect(error -> error.getMessage().equals("input.startDate: After its programme ends (2025-12-31)"))
			.verify();
		// a project with an end alone holds its programme's start too
		// language=GraphQL
		this.graphQl.document("""
				mutation { a: createProgramme(input: {code: "TM-PRG2", name: "x", startDate: "2023-01-01", endDate: "2025-12-31",
				    publisher: "CIF"}) { code publisher { code } }
				  b: createProject(input: {code: "TM-ONE", programme: "TM-PRG2", name: "x", endDate: "2023-06-30"}) { code } }""")
			.execute()
			.path("a.publisher.code").entity(String.class).isEqualTo("CIF")
			.path("b.code").entity(String.class).isEqualTo("TM-ONE");
		// language=GraphQL
		this.graphQl.document("""
				mutation { updateProgramme(code: "TM-PRG2", input: {startDate: "2023-07-01"}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.startDate: Project TM-ONE ends on 2023-06-30, before it"))
			.verify();
		// an activity the programme's dates hold blocks a move past it; one outside them already (never counted) not
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date)
				SELECT a.code, p.id, 'MEETING', 'x', a.day, a.day FROM project p,
				  (VALUES ('TM-IN', DATE '2025-09-01'), ('TM-OUT', DATE '2026-03-01')) a (code, day)
				WHERE p.code = 'TM-ONE'""");
		// language=GraphQL
		var ending = "mutation { updateProgramme(code: \"TM-PRG2\", input: {endDate: \"%s\"}) { endDate } }";
		this.graphQl.document(ending.formatted("2025-08-31"))
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.endDate: 1 activity of it starts after it (TM-IN on "
					+ "2025-09-01): its indicators would no longer count their participations; move them first"))
			.verify();
		this.graphQl.document(ending.formatted("2025-09-01")).execute().path("updateProgramme.endDate")
			.entity(String.class).isEqualTo("2025-09-01");
		// within, both are fine
		// language=GraphQL
		this.graphQl.document("""
				mutation { createProject(input: {code: "TM-SHORT", programme: "EU-CSO-EQUAL", name: "x",
				    startDate: "2024-02-01", endDate: "2024-11-30"}) { code } }""")
			.execute()
			.path("createProject.code").entity(String.class).isEqualTo("TM-SHORT");
	}

	@Test
	void aTakenCodeIsAConflict() {
		// language=GraphQL
		this.graphQl.document("mutation { createProgramme(input: {code: \"EU-CSO-EQUAL\", name: \"Again\"}) { code } }")
			.execute()
			.errors()
			.expect(error -> "CONFLICT".equals(error.getErrorType().toString())
					&& error.getMessage().equals("A programme with the code 'EU-CSO-EQUAL' exists already (codes that "
							+ "differ only in case are one code)")
					&& "input.code".equals(error.getExtensions().get("argument")))
			.verify();
		// the same code in another case would be a second programme, project, organization or activity; the error names
		// the spelling stored (of an activity, to a partner only if it may list it: HiddenActivityCodesTest)
		var taken = Map.of("createProgramme(input: {code: \"eu-cso-equal\", name: \"Again\"})",
				"A programme with the code 'eu-cso-equal' exists already (written EU-CSO-EQUAL; ",
				"createProject(input: {code: \"cso-capacity\", programme: \"EU-CSO-EQUAL\", name: \"Again\"})",
				"A project with the code 'cso-capacity' exists already (written CSO-CAPACITY; ",
				"createOrganization(input: {code: \"cif\", name: \"Again\", kind: CSO})",
				"An organization with the code 'cif' exists already (written CIF; ",
				"createIndicator(input: {code: \"out-1.1\", programme: \"EU-CSO-EQUAL\", name: \"Again\", level: OUTPUT,"
						+ " unit: NUMBER, method: REPORTED})",
				"An indicator with the code 'out-1.1' exists already (written OUT-1.1; ",
				"createActivity(input: {code: \"trn-2024-bakuriani\", project: \"CSO-CAPACITY\","
						+ " kind: TRAINING, title: \"Again\", startDate: \"2024-07-18\", endDate: \"2024-07-22\"})",
				"An activity with the code 'trn-2024-bakuriani' exists already (written TRN-2024-BAKURIANI; ");
		taken.forEach((mutation, start) -> this.graphQl.document("mutation { " + mutation + " { code } }")
			.execute()
			.errors()
			.expect(error -> "CONFLICT".equals(error.getErrorType().toString())
					&& error.getMessage().equals(start + "codes that differ only in case are one code)"))
			.verify());
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM (SELECT code FROM programme UNION ALL SELECT code FROM project
				                      UNION ALL SELECT code FROM organization UNION ALL SELECT code FROM activity) c
				WHERE code IN ('eu-cso-equal', 'cso-capacity', 'cif', 'trn-2024-bakuriani')""", Integer.class)).isZero();
	}

	@Test
	void everyInvalidFieldIsReportedAndNothingIsStored() {
		// language=GraphQL
		var errors = this.graphQl.document("""
				mutation { createProgramme(input: {code: "TM bad code", name: " ", nameKa: "", donors: ["EU", "NOBODY"],
				    startDate: "2026-05-01", endDate: "2026-04-01"}) { code } }""")
			.execute()
			.returnResponse()
			.getErrors();
		assertThat(errors).extracting(ResponseError::getErrorType).containsOnly(ErrorType.BAD_REQUEST);
		assertThat(errors).extracting(error -> error.getExtensions().get("argument"))
			.containsExactly("input.code", "input.name", "input.nameKa", "input.endDate", "input.donors");
		assertThat(errors).extracting(error -> error.getExtensions().get("value"))
			.containsExactly("TM bad code", " ", "", "2026-04-01", "NOBODY");
		assertThat(errors).extracting(ResponseError::getMessage)
			.contains("input.name: Required; may not be blank",
					"input.nameKa: May not be blank; give null for none",
					"input.donors: No organization has the code 'NOBODY'");
		// a valid code beside one bad field: nothing of it stored either (its donors go with it, by their key)
		// language=GraphQL
		this.graphQl.document("""
				mutation { createProgramme(input: {code: "TM-BAD", name: "Bad", donors: ["EU", "NOBODY"],
				    startDate: "2026-04-01", endDate: "2026-05-01"}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.donors: No organization has the code 'NOBODY'"))
			.verify();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM programme WHERE code = 'TM-BAD'", Integer.class))
			.isZero();
		// no-break and zero-width spaces are as blank; an emoji is one character, as PostgreSQL counts it
		var invisible = "\u00a0\u3000\u200b\ufeff";
		var emoji = "\ud83d\ude00".repeat(251);
		// language=GraphQL
		this.graphQl.document("mutation($name: String!, $nameKa: String) { createProgramme(input: {code: \"TM-PRG\", "
				+ "name: $name, nameKa: $nameKa}) { code } }")
			.variable("name", invisible)
			.variable("nameKa", emoji.repeat(2))
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.name: Required; may not be blank"))
			.expect(error -> error.getMessage().equals("input.nameKa: At most 500 characters; this is 502")
					&& error.getExtensions().get("value").equals("\ud83d\ude00".repeat(40) + "..."))
			.verify();
		// language=GraphQL
		this.graphQl.document("mutation($name: String!) { createProgramme(input: {code: \"TM-PRG\", name: $name}) { name } }")
			.variable("name", emoji)
			.execute()
			.path("createProgramme.name").entity(String.class).isEqualTo(emoji);

		// language=GraphQL
		this.graphQl.document("mutation { createProject(input: {code: \"TM-P2\", programme: \"NOPE\", name: \"x\"}) { code } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& "input.programme".equals(error.getExtensions().get("argument"))
					&& error.getMessage().equals("input.programme: No programme has the code 'NOPE'"))
			.verify();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM project WHERE code = 'TM-P2'", Integer.class))
			.isZero();
		// language=GraphQL
		this.graphQl.document("mutation { updateProject(code: \"NOPE\", input: {name: \"x\"}) { code } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND)
			.verify();
	}

	/**
	 * A name or title is one line, as a sheet's cells are: a line break or tab in it is refused and nothing stored; a
	 * description keeps its lines.
	 */
	@Test
	void namesAreOneLineAndDescriptionsMayHaveMany() {
		// language=GraphQL
		var errors = this.graphQl.document("mutation($name: String!, $nameKa: String) { createProgramme(input: "
				+ "{code: \"TM-PRG\", name: $name, nameKa: $nameKa}) { code } }")
			.variable("name", "First line\nsecond line")
			.variable("nameKa", "a\tb")
			.execute()
			.returnResponse()
			.getErrors();
		assertThat(errors).extracting(ResponseError::getMessage)
			.containsExactly("input.name: Holds control characters (such as line breaks or tabs); this is one line",
					"input.nameKa: Holds control characters (such as line breaks or tabs); this is one line");
		// the refused value is shown with its control characters escaped, as a sheet's cell is
		assertThat(errors).extracting(error -> error.getExtensions().get("value"))
			.containsExactly("First line\\u000Asecond line", "a\\u0009b");
		// nor does a name begin or end with spaces, which would stand so in every list and export
		// language=GraphQL
		this.graphQl.document("mutation($name: String!, $nameKa: String) { createProgramme(input: "
				+ "{code: \"TM-PRG\", name: $name, nameKa: $nameKa}) { code } }")
			.variable("name", "  Black box programme  ")
			.variable("nameKa", "პროგრამა\u00A0")
			.execute()
			.errors()
			.expect(error -> error.getMessage()
				.equals("input.name: Begins or ends with a space or an invisible character; write it without"))
			.expect(error -> error.getMessage()
				.equals("input.nameKa: Begins or ends with a space or an invisible character; write it without"))
			.verify();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM programme WHERE code = 'TM-PRG'", Integer.class))
			.isZero();
		// language=GraphQL
		this.graphQl.document("mutation($description: String) { createProgramme(input: {code: \"TM-PRG\", "
				+ "name: \"Two lines\", description: $description}) { description } }")
			.variable("description", "Goals:\n\t- reach 60 people")
			.execute()
			.path("createProgramme.description").entity(String.class).isEqualTo("Goals:\n\t- reach 60 people");
		// language=GraphQL
		this.graphQl.document("mutation($title: String) { updateActivity(code: \"TRN-2024-BAKURIANI\", input: "
				+ "{title: $title}) { title } }")
			.variable("title", "Training\r\nin Bakuriani")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals(
					"input.title: Holds control characters (such as line breaks or tabs); this is one line"))
			.verify();
		// Unicode's line separators and next line too, in one line and in a description
		for (var separator : List.of("\u2028", "\u2029", "\u0085")) {
			// language=GraphQL
			this.graphQl.document("mutation($name: String!, $description: String) { createProgramme(input: "
					+ "{code: \"TM-PRG2\", name: $name, description: $description}) { code } }")
				.variable("name", "First" + separator + "second")
				.variable("description", "First" + separator + "second")
				.execute()
				.errors()
				.expect(error -> error.getMessage().equals(
						"input.name: Holds control characters (such as line breaks or tabs); this is one line"))
				.expect(error -> error.getMessage().equals("input.description: Holds control characters"))
				.verify();
		}
		// a noncharacter, which no XML holds: stored, it made the IATI file unreadable (a tester's)
		// language=GraphQL
		var noCharacter = this.graphQl.document("mutation($name: String!, $description: String) { createProgramme("
				+ "input: {code: \"TM-PRG3\", name: $name, description: $description}) { code } }")
			.variable("name", "a\ufffeb")
			.variable("description", "c\uffff")
			.execute()
			.returnResponse()
			.getErrors();
		assertThat(noCharacter).extracting(ResponseError::getMessage)
			.containsExactly("input.name: Holds U+FFFE, a code that is no character (text damaged in a copy or a"
					+ " conversion); write it without", "input.description: Holds U+FFFF, a code that is no character"
					+ " (text damaged in a copy or a conversion); write it without");
		assertThat(noCharacter).extracting(error -> error.getExtensions().get("value"))
			.containsExactly("a\\uFFFEb", "c\\uFFFF");
		// nor an override in a description, which the IATI file published (a tester's)
		this.graphQl.document("mutation($description: String) { createProgramme(input: {code: \"TM-PRG4\", name: \"x\","
				+ " description: $description}) { code } }")
			.variable("description", "Programme \u202eevil\u202c text")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.description: Holds a character that turns the text after"
					+ " it around (U+202A to U+202E); write it without"))
			.verify();
		// an embedding, which Windows puts around a pasted telephone number, a description keeps
		this.graphQl.document("mutation($description: String) { createProgramme(input: {code: \"TM-PRG5\", name: \"x\","
				+ " description: $description}) { code } }")
			.variable("description", "Call \u202a+995 555 12 34\u202c")
			.execute()
			.path("createProgramme.code").entity(String.class).isEqualTo("TM-PRG5");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM programme WHERE code LIKE 'TM-PRG%'", Integer.class))
			.isEqualTo(2);
	}

	/** An organization's IATI identifier and type: checked, one organization's alone, cleared with null. */
	@Test
	void anOrganizationsIatiIdentity() {
		this.graphQl.document("""
				mutation { createOrganization(input: {code: "TM-DON", name: "Donor", kind: DONOR, iatiRef: "XM-DAC-99999",
				  iatiType: "40"}) { iatiRef iatiType } }""")
			.execute()
			.path("createOrganization.iatiRef").entity(String.class).isEqualTo("XM-DAC-99999")
			.path("createOrganization.iatiType").entity(String.class).isEqualTo("40");
		this.graphQl.document("""
				mutation { createOrganization(input: {code: "TM-DON2", name: "Other", kind: DONOR, iatiRef: "xm-dac-99999",
				  iatiType: "41"}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.iatiRef: Organization TM-DON has this IATI identifier; an"
					+ " identifier names one organization"))
			.expect(error -> error.getMessage().startsWith("input.iatiType: Not an IATI organisation type; the codes"
					+ " are 10 (government), 11 (local government), 15 (other public sector)"))
			.verify();
		this.graphQl.document("""
				mutation { updateOrganization(code: "TM-DON", input: {iatiRef: "EU Commission"}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().startsWith("input.iatiRef: An IATI organisation identifier is a"
					+ " list's prefix and the organization's number in it"))
			.verify();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM organization WHERE code = 'TM-DON2'", Integer.class))
			.isZero();
		this.graphQl.document("""
				mutation { updateOrganization(code: "TM-DON", input: {iatiRef: null}) { iatiRef iatiType } }""")
			.execute()
			.path("updateOrganization.iatiRef").valueIsNull()
			.path("updateOrganization.iatiType").entity(String.class).isEqualTo("40");
	}

	@Test
	void organizationsAndActivities() {
		// language=GraphQL
		this.graphQl.document("""
				mutation { createOrganization(input: {code: "TM-ORG", name: "Tsalka Women's Club", kind: CSO,
				    municipality: "GE-KK-TSALKA"}) { code kind region { code } } }""")
			.execute()
			.path("createOrganization.region.code").entity(String.class).isEqualTo("GE-KK");
		// a place of the other level is told the field it goes in (a region given as municipality was told to give a
		// municipality, which the organization's people may not know: a tester's)
		// language=GraphQL
		this.graphQl.document("""
				mutation { createOrganization(input: {code: "TM-ORG2", name: "x", kind: CSO, municipality: "GE-KK",
				    region: "Tsalka"}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.municipality: No municipality has the code 'GE-KK'; Kvemo"
					+ " Kartli (GE-KK) is a region: give it in input.region"))
			.expect(error -> error.getMessage().equals("input.region: No region has the code 'Tsalka'; Tsalka"
					+ " (GE-KK-TSALKA) is a municipality: give it in input.municipality"))
			.verify();
		// a region other than its municipality's would be stored and never shown
		// language=GraphQL
		this.graphQl.document("""
				mutation { createOrganization(input: {code: "TM-ORG2", name: "x", kind: CSO, municipality: "GE-KK-TSALKA",
				    region: "GE-SJ"}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST && error.getMessage()
				.equals("input.region: The organization's municipality GE-KK-TSALKA lies in GE-KK; its region is that one"))
			.verify();
		// language=GraphQL
		this.graphQl.document("mutation { updateOrganization(code: \"TM-ORG\", input: {region: \"GE-SJ\"}) { code } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage()
				.equals("input.region: The organization's municipality GE-KK-TSALKA lies in GE-KK; its region is that one"))
			.verify();
		// language=GraphQL
		this.graphQl.document("mutation { updateOrganization(code: \"TM-ORG\", input: {kind: ACTIVIST_GROUP}) { name kind } }")
			.execute()
			.path("updateOrganization.kind").entity(String.class).isEqualTo("ACTIVIST_GROUP")
			.path("updateOrganization.name").entity(String.class).isEqualTo("Tsalka Women's Club");
		// its region is its municipality's while it has one; cleared, the region stays, then may be cleared too
		// language=GraphQL
		this.graphQl.document("mutation { updateOrganization(code: \"TM-ORG\", input: {region: null, kind: null}) { code } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.region: The organization's region is its municipality's"
					+ " (GE-KK-TSALKA); clear the municipality too to leave it without a place"))
			.expect(error -> error.getMessage().equals("input.kind: May not be cleared; leave it out to keep it as it is"))
			.verify();
		// language=GraphQL
		this.graphQl.document("mutation { updateOrganization(code: \"TM-ORG\", input: {municipality: null}) { municipality"
				+ " { code } region { code } } }")
			.execute()
			.path("updateOrganization.municipality").valueIsNull()
			.path("updateOrganization.region.code").entity(String.class).isEqualTo("GE-KK");
		// language=GraphQL
		this.graphQl.document("mutation { updateOrganization(code: \"TM-ORG\", input: {region: null}) { region { code } } }")
			.execute()
			.path("updateOrganization.region").valueIsNull();
		// an organizer with no part in the project would see its numbers in full, as a partner of it does
		// language=GraphQL
		var create = """
				mutation { createActivity(input: {code: "TM-ACT", project: "CSO-CAPACITY", kind: MEETING, title: "Planning meeting",
				    startDate: "%s", endDate: "2025-02-03", venue: "GE-KK-TSALKA", organizer: "%s",
				    topics: ["Budget calendar"]}) {
				  code kind project { code } venue { code } organizer { code } topics } }""";
		this.graphQl.document(create.formatted("2025-02-03", "TM-ORG"))
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST && error.getMessage().equals("input.organizer: "
					+ "Organization TM-ORG neither leads project CSO-CAPACITY nor is a partner of it: add it to the "
					+ "project's partners first (updateProject)"))
			.verify();
		// indicators would count none of an activity outside its programme's dates (a partner's 2030 for 2025 took
		// one out of them all), by creation as by a move
		this.graphQl.document(create.formatted("2022-12-31", "SCCSF"))
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST && error.getMessage().equals("input.startDate: "
					+ "Before its programme EU-CSO-EQUAL starts (2023-01-01): its indicators would count none of its "
					+ "participations; an admin may move the programme's dates"))
			.verify();
		// nor, by mutation, outside its project's (a sheet, which records what took place, warns)
		// language=GraphQL
		this.graphQl.document("""
				mutation { createProject(input: {code: "TM-2024", programme: "EU-CSO-EQUAL", name: "x", lead: "SCCSF",
				    startDate: "2024-01-01", endDate: "2024-12-31"}) { code } }""")
			.execute()
			.path("createProject.code").entity(String.class).isEqualTo("TM-2024");
		this.graphQl.document(create.formatted("2025-02-03", "SCCSF").replace("CSO-CAPACITY", "TM-2024"))
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.startDate: After its project TM-2024 ends (2024-12-31): "
					+ "an admin may move the project's dates, or the right project be given (input.project)"))
			.verify();
		// nor end after them by more than a month: a mistyped year made a training of 73 years
		this.graphQl.document(create.formatted("2024-12-30", "SCCSF").replace("CSO-CAPACITY", "TM-2024"))
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.endDate: After its project TM-2024 ends (2024-12-31) by"
					+ " more than 31 days, which an activity under way then may last past it: an admin may move the"
					+ " project's dates, or the right project be given (input.project)"))
			.verify();
		// one under way at its end may end within them, as a sheet's does (a tester's: 29 December to 3 January)
		// language=GraphQL
		this.graphQl.document("""
				mutation { createActivity(input: {code: "TM-NY", project: "TM-2024", kind: TRAINING, title: "New Year",
				    startDate: "2024-12-29", endDate: "2025-01-31"}) { endDate } }""")
			.execute()
			.path("createActivity.endDate").entity(String.class).isEqualTo("2025-01-31");
		this.jdbc.update("DELETE FROM activity WHERE code = 'TM-NY'");
		// and a project's end moved past one's end is refused as a start moved past one's start is (a tester's)
		// language=GraphQL
		this.graphQl.document("""
				mutation { createActivity(input: {code: "TM-END", project: "TM-2024", kind: TRAINING, title: "Late",
				    startDate: "2024-12-01", endDate: "2025-01-20"}) { code }
				  updateProject(code: "TM-2024", input: {endDate: "2024-12-10"}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.endDate: 1 activity of it ends more than 31 days after it"
					+ " (TM-END on 2025-01-20); move their ends first"))
			.verify();
		this.graphQl.document("mutation { updateProject(code: \"TM-2024\", input: {endDate: \"2024-12-20\"}) {"
				+ " endDate } }")
			.execute()
			.path("updateProject.endDate").entity(String.class).isEqualTo("2024-12-20");
		this.jdbc.update("DELETE FROM activity WHERE code = 'TM-END'");
		var activity = this.graphQl.document(create.formatted("2025-02-03", "SCCSF")).execute();
		activity.path("createActivity.organizer.code").entity(String.class).isEqualTo("SCCSF");
		this.graphQl.document("mutation { updateActivity(code: \"TM-ACT\", input: {endDate: \"2099-03-06\"}) { code } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.endDate: After its programme EU-CSO-EQUAL ends (2025-12-31)"
					+ " by more than 31 days, which an activity under way then may last past it: an admin may move the"
					+ " programme's dates"))
			.verify();
		// language=GraphQL
		this.graphQl.document("mutation { updateActivity(code: \"TM-ACT\", input: {organizer: \"TM-ORG\"}) { code } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().startsWith("input.organizer: Organization TM-ORG neither leads"))
			.verify();
		// nor does a change of the project's partners or lead leave an organizer outside
		// language=GraphQL
		this.graphQl.document("""
				mutation { updateProject(code: "CSO-CAPACITY", input: {lead: "CIF", partners: [{organization: "TM-ORG",
				    role: ASSOCIATE}]}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.partners: Organization HEKS-EPER runs 1 activity of the "
					+ "project (TRN-2024-BAKURIANI) and would have no part in it: keep it as lead or partner, or give it"
					+ " another organizer first"))
			.expect(error -> error.getMessage().equals("input.partners: Organization SCCSF runs 22 activities of the "
					+ "project (TM-ACT, TRN-2023-SJ, TRN-2024-SJ and 19 more) and would have no part in it: keep it as"
					+ " lead or partner, or give them another organizer first"))
			.verify();
		assertThat(this.jdbc.queryForList("""
				SELECT o.code FROM project p JOIN project_partner pp ON pp.project_id = p.id
				JOIN organization o ON o.id = pp.organization_id WHERE p.code = 'CSO-CAPACITY' ORDER BY o.code""",
				String.class)).containsExactly("CIF", "SCCSF");
		// a lead replaced alone is named under lead
		// language=GraphQL
		this.graphQl.document("mutation { updateProject(code: \"CSO-CAPACITY\", input: {lead: \"TM-ORG\"}) { code } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.lead: Organization HEKS-EPER runs 1 activity of the "
					+ "project (TRN-2024-BAKURIANI) and would have no part in it: keep it as lead or partner, or give it"
					+ " another organizer first"))
			.verify();
		// partners of a project without a lead, and a lead cleared beside partners given, are stored (both failed
		// with an internal error)
		// language=GraphQL
		this.graphQl.document("""
				mutation { createProject(input: {code: "TM-NOLEAD", programme: "EU-CSO-EQUAL", name: "x"}) { code }
				  a: updateProject(code: "TM-NOLEAD", input: {partners: [{organization: "CIF", role: ASSOCIATE}]}) {
				    partners { organization { code } } }
				  b: updateProject(code: "TM-NOLEAD", input: {lead: null, partners: []}) { lead { code } partners { role } } }""")
			.execute()
			.path("a.partners[*].organization.code").entityList(String.class).containsExactly("CIF")
			.path("b.lead").valueIsNull()
			.path("b.partners").entityList(Object.class).hasSize(0);
		// a lead is not also a partner, in the partners given or those stored
		// language=GraphQL
		this.graphQl.document("""
				mutation { updateProject(code: "CSO-CAPACITY", input: {partners: [{organization: "CIF", role: REGIONAL_PARTNER},
				    {organization: "HEKS-EPER", role: CO_APPLICANT}]}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.partners: Organization HEKS-EPER would both lead the "
					+ "project and be one of its partners: a lead is not also a partner"))
			.verify();
		// language=GraphQL
		this.graphQl.document("mutation { updateProject(code: \"CSO-CAPACITY\", input: {lead: \"CIF\"}) { code } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.lead: Organization CIF would both lead the project and be "
					+ "one of its partners: a lead is not also a partner"))
			.verify();
		// language=GraphQL
		this.graphQl.document("""
				mutation { createProject(input: {code: "TM-TWICE", programme: "EU-CSO-EQUAL", name: "x", lead: "CIF",
				    partners: [{organization: "CIF", role: REGIONAL_PARTNER}]}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.partners: Organization CIF would both lead the project and "
					+ "be one of its partners: a lead is not also a partner"))
			.verify();
		activity.path("createActivity.topics").entityList(String.class).containsExactly("Budget calendar");
		// language=GraphQL
		this.graphQl.document("mutation { updateActivity(code: \"TM-ACT\", input: {endDate: \"2025-02-01\"}) { code } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& error.getMessage().equals("input.endDate: Ends before it starts (2025-02-03)"))
			.verify();
		// language=GraphQL
		this.graphQl.document("""
				mutation { updateActivity(code: "TM-ACT", input: {startDate: "2030-02-03", endDate: "2030-02-04"}) {
				    code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.startDate: After its programme EU-CSO-EQUAL ends "
					+ "(2025-12-31): its indicators would count none of its participations; an admin may move the "
					+ "programme's dates"))
			.verify();
		// language=GraphQL
		this.graphQl.document("mutation { updateActivity(code: \"TM-ACT\", input: {endDate: \"2025-02-04\", title: \"Planning\"}) { title endDate kind } }")
			.execute()
			.path("updateActivity.title").entity(String.class).isEqualTo("Planning")
			.path("updateActivity.endDate").entity(String.class).isEqualTo("2025-02-04")
			.path("updateActivity.kind").entity(String.class).isEqualTo("MEETING");
		// at most 50 topics, when made and when changed: 51 are refused, and nothing stored or changed
		var topics = new ArrayList<String>();
		for (int n = 1; n <= 51; n++) {
			topics.add("Topic " + n);
		}
		// language=GraphQL
		this.graphQl.document("""
				mutation($topics: [String!]) { createActivity(input: {code: "TM-TOPICS", project: "CSO-CAPACITY",
				    kind: MEETING, title: "Many", startDate: "2025-02-03", endDate: "2025-02-03", topics: $topics}) {
				  code } }""")
			.variable("topics", topics)
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& error.getMessage().equals("input.topics: At most 50 topics")
					&& "51".equals(String.valueOf(error.getExtensions().get("value"))))
			.verify();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM activity WHERE code = 'TM-TOPICS'", Integer.class))
			.isZero();
		// language=GraphQL
		this.graphQl.document("""
				mutation($topics: [String!]) { updateActivity(code: "TM-ACT", input: {title: "Many", topics: $topics}) {
				  code } }""")
			.variable("topics", topics)
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& error.getMessage().equals("input.topics: At most 50 topics"))
			.verify();
		assertThat(this.jdbc.queryForObject("SELECT title || ': ' || array_to_string(topics, ', ') FROM activity"
				+ " WHERE code = 'TM-ACT'", String.class)).isEqualTo("Planning: Budget calendar");
		// a project's dates hold the activities they hold now, as a programme's do
		// language=GraphQL
		this.graphQl.document("""
				mutation { updateProject(code: "CSO-CAPACITY", input: {startDate: "2025-02-04", endDate: "2025-02-02"}) {
				    code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.endDate: Ends before it starts (2025-02-04)"))
			.verify();
		// language=GraphQL
		this.graphQl.document("""
				mutation { updateProject(code: "CSO-CAPACITY", input: {startDate: "2025-02-04", endDate: "2025-07-31"}) {
				    code } }""")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).extracting(ResponseError::getMessage).containsExactly(
					"input.startDate: 32 activities of it start before it (WS-2023-AKHALTSIKHE on 2023-01-21, "
							+ "WS-2023-NINOTSMINDA on 2023-03-03, WS-2023-RUSTAVI on 2023-03-17, ...); move them first",
					"input.endDate: 4 activities of it start after it (WS-2025-AKHALTSIKHE on 2025-08-14, "
							+ "WS-2025-ASPINDZA on 2025-08-19, WS-2025-GARDABANI on 2025-09-18, ...); move them first"));
		assertThat(this.jdbc.queryForList("""
				SELECT count(*) FILTER (WHERE a.start_date < DATE '2025-02-04') || ' '
				       || count(*) FILTER (WHERE a.start_date > DATE '2025-07-31')
				FROM activity a JOIN project p ON p.id = a.project_id WHERE p.code = 'CSO-CAPACITY'""", String.class))
			.containsExactly("32 4");
		assertThat(this.jdbc.queryForObject("SELECT start_date || ' ' || end_date FROM project WHERE code = 'CSO-CAPACITY'",
				String.class)).isEqualTo("2023-01-01 2025-12-31");
		// language=GraphQL
		this.graphQl.document("""
				mutation { createActivity(input: {code: "TM-ACT2", project: "CSO-CAPACITY", kind: MEETING, title: "x",
				    startDate: "2025-02-03", endDate: "2025-02-03", venue: "GE-KK", organizer: "NOBODY"}) { code } }""")
			.execute()
			.errors()
			.expect(error -> "input.venue".equals(error.getExtensions().get("argument")))
			.expect(error -> "input.organizer".equals(error.getExtensions().get("argument")))
			.verify();
		assertThat(this.jdbc.queryForList("SELECT code FROM activity WHERE code LIKE 'TM-%'", String.class))
			.isEqualTo(List.of("TM-ACT"));
	}

}
