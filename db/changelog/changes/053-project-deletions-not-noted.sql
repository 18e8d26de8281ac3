--liquibase formatted sql

--changeset kvali:053-project-deletions-not-noted
-- deleteProject and deleteProgramme remove a project without activities and a programme without projects (their
-- foreign keys hold any other). The report index reads of them only the codes of each activity's project and
-- programme, so such a deletion changes nothing it holds; noted without ids (changeset 029), it made every
-- instance's index read everything again, about 10 s at 10 million participations. The data version still rises
-- with it (changeset 013), so answers kept from before are not given again.
DROP TRIGGER project_deleted_noted ON project;
DROP TRIGGER programme_deleted_noted ON programme;
--rollback CREATE TRIGGER project_deleted_noted AFTER DELETE ON project REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_changed();
--rollback CREATE TRIGGER programme_deleted_noted AFTER DELETE ON programme REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_changed();
