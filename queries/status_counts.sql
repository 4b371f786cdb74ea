-- How many items have each status (statuses with no item are listed with 0).
WITH statuses(status) AS (
    VALUES ('achieved'), ('on_track'), ('behind'), ('red'), ('overdue_report'), ('no_data')
)
SELECT s.status, count(g.code) AS items
FROM statuses s
LEFT JOIN nq57_gaps_for($period, $as_of, $item_type, $units, $group) g ON g.status = s.status
GROUP BY s.status;
