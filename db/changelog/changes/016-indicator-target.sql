--liquibase formatted sql

--changeset kvali:016-indicator-target
-- The value an indicator should reach by the end of a period: a year (`2024`) or a quarter (`2024-Q3`).
CREATE TABLE indicator_target (
    indicator_id bigint NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    period_key   text NOT NULL CHECK (period_key ~ '^[0-9]{4}(-Q[1-4])?$'),
    period_start date NOT NULL,
    period_end   date NOT NULL,
    value        numeric NOT NULL CHECK (value >= 0),
    PRIMARY KEY (indicator_id, period_key),
    CHECK (period_end >= period_start)
);
--rollback DROP TABLE indicator_target;
