--liquibase formatted sql

--changeset kvali:066-people-deleted-with-activities
-- The people deleted with an activity they alone attended (deleteActivity with its participations), by the SHA-256
-- digest of their reference in lower case, as an erased one is kept: a sheet's report may still name them in a
-- message's text ("Participant P-5 would be 7 at activity ..."), and an erasure of them was refused as of no one,
-- leaving the reference and the birth year there (a review's). Their erasure takes the digest out.
-- The organizer and project of the activity are kept with it, as an erased reference keeps them: a partner's sheet
-- naming the person again is told of the erasure, not refused as naming another organization's participant.
CREATE TABLE deleted_person (
    ref_digest bytea PRIMARY KEY CHECK (length(ref_digest) = 32),
    deleted_on date NOT NULL,
    hosted_by bigint[] NOT NULL DEFAULT '{}',
    projects bigint[] NOT NULL DEFAULT '{}'
);
-- written where an activity may be deleted, by an admin or a partner; read and erased by an admin alone
ALTER TABLE deleted_person ENABLE ROW LEVEL SECURITY;
CREATE POLICY admin_keeps ON deleted_person USING (kvali_scope() IN ('ADMIN', 'SERVICE'));
CREATE POLICY partner_adds ON deleted_person FOR INSERT WITH CHECK (kvali_scope() = 'PARTNER');
--rollback DROP TABLE deleted_person;
