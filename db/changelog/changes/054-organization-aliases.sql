--liquibase formatted sql

--changeset kvali:054-organization-aliases
-- The codes of organizations merged into another (mergeOrganization): a sheet made a second organization under a
-- mistyped code, and the admin merged it into the right one. A sheet naming the old code again, an old one sent once
-- more say, is recorded under the organization it was merged into instead of making the mistake again.
CREATE TABLE organization_alias (
    code            text PRIMARY KEY,
    organization_id bigint NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    merged_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organization_alias_code_any_case ON organization_alias (lower(code));
CREATE INDEX organization_alias_organization_idx ON organization_alias (organization_id);
-- every sheet reads it; only a merge (an admin's) writes it
ALTER TABLE organization_alias ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON organization_alias FOR SELECT USING (true);
CREATE POLICY admin_writes ON organization_alias USING (kvali_scope() IN ('ADMIN', 'SERVICE'));
-- the history of sheets names the organizations they were loaded for: a merge names the other there, a deletion none
CREATE POLICY admin_renames ON attendance_import FOR UPDATE USING (kvali_scope() IN ('ADMIN', 'SERVICE'));
--rollback DROP POLICY admin_renames ON attendance_import; DROP TABLE organization_alias;
