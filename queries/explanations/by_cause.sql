-- Explanations in force for a period counted by cause: how many items, how many units,
-- how many of those items are still behind or red, and how many ask for support.
SELECT
    cause,
    count(*)                                                     AS items,
    count(DISTINCT reporting_unit)                               AS units,
    count(*) FILTER (WHERE status IN ('behind', 'red'))          AS still_behind,
    count(*) FILTER (WHERE status = 'red')                       AS red,
    count(support_requested)                                     AS support_requests
FROM nq57_items_explained($period, $as_of, $units, $group)
WHERE explanation_id IS NOT NULL
GROUP BY cause
ORDER BY items DESC, cause;
