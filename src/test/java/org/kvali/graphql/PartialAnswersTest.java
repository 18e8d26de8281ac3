package org.kvali.graphql;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.TestCallers;
import org.kvali.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * A field that fails is null beside its error and the rest of the answer stands: a wrong argument in one widget of a
 * dashboard's document had emptied the whole answer, and a failing mutation the answers of those before it, which
 * were stored. The mutations after a failing one run, each in its own transaction.
 */
@IntegrationTest
class PartialAnswersTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Callers callers;

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM programme WHERE code IN ('PA-PROG', 'PA-PROG-2')");
	}

	@Test
	void aFailingBreakdownLeavesItsSiblings() throws Exception {
		graphQl("{ programmes { code } ok: participation { totals { participants } } "
				+ "bad: participation { totals { participations } breakdown(by: []) { gender } } }")
			.andExpect(jsonPath("$.data.programmes[0].code").value("EU-CSO-EQUAL"))
			.andExpect(jsonPath("$.data.ok.totals.participants").value(310))
			.andExpect(jsonPath("$.data.bad.totals.participations").value(1503))
			.andExpect(jsonPath("$.data.bad.breakdown").value(nullValue()))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].path[1]").value("breakdown"));
	}

	@Test
	void aReportedIndicatorsRefusedSplitLeavesTheOthers() throws Exception {
		graphQl("{ indicators(programme: \"EU-CSO-EQUAL\", level: OUTCOME) { code disaggregate(by: [AGE_BAND]) { value } } }")
			.andExpect(jsonPath("$.data.indicators[0].code").value("OUTC-1"))
			.andExpect(jsonPath("$.data.indicators[0].disaggregate[*].value")
				.value(contains(10.0, 29.0, 34.0, 25.0, 19.0, 14.0)))
			.andExpect(jsonPath("$.data.indicators[1].code").value("OUTC-2"))
			.andExpect(jsonPath("$.data.indicators[1].disaggregate").value(nullValue()))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].message").value(startsWith("A reported indicator")));
	}

	@Test
	void aFailingMutationLeavesTheAnswersOfThoseBeforeIt() throws Exception {
		// and the one after it runs, as GraphQL runs a document's mutations one after the other
		graphQl("mutation { first: createProgramme(input: {code: \"PA-PROG\", name: \"Partial\"}) { code } "
				+ "again: createProgramme(input: {code: \"PA-PROG\", name: \"Partial\"}) { code } "
				+ "next: createProgramme(input: {code: \"PA-PROG-2\", name: \"Partial\"}) { code } }")
			.andExpect(jsonPath("$.data.first.code").value("PA-PROG"))
			.andExpect(jsonPath("$.data.again").value(nullValue()))
			.andExpect(jsonPath("$.data.next.code").value("PA-PROG-2"))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].extensions.classification").value("CONFLICT"));
	}

	@Test
	void aRefusedAttendanceLeavesItsSiblings() throws Exception {
		// an activity no one has is NOT_FOUND, null beside its error; the totals and the viewer stand
		graphQl("{ viewer { role } participation { totals { participants } } "
				+ "attendance(activity: \"TRN-2024-BAKURIANI\") { totalCount } }")
			.andExpect(jsonPath("$.data.viewer.role").value("ADMIN"))
			.andExpect(jsonPath("$.data.participation.totals.participants").value(310))
			.andExpect(jsonPath("$.data.attendance.totalCount").value(62)); // the 60 reached and two who ran it
		graphQl("{ viewer { role } participation { totals { participants } } "
				+ "attendance(activity: \"NO-SUCH-ACTIVITY\") { totalCount } }")
			.andExpect(jsonPath("$.data.viewer.role").value("ADMIN"))
			.andExpect(jsonPath("$.data.participation.totals.participants").value(310))
			.andExpect(jsonPath("$.data.attendance").value(nullValue()))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].path[0]").value("attendance"))
			.andExpect(jsonPath("$.errors[0].extensions.classification").value("NOT_FOUND"));
	}

	/** A partner asking its own activity's attendance beside another's keeps its own (it had lost the whole answer). */
	@Test
	void aPartnersRefusedAttendanceLeavesItsOwn() throws Exception {
		var cif = this.callers.secret(Role.PARTNER, "CIF");
		try {
			graphQl("{ viewer { role } mine: attendance(activity: \"WS-2025-DMANISI\", first: 2) {"
					+ " totalCount } other: attendance(activity: \"WS-2023-AKHALTSIKHE\", first: 2) { totalCount } }",
					cif)
				.andExpect(jsonPath("$.data.viewer.role").value("PARTNER"))
				.andExpect(jsonPath("$.data.mine.totalCount").value(11))
				.andExpect(jsonPath("$.data.other").value(nullValue()))
				.andExpect(jsonPath("$.errors.length()").value(1))
				.andExpect(jsonPath("$.errors[0].path[0]").value("other"))
				.andExpect(jsonPath("$.errors[0].extensions.classification").value("FORBIDDEN"));
		}
		finally {
			this.callers.deleteKeys();
		}
	}

	/** So that any of them fails alone: a field of `Query` or `Mutation` that is never null empties the answer. */
	@Test
	void everyFieldOfQueryAndMutationMayBeNull() throws Exception {
		for (var root : new String[] { "Query", "Mutation" }) {
			graphQl("{ __type(name: \"" + root + "\") { fields { name type { kind } } } }")
				.andExpect(jsonPath("$.data.__type.fields.length()").value(greaterThan(10)))
				.andExpect(jsonPath("$.data.__type.fields[?(@.type.kind == 'NON_NULL')].name")
					.value(empty()));
		}
	}

	private ResultActions graphQl(String document) throws Exception {
		return graphQl(document, TestCallers.ADMIN_KEY);
	}

	private ResultActions graphQl(String document, String key) throws Exception {
		var body = "{\"query\":\"" + document.replace("\"", "\\\"") + "\"}";
		return this.mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + key)
			.content(body));
	}

}
