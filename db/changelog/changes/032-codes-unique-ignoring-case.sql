--liquibase formatted sql

--changeset kvali:032-codes-unique-ignoring-case splitStatements:false
-- Codes that differ only in case name one thing: a sheet or a mutation writing cif beside CIF, or
-- trn-2024-bakuriani beside TRN-2024-BAKURIANI, made a second organization or activity, and the activity's people
-- were counted at both. Each table's codes are now unique ignoring case (the index also finds a code written in
-- another case, for the import's checks). A database that holds such codes already stops here, naming them.
DO $$
DECLARE
    clashes text;
BEGIN
    SELECT string_agg(t || ' ' || codes, '; ') INTO clashes FROM (
        SELECT 'programme' AS t, string_agg(code, ' and ' ORDER BY code) AS codes FROM programme GROUP BY lower(code) HAVING count(*) > 1
        UNION ALL SELECT 'project', string_agg(code, ' and ' ORDER BY code) FROM project GROUP BY lower(code) HAVING count(*) > 1
        UNION ALL SELECT 'organization', string_agg(code, ' and ' ORDER BY code) FROM organization GROUP BY lower(code) HAVING count(*) > 1
        UNION ALL SELECT 'activity', string_agg(code, ' and ' ORDER BY code) FROM activity GROUP BY lower(code) HAVING count(*) > 1
        UNION ALL SELECT 'indicator', string_agg(code, ' and ' ORDER BY code) FROM indicator GROUP BY lower(code) HAVING count(*) > 1) c;
    IF clashes IS NOT NULL THEN
        RAISE EXCEPTION 'Codes that differ only in case: %. Give all but one of each another code, then start again', clashes;
    END IF;
END
$$;
CREATE UNIQUE INDEX programme_code_any_case ON programme (lower(code));
CREATE UNIQUE INDEX project_code_any_case ON project (lower(code));
CREATE UNIQUE INDEX organization_code_any_case ON organization (lower(code));
CREATE UNIQUE INDEX activity_code_any_case ON activity (lower(code));
CREATE UNIQUE INDEX indicator_code_any_case ON indicator (lower(code));
--rollback DROP INDEX indicator_code_any_case; DROP INDEX activity_code_any_case; DROP INDEX organization_code_any_case; DROP INDEX project_code_any_case; DROP INDEX programme_code_any_case;
