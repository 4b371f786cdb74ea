-- Every explanation of one item (by one unit, or by all when $unit is NULL), newest
-- first: which value it explained, and whether it is the one in force now.
WITH in_force AS (SELECT id FROM nq57_current_explanations(NULL) WHERE item_code = $item)
SELECT
    e.id,
    e.item_code,
    e.unit_code,
    e.period_code,
    e.upload_id,
    e.status,
    e.cause,
    e.explanation,
    e.support_requested,
    e.recorded_at,
    e.recorded_by,
    r.upload_id IS NOT NULL           AS revoked,
    e.id IN (SELECT id FROM in_force) AS in_force
FROM explanations e
LEFT JOIN upload_revocations r ON r.upload_id = e.upload_id
WHERE e.item_code = $item
  AND ($unit IS NULL OR e.unit_code = $unit)
ORDER BY e.period_code DESC, e.id DESC;
