--liquibase formatted sql

--changeset kvali:043-baseline-dated-with-value
-- A baseline's date goes with its value: a date stored alone was shown with no baseline, and came back unasked with
-- the next value given. The service refuses one now; this clears those stored before and holds the rule against a
-- value cleared while a date is being given.
UPDATE indicator SET baseline_date = NULL WHERE baseline_value IS NULL AND baseline_date IS NOT NULL;
ALTER TABLE indicator ADD CONSTRAINT indicator_baseline_dated CHECK (baseline_date IS NULL OR baseline_value IS NOT NULL);
--rollback ALTER TABLE indicator DROP CONSTRAINT indicator_baseline_dated;
