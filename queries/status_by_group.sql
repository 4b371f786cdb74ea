-- Items per target group (or task section) and status: the plan's numbered items,
-- each once (a parent task, not its parts).
SELECT g.group_code, g.group_order, count(*) AS items, g.status
FROM nq57_gaps_for($period, $as_of, $item_type, $units, $group) g
WHERE g.plan_item
GROUP BY ALL
ORDER BY g.group_order, g.status;
