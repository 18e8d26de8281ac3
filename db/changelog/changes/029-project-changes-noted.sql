--liquibase formatted sql

--changeset kvali:029-project-changes-noted
-- Every statement on project and programme was noted (changeset 026), so that creating a project, or correcting a
-- programme's name, made every instance's report index read everything again (at 10 million participations 8.5 s;
-- the next report waited 7.7 s). The index reads of them only the codes of each activity's project and programme:
-- a new project or programme has no activities yet, and a change of another column changes nothing it reads. Now an
-- update is noted (without ids, so the index reads everything) only when it changes a code or moves a project to
-- another programme; deletes and truncations are still noted. The data version still rises with every statement
-- (changeset 013), so answers kept for the old version are not given again.
DROP TRIGGER project_noted ON project;
DROP TRIGGER programme_noted ON programme;
CREATE TRIGGER project_updated_noted AFTER UPDATE ON project REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_updated('code', 'programme_id');
CREATE TRIGGER project_deleted_noted AFTER DELETE ON project REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_changed();
CREATE TRIGGER project_truncated_noted AFTER TRUNCATE ON project
    FOR EACH STATEMENT EXECUTE FUNCTION note_changed();
CREATE TRIGGER programme_updated_noted AFTER UPDATE ON programme REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_updated('code');
CREATE TRIGGER programme_deleted_noted AFTER DELETE ON programme REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_changed();
CREATE TRIGGER programme_truncated_noted AFTER TRUNCATE ON programme
    FOR EACH STATEMENT EXECUTE FUNCTION note_changed();
--rollback DROP TRIGGER programme_truncated_noted ON programme; DROP TRIGGER programme_deleted_noted ON programme; DROP TRIGGER programme_updated_noted ON programme;
--rollback DROP TRIGGER project_truncated_noted ON project; DROP TRIGGER project_deleted_noted ON project; DROP TRIGGER project_updated_noted ON project;
--rollback CREATE TRIGGER project_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project FOR EACH STATEMENT EXECUTE FUNCTION note_changed('every statement');
--rollback CREATE TRIGGER programme_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON programme FOR EACH STATEMENT EXECUTE FUNCTION note_changed('every statement');
