--liquibase formatted sql

--changeset kvali:047-keys-held-by-loads splitStatements:false rollbackSplitStatements:false
-- A sheet's body may take minutes to arrive, and its key may be revoked meanwhile. Once a load holds the write lock,
-- before its checks, it holds its key's row until it commits and learns whether the key is still valid; a revocation
-- then waits for the load's checks and writes (seconds), or the load sees the revocation and stores nothing. Row-level security (changeset 022) hides the keys from a partner, so
-- the function runs with its owner's rights and tells no more than that.
DO $$
BEGIN
    EXECUTE format('SET LOCAL search_path = %I, pg_temp', current_schema());
END
$$;

CREATE FUNCTION api_key_held(key uuid) RETURNS boolean LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT coalesce((SELECT revoked_at IS NULL FROM api_key WHERE id = key FOR SHARE), false);
$$;
REVOKE ALL ON FUNCTION api_key_held(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api_key_held(uuid) TO kvali_app;
--rollback DROP FUNCTION api_key_held(uuid);
