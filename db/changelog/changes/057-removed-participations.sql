--liquibase formatted sql

--changeset kvali:057-removed-participations
-- The participations removed as recorded by mistake (removeParticipation): an old sheet sent again recorded the
-- person there once more, and nothing said so (a tester's). Its rows are now warned of. The reference is kept as the
-- SHA-256 digest of its lower case, as an erased one is: the person may have been removed altogether.
CREATE TABLE removed_participation (
    activity_id bigint NOT NULL REFERENCES activity ON DELETE CASCADE,
    ref_digest bytea NOT NULL CHECK (length(ref_digest) = 32),
    removed_on date NOT NULL,
    PRIMARY KEY (activity_id, ref_digest)
);
-- read by the sheets' writers alone; written where the participation itself may be: by an admin, or a partner at
-- its own activities
ALTER TABLE removed_participation ENABLE ROW LEVEL SECURITY;
CREATE POLICY writers_read ON removed_participation FOR SELECT USING (kvali_scope() IN ('ADMIN', 'SERVICE', 'PARTNER'));
CREATE POLICY own_writes ON removed_participation USING (kvali_scope() IN ('ADMIN', 'SERVICE')
    OR kvali_scope() = 'PARTNER' AND activity_id IN (SELECT a.id FROM activity a
        WHERE a.project_id IN (SELECT kvali_own_projects())));
--rollback DROP TABLE removed_participation;
