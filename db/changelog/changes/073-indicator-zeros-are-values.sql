--liquibase formatted sql

--changeset kvali:073-indicator-zeros-are-values
-- A reported 0 is a value, a count's too, as a level's is: only withdrawIndicatorValue withdraws. Before 061, a 0
-- withdrew the period it overlapped, and was read so since; each such 0 that counts now (its period's and group's
-- newest, overlapping another that counts) is marked withdrawn, which it meant, so that no two values of a group
-- overlap and a 0 is read alike everywhere.
WITH current_value AS (
    SELECT DISTINCT ON (indicator_id, period_key, dimension, dimension_value) id, indicator_id, period_key,
           period_start, period_end, value, withdrawn, dimension, dimension_value
    FROM indicator_value
    ORDER BY indicator_id, period_key, dimension, dimension_value, reported_at DESC, id DESC)
UPDATE indicator_value SET withdrawn = true
WHERE id IN (SELECT z.id FROM current_value z
             WHERE z.value = 0 AND NOT z.withdrawn
               AND EXISTS (SELECT 1 FROM current_value o
                           WHERE o.indicator_id = z.indicator_id AND o.period_key <> z.period_key
                             AND o.dimension IS NOT DISTINCT FROM z.dimension
                             AND o.dimension_value IS NOT DISTINCT FROM z.dimension_value
                             AND NOT o.withdrawn AND o.period_start <= z.period_end
                             AND o.period_end >= z.period_start));
--rollback SELECT 1;
