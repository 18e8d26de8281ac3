--liquibase formatted sql

--changeset kvali:019-cheaper-code-checks
-- The same rule for codes and references, written so PostgreSQL checks it about four times faster: a bounded
-- repetition {0,63} makes a large automaton, a length test does not. Measured on a COPY of 200,000 participants:
-- 1.2 s with the bounded form, 0.45 s with this one, 0.21 s with no check at all.
ALTER TABLE organization DROP CONSTRAINT organization_code_check,
    ADD CONSTRAINT organization_code_check CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$' AND length(code) <= 64);
ALTER TABLE programme DROP CONSTRAINT programme_code_check,
    ADD CONSTRAINT programme_code_check CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$' AND length(code) <= 64);
ALTER TABLE project DROP CONSTRAINT project_code_check,
    ADD CONSTRAINT project_code_check CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$' AND length(code) <= 64);
ALTER TABLE activity DROP CONSTRAINT activity_code_check,
    ADD CONSTRAINT activity_code_check CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$' AND length(code) <= 64);
ALTER TABLE participant DROP CONSTRAINT participant_ref_check,
    ADD CONSTRAINT participant_ref_check CHECK (ref ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$' AND length(ref) <= 64);
ALTER TABLE indicator DROP CONSTRAINT indicator_code_check,
    ADD CONSTRAINT indicator_code_check CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$' AND length(code) <= 64);
--rollback ALTER TABLE organization DROP CONSTRAINT organization_code_check, ADD CONSTRAINT organization_code_check CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'); ALTER TABLE programme DROP CONSTRAINT programme_code_check, ADD CONSTRAINT programme_code_check CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'); ALTER TABLE project DROP CONSTRAINT project_code_check, ADD CONSTRAINT project_code_check CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'); ALTER TABLE activity DROP CONSTRAINT activity_code_check, ADD CONSTRAINT activity_code_check CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'); ALTER TABLE participant DROP CONSTRAINT participant_ref_check, ADD CONSTRAINT participant_ref_check CHECK (ref ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'); ALTER TABLE indicator DROP CONSTRAINT indicator_code_check, ADD CONSTRAINT indicator_code_check CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$');
