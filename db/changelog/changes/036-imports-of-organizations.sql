--liquibase formatted sql

--changeset kvali:036-imports-of-organizations splitStatements:false
-- The organizations a partner loaded a sheet for: every key of an organization reads its sheets' history, so that
-- staff share it and a key replaced keeps it. Who sent a sheet stays in imported_by (the service shows it to ADMIN
-- and to the sender alone: a key's name may be a person's). A partner loads for exactly the organizations it acts
-- for; an admin's sheet is for none.
ALTER TABLE attendance_import ADD COLUMN imported_for bigint[] NOT NULL DEFAULT '{}';
UPDATE attendance_import i SET imported_for = ARRAY(SELECT ko.organization_id FROM api_key_organization ko
                                                    WHERE ko.api_key_id = k.id ORDER BY ko.organization_id)
FROM api_key k WHERE k.role = 'PARTNER' AND i.imported_by = 'key:' || k.name || '#' || k.id;
DROP POLICY own_imports ON attendance_import;
CREATE POLICY own_imports ON attendance_import FOR SELECT USING (kvali_scope() IN ('ADMIN', 'SERVICE')
    OR (kvali_scope() = 'PARTNER' AND (imported_by = current_setting('kvali.caller', true)
                                       OR imported_for && kvali_organizations())));
DROP POLICY own_name_writes ON attendance_import;
CREATE POLICY own_name_writes ON attendance_import FOR INSERT WITH CHECK (kvali_scope() IN ('ADMIN', 'SERVICE', 'PARTNER')
    AND imported_by = current_setting('kvali.caller', true)
    AND (kvali_scope() <> 'PARTNER' OR imported_for @> kvali_organizations() AND imported_for <@ kvali_organizations()));
--rollback DROP POLICY own_name_writes ON attendance_import; CREATE POLICY own_name_writes ON attendance_import FOR INSERT WITH CHECK (kvali_scope() IN ('ADMIN', 'SERVICE', 'PARTNER') AND imported_by = current_setting('kvali.caller', true)); DROP POLICY own_imports ON attendance_import; CREATE POLICY own_imports ON attendance_import FOR SELECT USING (kvali_scope() IN ('ADMIN', 'SERVICE') OR (kvali_scope() = 'PARTNER' AND imported_by = current_setting('kvali.caller', true))); ALTER TABLE attendance_import DROP COLUMN imported_for;
