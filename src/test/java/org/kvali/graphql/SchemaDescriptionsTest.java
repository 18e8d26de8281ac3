package org.kvali.graphql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.TestCallers;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The README promises that every type and field is described in the schema, so that GraphiQL's documentation pane is
 * the API reference: asked by introspection, as GraphiQL asks, every type (but GraphQL's own scalars), field, field
 * argument, input field and enum value has a description, and the audit log's `action` names every action the
 * service writes.
 */
@IntegrationTest
class SchemaDescriptionsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** GraphQL's own scalars, which the specification describes. */
	private static final Set<String> BUILT_IN = Set.of("String", "Int", "Float", "Boolean", "ID");

	/** The actions the service writes to the audit log (AuditLog#record), as of this test. */
	private static final List<String> AUDIT_ACTIONS = List.of("read personal data", "refused read of personal data",
			"read attendance", "refused read of attendance",
			"forget participant", "mutation", "remove participant with their participation",
			"remove participations with activity", "import", "refused import", "refused revoked key");

	/**
	 * An action given to the audit log in the source: {@code .record("action", ...)}, or the service's own entry,
	 * {@code .record("service", null, "action", ...)}.
	 */
	private static final Pattern RECORDED = Pattern
		.compile("\\.record\\(\\s*\"([^\"]*)\"(?:\\s*,\\s*null\\s*,\\s*\"([^\"]*)\")?");

	private static final String INTROSPECTION = """
			{ __schema { types { kind name description
			    fields(includeDeprecated: true) { name description args(includeDeprecated: true) { name description } }
			    inputFields(includeDeprecated: true) { name description }
			    enumValues(includeDeprecated: true) { name description } } } }""";

	/** The introspection's answer, asked once for the class. */
	private static JsonNode types;

	@Autowired
	MockMvc mvc;

	@Test
	void everyTypeFieldArgumentInputFieldAndEnumValueIsDescribed() throws Exception {
		var missing = new ArrayList<String>();
		var names = new TreeSet<String>();
		int checked = 0;
		for (var type : list(types())) {
			var name = type.get("name").asString();
			if (name.startsWith("__") || BUILT_IN.contains(name)) {
				continue;
			}
			names.add(name);
			checked++;
			if (blank(type)) {
				missing.add(name);
			}
			for (var field : list(type.get("fields"))) {
				var path = name + "." + field.get("name").asString();
				checked++;
				if (blank(field)) {
					missing.add(path);
				}
				for (var argument : list(field.get("args"))) {
					checked++;
					if (blank(argument)) {
						missing.add(path + "(" + argument.get("name").asString() + ")");
					}
				}
			}
			for (var member : Stream.concat(list(type.get("inputFields")).stream(),
					list(type.get("enumValues")).stream()).toList()) {
				checked++;
				if (blank(member)) {
					missing.add(name + "." + member.get("name").asString());
				}
			}
		}
		// an answer without the schema's types must not pass for one whose types are all described
		assertThat(names).contains("Query", "Mutation", "Date", "AuditEvent", "AuditEventConnection",
				"CreateApiKeyInput", "Role", "ParticipationFilter");
		assertThat(checked).as("types, fields, arguments, input fields and enum values checked").isGreaterThan(500);
		assertThat(missing)
			.withFailMessage(() -> missing.size() + " without a description:\n  " + String.join("\n  ", missing))
			.isEmpty();
	}

	@Test
	void theAuditLogsActionNamesEveryActionTheServiceWrites() throws Exception {
		var written = writtenActions();
		// the scan of the source finds what it looks for; otherwise the check below would check nothing
		assertThat(written).as("actions found in src/main/java").contains("mutation", "import", "refused revoked key");
		var auditEvent = list(types()).stream()
			.filter(type -> type.get("name").asString().equals("AuditEvent"))
			.findFirst()
			.orElseThrow();
		var action = list(auditEvent.get("fields")).stream()
			.filter(field -> field.get("name").asString().equals("action"))
			.findFirst()
			.orElseThrow();
		var description = action.get("description").asString();
		var expected = new TreeSet<>(AUDIT_ACTIONS);
		expected.addAll(written);
		var unnamed = expected.stream().filter(name -> !description.contains("`" + name + "`")).toList();
		assertThat(unnamed)
			.withFailMessage(() -> "AuditEvent.action does not name " + unnamed + " (in backquotes); it reads:\n"
					+ description)
			.isEmpty();
	}

	private JsonNode types() throws Exception {
		if (types == null) {
			var answer = this.mvc
				.perform(post("/graphql").header("Authorization", "Bearer " + TestCallers.ADMIN_KEY)
					.contentType(MediaType.APPLICATION_JSON)
					.content(JSON.writeValueAsString(Map.of("query", INTROSPECTION))))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.errors").doesNotExist())
				.andReturn()
				.getResponse()
				.getContentAsString();
			types = JSON.readTree(answer).at("/data/__schema/types");
		}
		return types;
	}

	/** Every action string passed to the audit log in the service's source. */
	private static Set<String> writtenActions() throws IOException {
		var actions = new TreeSet<String>();
		try (var files = Files.walk(Path.of("src/main/java"))) {
			for (var file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
				var source = Files.readString(file);
				if (!source.contains("AuditLog") && !file.toString().contains("audit")) {
					continue;
				}
				var call = RECORDED.matcher(source);
				while (call.find()) {
					actions.add(call.group(2) != null ? call.group(2) : call.group(1));
				}
			}
		}
		return actions;
	}

	private static List<JsonNode> list(JsonNode node) {
		return node == null || !node.isArray() ? List.of() : node.valueStream().toList();
	}

	private static boolean blank(JsonNode described) {
		var description = described.get("description");
		return description == null || description.isNull() || description.asString().isBlank();
	}

}
