-- Upload log, newest first, optionally for one unit and/or period.
SELECT u.*, r.revoked_by, r.revoked_at, r.reason AS revoke_reason,
       r.upload_id IS NOT NULL AS revoked
FROM uploads u LEFT JOIN upload_revocations r ON r.upload_id = u.id
WHERE ($unit IS NULL OR u.unit_code = $unit)
  AND ($period IS NULL OR u.period_code = $period)
ORDER BY u.id DESC;
