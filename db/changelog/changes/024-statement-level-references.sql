--liquibase formatted sql

--changeset kvali:024-statement-level-references splitStatements:false rollbackSplitStatements:false
-- The references of the two large tables, participant and participation, are checked once per statement over all the
-- rows it wrote, instead of by a foreign key's query per row: a sheet of 200,000 rows paid about 6 s for 1,000,000
-- such queries. The rules stay those of the foreign keys they replace:
-- * a participant's home municipality and organization, and a participation's activity, participant and organization
--   must exist when the statement that writes them ends;
-- * a geo unit, organization or activity that is still referred to cannot be deleted or truncated; deleting a
--   participant deletes their participations; the keys referred to (ids, geo unit codes) never change.
-- A foreign key locked the row it referred to. Here every statement that writes reported data first waits for the
-- data version's row (below), which it raises at its end (changeset 013): writers run one after the other, and each
-- check sees every row committed before it, so a delete and a new reference to what it deletes cannot both commit.
-- Waiting before writing anything also means two writers never hold rows of these tables the other needs, as long as
-- a transaction writes them (or locks the data version) before other tables; truncations and migrations that write
-- data should run while writers are stopped. In REPEATABLE READ a writer that meets a newer version fails to
-- serialize instead. The functions run with the owner's rights, as foreign key checks do, so row-level security on
-- these tables would not hide rows from them.

-- The functions below name tables without a schema; they take this search path (SET ... FROM CURRENT), the schema
-- of these tables with pg_temp last, so a temporary table cannot stand in for one of them.
DO $$
BEGIN
    EXECUTE format('SET LOCAL search_path = %I, pg_temp', current_schema());
END
$$;

CREATE FUNCTION queue_writer() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM 1 FROM data_version WHERE id = 1 FOR UPDATE;
    RETURN NULL;
END;
$$;

CREATE TRIGGER participation_queued BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON participation
    FOR EACH STATEMENT EXECUTE FUNCTION queue_writer();
CREATE TRIGGER participant_queued BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON participant
    FOR EACH STATEMENT EXECUTE FUNCTION queue_writer();
CREATE TRIGGER activity_queued BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON activity
    FOR EACH STATEMENT EXECUTE FUNCTION queue_writer();
CREATE TRIGGER project_queued BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON project
    FOR EACH STATEMENT EXECUTE FUNCTION queue_writer();
CREATE TRIGGER programme_queued BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON programme
    FOR EACH STATEMENT EXECUTE FUNCTION queue_writer();
CREATE TRIGGER organization_queued BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON organization
    FOR EACH STATEMENT EXECUTE FUNCTION queue_writer();
CREATE TRIGGER geo_unit_queued BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON geo_unit
    FOR EACH STATEMENT EXECUTE FUNCTION queue_writer();

CREATE FUNCTION participant_references_exist() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    missing text;
BEGIN
    SELECT 'home municipality ' || n.code INTO missing
    FROM (SELECT DISTINCT home_municipality_code AS code FROM new_rows WHERE home_municipality_code IS NOT NULL) n
    WHERE NOT EXISTS (SELECT 1 FROM geo_unit g WHERE g.code = n.code) LIMIT 1;
    IF missing IS NULL THEN
        SELECT 'organization ' || n.id INTO missing
        FROM (SELECT DISTINCT organization_id AS id FROM new_rows WHERE organization_id IS NOT NULL) n
        WHERE NOT EXISTS (SELECT 1 FROM organization o WHERE o.id = n.id) LIMIT 1;
    END IF;
    IF missing IS NOT NULL THEN
        RAISE foreign_key_violation USING MESSAGE = 'A participant refers to ' || missing || ', which does not exist';
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION participation_references_exist() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    missing text;
BEGIN
    -- A sheet's rows share few activities and organizations: each is looked up once.
    SELECT 'activity ' || n.id INTO missing FROM (SELECT DISTINCT activity_id AS id FROM new_rows) n
    WHERE NOT EXISTS (SELECT 1 FROM activity a WHERE a.id = n.id) LIMIT 1;
    IF missing IS NULL THEN
        SELECT 'participant ' || n.participant_id INTO missing FROM new_rows n
        WHERE NOT EXISTS (SELECT 1 FROM participant p WHERE p.id = n.participant_id) LIMIT 1;
    END IF;
    IF missing IS NULL THEN
        SELECT 'organization ' || n.id INTO missing
        FROM (SELECT DISTINCT organization_id AS id FROM new_rows WHERE organization_id IS NOT NULL) n
        WHERE NOT EXISTS (SELECT 1 FROM organization o WHERE o.id = n.id) LIMIT 1;
    END IF;
    IF missing IS NOT NULL THEN
        RAISE foreign_key_violation USING MESSAGE = 'A participation refers to ' || missing || ', which does not exist';
    END IF;
    RETURN NULL;
END;
$$;

ALTER TABLE participant DROP CONSTRAINT participant_home_municipality_code_fkey,
    DROP CONSTRAINT participant_organization_id_fkey;
ALTER TABLE participation DROP CONSTRAINT participation_activity_id_fkey,
    DROP CONSTRAINT participation_participant_id_fkey, DROP CONSTRAINT participation_organization_id_fkey;

CREATE TRIGGER participant_inserted_references AFTER INSERT ON participant REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION participant_references_exist();
CREATE TRIGGER participant_updated_references AFTER UPDATE ON participant REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION participant_references_exist();
CREATE TRIGGER participation_inserted_references AFTER INSERT ON participation REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION participation_references_exist();
CREATE TRIGGER participation_updated_references AFTER UPDATE ON participation REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION participation_references_exist();

-- The referred side. A geo unit, organization or activity is deleted or truncated only when nothing refers to it any
-- more. A truncation is checked after it, so truncating the referring table in the same statement works, as with
-- foreign keys; CASCADE does not reach it. TG_ARGV: the referred key column, then each referring table and column.
CREATE FUNCTION refuse_while_referred() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    referred boolean;
BEGIN
    FOR i IN 1 .. TG_NARGS - 1 BY 2 LOOP
        IF TG_OP = 'TRUNCATE' THEN
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I IS NOT NULL)', TG_ARGV[i], TG_ARGV[i + 1])
                INTO referred;
        ELSE
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I IN (SELECT %I FROM old_rows))', TG_ARGV[i],
                TG_ARGV[i + 1], TG_ARGV[0]) INTO referred;
        END IF;
        IF referred THEN
            RAISE foreign_key_violation USING MESSAGE = format('%s: %s.%s still refers to it',
                CASE TG_OP WHEN 'TRUNCATE' THEN TG_TABLE_NAME || ' cannot be truncated'
                           ELSE 'A deleted row of ' || TG_TABLE_NAME END, TG_ARGV[i], TG_ARGV[i + 1]);
        END IF;
    END LOOP;
    RETURN NULL;
END;
$$;

CREATE TRIGGER geo_unit_deleted_references AFTER DELETE ON geo_unit REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_while_referred('code', 'participant', 'home_municipality_code');
CREATE TRIGGER organization_deleted_references AFTER DELETE ON organization REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_while_referred('id', 'participant', 'organization_id', 'participation', 'organization_id');
CREATE TRIGGER activity_deleted_references AFTER DELETE ON activity REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_while_referred('id', 'participation', 'activity_id');
CREATE TRIGGER geo_unit_truncated_references AFTER TRUNCATE ON geo_unit
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_while_referred('code', 'participant', 'home_municipality_code');
CREATE TRIGGER organization_truncated_references AFTER TRUNCATE ON organization
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_while_referred('id', 'participant', 'organization_id', 'participation', 'organization_id');
CREATE TRIGGER activity_truncated_references AFTER TRUNCATE ON activity
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_while_referred('id', 'participation', 'activity_id');
CREATE TRIGGER participant_truncated_references AFTER TRUNCATE ON participant
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_while_referred('id', 'participation', 'participant_id');

-- Deleting a participant deletes their participations.
CREATE FUNCTION participant_deleted() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    DELETE FROM participation WHERE participant_id IN (SELECT id FROM old_rows);
    RETURN NULL;
END;
$$;

CREATE TRIGGER participant_deleted_references AFTER DELETE ON participant REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION participant_deleted();

-- The keys referred to never change (ids are generated; geo unit codes are the country's own).
CREATE FUNCTION key_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF to_jsonb(OLD) -> TG_ARGV[0] IS DISTINCT FROM to_jsonb(NEW) -> TG_ARGV[0] THEN
        RAISE foreign_key_violation USING MESSAGE = format('%s.%s is referred to and does not change', TG_TABLE_NAME, TG_ARGV[0]);
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER geo_unit_code_unchanged BEFORE UPDATE OF code ON geo_unit
    FOR EACH ROW EXECUTE FUNCTION key_unchanged('code');
CREATE TRIGGER organization_id_unchanged BEFORE UPDATE OF id ON organization
    FOR EACH ROW EXECUTE FUNCTION key_unchanged('id');
CREATE TRIGGER activity_id_unchanged BEFORE UPDATE OF id ON activity
    FOR EACH ROW EXECUTE FUNCTION key_unchanged('id');
CREATE TRIGGER participant_id_unchanged BEFORE UPDATE OF id ON participant
    FOR EACH ROW EXECUTE FUNCTION key_unchanged('id');
--rollback DROP TRIGGER participant_id_unchanged ON participant; DROP TRIGGER activity_id_unchanged ON activity; DROP TRIGGER organization_id_unchanged ON organization; DROP TRIGGER geo_unit_code_unchanged ON geo_unit; DROP FUNCTION key_unchanged();
--rollback DROP TRIGGER participant_truncated_references ON participant; DROP TRIGGER activity_truncated_references ON activity; DROP TRIGGER organization_truncated_references ON organization; DROP TRIGGER geo_unit_truncated_references ON geo_unit;
--rollback DROP TRIGGER participant_deleted_references ON participant; DROP TRIGGER activity_deleted_references ON activity; DROP TRIGGER organization_deleted_references ON organization; DROP TRIGGER geo_unit_deleted_references ON geo_unit;
--rollback DROP FUNCTION participant_deleted(); DROP FUNCTION refuse_while_referred();
--rollback DROP TRIGGER participation_updated_references ON participation; DROP TRIGGER participation_inserted_references ON participation; DROP TRIGGER participant_updated_references ON participant; DROP TRIGGER participant_inserted_references ON participant;
--rollback DROP FUNCTION participation_references_exist(); DROP FUNCTION participant_references_exist();
--rollback ALTER TABLE participation ADD FOREIGN KEY (activity_id) REFERENCES activity (id), ADD FOREIGN KEY (participant_id) REFERENCES participant (id) ON DELETE CASCADE, ADD FOREIGN KEY (organization_id) REFERENCES organization (id);
--rollback DROP TRIGGER geo_unit_queued ON geo_unit; DROP TRIGGER organization_queued ON organization; DROP TRIGGER programme_queued ON programme; DROP TRIGGER project_queued ON project; DROP TRIGGER activity_queued ON activity; DROP TRIGGER participant_queued ON participant; DROP TRIGGER participation_queued ON participation; DROP FUNCTION queue_writer();
--rollback ALTER TABLE participant ADD FOREIGN KEY (home_municipality_code) REFERENCES geo_unit (code), ADD FOREIGN KEY (organization_id) REFERENCES organization (id);
