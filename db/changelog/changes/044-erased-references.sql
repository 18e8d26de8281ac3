--liquibase formatted sql

--changeset kvali:044-erased-references
-- The references of erased people, as SHA-256 digests of their lower case: an old sheet sent again named the person
-- once more and made them a new record, bringing back whom the erasure had removed. A digest tells nothing of the
-- person, and nothing links it to the record the erasure left.
CREATE TABLE erased_reference (
    digest bytea PRIMARY KEY CHECK (length(digest) = 32),
    erased_on date NOT NULL
);
--rollback DROP TABLE erased_reference;
