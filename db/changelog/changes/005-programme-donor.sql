--liquibase formatted sql

--changeset kvali:005-programme-donor
CREATE TABLE programme_donor (
    programme_id    bigint NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
    organization_id bigint NOT NULL REFERENCES organization (id),
    PRIMARY KEY (programme_id, organization_id)
);
CREATE INDEX programme_donor_organization_idx ON programme_donor (organization_id);
--rollback DROP TABLE programme_donor;
