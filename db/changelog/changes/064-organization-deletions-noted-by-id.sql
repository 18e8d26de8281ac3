--liquibase formatted sql

--changeset kvali:064-organization-deletions-noted-by-id
-- A deletion of organizations is noted with their ids, as one of activities is (changeset 046): mergeOrganization,
-- which moves an organization's participations, people and activities to another (each noted by id) and then
-- deletes it, and deleteOrganization, which deletes one that nothing names, had the report index read everything
-- again (about 10 s at 10 million participations, the SQL path answering meanwhile). The index now keeps a deleted
-- organization among its organizations, with no row, activity or person, counted nowhere. Deleting more than 10,000
-- at once is still noted without ids.
DROP TRIGGER organization_deleted_noted ON organization;
CREATE TRIGGER organization_deleted_noted AFTER DELETE ON organization REFERENCING OLD TABLE AS deleted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_deleted();
--rollback DROP TRIGGER organization_deleted_noted ON organization;
--rollback CREATE TRIGGER organization_deleted_noted AFTER DELETE ON organization REFERENCING OLD TABLE AS changed_rows
--rollback     FOR EACH STATEMENT EXECUTE FUNCTION note_changed();
--rollback UPDATE fact_change SET first_id = NULL, last_id = NULL, ids = NULL, deleted = NULL
--rollback     WHERE table_name = 'organization' AND deleted IS NOT NULL;
