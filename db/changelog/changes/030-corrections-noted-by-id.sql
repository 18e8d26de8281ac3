--liquibase formatted sql

--changeset kvali:030-corrections-noted-by-id splitStatements:false rollbackSplitStatements:false
-- Two changes to the notes of corrections, so that the report index reads less again:
-- - A correction of organizations that changes a column the index reads (a code, a kind, the municipality or region
--   their people without a home municipality are counted in) is noted with ids, as corrections of participants,
--   activities and participations are (changesets 027 and 028): the index reads those organizations again, and the
--   people affiliated with them, instead of everything (at 10 million participations 0.46 to 2.2 s instead of 8.1 to
--   8.5 s).
-- - A correction of up to 10,000 rows is noted with the ids it changed, beside their range, so that the index reads
--   those rows again and not every row between the first and the last: people corrected across years of loads, or
--   two organizations far apart, spanned most of their table (at 10 million, 2,049,975 people read again in 7.4 s for
--   two organizations; 10,000 participations spread over all ids 10.2 s). A larger correction keeps the range alone.
ALTER TABLE fact_change ADD COLUMN ids bigint[];
ALTER TABLE fact_change ADD CONSTRAINT fact_change_corrected_ids
    CHECK (ids IS NULL OR updated IS NOT NULL AND cardinality(ids) = updated);

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
    IF NOT moved AND changed BETWEEN 1 AND 10000 THEN
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
--rollback ALTER TABLE fact_change DROP COLUMN ids;
--rollback DO $$
--rollback BEGIN
--rollback     EXECUTE format('SET LOCAL search_path = %I, pg_temp', current_schema());
--rollback END
--rollback $$;
--rollback UPDATE fact_change SET first_id = NULL, last_id = NULL, updated = NULL
--rollback WHERE updated IS NOT NULL AND table_name = 'organization';
--rollback CREATE OR REPLACE FUNCTION note_updated() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
--rollback DECLARE
--rollback     -- the columns that place a row among the index's rows, beside its id
--rollback     places text[] := CASE TG_TABLE_NAME WHEN 'participation' THEN ARRAY['activity_id', 'participant_id'] END;
--rollback     moved boolean;
--rollback     first bigint;
--rollback     last bigint;
--rollback     changed integer;
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
--rollback     IF moved OR changed > 0 AND TG_TABLE_NAME NOT IN ('participant', 'activity', 'participation') THEN
--rollback         INSERT INTO fact_change (table_name) VALUES (TG_TABLE_NAME);
--rollback     ELSIF changed > 0 THEN
--rollback         INSERT INTO fact_change (table_name, first_id, last_id, updated) VALUES (TG_TABLE_NAME, first, last, changed);
--rollback     END IF;
--rollback     RETURN NULL;
--rollback END;
--rollback $$;
