--liquibase formatted sql

--changeset kvali:023-data-version-notify splitStatements:false rollbackSplitStatements:false
-- Every raise of the data version is also announced on the channel kvali_data_version, delivered when the raising
-- transaction commits (and never if it rolls back). Other instances of the service listen and start bringing their
-- in-memory index up to date at once, instead of at their next request.
CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    raised bigint;
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1 RETURNING version INTO raised;
    PERFORM pg_notify('kvali_data_version', raised::text);
    RETURN NULL;
END;
$$;
--rollback CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; RETURN NULL; END; $$;
