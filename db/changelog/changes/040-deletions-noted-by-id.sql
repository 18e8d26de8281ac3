--liquibase formatted sql

--changeset kvali:040-deletions-noted-by-id splitStatements:false rollbackSplitStatements:false
-- A deletion of up to 10,000 participations or participants is noted with the ids it deleted, and for participations
-- the person and activity of each (the report index finds a row among its person's rows by its activity), so that
-- the index takes those rows out instead of reading everything again: at 10 million participations that took about
-- 20 s, with the SQL path answering meanwhile, after every participation removed by mistake (removeParticipation)
-- and the person it left with none. A person with no participation is counted nowhere: the index keeps a deleted
-- one among its people, without rows. Larger deletions, and deletions of activities and organizations (no mutation
-- deletes them), are still noted without ids.
ALTER TABLE fact_change ADD COLUMN deleted integer;
ALTER TABLE fact_change ADD COLUMN deleted_people bigint[];
ALTER TABLE fact_change ADD COLUMN deleted_activities bigint[];
ALTER TABLE fact_change DROP CONSTRAINT fact_change_ids;
ALTER TABLE fact_change ADD CONSTRAINT fact_change_ids CHECK ((first_id IS NULL) = (last_id IS NULL)
    AND (first_id IS NULL) = (coalesce(inserted, updated, deleted) IS NULL) AND num_nonnulls(inserted, updated, deleted) <= 1);
ALTER TABLE fact_change DROP CONSTRAINT fact_change_corrected_ids;
ALTER TABLE fact_change ADD CONSTRAINT fact_change_noted_ids CHECK (CASE WHEN ids IS NULL THEN deleted IS NULL
    ELSE cardinality(ids) IS NOT DISTINCT FROM coalesce(updated, deleted) END);
ALTER TABLE fact_change ADD CONSTRAINT fact_change_deleted_places CHECK (
    (deleted_people IS NULL) = (deleted_activities IS NULL)
    AND (deleted_people IS NULL OR cardinality(deleted_people) IS NOT DISTINCT FROM deleted
         AND cardinality(deleted_activities) = deleted));

DO $$
BEGIN
    EXECUTE format('SET LOCAL search_path = %I, pg_temp', current_schema());
END
$$;

CREATE FUNCTION note_deleted() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    counted bigint;
BEGIN
    SELECT count(*) INTO counted FROM deleted_rows;
    IF counted > 10000 THEN
        INSERT INTO fact_change (table_name) VALUES (TG_TABLE_NAME);
    ELSIF counted > 0 AND TG_TABLE_NAME = 'participation' THEN
        INSERT INTO fact_change (table_name, first_id, last_id, deleted, ids, deleted_people, deleted_activities)
        SELECT TG_TABLE_NAME, min(id), max(id), count(*), array_agg(id ORDER BY id),
               array_agg(participant_id ORDER BY id), array_agg(activity_id ORDER BY id)
        FROM deleted_rows;
    ELSIF counted > 0 THEN
        INSERT INTO fact_change (table_name, first_id, last_id, deleted, ids)
        SELECT TG_TABLE_NAME, min(id), max(id), count(*), array_agg(id ORDER BY id) FROM deleted_rows;
    END IF;
    RETURN NULL;
END;
$$;

DROP TRIGGER participation_deleted_noted ON participation;
CREATE TRIGGER participation_deleted_noted AFTER DELETE ON participation REFERENCING OLD TABLE AS deleted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_deleted();
DROP TRIGGER participant_deleted_noted ON participant;
CREATE TRIGGER participant_deleted_noted AFTER DELETE ON participant REFERENCING OLD TABLE AS deleted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_deleted();
--rollback DROP TRIGGER participant_deleted_noted ON participant;
--rollback CREATE TRIGGER participant_deleted_noted AFTER DELETE ON participant REFERENCING OLD TABLE AS changed_rows
--rollback     FOR EACH STATEMENT EXECUTE FUNCTION note_changed();
--rollback DROP TRIGGER participation_deleted_noted ON participation;
--rollback CREATE TRIGGER participation_deleted_noted AFTER DELETE ON participation REFERENCING OLD TABLE AS changed_rows
--rollback     FOR EACH STATEMENT EXECUTE FUNCTION note_changed();
--rollback DROP FUNCTION note_deleted();
--rollback UPDATE fact_change SET first_id = NULL, last_id = NULL, ids = NULL, deleted = NULL, deleted_people = NULL,
--rollback     deleted_activities = NULL WHERE deleted IS NOT NULL;
--rollback ALTER TABLE fact_change DROP CONSTRAINT fact_change_deleted_places;
--rollback ALTER TABLE fact_change DROP CONSTRAINT fact_change_noted_ids;
--rollback ALTER TABLE fact_change ADD CONSTRAINT fact_change_corrected_ids
--rollback     CHECK (ids IS NULL OR updated IS NOT NULL AND cardinality(ids) = updated);
--rollback ALTER TABLE fact_change DROP CONSTRAINT fact_change_ids;
--rollback ALTER TABLE fact_change DROP COLUMN deleted_activities;
--rollback ALTER TABLE fact_change DROP COLUMN deleted_people;
--rollback ALTER TABLE fact_change DROP COLUMN deleted;
--rollback ALTER TABLE fact_change ADD CONSTRAINT fact_change_ids CHECK ((first_id IS NULL) = (last_id IS NULL)
--rollback     AND (first_id IS NULL) = (coalesce(inserted, updated) IS NULL) AND (inserted IS NULL OR updated IS NULL));
