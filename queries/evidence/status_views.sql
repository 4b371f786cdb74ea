-- Items per status three ways — as reported by the units, official (after the
-- evidence rules), as verified (only accepted evidence counts) — for one view.
-- $statuses lists the statuses in their order (labels.VERIFIED_STATUSES).
WITH g AS (
    SELECT reported_status, status, verified_status
    FROM nq57_gaps_for($period, $as_of, $item_type, $units, $group)
    WHERE plan_item  -- the plan's numbered items, each once (a parent, not its parts)
),
statuses AS (
    SELECT unnest($statuses) AS status, generate_subscripts($statuses, 1) AS sort_order
)
SELECT
    s.status,
    count(*) FILTER (WHERE g.reported_status = s.status) AS reported,
    count(*) FILTER (WHERE g.status = s.status)          AS official,
    count(*) FILTER (WHERE g.verified_status = s.status) AS verified
FROM statuses s
LEFT JOIN g ON TRUE
GROUP BY s.status, s.sort_order
ORDER BY s.sort_order;
