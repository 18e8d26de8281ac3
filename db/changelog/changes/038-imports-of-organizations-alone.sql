--liquibase formatted sql

--changeset kvali:038-imports-of-organizations-alone
-- A partner reads the sheets sent for its organizations alone: one sent by a key acting for CIF and SCCSF may
-- concern a project of SCCSF's in which CIF has no part, and is not shown to a key of CIF only.
DROP POLICY own_imports ON attendance_import;
CREATE POLICY own_imports ON attendance_import FOR SELECT USING (kvali_scope() IN ('ADMIN', 'SERVICE')
    OR (kvali_scope() = 'PARTNER' AND (imported_by = current_setting('kvali.caller', true)
                                       OR cardinality(imported_for) > 0 AND imported_for <@ kvali_organizations())));
--rollback DROP POLICY own_imports ON attendance_import; CREATE POLICY own_imports ON attendance_import FOR SELECT USING (kvali_scope() IN ('ADMIN', 'SERVICE') OR (kvali_scope() = 'PARTNER' AND (imported_by = current_setting('kvali.caller', true) OR imported_for && kvali_organizations())));
