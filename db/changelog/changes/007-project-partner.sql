--liquibase formatted sql

--changeset kvali:007-project-partner
CREATE TABLE project_partner (
    project_id      bigint NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    organization_id bigint NOT NULL REFERENCES organization (id),
    role            text NOT NULL CHECK (role IN ('CO_APPLICANT', 'IMPLEMENTING_PARTNER', 'REGIONAL_PARTNER', 'ASSOCIATE')),
    PRIMARY KEY (project_id, organization_id)
);
CREATE INDEX project_partner_organization_idx ON project_partner (organization_id);
--rollback DROP TABLE project_partner;
