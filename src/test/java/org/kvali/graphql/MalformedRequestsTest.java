package org.kvali.graphql;

import java.util.List;
import java.util.regex.Pattern;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.TestCallers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Requests that are no GraphQL request, or lack a parameter: a 4xx with one error saying what is wrong. */
@IntegrationTest
class MalformedRequestsTest {

	private static final String NOT_A_REQUEST = "The body is not a GraphQL request: JSON with the document as a string"
			+ " in \"query\", and \"variables\", if any, an object";

	private static final String NO_QUERY = "The request holds no GraphQL document (No 'query'): send JSON with the"
			+ " document as a string in \"query\"";

	private static final String ADMIN = "Bearer " + TestCallers.ADMIN_KEY;

	@Autowired
	MockMvc mvc;

	@Test
	void aBodyThatIsNoGraphQlRequestIsNamedSo() throws Exception {
		refused(post("{not json"), NOT_A_REQUEST);
		refused(post("[{\"query\": \"{ regions { code } }\"}]"), NOT_A_REQUEST);
		refused(post("null"), NOT_A_REQUEST);
		refused(post(" null "), NOT_A_REQUEST);
		refused(post("{\"query\": \"{ regions { code } }\", \"variables\": \"x\"}"),
				"The body is not a GraphQL request: \"variables\" must be an object");
		refused(post("{}"), NO_QUERY);
		refused(post("{\"query\": null}"), NO_QUERY);
	}

	/**
	 * A client of automatic persisted queries, sending a document's hash alone, is told in the code it takes for "send
	 * the document itself" (it was told an invalid syntax about a token it never sent).
	 */
	@Test
	void aPersistedQueryIsRefusedInTheCodeItsClientsKnow() throws Exception {
		post("{\"extensions\": {\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"" + "ab".repeat(32) + "\"}}}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].message")
				.value("Persisted queries are not kept here: send the document itself in \"query\""))
			.andExpect(jsonPath("$.errors[0].extensions.code").value("PERSISTED_QUERY_NOT_SUPPORTED"))
			.andExpect(jsonPath("$.errors[0].extensions.classification").value("BAD_REQUEST"))
			.andExpect(jsonPath("$.data").doesNotExist());
		// a document of that one word is no such request: it is read, and its syntax refused
		post("{\"query\": \"PersistedQueryMarker\"}")
			.andExpect(jsonPath("$.errors[0].extensions.classification").value("InvalidSyntax"));
		// with its document too, it is answered
		post("{\"query\": \"{ regions { code } }\", \"extensions\": {\"persistedQuery\": {\"version\": 1, "
				+ "\"sha256Hash\": \"" + "ab".repeat(32) + "\"}}}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.regions.length()").value(12));
	}

	/** Jackson would read 5 as the text "5", and GraphQL then failed on a document nobody sent. */
	@Test
	void aNumberOrBooleanIsNoDocumentNorOperationName() throws Exception {
		var query = "The body is not a GraphQL request: \"query\" must be a string";
		refused(post("{\"query\": 5}"), query);
		refused(post("{\"query\": 1.5}"), query);
		refused(post("{\"query\": true}"), query);
		refused(post("{\"query\": [\"{ regions { code } }\"]}"), query);
		refused(post("{\"query\": \"{ regions { code } }\", \"operationName\": 7}"),
				"The body is not a GraphQL request: \"operationName\" must be a string");
		post("{\"query\": \"{ regions { code } }\", \"variables\": {\"n\": 5}}").andExpect(status().isOk())
			.andExpect(jsonPath("$.data.regions.length()").value(12));
	}

	/** Jackson kept the last of a member given twice, so what a proxy or log read of the body was not what ran. */
	@Test
	void aMemberGivenTwiceIsRefused() throws Exception {
		refused(post("{\"query\": \"{ regions { code } }\", \"query\": \"{ programmes { code } }\"}"),
				"The body is not a GraphQL request: \"query\" is given twice");
		refused(post("{\"query\": \"{ regions { code } }\", \"variables\": {\"n\": 1, \"n\": 2}}"),
				"The body is not a GraphQL request: \"n\" is given twice in \"variables\"");
	}

	@Test
	void anythingButAPostOfJsonIsToldWhatToSend() throws Exception {
		this.mvc.perform(get("/graphql").param("query", "{ regions { code } }").header("Authorization", ADMIN))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string("Allow", "POST"))
			.andExpect(jsonPath("$.errors[0].message").value("GraphQL requests are sent by POST, not GET: a JSON body"
					+ " with the document as a string in \"query\""));
		this.mvc.perform(MockMvcRequestBuilders.put("/graphql").header("Authorization", ADMIN))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(jsonPath("$.errors[0].message").value("GraphQL requests are sent by POST, not PUT: a JSON body"
					+ " with the document as a string in \"query\""));
		var query = "{\"query\": \"{ regions { code } }\"}";
		unsupported("application/graphql", "{ regions { code } }", "application/graphql");
		unsupported(MediaType.TEXT_PLAIN_VALUE, "{ regions { code } }", "text/plain");
		// no type at all, or none that parses: Spring's router failed on these with a 500, for every path
		for (var type : new String[] { "*/*", "application/*", "foo" }) {
			this.mvc.perform(MockMvcRequestBuilders.post("/graphql").header("Authorization", ADMIN)
					.header("Content-Type", type).content(query))
				.andExpect(status().isUnsupportedMediaType())
				// as sent: MockMvc adds a charset to a text body's type
				.andExpect(jsonPath("$.errors[0].message").value(Matchers.matchesPattern("The body is sent as '"
						+ Pattern.quote(type) + "(;charset=UTF-8)?', which names no type of content: send application/json"
						+ " to /graphql, text/csv or the .xlsx type to /imports/attendance")));
		}
		this.mvc.perform(MockMvcRequestBuilders.post("/graphql").header("Authorization", ADMIN)
				.contentType(MediaType.APPLICATION_JSON).header("Accept", ";;;garbage").content(query))
			.andExpect(status().isNotAcceptable())
			.andExpect(jsonPath("$.errors[0].message").value("The Accept header ';;;garbage' is not readable: accept"
					+ " application/json"));
		unsupported(null, query, "no type");
		this.mvc.perform(MockMvcRequestBuilders.post("/graphql").header("Authorization", ADMIN)
				.contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_HTML)
				.content(query))
			.andExpect(status().isNotAcceptable())
			.andExpect(jsonPath("$.errors[0].message").value("The request accepts only [text/html]; the answer is"
					+ " application/json or application/graphql-response+json"));
		// q=0 says "not this": the mutation it carried ran
		this.mvc.perform(MockMvcRequestBuilders.post("/graphql").header("Authorization", ADMIN)
				.contentType(MediaType.APPLICATION_JSON).header("Accept", "application/json;q=0")
				.content(query))
			.andExpect(status().isNotAcceptable());
		// no subscription is served: an event stream alone was answered 200 with an error in it
		this.mvc.perform(MockMvcRequestBuilders.post("/graphql").header("Authorization", ADMIN)
				.contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
				.content(query))
			.andExpect(status().isNotAcceptable())
			.andExpect(jsonPath("$.errors[0].message").value("The request accepts only [text/event-stream]; the"
					+ " answer is application/json or application/graphql-response+json"));
	}

	/**
	 * A document that does not parse is a GraphQL request error: 200 as JSON, as GraphQL over HTTP has it for
	 * application/json, and 400 to a client that accepts application/graphql-response+json.
	 */
	@Test
	void anEmptyDocumentIsAnErrorOfSyntaxWhoseStatusTheAcceptedTypeDecides() throws Exception {
		for (var type : List.of(MediaType.APPLICATION_JSON, MediaType.parseMediaType("application/graphql-response+json"))) {
			this.mvc.perform(MockMvcRequestBuilders.post("/graphql").header("Authorization", ADMIN)
					.contentType(MediaType.APPLICATION_JSON).accept(type)
					.content("{\"query\": \"\"}"))
				.andExpect(status().is(type.equals(MediaType.APPLICATION_JSON) ? 200 : 400))
				.andExpect(jsonPath("$.data").doesNotExist())
				.andExpect(jsonPath("$.errors.length()").value(1))
				.andExpect(jsonPath("$.errors[0].message").value("Invalid syntax with offending token '<EOF>' at line 1"
						+ " column 1"))
				.andExpect(jsonPath("$.errors[0].extensions.classification").value("InvalidSyntax"));
		}
	}

	/**
	 * The answer's type is the one the Accept prefers, by quality and, of two alike, the one named first. Spring's
	 * handler answered application/json to any range it did not find verbatim among its two types.
	 */
	@Test
	void theAnswerIsOfTheTypeTheRequestPrefers() throws Exception {
		var json = "application/json";
		var response = "application/graphql-response+json";
		var preferred = new String[][] { { "application/json;q=0, */*", response },
				{ "application/graphql-response+json;q=0.9, application/json;q=0.5", response },
				{ "application/json;q=0.5, application/graphql-response+json;q=0.9", response },
				{ "application/json, application/graphql-response+json;q=0.9", json },
				{ "application/graphql-response+json, application/json", response },
				{ "application/json, application/graphql-response+json", json },
				{ "application/graphql-response+json;q=0, application/*", json }, { "*/*", json },
				{ "application/*;q=0.5, application/graphql-response+json;q=0.4", json } };
		for (var accept : preferred) {
			// a syntax error: 200 as application/json, 400 as application/graphql-response+json
			this.mvc.perform(MockMvcRequestBuilders.post("/graphql").header("Authorization", ADMIN)
					.contentType(MediaType.APPLICATION_JSON).header("Accept", accept[0])
					.content("{\"query\": \"{\"}"))
				.andExpect(status().is(accept[1].equals(json) ? 200 : 400))
				.andExpect(header().string("Content-Type", Matchers.startsWith(accept[1])))
				.andExpect(jsonPath("$.errors[0].extensions.classification").value("InvalidSyntax"));
		}
	}

	/**
	 * JSON nested deeper than the parser reads was told "variables must be an object", and a body in another encoding
	 * "not a GraphQL request" without the reason (a tester's).
	 */
	@Test
	void jsonTooDeepOrNotUtf8IsToldSo() throws Exception {
		var deep = "[".repeat(600) + "]".repeat(600);
		refused(post("{\"query\": \"{ regions { code } }\", \"variables\": {\"f\": " + deep + "}}"),
				"The body is not a GraphQL request: its JSON nests deeper than the parser reads (values within values,"
						+ " 500 levels at most)");
		this.mvc.perform(MockMvcRequestBuilders.post("/graphql").header("Authorization", ADMIN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"query\": \"{ region(code: \\\"Tbilis\u00ed\\\") { code } }\"}"
					.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message")
				.value("The body is not a GraphQL request: it is not UTF-8 text; send JSON in UTF-8"));
	}

	/** A value of the wrong kind is named as the document writes it, not as graphql-java's parser holds it. */
	@Test
	void aValueOfTheWrongKindIsNamedAsWritten() throws Exception {
		post("{\"query\": \"{ participation(filter: {genders: [FEMAL]}) { totals { participants } } }\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errors[*].message").value(Matchers.contains("Validation error"
					+ " (WrongType@[participation]) : argument 'filter.genders[0]' with value 'FEMAL' is not a valid"
					+ " 'Gender' - Literal value not in allowable values for enum 'Gender' - 'FEMAL'")))
			.andExpect(jsonPath("$.errors[0].locations[0].line").value(1))
			.andExpect(jsonPath("$.errors[0].extensions.classification").value("ValidationError"));
		post("{\"query\": \"{ participation(filter: {from: \\\"2024-7-18\\\"}) { totals { participants } } }\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errors[*].message").value(Matchers.contains("Validation error"
					+ " (WrongType@[participation]) : argument 'filter.from' with value '\"2024-7-18\"' is not a valid"
					+ " 'Date' - '2024-7-18' is not a date of the form 2024-07-18")));
		post("{\"query\": \"{ participation(filter: {genders: [null]}) { totals { participants } } }\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errors[*].message").value(Matchers.contains("Validation error"
					+ " (WrongType@[participation]) : argument 'filter.genders[0]' with value 'null' must not be null")));
	}

	private void unsupported(String type, String body, String shown) throws Exception {
		var request = MockMvcRequestBuilders.post("/graphql").header("Authorization", ADMIN).content(body);
		if (type != null) {
			request.contentType(type);
		}
		this.mvc.perform(request)
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.errors[0].message").value("The body is sent as " + shown + "; send it as application/json"));
	}

	private ResultActions post(String body) throws Exception {
		return this.mvc.perform(MockMvcRequestBuilders.post("/graphql")
			.header("Authorization", ADMIN)
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
