--liquibase formatted sql

--changeset kvali:060-indicator-aggregation
-- Whether a reported number's values are levels at a time, of which a period takes the latest reported within it
-- (municipalities with a functioning youth council: 3, then 4, then 5 is 5, not 12), as a reported percentage's
-- always are, rather than counts of what is new in each period, which are added up (people trained each quarter).
-- False for every indicator before, so no figure moves; a computed indicator counts participation and has none.
ALTER TABLE indicator ADD COLUMN latest_value boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT indicator_latest_value_reported CHECK (NOT latest_value OR (method = 'REPORTED' AND unit = 'NUMBER'));
--rollback ALTER TABLE indicator DROP COLUMN latest_value;
