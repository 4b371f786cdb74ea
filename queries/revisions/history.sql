-- Every revision of one item (by one reporting unit, or by all when $unit is NULL),
-- newest first, with whether it is the current value.
WITH cur AS (SELECT id FROM current_actuals WHERE item_code = $item)
SELECT a.id, a.item_code, a.unit_code, a.period_code, a.value, a.note, a.evidence,
       a.upload_id, u.file_name, u.source, a.recorded_at, a.recorded_by,
       r.upload_id IS NOT NULL AS revoked, r.revoked_by, r.revoked_at,
       a.id IN (SELECT id FROM cur) AS is_current,
       nq57_estimate(a.recorded_at, p.end_date) AS estimate
FROM actuals a
JOIN uploads u ON u.id = a.upload_id
LEFT JOIN periods p ON p.code = a.period_code
LEFT JOIN upload_revocations r ON r.upload_id = a.upload_id
WHERE a.item_code = $item
  AND ($unit IS NULL OR a.unit_code = $unit)
ORDER BY a.period_code DESC, a.id DESC;
