--liquibase formatted sql

--changeset kvali:042-change-notes-pruned splitStatements:false rollbackSplitStatements:false
-- Change notes were kept for ever, and a deletion's note holds up to 30,000 ids. A report index catches up from the
-- note it saw last; when that note is gone it reads everything again, which is right but slow. So a note is deleted
-- only when a later note is more than a day old: an index that caught up at any time in the last day saw that later
-- note, or one after it, and still finds the note it saw last. An index idle for a day or more reads everything.
ALTER TABLE fact_change ADD COLUMN noted_at timestamptz NOT NULL DEFAULT now();

DO $$
BEGIN
    EXECUTE format('SET LOCAL search_path = %I, pg_temp', current_schema());
END
$$;

CREATE FUNCTION prune_fact_changes() RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$
    WITH pruned AS (
        DELETE FROM fact_change
        WHERE id < (SELECT max(id) FROM fact_change WHERE noted_at < now() - interval '1 day')
        RETURNING 1)
    SELECT count(*) FROM pruned;
$$;
REVOKE ALL ON FUNCTION prune_fact_changes() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION prune_fact_changes() TO kvali_app;
--rollback DROP FUNCTION prune_fact_changes();
--rollback ALTER TABLE fact_change DROP COLUMN noted_at;
