-- Items per status in a period and in the period before it, judged at the same date;
-- every official status of the list (labels.STATUS_LIST, in its order), counting the plan's
-- numbered items once (a parent task, not its parts). $previous is NULL when the
-- period is the first of its year (a new year brings a new list of targets, so there
-- is nothing to compare with): previous_items is then NULL.
WITH now_counts AS (
    SELECT status, count(*) AS items
    FROM nq57_gaps_for($period, $as_of, $item_type, $units, $group)
    WHERE plan_item
    GROUP BY status
),
before_counts AS (
    SELECT status, count(*) AS items
    FROM nq57_gaps_for($previous, $as_of, $item_type, $units, $group)
    WHERE plan_item
    GROUP BY status
)
SELECT
    s.code AS status,
    coalesce(n.items, 0) AS items,
    CASE WHEN $previous IS NOT NULL THEN coalesce(b.items, 0) END AS previous_items,
    CAST($previous AS VARCHAR) AS previous_period
FROM main.statuses s
LEFT JOIN now_counts n ON n.status = s.code
LEFT JOIN before_counts b ON b.status = s.code
WHERE NOT s.verified_only
ORDER BY s.sort_order;
