package org.kvali.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kvali.sql.WritersQueue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Keys, found by the hash of their secret. */
@Repository
class ApiKeyRepository {

	private static final String SELECT = """
			SELECT k.id, k.name, k.role, k.demo, k.created_by, k.created_at, k.revoked_at,
			       array(SELECT o.organization_id FROM api_key_organization o WHERE o.api_key_id = k.id
			             ORDER BY o.organization_id) AS organization_ids
			FROM api_key k""";

	private final JdbcClient jdbc;

	ApiKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Waits for the writers' queue and holds it until the transaction ends: a merge or deletion of an organization
	 * checks, under it, that no key acts for it.
	 */
	void queueWriters() {
		WritersQueue.join(this.jdbc);
	}

	void insert(UUID id, String name, Role role, Collection<Long> organizations, byte[] secretSha256, boolean demo,
			String createdBy) {
		this.jdbc.sql("""
				INSERT INTO api_key (id, name, role, secret_sha256, demo, created_by)
				VALUES (:id, :name, :role, :hash, :demo, :createdBy)""")
			.param("id", id)
			.param("name", name)
			.param("role", role.name())
			.param("hash", secretSha256)
			.param("demo", demo)
			.param("createdBy", createdBy)
			.update();
		this.jdbc.sql("""
				INSERT INTO api_key_organization (api_key_id, organization_id)
				SELECT :id, unnest(CAST(:organizations AS bigint[]))""")
			.param("id", id)
			.param("organizations", organizations.toArray(Long[]::new))
			.update();
	}

	/**
	 * Holds the rows of the key to revoke and of the caller's own ({@code own}, null for none), in the order of their
	 * ids, so that two revocations wait for each other rather than pass each other, and says whether the caller's key
	 * is revoked (by the revocation just waited for).
	 */
	boolean lockedRevoked(UUID target, UUID own) {
		return this.jdbc.sql("""
				SELECT coalesce(bool_or(id = CAST(:own AS uuid) AND revoked_at IS NOT NULL), false)
				FROM (SELECT id, revoked_at FROM api_key WHERE id IN (:target, CAST(:own AS uuid)) ORDER BY id
				      FOR UPDATE) held""")
			.param("target", target)
			.param("own", own)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Holds the key's row to the end of the transaction (changeset 047), so that its revocation waits; false when it
	 * is revoked or gone. Any caller may ask.
	 */
	boolean held(UUID id) {
		return this.jdbc.sql("SELECT api_key_held(:id)").param("id", id).query(Boolean.class).single();
	}

	/** The key whose secret has this hash, unless revoked. */
	Optional<ApiKey> active(byte[] secretSha256) {
		return this.jdbc.sql(SELECT + " WHERE k.secret_sha256 = :hash AND k.revoked_at IS NULL")
			.param("hash", secretSha256)
			.query(ApiKeyRepository::key)
			.optional();
	}

	/** The revoked key whose secret has this hash. */
	Optional<ApiKey> revoked(byte[] secretSha256) {
		return this.jdbc.sql(SELECT + " WHERE k.secret_sha256 = :hash AND k.revoked_at IS NOT NULL")
			.param("hash", secretSha256)
			.query(ApiKeyRepository::key)
			.optional();
	}

	Optional<ApiKey> find(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE k.id = :id").param("id", id).query(ApiKeyRepository::key).optional();
	}

	/** Every key, the newest first. */
	List<ApiKey> all() {
		return this.jdbc.sql(SELECT + " ORDER BY k.created_at DESC, k.id").query(ApiKeyRepository::key).list();
	}

	/** Revokes the key; false when there is none with this id or it was revoked already. */
	boolean revoke(UUID id) {
		return this.jdbc.sql("UPDATE api_key SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL")
			.param("id", id)
			.update() == 1;
	}

	/** Whether a key other than a demo key may be used: one not revoked. */
	boolean anyActive() {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM api_key WHERE revoked_at IS NULL AND NOT demo)")
			.query(Boolean.class)
			.single();
	}

	/** Removes the demo keys of earlier starts. */
	int deleteDemoKeys() {
		return this.jdbc.sql("DELETE FROM api_key WHERE demo").update();
	}

	private static ApiKey key(ResultSet rs, int row) throws SQLException {
		Array organizations = rs.getArray("organization_ids");
		return new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"), Role.valueOf(rs.getString("role")),
				Arrays.asList((Long[]) organizations.getArray()), rs.getBoolean("demo"), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class));
	}

}
