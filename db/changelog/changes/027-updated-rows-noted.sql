--liquibase formatted sql

--changeset kvali:027-updated-rows-noted splitStatements:false rollbackSplitStatements:false
-- A correction of participants or activities (an update changing a column the report index reads, every row keeping
-- its id) is noted with the range and number of the ids it changed, so that the index reads those rows again instead
-- of everything. Their rows in the index depend on nothing else that changes unnoted. An organization's row is read
-- into its people's region too, and the index does not know where a participation is among its rows: their updates
-- are still noted without ids.
ALTER TABLE fact_change ADD COLUMN updated integer;
ALTER TABLE fact_change DROP CONSTRAINT fact_change_check;
ALTER TABLE fact_change ADD CONSTRAINT fact_change_ids CHECK ((first_id IS NULL) = (last_id IS NULL)
    AND (first_id IS NULL) = (coalesce(inserted, updated) IS NULL) AND (inserted IS NULL OR updated IS NULL));

DO $$
BEGIN
    EXECUTE format('SET LOCAL search_path = %I, pg_temp', current_schema());
END
$$;

-- The old and new rows are matched by a full join, which PostgreSQL runs as a hash or merge join: the plan of a query
-- in a trigger function is kept for the session, and a nested loop planned for a one-row update compared every pair
-- of rows of a later 10,000-row update (24 s instead of 1.3 s). The query is built for the columns named and run by
-- EXECUTE, planned for each statement; comparing the columns themselves instead of each row turned into JSON took
-- 0.66 s instead of 3.7 to 4.9 s for 50,000 people.
CREATE OR REPLACE FUNCTION note_updated() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    moved boolean;
    first bigint;
    last bigint;
    changed integer;
BEGIN
    IF EXISTS (SELECT 1 FROM unnest(TG_ARGV) c WHERE NOT EXISTS (SELECT 1 FROM pg_attribute a
               WHERE a.attrelid = TG_RELID AND a.attname = c AND a.attnum > 0 AND NOT a.attisdropped)) THEN
        RAISE EXCEPTION 'The update trigger of % names a column the table does not have', TG_TABLE_NAME;
    END IF;
    EXECUTE format('SELECT coalesce(bool_or(o.id IS NULL OR n.id IS NULL), false), min(n.id) FILTER (WHERE d.changed),
                           max(n.id) FILTER (WHERE d.changed), count(*) FILTER (WHERE d.changed)
                    FROM old_rows o FULL JOIN changed_rows n ON n.id = o.id
                    CROSS JOIN LATERAL (SELECT (%s) IS DISTINCT FROM (%s) AS changed) d',
                   (SELECT string_agg(format('o.%I', c), ', ') FROM unnest(TG_ARGV) c),
                   (SELECT string_agg(format('n.%I', c), ', ') FROM unnest(TG_ARGV) c))
        INTO moved, first, last, changed;
    IF moved OR changed > 0 AND TG_TABLE_NAME NOT IN ('participant', 'activity') THEN
        INSERT INTO fact_change (table_name) VALUES (TG_TABLE_NAME);
    ELSIF changed > 0 THEN
        INSERT INTO fact_change (table_name, first_id, last_id, updated) VALUES (TG_TABLE_NAME, first, last, changed);
    END IF;
    RETURN NULL;
END;
$$;

-- The same for a partner's corrections of people (changeset 025): ids do not change (a trigger refuses it), so the
-- full join matches the same rows as the inner join did.
CREATE OR REPLACE FUNCTION participant_corrected() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    refused text;
BEGIN
    IF kvali_scope() <> 'PARTNER' THEN
        RETURN NULL;
    END IF;
    SELECT coalesce(o.ref, n.ref) INTO refused FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
    WHERE (n.ref, n.gender) IS DISTINCT FROM (o.ref, o.gender) LIMIT 1;
    IF refused IS NOT NULL THEN
        RAISE insufficient_privilege USING MESSAGE = 'A partner does not change the reference or gender of participant '
            || refused;
    END IF;
    SELECT n.ref INTO refused FROM new_rows n
    JOIN participation pn ON pn.participant_id = n.id JOIN activity a ON a.id = pn.activity_id
    WHERE a.project_id NOT IN (SELECT kvali_own_projects()) LIMIT 1;
    IF refused IS NOT NULL THEN
        RAISE insufficient_privilege USING MESSAGE = 'Participant ' || refused
            || ' took part in another organization''s project; only an admin corrects them';
    END IF;
    RETURN NULL;
END;
$$;
--rollback DO $$
--rollback BEGIN
--rollback     EXECUTE format('SET LOCAL search_path = %I, pg_temp', current_schema());
--rollback END
--rollback $$;
--rollback CREATE OR REPLACE FUNCTION participant_corrected() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
--rollback DECLARE
--rollback     refused text;
--rollback BEGIN
--rollback     IF kvali_scope() <> 'PARTNER' THEN
--rollback         RETURN NULL;
--rollback     END IF;
--rollback     SELECT o.ref INTO refused FROM new_rows n JOIN old_rows o ON o.id = n.id
--rollback     WHERE (n.ref, n.gender) IS DISTINCT FROM (o.ref, o.gender) LIMIT 1;
--rollback     IF refused IS NOT NULL THEN
--rollback         RAISE insufficient_privilege USING MESSAGE = 'A partner does not change the reference or gender of participant '
--rollback             || refused;
--rollback     END IF;
--rollback     SELECT n.ref INTO refused FROM new_rows n
--rollback     JOIN participation pn ON pn.participant_id = n.id JOIN activity a ON a.id = pn.activity_id
--rollback     WHERE a.project_id NOT IN (SELECT kvali_own_projects()) LIMIT 1;
--rollback     IF refused IS NOT NULL THEN
--rollback         RAISE insufficient_privilege USING MESSAGE = 'Participant ' || refused
--rollback             || ' took part in another organization''s project; only an admin corrects them';
--rollback     END IF;
--rollback     RETURN NULL;
--rollback END;
--rollback $$;
--rollback UPDATE fact_change SET first_id = NULL, last_id = NULL, updated = NULL WHERE updated IS NOT NULL;
--rollback CREATE OR REPLACE FUNCTION note_updated() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
--rollback BEGIN
--rollback     IF EXISTS (SELECT 1 FROM unnest(TG_ARGV) c WHERE NOT EXISTS (SELECT 1 FROM pg_attribute a
--rollback                WHERE a.attrelid = TG_RELID AND a.attname = c AND a.attnum > 0 AND NOT a.attisdropped)) THEN
--rollback         RAISE EXCEPTION 'The update trigger of % names a column the table does not have', TG_TABLE_NAME;
--rollback     END IF;
--rollback     IF EXISTS (SELECT 1 FROM old_rows o FULL JOIN changed_rows n ON n.id = o.id
--rollback                WHERE o.id IS NULL OR n.id IS NULL
--rollback                   OR EXISTS (SELECT 1 FROM unnest(TG_ARGV) c
--rollback                              WHERE to_jsonb(o) -> c IS DISTINCT FROM to_jsonb(n) -> c)) THEN
--rollback         INSERT INTO fact_change (table_name) VALUES (TG_TABLE_NAME);
--rollback     END IF;
--rollback     RETURN NULL;
--rollback END;
--rollback $$;
--rollback ALTER TABLE fact_change DROP CONSTRAINT fact_change_ids;
--rollback ALTER TABLE fact_change ADD CONSTRAINT fact_change_check CHECK ((first_id IS NULL) = (last_id IS NULL) AND (first_id IS NULL) = (inserted IS NULL));
--rollback ALTER TABLE fact_change DROP COLUMN updated;
