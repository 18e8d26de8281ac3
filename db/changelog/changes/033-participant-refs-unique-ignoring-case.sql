--liquibase formatted sql

--changeset kvali:033-participant-refs-unique-ignoring-case splitStatements:false
-- A person's reference written in another case (p0001 beside P0001) made a second person, who was then counted
-- twice. References are now unique ignoring case, as codes are since changeset 032. The index on lower(ref) takes
-- the place of the unique index on ref rather than joining it, so loads maintain one index on the reference as
-- before, and every look-up by reference goes through it ignoring case. A database that holds such references already
-- stops here, naming them.
DO $$
DECLARE
    clashes text;
BEGIN
    SELECT string_agg(refs, '; ') INTO clashes FROM (
        SELECT string_agg(ref, ' and ' ORDER BY ref) AS refs FROM participant GROUP BY lower(ref) HAVING count(*) > 1
        ORDER BY 1 LIMIT 20) c;
    IF clashes IS NOT NULL THEN
        RAISE EXCEPTION 'Participant references that differ only in case: %. Each is one person entered twice: move the second''s participations to the first and delete it, then start again', clashes;
    END IF;
END
$$;
CREATE UNIQUE INDEX participant_ref_any_case ON participant (lower(ref));
ALTER TABLE participant DROP CONSTRAINT participant_ref_key;
--rollback ALTER TABLE participant ADD CONSTRAINT participant_ref_key UNIQUE (ref); DROP INDEX participant_ref_any_case;
