--liquibase formatted sql

--changeset kvali:025-who-writes-what splitStatements:false rollbackSplitStatements:false
-- PostgreSQL checks again who may change what, behind the services' checks: a statement that forgot them still
-- changes nothing outside the caller's reach. Everyone reads these tables (their names and codes are breakdown groups
-- for every role); writes are for:
-- * programmes, projects, their donors and partners, indicators and targets: ADMIN (and the service at work);
-- * organizations and participants: also a PARTNER, whose sheets name new ones and correct participants' details;
--   only ADMIN changes or deletes an organization or deletes a participant. Which participants a partner's sheet may
--   correct (those who took part in its projects only) stays the service's rule: as a policy it would be looked up
--   for every participant a statement reads, before the statement's own conditions;
-- * activities and participations: also a PARTNER, within the projects its organizations lead or partner, before
--   and after the change;
-- * reported indicator values: also a PARTNER, for indicators of those projects (a correction is a new value).
-- A partner's projects are looked up once per statement (an uncorrelated IN list, hashed), not once per row: a policy
-- looking them up per row made a partner's 200,000 participations take 5.9 to 9.4 s instead of 1.7 (psql, a
-- database of 1 million participations; 1.4 to 1.6 s for the service, whose policy stops at its role).
DO $$
BEGIN
    EXECUTE format('SET LOCAL search_path = %I, pg_temp', current_schema());
END
$$;

-- The organizations the caller acts for, set on every connection with kvali.role (empty outside PARTNER).
CREATE FUNCTION kvali_organizations() RETURNS bigint[] LANGUAGE sql STABLE AS $$
    SELECT CAST(coalesce(nullif(current_setting('kvali.organizations', true), ''), '{}') AS bigint[])
$$;

CREATE FUNCTION kvali_own_projects() RETURNS SETOF bigint LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
    SELECT id FROM project WHERE lead_organization_id = ANY (kvali_organizations())
    UNION SELECT project_id FROM project_partner WHERE organization_id = ANY (kvali_organizations())
$$;

CREATE FUNCTION kvali_admin() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT kvali_scope() IN ('ADMIN', 'SERVICE')
$$;

ALTER TABLE programme ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON programme FOR SELECT USING (true);
CREATE POLICY admin_writes ON programme USING (kvali_admin());
ALTER TABLE programme_donor ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON programme_donor FOR SELECT USING (true);
CREATE POLICY admin_writes ON programme_donor USING (kvali_admin());
ALTER TABLE project ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON project FOR SELECT USING (true);
CREATE POLICY admin_writes ON project USING (kvali_admin());
ALTER TABLE project_partner ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON project_partner FOR SELECT USING (true);
CREATE POLICY admin_writes ON project_partner USING (kvali_admin());
ALTER TABLE indicator ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON indicator FOR SELECT USING (true);
CREATE POLICY admin_writes ON indicator USING (kvali_admin());
ALTER TABLE indicator_target ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON indicator_target FOR SELECT USING (true);
CREATE POLICY admin_writes ON indicator_target USING (kvali_admin());

ALTER TABLE organization ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON organization FOR SELECT USING (true);
CREATE POLICY admin_writes ON organization USING (kvali_admin());
CREATE POLICY partner_adds ON organization FOR INSERT WITH CHECK (kvali_scope() = 'PARTNER');
ALTER TABLE participant ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON participant FOR SELECT USING (true);
CREATE POLICY admin_writes ON participant USING (kvali_admin());
CREATE POLICY partner_adds ON participant FOR INSERT WITH CHECK (kvali_scope() = 'PARTNER');
CREATE POLICY partner_corrects ON participant FOR UPDATE USING (kvali_scope() = 'PARTNER');

ALTER TABLE activity ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON activity FOR SELECT USING (true);
CREATE POLICY own_writes ON activity USING (kvali_admin()
    OR kvali_scope() = 'PARTNER' AND project_id IN (SELECT kvali_own_projects()));
ALTER TABLE participation ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON participation FOR SELECT USING (true);
CREATE POLICY own_writes ON participation USING (kvali_admin()
    OR kvali_scope() = 'PARTNER' AND activity_id IN (SELECT a.id FROM activity a
        WHERE a.project_id IN (SELECT kvali_own_projects())));

ALTER TABLE indicator_value ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON indicator_value FOR SELECT USING (true);
CREATE POLICY admin_writes ON indicator_value USING (kvali_admin());
CREATE POLICY partner_reports ON indicator_value FOR INSERT WITH CHECK (kvali_scope() = 'PARTNER'
    AND indicator_id IN (SELECT i.id FROM indicator i WHERE i.project_id IN (SELECT kvali_own_projects())));

--rollback DROP POLICY partner_reports ON indicator_value; DROP POLICY admin_writes ON indicator_value; DROP POLICY everyone_reads ON indicator_value; ALTER TABLE indicator_value DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY own_writes ON participation; DROP POLICY everyone_reads ON participation; ALTER TABLE participation DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY own_writes ON activity; DROP POLICY everyone_reads ON activity; ALTER TABLE activity DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY partner_corrects ON participant; DROP POLICY partner_adds ON participant; DROP POLICY admin_writes ON participant; DROP POLICY everyone_reads ON participant; ALTER TABLE participant DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY partner_adds ON organization; DROP POLICY admin_writes ON organization; DROP POLICY everyone_reads ON organization; ALTER TABLE organization DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY admin_writes ON indicator_target; DROP POLICY everyone_reads ON indicator_target; ALTER TABLE indicator_target DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY admin_writes ON indicator; DROP POLICY everyone_reads ON indicator; ALTER TABLE indicator DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY admin_writes ON project_partner; DROP POLICY everyone_reads ON project_partner; ALTER TABLE project_partner DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY admin_writes ON project; DROP POLICY everyone_reads ON project; ALTER TABLE project DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY admin_writes ON programme_donor; DROP POLICY everyone_reads ON programme_donor; ALTER TABLE programme_donor DISABLE ROW LEVEL SECURITY;
--rollback DROP POLICY admin_writes ON programme; DROP POLICY everyone_reads ON programme; ALTER TABLE programme DISABLE ROW LEVEL SECURITY;
--rollback DROP FUNCTION kvali_admin(); DROP FUNCTION kvali_own_projects(); DROP FUNCTION kvali_organizations();
