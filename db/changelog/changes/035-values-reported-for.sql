--liquibase formatted sql

--changeset kvali:035-values-reported-for splitStatements:false
-- The organizations a partner reported a value for, which every role sees. The key or account that reported it
-- (reported_by) is for ADMIN alone: a key's or an account's name may be a person's. A partner reports for exactly the
-- organizations it acts for; the demo's values, reported in an organization's name, are that organization's.
ALTER TABLE indicator_value ADD COLUMN reported_for bigint[] NOT NULL DEFAULT '{}';
UPDATE indicator_value v SET reported_for = ARRAY[o.id] FROM organization o WHERE o.code = v.reported_by;
-- a partner's key is named in its reports as key:NAME#ID; a partner signed in by OpenID Connect (jwt:SUBJECT) kept
-- no organizations with its name, and its values stay without
UPDATE indicator_value v SET reported_for = ARRAY(SELECT ko.organization_id FROM api_key_organization ko
                                                  WHERE ko.api_key_id = k.id ORDER BY ko.organization_id)
FROM api_key k WHERE k.role = 'PARTNER' AND v.reported_by = 'key:' || k.name || '#' || k.id;
DROP POLICY partner_reports ON indicator_value;
CREATE POLICY partner_reports ON indicator_value FOR INSERT WITH CHECK (kvali_scope() = 'PARTNER'
    AND reported_by = current_setting('kvali.caller', true)
    AND reported_for @> kvali_organizations() AND reported_for <@ kvali_organizations()
    AND indicator_id IN (SELECT i.id FROM indicator i WHERE i.project_id IN (SELECT kvali_own_projects())));
--rollback DROP POLICY partner_reports ON indicator_value; CREATE POLICY partner_reports ON indicator_value FOR INSERT WITH CHECK (kvali_scope() = 'PARTNER' AND reported_by = current_setting('kvali.caller', true) AND indicator_id IN (SELECT i.id FROM indicator i WHERE i.project_id IN (SELECT kvali_own_projects()))); ALTER TABLE indicator_value DROP COLUMN reported_for;
