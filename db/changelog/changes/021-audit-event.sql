--liquibase formatted sql

--changeset kvali:021-audit-event
-- Who did what, when and from where: every read of personal data, every import, every change. Rows are only ever
-- added.
CREATE TABLE audit_event (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor   text NOT NULL CHECK (length(actor) <= 300),
    role    text CHECK (role IN ('ADMIN', 'ANALYST', 'DONOR', 'PARTNER')),
    action  text NOT NULL CHECK (length(action) <= 100),
    subject text CHECK (length(subject) <= 2000),
    source  text CHECK (length(source) <= 100)
);
CREATE INDEX audit_event_at_idx ON audit_event (at DESC, id DESC);
--rollback DROP TABLE audit_event;
