-- Items per target group (or task section) and status.
SELECT g.group_code, g.group_order, count(*) AS items, g.status
FROM nq57_gaps_for($period, $as_of, $item_type, $units, $group) g
GROUP BY ALL
ORDER BY g.group_order, g.status;
