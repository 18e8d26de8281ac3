--liquibase formatted sql

--changeset kvali:026-fact-changes splitStatements:false rollbackSplitStatements:false
-- What each write to reported data did, for the report index to catch up by reading only new rows: a statement that
-- inserted rows into participation, participant, activity or organization notes the range and number of the ids it
-- inserted; any other change the index would see (an update of a column it reads, a delete, a truncation, a change
-- to projects, programmes or geo units) is noted without ids, and the index then reads everything again. An update
-- of other columns (an activity's title, a participant's reference when erased) is not noted. Notes are written
-- under the writers' queue (changeset 024), so their ids follow the order in which the writes commit. A load of
-- 200,000 rows adds a handful of notes.
CREATE TABLE fact_change (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    table_name text NOT NULL,
    first_id   bigint,
    last_id    bigint,
    inserted   integer,
    CHECK ((first_id IS NULL) = (last_id IS NULL) AND (first_id IS NULL) = (inserted IS NULL))
);
REVOKE INSERT, UPDATE, DELETE ON fact_change FROM kvali_app;

DO $$
BEGIN
    EXECUTE format('SET LOCAL search_path = %I, pg_temp', current_schema());
END
$$;

CREATE FUNCTION note_inserted() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO fact_change (table_name, first_id, last_id, inserted)
    SELECT TG_TABLE_NAME, min(id), max(id), count(*) FROM inserted_rows HAVING count(*) > 0;
    RETURN NULL;
END;
$$;

-- TG_ARGV: the columns the index reads; a statement that changed one of them in any row, or a row's id, is noted.
-- A name that is not a column of the table would compare as equal for ever: it is refused.
CREATE FUNCTION note_updated() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM unnest(TG_ARGV) c WHERE NOT EXISTS (SELECT 1 FROM pg_attribute a
               WHERE a.attrelid = TG_RELID AND a.attname = c AND a.attnum > 0 AND NOT a.attisdropped)) THEN
        RAISE EXCEPTION 'The update trigger of % names a column the table does not have', TG_TABLE_NAME;
    END IF;
    IF EXISTS (SELECT 1 FROM old_rows o FULL JOIN changed_rows n ON n.id = o.id
               WHERE o.id IS NULL OR n.id IS NULL
                  OR EXISTS (SELECT 1 FROM unnest(TG_ARGV) c
                             WHERE to_jsonb(o) -> c IS DISTINCT FROM to_jsonb(n) -> c)) THEN
        INSERT INTO fact_change (table_name) VALUES (TG_TABLE_NAME);
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION note_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' OR TG_NARGS > 0 THEN
        INSERT INTO fact_change (table_name) VALUES (TG_TABLE_NAME);
    ELSIF EXISTS (SELECT 1 FROM changed_rows) THEN
        INSERT INTO fact_change (table_name) VALUES (TG_TABLE_NAME);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER participation_inserted_noted AFTER INSERT ON participation REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_inserted();
CREATE TRIGGER participation_updated_noted AFTER UPDATE ON participation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_updated('activity_id', 'participant_id', 'organization_id', 'role');
CREATE TRIGGER participation_deleted_noted AFTER DELETE ON participation REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_changed();
CREATE TRIGGER participation_truncated_noted AFTER TRUNCATE ON participation
    FOR EACH STATEMENT EXECUTE FUNCTION note_changed();
CREATE TRIGGER participant_inserted_noted AFTER INSERT ON participant REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_inserted();
CREATE TRIGGER participant_updated_noted AFTER UPDATE ON participant
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_updated('home_municipality_code', 'organization_id', 'gender',
    'disability', 'birth_year');
CREATE TRIGGER participant_deleted_noted AFTER DELETE ON participant REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_changed();
CREATE TRIGGER participant_truncated_noted AFTER TRUNCATE ON participant
    FOR EACH STATEMENT EXECUTE FUNCTION note_changed();
CREATE TRIGGER activity_inserted_noted AFTER INSERT ON activity REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_inserted();
CREATE TRIGGER activity_updated_noted AFTER UPDATE ON activity
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_updated('code', 'kind', 'start_date', 'project_id',
    'venue_municipality_code', 'organizer_id');
CREATE TRIGGER activity_deleted_noted AFTER DELETE ON activity REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_changed();
CREATE TRIGGER activity_truncated_noted AFTER TRUNCATE ON activity
    FOR EACH STATEMENT EXECUTE FUNCTION note_changed();
CREATE TRIGGER organization_inserted_noted AFTER INSERT ON organization REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_inserted();
CREATE TRIGGER organization_updated_noted AFTER UPDATE ON organization
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_updated('code', 'kind', 'municipality_code', 'region_code');
CREATE TRIGGER organization_deleted_noted AFTER DELETE ON organization REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_changed();
CREATE TRIGGER organization_truncated_noted AFTER TRUNCATE ON organization
    FOR EACH STATEMENT EXECUTE FUNCTION note_changed();
-- few rows, rarely changed: every statement is noted (the argument says so)
CREATE TRIGGER project_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project
    FOR EACH STATEMENT EXECUTE FUNCTION note_changed('every statement');
CREATE TRIGGER programme_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON programme
    FOR EACH STATEMENT EXECUTE FUNCTION note_changed('every statement');
CREATE TRIGGER geo_unit_noted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON geo_unit
    FOR EACH STATEMENT EXECUTE FUNCTION note_changed('every statement');
--rollback DROP TRIGGER geo_unit_noted ON geo_unit; DROP TRIGGER programme_noted ON programme; DROP TRIGGER project_noted ON project;
--rollback DROP TRIGGER organization_truncated_noted ON organization; DROP TRIGGER organization_deleted_noted ON organization; DROP TRIGGER organization_updated_noted ON organization; DROP TRIGGER organization_inserted_noted ON organization;
--rollback DROP TRIGGER activity_truncated_noted ON activity; DROP TRIGGER activity_deleted_noted ON activity; DROP TRIGGER activity_updated_noted ON activity; DROP TRIGGER activity_inserted_noted ON activity;
--rollback DROP TRIGGER participant_truncated_noted ON participant; DROP TRIGGER participant_deleted_noted ON participant; DROP TRIGGER participant_updated_noted ON participant; DROP TRIGGER participant_inserted_noted ON participant;
--rollback DROP TRIGGER participation_truncated_noted ON participation; DROP TRIGGER participation_deleted_noted ON participation; DROP TRIGGER participation_updated_noted ON participation; DROP TRIGGER participation_inserted_noted ON participation;
--rollback DROP FUNCTION note_changed(); DROP FUNCTION note_updated(); DROP FUNCTION note_inserted(); DROP TABLE fact_change;
