-- Items per status in a period and in the period before it, judged at the same date.
-- $previous is NULL when the period is the first of its year (a new year brings a new
-- list of targets, so there is nothing to compare with): previous_items is then NULL.
WITH statuses(status, sort_order) AS (
    VALUES ('achieved', 1), ('on_track', 2), ('awaiting_evidence', 3), ('behind', 4),
           ('awaiting_completion', 5), ('red', 6), ('overdue_report', 7), ('no_data', 8)
),
now_counts AS (
    SELECT status, count(*) AS items
    FROM nq57_gaps_for($period, $as_of, $item_type, $units, $group)
    GROUP BY status
),
before_counts AS (
    SELECT status, count(*) AS items
    FROM nq57_gaps_for($previous, $as_of, $item_type, $units, $group)
    GROUP BY status
)
SELECT
    s.status,
    coalesce(n.items, 0) AS items,
    CASE WHEN $previous IS NOT NULL THEN coalesce(b.items, 0) END AS previous_items,
    CAST($previous AS VARCHAR) AS previous_period
FROM statuses s
LEFT JOIN now_counts n ON n.status = s.status
LEFT JOIN before_counts b ON b.status = s.status
ORDER BY s.sort_order;
