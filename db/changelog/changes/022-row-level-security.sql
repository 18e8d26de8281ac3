--liquibase formatted sql

--changeset kvali:022-application-role splitStatements:false
--validCheckSum: ANY
-- The application works as kvali_app, a role that owns no table: the connection pool sets it on every connection it
-- hands out, with the caller's scope (kvali.role, kvali.caller). The owner, which runs these changesets, keeps its
-- rights; PostgreSQL applies row-level security to kvali_app. Where the migration user cannot create roles, create
-- kvali_app beforehand and make the user a member (CREATE ROLE kvali_app NOLOGIN; GRANT kvali_app TO the user).
-- A member the administrator made, without the right to grant the role, could not grant it to itself again, and so
-- this failed (a review's): its grant serves. The grant is still made where it may be: an owner that created the
-- role holds it on PostgreSQL 16 and later to grant it alone, not to act as it. Its checksum changed with that: any
-- is taken, as every database that ran it has the role and the membership.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kvali_app') THEN
        CREATE ROLE kvali_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
    BEGIN
        GRANT kvali_app TO CURRENT_USER;
    EXCEPTION WHEN insufficient_privilege THEN
        IF NOT pg_has_role(current_user, 'kvali_app', 'MEMBER') THEN
            RAISE;
        END IF;
    END;
END
$$;
GRANT USAGE ON SCHEMA public TO kvali_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO kvali_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO kvali_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO kvali_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO kvali_app;
--rollback ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM kvali_app; ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM kvali_app; REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM kvali_app; REVOKE ALL ON ALL TABLES IN SCHEMA public FROM kvali_app; REVOKE USAGE ON SCHEMA public FROM kvali_app;

--changeset kvali:022-row-level-security splitStatements:false
-- The second line of defence, behind the checks of the services: even a query that forgot its filter cannot read
-- personal data, keys or the audit log outside ADMIN, nor another partner's imports. SERVICE is the service at
-- work without a caller (start-up, demo data, the report index, looking a key up).
CREATE FUNCTION kvali_scope() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(current_setting('kvali.role', true), ''), 'NONE')
$$;

ALTER TABLE participant_personal ENABLE ROW LEVEL SECURITY;
CREATE POLICY admin_only ON participant_personal USING (kvali_scope() IN ('ADMIN', 'SERVICE'));

ALTER TABLE api_key ENABLE ROW LEVEL SECURITY;
CREATE POLICY admin_only ON api_key USING (kvali_scope() IN ('ADMIN', 'SERVICE'));
ALTER TABLE api_key_organization ENABLE ROW LEVEL SECURITY;
CREATE POLICY admin_only ON api_key_organization USING (kvali_scope() IN ('ADMIN', 'SERVICE'));

ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_writes ON audit_event FOR INSERT WITH CHECK (true);
CREATE POLICY admin_reads ON audit_event FOR SELECT USING (kvali_scope() IN ('ADMIN', 'SERVICE'));

ALTER TABLE attendance_import ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_writes ON attendance_import FOR INSERT WITH CHECK (true);
CREATE POLICY own_imports ON attendance_import FOR SELECT USING (kvali_scope() IN ('ADMIN', 'SERVICE')
    OR (kvali_scope() = 'PARTNER' AND imported_by = current_setting('kvali.caller', true)));
CREATE POLICY service_removes ON attendance_import FOR DELETE USING (kvali_scope() IN ('ADMIN', 'SERVICE'));
--rollback DROP POLICY service_removes ON attendance_import; DROP POLICY own_imports ON attendance_import; DROP POLICY everyone_writes ON attendance_import; ALTER TABLE attendance_import DISABLE ROW LEVEL SECURITY; DROP POLICY admin_reads ON audit_event; DROP POLICY everyone_writes ON audit_event; ALTER TABLE audit_event DISABLE ROW LEVEL SECURITY; DROP POLICY admin_only ON api_key_organization; ALTER TABLE api_key_organization DISABLE ROW LEVEL SECURITY; DROP POLICY admin_only ON api_key; ALTER TABLE api_key DISABLE ROW LEVEL SECURITY; DROP POLICY admin_only ON participant_personal; ALTER TABLE participant_personal DISABLE ROW LEVEL SECURITY; DROP FUNCTION kvali_scope();
