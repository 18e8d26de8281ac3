package org.kvali.access;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.kvali.demo.DemoMode;
import org.kvali.organization.OrganizationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * In demo mode, makes one key per role at every start (removing the previous start's) and logs them. The ANALYST key
 * also opens GraphiQL, so a visitor can query at once. Elsewhere no key exists until an admin makes one.
 */
@Component
class DemoKeys implements ApplicationRunner {

	/** The organization the demo PARTNER key acts for: the partner that runs the Kvemo Kartli activities. */
	static final String PARTNER_ORGANIZATION = "CIF";

	private static final Logger log = LoggerFactory.getLogger(DemoKeys.class);

	private final DemoMode demo;

	private final ApiKeyService keys;

	private final OrganizationService organizations;

	private final Map<Role, String> secrets = new EnumMap<>(Role.class);

	/** Whether GraphiQL is served ({@code KVALI_EXPLORER_ENABLED}), which the log then says uses the ANALYST key. */
	private final boolean graphiql;

	DemoKeys(DemoMode demo, ApiKeyService keys, OrganizationService organizations,
			@Value("${spring.graphql.graphiql.enabled:false}") boolean graphiql) {
		this.graphiql = graphiql;
		this.demo = demo;
		this.keys = keys;
		this.organizations = organizations;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.demo.on()) {
			ServiceScope.run(this::makeKeys);
		}
	}

	private void makeKeys() {
		this.keys.deleteDemoKeys();
		var lines = new StringBuilder();
		for (var role : Role.values()) {
			List<String> scope = List.of();
			if (role == Role.PARTNER) {
				if (this.organizations.organizationsByCode(List.of(PARTNER_ORGANIZATION)).isEmpty()) {
					continue;
				}
				scope = List.of(PARTNER_ORGANIZATION);
			}
			var created = this.keys.create("demo " + role.name().toLowerCase(java.util.Locale.ROOT), role, scope, true,
					"demo");
			this.secrets.put(role, created.secret());
			lines.append(String.format("%n  %-8s %s%s", role, created.secret(),
					scope.isEmpty() ? "" : " (organization " + PARTNER_ORGANIZATION + ")"));
		}
		log.warn("Demo keys, for the demo data only; they are replaced at every start. Send one as "
				+ "'Authorization: Bearer <key>'.{}{}", this.graphiql ? " GraphiQL uses the ANALYST key by itself." : "",
				lines);
	}

	/** The secret of this start's demo key for a role, if demo mode made one. */
	String secret(Role role) {
		return this.secrets.get(role);
	}

}
