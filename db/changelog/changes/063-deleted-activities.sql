--liquibase formatted sql

--changeset kvali:063-deleted-activities
-- The activities deleted (deleteActivity), by their code in lower case and their project: an old sheet sent again
-- recorded a deleted activity and its people once more, and nothing said so (a tester's; the participations removed
-- with it went with their notes in removed_participation). A sheet creating one again in its project is warned of it.
CREATE TABLE deleted_activity (
    code_key text NOT NULL,
    project_id bigint NOT NULL REFERENCES project ON DELETE CASCADE,
    participations integer NOT NULL CHECK (participations >= 0),
    deleted_on date NOT NULL,
    PRIMARY KEY (code_key, project_id)
);
-- read and written by the sheets' writers, a partner of its own projects' alone, where it could delete them
ALTER TABLE deleted_activity ENABLE ROW LEVEL SECURITY;
CREATE POLICY writers ON deleted_activity USING (kvali_scope() IN ('ADMIN', 'SERVICE')
    OR kvali_scope() = 'PARTNER' AND project_id IN (SELECT kvali_own_projects()));
--rollback DROP TABLE deleted_activity;
