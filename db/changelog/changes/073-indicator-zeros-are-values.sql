--liquibase formatted sql

--changeset kvali:073-indicator-zeros-are-values
-- A reported 0 is a value, a count's too, as a level's is: only withdrawIndicatorValue withdraws. Before 061, a 0
-- withdrew the period it overlapped, and was read so since; so was a count's 0 (not a level's, nor a percentage's)
-- sent for a period not begun or outside its programme's or project's dates, which held none. Each such 0 that counts
-- now (its period's and group's newest) is marked withdrawn, which it meant, so that no two values of a group
-- overlap, a 0 holds dates as any value does, and a 0 is read alike everywhere.
WITH current_value AS (
    SELECT DISTINCT ON (indicator_id, period_key, dimension, dimension_value) id, indicator_id, period_key,
           period_start, period_end, value, withdrawn, dimension, dimension_value
    FROM indicator_value
    ORDER BY indicator_id, period_key, dimension, dimension_value, reported_at DESC, id DESC)
UPDATE indicator_value SET withdrawn = true
WHERE id IN (SELECT z.id FROM current_value z
             JOIN indicator i ON i.id = z.indicator_id
             JOIN programme pg ON pg.id = i.programme_id
             LEFT JOIN project pj ON pj.id = i.project_id
             WHERE z.value = 0 AND NOT z.withdrawn
               AND (EXISTS (SELECT 1 FROM current_value o
                            WHERE o.indicator_id = z.indicator_id AND o.period_key <> z.period_key
                              AND o.dimension IS NOT DISTINCT FROM z.dimension
                              AND o.dimension_value IS NOT DISTINCT FROM z.dimension_value
                              AND NOT o.withdrawn AND o.period_start <= z.period_end
                              AND o.period_end >= z.period_start)
                    OR i.unit = 'NUMBER' AND NOT i.latest_value
                       AND (z.period_start > current_date
                            OR z.period_end < pg.start_date OR z.period_start > pg.end_date
                            OR z.period_end < pj.start_date OR z.period_start > pj.end_date)));
--rollback SELECT 1;
