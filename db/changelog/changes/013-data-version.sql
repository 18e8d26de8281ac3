--liquibase formatted sql

--changeset kvali:013-data-version splitStatements:false
-- One number that every committed change to reported data raises, in the same transaction. A reader that remembers
-- the number it built a cache from knows, by reading it again, whether the cache still holds.
CREATE TABLE data_version (
    id      smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    version bigint NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 1);

CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER participation_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON participation
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER participant_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON participant
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER activity_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activity
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER project_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER programme_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON programme
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER organization_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organization
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER geo_unit_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON geo_unit
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--rollback DROP TRIGGER geo_unit_changed ON geo_unit; DROP TRIGGER organization_changed ON organization; DROP TRIGGER programme_changed ON programme; DROP TRIGGER project_changed ON project; DROP TRIGGER activity_changed ON activity; DROP TRIGGER participant_changed ON participant; DROP TRIGGER participation_changed ON participation; DROP FUNCTION bump_data_version(); DROP TABLE data_version;
