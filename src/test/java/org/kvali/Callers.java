package org.kvali;

import java.util.List;

import org.kvali.access.ApiKeyService;
import org.kvali.access.Role;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Callers other than the default ADMIN ({@link TestCallers}): each call makes a new API key, named "caller", its
 * role and its organizations, which {@link #deleteKeys} takes away again.
 */
public class Callers {

	private final ApiKeyService keys;

	private final HttpGraphQlTester graphQl;

	private final JdbcTemplate jdbc;

	Callers(ApiKeyService keys, HttpGraphQlTester graphQl, JdbcTemplate jdbc) {
		this.keys = keys;
		this.graphQl = graphQl;
		this.jdbc = jdbc;
	}

	/** The secret of a new key for the role and, for a PARTNER, the organizations it acts for. */
	public String secret(Role role, String... organizations) {
		return secret(role, List.of(organizations));
	}

	/** The secret of a new key for the role and, for a PARTNER, the organizations it acts for. */
	public String secret(Role role, List<String> organizations) {
		var name = "caller " + role + (organizations.isEmpty() ? "" : " " + String.join(",", organizations));
		return this.keys.create(name, role, organizations, false, "test").secret();
	}

	/** A tester that calls with a new key for the role and, for a PARTNER, the organizations it acts for. */
	public HttpGraphQlTester as(Role role, String... organizations) {
		return as(role, List.of(organizations));
	}

	/** A tester that calls with a new key for the role and, for a PARTNER, the organizations it acts for. */
	public HttpGraphQlTester as(Role role, List<String> organizations) {
		return this.graphQl.mutate().header("Authorization", "Bearer " + secret(role, organizations)).build();
	}

	/** Deletes every key named as those made here are, as a test class that made some does after each test. */
	public void deleteKeys() {
		this.jdbc.update("DELETE FROM api_key WHERE name LIKE 'caller %'");
	}

}
