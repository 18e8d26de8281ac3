--liquibase formatted sql

--changeset kvali:046-activity-deletions-noted-by-id
-- A deletion of activities is noted with their ids, as a deletion of participations or people is (changeset 040):
-- deleteActivity removes an activity no one took part in, and the report index, which read everything again after it
-- (about 20 s at 10 million participations), now keeps the activity among its activities without rows, counted
-- nowhere. Deleting more than 10,000 at once is still noted without ids.
DROP TRIGGER activity_deleted_noted ON activity;
CREATE TRIGGER activity_deleted_noted AFTER DELETE ON activity REFERENCING OLD TABLE AS deleted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_deleted();
--rollback DROP TRIGGER activity_deleted_noted ON activity;
--rollback CREATE TRIGGER activity_deleted_noted AFTER DELETE ON activity REFERENCING OLD TABLE AS changed_rows
--rollback     FOR EACH STATEMENT EXECUTE FUNCTION note_changed();
