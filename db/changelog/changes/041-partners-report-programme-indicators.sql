--liquibase formatted sql

--changeset kvali:041-partners-report-programme-indicators splitStatements:false rollbackSplitStatements:false
-- A programme's own indicator (of no project) is reported by the partners of any of its projects, as the demo's
-- programme-level values were reported for CIF and SCCSF; a partner's key was refused them.
DROP POLICY partner_reports ON indicator_value;
CREATE POLICY partner_reports ON indicator_value FOR INSERT WITH CHECK (kvali_scope() = 'PARTNER'
    AND reported_by = current_setting('kvali.caller', true)
    AND reported_for @> kvali_organizations() AND reported_for <@ kvali_organizations()
    AND indicator_id IN (SELECT i.id FROM indicator i
                         WHERE i.project_id IN (SELECT kvali_own_projects())
                            OR i.project_id IS NULL AND i.programme_id IN (SELECT pj.programme_id FROM project pj
                                                                          WHERE pj.id IN (SELECT kvali_own_projects()))));
--rollback DROP POLICY partner_reports ON indicator_value;
--rollback CREATE POLICY partner_reports ON indicator_value FOR INSERT WITH CHECK (kvali_scope() = 'PARTNER'
--rollback     AND reported_by = current_setting('kvali.caller', true)
--rollback     AND reported_for @> kvali_organizations() AND reported_for <@ kvali_organizations()
--rollback     AND indicator_id IN (SELECT i.id FROM indicator i WHERE i.project_id IN (SELECT kvali_own_projects())));
