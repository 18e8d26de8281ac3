--liquibase formatted sql

--changeset kvali:044-erased-references
-- The references of erased people, as SHA-256 digests of their lower case: an old sheet sent again named the person
-- once more and made them a new record, bringing back whom the erasure had removed. A digest tells nothing of the
-- person, and nothing links it to the record the erasure left. The organizations that ran the person's activities,
-- and the projects of those, are kept with it: only a partner among them is told of the erasure; another is refused
-- as before it (it would learn that someone it never had asked to be erased).
CREATE TABLE erased_reference (
    digest bytea PRIMARY KEY CHECK (length(digest) = 32),
    erased_on date NOT NULL,
    hosted_by bigint[] NOT NULL DEFAULT '{}',
    projects bigint[] NOT NULL DEFAULT '{}'
);
-- every sheet reads it; only an erasure (an admin's) writes it, so no partner's session could undo one
ALTER TABLE erased_reference ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON erased_reference FOR SELECT USING (true);
CREATE POLICY admin_writes ON erased_reference USING (kvali_scope() IN ('ADMIN', 'SERVICE'));
--rollback DROP TABLE erased_reference;
