INSERT INTO upload_revocations (upload_id, revoked_by, revoked_at, reason)
VALUES ($upload_id, $revoked_by, $revoked_at, $reason);
