--liquibase formatted sql

--changeset kvali:018-indicator-value-dimension
-- A reported value may be for one group (a gender or a region) instead of the whole; the total is the row without.
ALTER TABLE indicator_value
    ADD COLUMN dimension       text CHECK (dimension IN ('GENDER', 'REGION')),
    ADD COLUMN dimension_value text,
    ADD CHECK ((dimension IS NULL) = (dimension_value IS NULL));
DROP INDEX indicator_value_indicator_idx;
CREATE INDEX indicator_value_indicator_idx ON indicator_value (indicator_id, period_key, dimension, dimension_value, reported_at DESC);
--rollback DROP INDEX indicator_value_indicator_idx; ALTER TABLE indicator_value DROP COLUMN dimension_value, DROP COLUMN dimension; CREATE INDEX indicator_value_indicator_idx ON indicator_value (indicator_id, period_key, reported_at DESC);
