--liquibase formatted sql

--changeset kvali:063-deleted-activities
-- The activities deleted (deleteActivity), by their code in lower case: an old sheet sent again recorded a deleted
-- activity and its people once more, and nothing said so (a tester's; the participations removed with it went with
-- their notes in removed_participation). A sheet creating one again is warned of it.
CREATE TABLE deleted_activity (
    code_key text PRIMARY KEY,
    project_id bigint NOT NULL REFERENCES project ON DELETE CASCADE,
    participations integer NOT NULL CHECK (participations >= 0),
    deleted_on date NOT NULL
);
-- read by the sheets' writers, a partner of its own projects' alone; written where the activity could be deleted
ALTER TABLE deleted_activity ENABLE ROW LEVEL SECURITY;
CREATE POLICY writers_read ON deleted_activity FOR SELECT USING (kvali_scope() IN ('ADMIN', 'SERVICE')
    OR kvali_scope() = 'PARTNER' AND project_id IN (SELECT kvali_own_projects()));
CREATE POLICY own_writes ON deleted_activity USING (kvali_scope() IN ('ADMIN', 'SERVICE')
    OR kvali_scope() = 'PARTNER' AND project_id IN (SELECT kvali_own_projects()));
--rollback DROP TABLE deleted_activity;
