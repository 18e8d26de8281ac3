package org.kvali.access;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kvali.graphql.InvalidArgumentException;
import org.kvali.organization.Organization;
import org.kvali.organization.OrganizationService;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The {@code ApiKey} type and the key fields of Query and Mutation; ADMIN only. */
@Controller
class ApiKeyController {

	record CreateApiKeyInput(String name, Role role, List<String> organizations) {
	}

	private final ApiKeyService keys;

	private final OrganizationService organizations;

	ApiKeyController(ApiKeyService keys, OrganizationService organizations) {
		this.keys = keys;
		this.organizations = organizations;
	}

	@QueryMapping
	List<ApiKey> apiKeys() {
		Access.require(Role.ADMIN);
		return this.keys.all();
	}

	@MutationMapping
	CreatedApiKey createApiKey(@Argument CreateApiKeyInput input) {
		var caller = Access.require(Role.ADMIN);
		return this.keys.create(input.name(), input.role(), input.organizations(), false, caller.name());
	}

	@MutationMapping
	ApiKey revokeApiKey(@Argument String id) {
		Access.require(Role.ADMIN);
		UUID key;
		try {
			key = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidArgumentException("id", id, "Not a key id");
		}
		return this.keys.revoke(key);
	}

	@BatchMapping(typeName = "ApiKey")
	Map<ApiKey, List<Organization>> organizations(List<ApiKey> keys) {
		var ids = keys.stream().flatMap(key -> key.organizationIds().stream()).distinct().toList();
		var byId = this.organizations.organizationsById(ids);
		Map<ApiKey, List<Organization>> result = new HashMap<>();
		keys.forEach(key -> result.put(key, key.organizationIds().stream().map(byId::get).toList()));
		return result;
	}

}
