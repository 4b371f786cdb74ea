SELECT u.*, r.revoked_by, r.revoked_at, r.reason AS revoke_reason,
       r.upload_id IS NOT NULL AS revoked
FROM uploads u LEFT JOIN upload_revocations r ON r.upload_id = u.id
WHERE u.id = $upload_id;
