--liquibase formatted sql

--changeset kvali:055-organization-iati-identifier
-- An organization's identifier in IATI's registry of organisation identifiers (org-id.guide: XM-DAC-41114, GB-CHC-...)
-- and its IATI organisation type: the IATI file named organizations by Kvali's codes, which the registry's validator
-- does not know, and a donor without a type.
ALTER TABLE organization ADD COLUMN iati_ref text
    CHECK (iati_ref ~ '^[A-Za-z0-9]+(-[A-Za-z0-9._:]+)+$' AND length(iati_ref) <= 100);
ALTER TABLE organization ADD COLUMN iati_type text
    CHECK (iati_type IN ('10', '11', '15', '21', '22', '23', '24', '30', '40', '60', '70', '71', '72', '73', '80', '90'));
CREATE UNIQUE INDEX organization_iati_ref_any_case ON organization (lower(iati_ref));
--rollback DROP INDEX organization_iati_ref_any_case; ALTER TABLE organization DROP COLUMN iati_type;
--rollback ALTER TABLE organization DROP COLUMN iati_ref;
