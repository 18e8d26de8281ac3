--liquibase formatted sql

--changeset kvali:028-participation-corrections-noted splitStatements:false rollbackSplitStatements:false
-- A correction of participations that keeps each row's activity and participant (a sheet loaded again with another
-- role or organization) is noted with the range and number of the ids it changed, as changeset 027 does for
-- participants and activities: the report index finds such a row among the rows of its person by its activity. A
-- statement that gives a participation another activity or participant moves it among the index's rows, and is
-- still noted without ids.
DO $$
BEGIN
    EXECUTE format('SET LOCAL search_path = %I, pg_temp', current_schema());
END
$$;

CREATE OR REPLACE FUNCTION note_updated() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    -- the columns that place a row among the index's rows, beside its id
    places text[] := CASE TG_TABLE_NAME WHEN 'participation' THEN ARRAY['activity_id', 'participant_id'] END;
    moved boolean;
    first bigint;
    last bigint;
    changed integer;
BEGIN
    IF EXISTS (SELECT 1 FROM unnest(TG_ARGV) c WHERE NOT EXISTS (SELECT 1 FROM pg_attribute a
               WHERE a.attrelid = TG_RELID AND a.attname = c AND a.attnum > 0 AND NOT a.attisdropped)) THEN
        RAISE EXCEPTION 'The update trigger of % names a column the table does not have', TG_TABLE_NAME;
    END IF;
    EXECUTE format('SELECT coalesce(bool_or(o.id IS NULL OR n.id IS NULL OR %s), false), min(n.id) FILTER (WHERE d.changed),
                           max(n.id) FILTER (WHERE d.changed), count(*) FILTER (WHERE d.changed)
                    FROM old_rows o FULL JOIN changed_rows n ON n.id = o.id
                    CROSS JOIN LATERAL (SELECT (%s) IS DISTINCT FROM (%s) AS changed) d',
                   coalesce((SELECT string_agg(format('o.%1$I IS DISTINCT FROM n.%1$I', c), ' OR ') FROM unnest(places) c),
                            'false'),
                   (SELECT string_agg(format('o.%I', c), ', ') FROM unnest(TG_ARGV) c),
                   (SELECT string_agg(format('n.%I', c), ', ') FROM unnest(TG_ARGV) c))
        INTO moved, first, last, changed;
    IF moved OR changed > 0 AND TG_TABLE_NAME NOT IN ('participant', 'activity', 'participation') THEN
        INSERT INTO fact_change (table_name) VALUES (TG_TABLE_NAME);
    ELSIF changed > 0 THEN
        INSERT INTO fact_change (table_name, first_id, last_id, updated) VALUES (TG_TABLE_NAME, first, last, changed);
    END IF;
    RETURN NULL;
END;
$$;
--rollback DO $$
--rollback BEGIN
--rollback     EXECUTE format('SET LOCAL search_path = %I, pg_temp', current_schema());
--rollback END
--rollback $$;
--rollback UPDATE fact_change SET first_id = NULL, last_id = NULL, updated = NULL
--rollback WHERE updated IS NOT NULL AND table_name = 'participation';
--rollback CREATE OR REPLACE FUNCTION note_updated() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
--rollback DECLARE
--rollback     moved boolean;
--rollback     first bigint;
--rollback     last bigint;
--rollback     changed integer;
--rollback BEGIN
--rollback     IF EXISTS (SELECT 1 FROM unnest(TG_ARGV) c WHERE NOT EXISTS (SELECT 1 FROM pg_attribute a
--rollback                WHERE a.attrelid = TG_RELID AND a.attname = c AND a.attnum > 0 AND NOT a.attisdropped)) THEN
--rollback         RAISE EXCEPTION 'The update trigger of % names a column the table does not have', TG_TABLE_NAME;
--rollback     END IF;
--rollback     EXECUTE format('SELECT coalesce(bool_or(o.id IS NULL OR n.id IS NULL), false), min(n.id) FILTER (WHERE d.changed),
--rollback                            max(n.id) FILTER (WHERE d.changed), count(*) FILTER (WHERE d.changed)
--rollback                     FROM old_rows o FULL JOIN changed_rows n ON n.id = o.id
--rollback                     CROSS JOIN LATERAL (SELECT (%s) IS DISTINCT FROM (%s) AS changed) d',
--rollback                    (SELECT string_agg(format('o.%I', c), ', ') FROM unnest(TG_ARGV) c),
--rollback                    (SELECT string_agg(format('n.%I', c), ', ') FROM unnest(TG_ARGV) c))
--rollback         INTO moved, first, last, changed;
--rollback     IF moved OR changed > 0 AND TG_TABLE_NAME NOT IN ('participant', 'activity') THEN
--rollback         INSERT INTO fact_change (table_name) VALUES (TG_TABLE_NAME);
--rollback     ELSIF changed > 0 THEN
--rollback         INSERT INTO fact_change (table_name, first_id, last_id, updated) VALUES (TG_TABLE_NAME, first, last, changed);
--rollback     END IF;
--rollback     RETURN NULL;
--rollback END;
--rollback $$;
