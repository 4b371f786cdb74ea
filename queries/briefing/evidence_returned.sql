-- Items of the period whose evidence keeps them from counting, narrowed like every
-- page: sent back to the unit ('returned', "Chờ hoàn thiện", with the reviewer's
-- words) or reported achieved without evidence ('missing', "Chờ minh chứng").
-- Evidence rejected as of insufficient quality is red and listed among the red items.
WITH rows AS (
    SELECT * FROM nq57_gaps_for($period, $as_of, 'target', $units, $group)
    UNION ALL BY NAME
    SELECT * FROM nq57_gaps_for($period, $as_of, 'task', $units, NULL)
    WHERE $group IS NULL
)
SELECT
    r.item_type,
    r.code,
    r.name,
    r.reporting_unit                                                  AS unit,
    u.name                                                            AS unit_name,
    CASE r.status WHEN 'awaiting_completion' THEN 'returned' ELSE 'missing' END AS state,
    CASE WHEN r.status = 'awaiting_completion' THEN r.review_reason END AS review_note,
    CASE WHEN r.status = 'awaiting_completion' THEN r.reviewed_at END   AS reviewed_at
FROM rows r
LEFT JOIN units u ON u.code = r.reporting_unit
WHERE r.status IN ('awaiting_completion', 'awaiting_evidence') AND NOT r.is_parent
ORDER BY r.item_type DESC, r.sort_key;
