package org.kvali.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.kvali.demo.DemoMode;
import org.kvali.graphql.NotFoundException;
import org.kvali.graphql.Validation;
import org.kvali.organization.OrganizationService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes, lists and revokes API keys. A secret is {@code kvali_} and 32 random bytes in URL-safe Base64; only its
 * SHA-256 is stored.
 */
@Service
public class ApiKeyService {

	static final String PREFIX = "kvali_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ApiKeyRepository keys;

	private final OrganizationService organizations;

	private final DemoMode demo;

	private final ApplicationEventPublisher events;

	ApiKeyService(ApiKeyRepository keys, OrganizationService organizations, DemoMode demo,
			ApplicationEventPublisher events) {
		this.keys = keys;
		this.organizations = organizations;
		this.demo = demo;
		this.events = events;
	}

	/**
	 * A new key for a role; a PARTNER key names one or more organizations, other roles none. Recorded in the audit
	 * log with it, by the name it acts under, but a demo key, which each demo start makes again.
	 */
	@Transactional
	public CreatedApiKey create(String name, Role role, List<String> organizationCodes, boolean demo, String createdBy) {
		var codes = organizationCodes == null ? List.<String>of() : List.copyOf(organizationCodes);
		var found = this.organizations.organizationsByCode(codes);
		var validation = new Validation().line("input.name", name, true, 200)
			.known("input.organizations", "organization", codes, found.keySet(), this.organizations::codeInAnotherCase,
					this.organizations::mergeTold);
		if (name != null && name.indexOf('#') >= 0) {
			// the audit log names a key "key:<name>#<id>": a name of its own "#" could pass for another key
			validation.problem("input.name", name, "Holds '#', which the audit log writes between a key's name and"
					+ " its id; name it without");
		}
		if (role == Role.PARTNER && codes.isEmpty()) {
			validation.problem("input.organizations", null, "A PARTNER key acts for one or more organizations; name them");
		}
		if (role != Role.PARTNER && !codes.isEmpty()) {
			validation.problem("input.organizations", String.join(",", codes),
					"Only a PARTNER key is bound to organizations; " + role + " sees every organization");
		}
		validation.check();
		// no merge or deletion of its organizations comes between their check and the key
		this.keys.queueWriters();
		// a key revoked while this waited makes none (a review's: a leaked key's request, let in before its
		// revocation, made a new ADMIN key after it); held from here on, a revocation waits for this
		if (callersKeyRevoked()) {
			throw new AccessDeniedException("Your key was revoked while this request ran");
		}
		var bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		var secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		var id = UUID.randomUUID();
		var ids = codes.stream().map(code -> found.get(code).id()).distinct().toList();
		this.keys.insert(id, name, role, ids, sha256(secret), demo, createdBy);
		var key = this.keys.find(id).orElseThrow();
		if (!demo) {
			var stored = codes.stream().map(code -> found.get(code).code()).distinct().toList();
			this.events.publishEvent(new ApiKeyChanged("create API key", described(key, stored)));
		}
		return new CreatedApiKey(key, secret);
	}

	public List<ApiKey> all() {
		return this.keys.all();
	}

	/**
	 * Revokes a key, but not the caller's own: the last ADMIN key revoked by itself (a tester revoked the demo's, then
	 * its own) left nobody to make keys, short of a restart with a bootstrap key. Whoever revokes an ADMIN key holds
	 * another admin credential, which stays: two keys revoking each other at once each revoked the other, so a
	 * revocation holds both keys' rows, and one whose own key was revoked meanwhile is refused. Recorded in the audit
	 * log with it.
	 */
	@Transactional
	public ApiKey revoke(UUID id) {
		var key = this.keys.find(id).orElseThrow(() -> new NotFoundException("API key", "id", id.toString()));
		var own = Caller.find().flatMap(ApiKeyService::keyId);
		if (own.filter(id::equals).isPresent()) {
			new Validation().problem("id", id.toString(), "This is the key you are using; a key does not revoke "
					+ "itself, so that whoever revokes still holds one: revoke it with another ADMIN key (create one"
					+ " first)")
				.check();
		}
		if (this.keys.lockedRevoked(id, own.orElse(null))) {
			throw new AccessDeniedException("Your key was revoked while this request ran");
		}
		// a key revoked before stays as it was, and is not recorded again
		if (this.keys.revoke(id)) {
			this.events.publishEvent(new ApiKeyChanged("revoke API key", described(key, List.of())));
		}
		return this.keys.find(key.id()).orElseThrow();
	}

	/** A key as the audit log records it: the name it acts under, its role, and a partner's organizations. */
	private static String described(ApiKey key, List<String> organizations) {
		return callerName(key) + " " + key.role() + (organizations.isEmpty() ? "" : " for "
				+ String.join(", ", organizations));
	}

	/**
	 * Whether the current caller's key was revoked (or removed) since the request was let in; if not, it is held to
	 * the end of the transaction, so that a revocation waits for it. False for a caller without a key (the bootstrap
	 * key, a JWT). For a request that lasts minutes, a sheet's upload, before it writes.
	 */
	public boolean callersKeyRevoked() {
		return Caller.find().flatMap(ApiKeyService::keyId).filter(id -> !this.keys.held(id)).isPresent();
	}

	/** Whether a key other than a demo key may be used: one not revoked. */
	boolean anyActive() {
		return this.keys.anyActive();
	}

	/** Removes the demo keys an earlier start made. */
	@Transactional
	public int deleteDemoKeys() {
		return this.keys.deleteDemoKeys();
	}

	/**
	 * The caller a secret stands for, when it is a key that exists and is not revoked; a demo key only while the
	 * service runs in demo mode (a tester's demo ADMIN key, printed in the log of a demo start, read a person's name
	 * after a restart with demo mode off).
	 */
	Optional<Caller> caller(String secret) {
		return this.keys.active(sha256(secret))
			.filter(key -> !key.demo() || this.demo.on())
			.map(key -> new Caller(callerName(key), key.role(), Set.copyOf(key.organizationIds())));
	}

	/** The revoked key of this secret, as the audit log names it, with its role. */
	Optional<Caller> revoked(String secret) {
		return this.keys.revoked(sha256(secret)).map(key -> new Caller(callerName(key), key.role(), Set.of()));
	}

	/**
	 * The name a key acts under in the import history, the audit log and the database scope: its name for people to
	 * read and its id, since names need not be unique and the imports a partner may read are found by this.
	 */
	static String callerName(ApiKey key) {
		return "key:" + key.name() + "#" + key.id();
	}

	/** The id of the key a caller acts with ({@link #callerName}); none for the bootstrap key or a token. */
	private static Optional<UUID> keyId(Caller caller) {
		var name = caller.name();
		if (!name.startsWith("key:") || name.lastIndexOf('#') < 0) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(name.substring(name.lastIndexOf('#') + 1)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	static byte[] sha256(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
