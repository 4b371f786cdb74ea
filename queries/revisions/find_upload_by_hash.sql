-- An earlier, still valid upload of exactly the same file for the same unit and period.
SELECT u.id, u.file_name, u.uploaded_by, u.uploaded_at
FROM uploads u
ANTI JOIN upload_revocations r ON r.upload_id = u.id
WHERE u.sha256 = $sha256 AND u.unit_code = $unit AND u.period_code = $period
ORDER BY u.id DESC
LIMIT 1;
