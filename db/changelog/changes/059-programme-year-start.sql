--liquibase formatted sql

--changeset kvali:059-programme-year-start
-- The month a programme's years begin in (9: years from September to August), which its indicators' targets,
-- reported values and figures take their years and quarters from; 1, the calendar's, for every programme before.
-- A year or quarter not of the calendar is keyed by its first and last months: 2024-09/2025-08, 2024-09/2024-11.
ALTER TABLE programme ADD COLUMN year_start smallint NOT NULL DEFAULT 1 CHECK (year_start BETWEEN 1 AND 12);
ALTER TABLE indicator_target DROP CONSTRAINT indicator_target_period_key_check,
    ADD CONSTRAINT indicator_target_period_key_check
    CHECK (period_key ~ '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2])/[0-9]{4}-(0[1-9]|1[0-2]))?$');
ALTER TABLE indicator_value DROP CONSTRAINT indicator_value_period_key_check,
    ADD CONSTRAINT indicator_value_period_key_check
    CHECK (period_key ~ '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2])/[0-9]{4}-(0[1-9]|1[0-2]))?$');
--rollback ALTER TABLE indicator_value DROP CONSTRAINT indicator_value_period_key_check, ADD CONSTRAINT indicator_value_period_key_check CHECK (period_key ~ '^[0-9]{4}(-Q[1-4])?$'); ALTER TABLE indicator_target DROP CONSTRAINT indicator_target_period_key_check, ADD CONSTRAINT indicator_target_period_key_check CHECK (period_key ~ '^[0-9]{4}(-Q[1-4])?$'); ALTER TABLE programme DROP COLUMN year_start;
