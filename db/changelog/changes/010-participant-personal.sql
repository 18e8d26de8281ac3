--liquibase formatted sql

--changeset kvali:010-participant-personal
-- Personal data lives apart from the pseudonymous participant so that no reporting query can reach it by accident.
CREATE TABLE participant_personal (
    participant_id bigint PRIMARY KEY REFERENCES participant (id) ON DELETE CASCADE,
    full_name      text CHECK (length(full_name) BETWEEN 1 AND 300),
    phone          text CHECK (phone ~ '^\+?[0-9 ()-]{5,32}$'),
    email          text CHECK (email ~ '^[^@\s]+@[^@\s]+$' AND length(email) <= 320)
);
--rollback DROP TABLE participant_personal;
