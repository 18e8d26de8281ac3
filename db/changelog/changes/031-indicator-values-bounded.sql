--liquibase formatted sql

--changeset kvali:031-indicator-values-bounded
-- Reported values, targets and baselines are at most 10^12, as the service checks: a value of 1e308 was stored, and
-- the sum of two made every question about its indicator fail. NOT VALID: rows stored before are not checked, so an
-- installation holding a larger one still migrates (and an admin can correct it).
ALTER TABLE indicator_value ADD CONSTRAINT indicator_value_at_most CHECK (value <= 1e12) NOT VALID;
ALTER TABLE indicator_target ADD CONSTRAINT indicator_target_at_most CHECK (value <= 1e12) NOT VALID;
ALTER TABLE indicator ADD CONSTRAINT indicator_baseline_at_most CHECK (baseline_value <= 1e12) NOT VALID;
--rollback ALTER TABLE indicator DROP CONSTRAINT indicator_baseline_at_most;
--rollback ALTER TABLE indicator_target DROP CONSTRAINT indicator_target_at_most;
--rollback ALTER TABLE indicator_value DROP CONSTRAINT indicator_value_at_most;
