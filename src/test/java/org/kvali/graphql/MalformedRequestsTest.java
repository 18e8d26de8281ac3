package org.kvali.graphql;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.TestCallers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Requests that are no GraphQL request, or lack a parameter: a 400 with one error saying what is wrong. */
@IntegrationTest
class MalformedRequestsTest {

	private static final String NOT_A_REQUEST = "The body is not a GraphQL request: JSON with the document as a string"
			+ " in \"query\", and \"variables\", if any, an object";

	private static final String NO_QUERY = "The request holds no GraphQL document (No 'query'): send JSON with the"
			+ " document as a string in \"query\"";

	@Autowired
	MockMvc mvc;

	@Test
	void aBodyThatIsNoGraphQlRequestIsNamedSo() throws Exception {
		refused(post("{not json"), NOT_A_REQUEST);
		refused(post("{\"query\": \"{ regions { code } }\", \"variables\": \"x\"}"), NOT_A_REQUEST);
		refused(post("{}"), NO_QUERY);
		refused(post("{\"query\": null}"), NO_QUERY);
	}

	private ResultActions post(String body) throws Exception {
		return this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/graphql")
			.header("Authorization", "Bearer " + TestCallers.ADMIN_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private static void refused(ResultActions response, String message) throws Exception {
		response.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].message").value(message))
			.andExpect(jsonPath("$.errors[0].extensions.classification").value("BAD_REQUEST"));
	}

}
