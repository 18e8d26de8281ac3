--liquibase formatted sql

--changeset kvali:065-up-to-100000-ids-noted splitStatements:false rollbackSplitStatements:false
-- Corrections and deletions of up to 100,000 rows a statement are noted with their ids, where up to 10,000 were
-- (changesets 030 and 040): a larger one was noted by the range from its first to its last id, and a merge of an
-- organization with 13,081 participations, their ids spread over all, had the report index read everything at 10
-- million participations (10.2 s). Reading 100,000 participations again by their ids took 0.5 s there; building the
-- array makes a statement changing 10,001 to 100,000 rows join its old and new rows a second time: 100,000 roles
-- changed took 11.5 to 12.6 s with it, 11.0 to 11.9 s without (about 0.4 s, within the spread of such an update).
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
    changed_ids bigint[];
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
    -- the ids, only when few: a large update would build and sort an array of all its ids to throw it away
    IF NOT moved AND changed BETWEEN 1 AND 100000 THEN
        EXECUTE format('SELECT array_agg(n.id ORDER BY n.id)
                        FROM old_rows o FULL JOIN changed_rows n ON n.id = o.id
                        WHERE (%s) IS DISTINCT FROM (%s)',
                       (SELECT string_agg(format('o.%I', c), ', ') FROM unnest(TG_ARGV) c),
                       (SELECT string_agg(format('n.%I', c), ', ') FROM unnest(TG_ARGV) c))
            INTO changed_ids;
    END IF;
    IF moved OR changed > 0 AND TG_TABLE_NAME NOT IN ('participant', 'activity', 'participation', 'organization') THEN
        INSERT INTO fact_change (table_name) VALUES (TG_TABLE_NAME);
    ELSIF changed > 0 THEN
        INSERT INTO fact_change (table_name, first_id, last_id, updated, ids)
        VALUES (TG_TABLE_NAME, first, last, changed, changed_ids);
    END IF;
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION note_deleted() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    counted bigint;
BEGIN
    SELECT count(*) INTO counted FROM deleted_rows;
    IF counted > 100000 THEN
        INSERT INTO fact_change (table_name) VALUES (TG_TABLE_NAME);
    ELSIF counted > 0 AND TG_TABLE_NAME = 'participation' THEN
        INSERT INTO fact_change (table_name, first_id, last_id, deleted, ids, deleted_people, deleted_activities)
        SELECT TG_TABLE_NAME, min(id), max(id), count(*), array_agg(id ORDER BY id),
               array_agg(participant_id ORDER BY id), array_agg(activity_id ORDER BY id)
        FROM deleted_rows;
    ELSIF counted > 0 THEN
        INSERT INTO fact_change (table_name, first_id, last_id, deleted, ids)
        SELECT TG_TABLE_NAME, min(id), max(id), count(*), array_agg(id ORDER BY id) FROM deleted_rows;
    END IF;
    RETURN NULL;
END;
$$;
--rollback DO $$
--rollback BEGIN
--rollback     EXECUTE format('SET LOCAL search_path = %I, pg_temp', current_schema());
--rollback END
--rollback $$;
--rollback CREATE OR REPLACE FUNCTION note_updated() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
--rollback DECLARE
--rollback     -- the columns that place a row among the index's rows, beside its id
--rollback     places text[] := CASE TG_TABLE_NAME WHEN 'participation' THEN ARRAY['activity_id', 'participant_id'] END;
--rollback     moved boolean;
--rollback     first bigint;
--rollback     last bigint;
--rollback     changed integer;
--rollback     changed_ids bigint[];
--rollback BEGIN
--rollback     IF EXISTS (SELECT 1 FROM unnest(TG_ARGV) c WHERE NOT EXISTS (SELECT 1 FROM pg_attribute a
--rollback                WHERE a.attrelid = TG_RELID AND a.attname = c AND a.attnum > 0 AND NOT a.attisdropped)) THEN
--rollback         RAISE EXCEPTION 'The update trigger of % names a column the table does not have', TG_TABLE_NAME;
--rollback     END IF;
--rollback     EXECUTE format('SELECT coalesce(bool_or(o.id IS NULL OR n.id IS NULL OR %s), false), min(n.id) FILTER (WHERE d.changed),
--rollback                            max(n.id) FILTER (WHERE d.changed), count(*) FILTER (WHERE d.changed)
--rollback                     FROM old_rows o FULL JOIN changed_rows n ON n.id = o.id
--rollback                     CROSS JOIN LATERAL (SELECT (%s) IS DISTINCT FROM (%s) AS changed) d',
--rollback                    coalesce((SELECT string_agg(format('o.%1$I IS DISTINCT FROM n.%1$I', c), ' OR ') FROM unnest(places) c),
--rollback                             'false'),
--rollback                    (SELECT string_agg(format('o.%I', c), ', ') FROM unnest(TG_ARGV) c),
--rollback                    (SELECT string_agg(format('n.%I', c), ', ') FROM unnest(TG_ARGV) c))
--rollback         INTO moved, first, last, changed;
--rollback     -- the ids, only when few: a large update would build and sort an array of all its ids to throw it away
--rollback     IF NOT moved AND changed BETWEEN 1 AND 10000 THEN
--rollback         EXECUTE format('SELECT array_agg(n.id ORDER BY n.id)
--rollback                         FROM old_rows o FULL JOIN changed_rows n ON n.id = o.id
--rollback                         WHERE (%s) IS DISTINCT FROM (%s)',
--rollback                        (SELECT string_agg(format('o.%I', c), ', ') FROM unnest(TG_ARGV) c),
--rollback                        (SELECT string_agg(format('n.%I', c), ', ') FROM unnest(TG_ARGV) c))
--rollback             INTO changed_ids;
--rollback     END IF;
--rollback     IF moved OR changed > 0 AND TG_TABLE_NAME NOT IN ('participant', 'activity', 'participation', 'organization') THEN
--rollback         INSERT INTO fact_change (table_name) VALUES (TG_TABLE_NAME);
--rollback     ELSIF changed > 0 THEN
--rollback         INSERT INTO fact_change (table_name, first_id, last_id, updated, ids)
--rollback         VALUES (TG_TABLE_NAME, first, last, changed, changed_ids);
--rollback     END IF;
--rollback     RETURN NULL;
--rollback END;
--rollback $$;
--rollback CREATE OR REPLACE FUNCTION note_deleted() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
--rollback DECLARE
--rollback     counted bigint;
--rollback BEGIN
--rollback     SELECT count(*) INTO counted FROM deleted_rows;
--rollback     IF counted > 10000 THEN
--rollback         INSERT INTO fact_change (table_name) VALUES (TG_TABLE_NAME);
--rollback     ELSIF counted > 0 AND TG_TABLE_NAME = 'participation' THEN
--rollback         INSERT INTO fact_change (table_name, first_id, last_id, deleted, ids, deleted_people, deleted_activities)
--rollback         SELECT TG_TABLE_NAME, min(id), max(id), count(*), array_agg(id ORDER BY id),
--rollback                array_agg(participant_id ORDER BY id), array_agg(activity_id ORDER BY id)
--rollback         FROM deleted_rows;
--rollback     ELSIF counted > 0 THEN
--rollback         INSERT INTO fact_change (table_name, first_id, last_id, deleted, ids)
--rollback         SELECT TG_TABLE_NAME, min(id), max(id), count(*), array_agg(id ORDER BY id) FROM deleted_rows;
--rollback     END IF;
--rollback     RETURN NULL;
--rollback END;
--rollback $$;
